#pragma once
// What the sync client needs from HTTP, so tests can put a scripted transport in its place and
// the real one (libcurl) stays in one file.
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace dc::sync {

struct HttpCall {
    std::string method;  // "GET", "POST"
    std::string url;  // absolute
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct HttpResult {
    long status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    std::string header(const std::string& lowerName) const {
        const auto it = headers.find(lowerName);
        return it == headers.end() ? std::string() : it->second;
    }
};

// A failure to get any complete answer is an Error: Transient for the network (unreachable,
// reset, timed out, truncated), Refused for what retrying cannot fix by itself (the server's
// certificate is not trusted). Any complete answer, whatever its status, is a HttpResult.
class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    virtual Expected<HttpResult> send(const HttpCall& call) = 0;
};

struct CurlOptions {
    std::string caFile;  // a private CA (PEM); empty: the system's CAs. Certificates are always verified.
    std::chrono::seconds connectTimeout{10};
    // A transfer slower than 1 byte/s for this long is cut (a total timeout would cut slow links).
    std::chrono::seconds stallTimeout{30};
    // A server that takes the request and then says nothing for this long is given up on.
    std::chrono::seconds answerTimeout{120};
    size_t maxResponseBytes = 64 * 1024 * 1024;
};
std::unique_ptr<HttpTransport> makeCurlTransport(const CurlOptions& options);

}  // namespace dc::sync
