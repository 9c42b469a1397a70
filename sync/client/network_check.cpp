#include "sync/client/network_check.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace dc::sync {
namespace {

using Kind = CheckStep::Kind;
using Verdict = CheckStep::Verdict;

struct Target {
    std::string scheme, host, port;
};

bool parseUrl(const std::string& url, Target& out) {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
    if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return false;
    auto part = [&](CURLUPart which, std::string& into, unsigned flags = 0) {
        char* text = nullptr;
        if (curl_url_get(u.get(), which, &text, flags) != CURLUE_OK) return false;
        into = text;
        curl_free(text);
        return true;
    };
    if (!part(CURLUPART_SCHEME, out.scheme) || !part(CURLUPART_HOST, out.host) ||
        !part(CURLUPART_PORT, out.port, CURLU_DEFAULT_PORT))
        return false;
    if (out.host.size() > 2 && out.host.front() == '[') out.host = out.host.substr(1, out.host.size() - 2);
    return out.scheme == "https" || out.scheme == "http";
}

std::string addressText(const sockaddr* sa) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = sa->sa_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(sa)->sin_addr)
                                               : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr);
    inet_ntop(sa->sa_family, raw, text, sizeof text);
    return text;
}

// Connects without blocking longer than the step's time; "" when it worked, else why not.
std::string tcpConnect(const addrinfo* ai, std::chrono::milliseconds timeout) {
    const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) return std::strerror(errno);
    std::string why;
    if (::connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        if (errno != EINPROGRESS) {
            why = std::strerror(errno);
        } else {
            pollfd p{fd, POLLOUT, 0};
            const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
            int error = 0;
            socklen_t length = sizeof error;
            if (ready == 0)
                why = "no answer within " + std::to_string(timeout.count() / 1000) + " s (blocked?)";
            else if (ready < 0)
                why = std::strerror(errno);
            else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0)
                why = std::strerror(error ? error : errno);
        }
    }
    ::close(fd);
    return why;
}

size_t discard(char*, size_t size, size_t n, void*) { return size * n; }

}  // namespace

std::string curlVersion() { return curl_version(); }

std::vector<CheckStep> checkServerReachable(const std::string& serverUrl, const CheckOptions& options) {
    std::vector<CheckStep> steps;
    if (serverUrl.empty()) return steps;
    Target target;
    const bool parsed = parseUrl(serverUrl, target);
    steps.push_back({Kind::Dns, Verdict::NotTried, {}});
    steps.push_back({Kind::Tcp, Verdict::NotTried, {}});
    if (!parsed || target.scheme == "https") steps.push_back({Kind::Tls, Verdict::NotTried, {}});
    steps.push_back({Kind::Http, Verdict::NotTried, {}});
    if (!parsed) {
        steps[0] = {Kind::Dns, Verdict::Fails, "the server address is not a valid http(s) URL"};
        return steps;
    }

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int rc = ::getaddrinfo(target.host.c_str(), target.port.c_str(), &hints, &found); rc != 0 || !found) {
        steps[0] = {Kind::Dns, Verdict::Fails, target.host + ": " + ::gai_strerror(rc)};
        return steps;
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, ::freeaddrinfo);
    steps[0] = {Kind::Dns, Verdict::Works, target.host + " = " + addressText(found->ai_addr)};

    if (auto why = tcpConnect(found, options.stepTimeout); !why.empty()) {
        steps[1] = {Kind::Tcp, Verdict::Fails, addressText(found->ai_addr) + " port " + target.port + ": " + why};
        return steps;
    }
    steps[1] = {Kind::Tcp, Verdict::Works, addressText(found->ai_addr) + " port " + target.port};

    auto easy = [&]() {
        CURL* c = curl_easy_init();
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.stepTimeout.count()));
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.stepTimeout.count()));
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
        if (!options.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options.caFile.c_str());
        return std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>(c, curl_easy_cleanup);
    };
    size_t http = steps.size() - 1;
    std::string base = serverUrl;
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (target.scheme == "https") {
        // Handshake only: the certificate is checked against the CA as sync checks it.
        auto c = easy();
        curl_easy_setopt(c.get(), CURLOPT_URL, base.c_str());
        curl_easy_setopt(c.get(), CURLOPT_CONNECT_ONLY, 1L);
        if (const CURLcode rc = curl_easy_perform(c.get()); rc != CURLE_OK) {
            steps[2] = {Kind::Tls, Verdict::Fails, curl_easy_strerror(rc)};
            return steps;
        }
        steps[2] = {Kind::Tls, Verdict::Works, "certificate verified"};
    }
    auto c = easy();
    const std::string health = base + "/v1/health";
    curl_easy_setopt(c.get(), CURLOPT_URL, health.c_str());
    const auto start = std::chrono::steady_clock::now();
    if (const CURLcode rc = curl_easy_perform(c.get()); rc != CURLE_OK) {
        steps[http] = {Kind::Http, Verdict::Fails, curl_easy_strerror(rc)};
        return steps;
    }
    long status = 0;
    curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &status);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    const std::string detail = "HTTP " + std::to_string(status) + " in " + std::to_string(ms) + " ms";
    steps[http] = {Kind::Http, status == 200 ? Verdict::Works : Verdict::Fails,
                   status == 200 ? detail : detail + ": not the kiosk server's answer"};
    return steps;
}

}  // namespace dc::sync
