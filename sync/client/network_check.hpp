#pragma once
// The technician's network check: the steps of reaching the office's server one at a time — name
// lookup, TCP connection, TLS handshake (https only), an HTTP answer from /v1/health — each with a
// plain verdict, so "the server cannot be reached" becomes "the name does not resolve" or "port
// 443 is blocked". Steps after the first failure are not tried. Blocks for at most a few seconds
// per step: run it off the UI thread.
#include <chrono>
#include <string>
#include <vector>

namespace dc::sync {

struct CheckStep {
    enum class Kind { Dns, Tcp, Tls, Http } kind = Kind::Dns;
    enum class Verdict { Works, Fails, NotTried } verdict = Verdict::NotTried;
    std::string detail;  // an address, an error in words, "HTTP 200 in 12 ms"
};

struct CheckOptions {
    std::string caFile;  // as for sync
    std::chrono::milliseconds stepTimeout{5000};
};

// libcurl's version and TLS library, for diagnostics: "libcurl/7.88.1 OpenSSL/3.0.11".
std::string curlVersion();

// Empty for an empty URL (an offline kiosk); a URL that cannot be parsed fails at the first step.
std::vector<CheckStep> checkServerReachable(const std::string& serverUrl, const CheckOptions& options = {});

}  // namespace dc::sync
