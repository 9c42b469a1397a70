// The libcurl transport: one easy handle reused (keep-alive), peer and host always verified.
#include <curl/curl.h>

#include <mutex>

#include "sync/client/http_transport.hpp"

namespace dc::sync {
namespace {

std::once_flag g_curlInit;

struct Received {
    HttpResult result;
    size_t limit = 0;
    bool tooBig = false;
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* r = static_cast<Received*>(user);
    const size_t n = size * count;
    if (r->result.body.size() + n > r->limit) {
        r->tooBig = true;
        return 0;  // aborts the transfer
    }
    r->result.body.append(data, n);
    return n;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* r = static_cast<Received*>(user);
    const size_t n = size * count;
    std::string line(data, n);
    if (line.starts_with("HTTP/")) r->result.headers.clear();  // a new response (after 100 Continue)
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        const size_t b = value.find_first_not_of(" \t"), e = value.find_last_not_of(" \t\r\n");
        r->result.headers[name] = b == std::string::npos ? std::string() : value.substr(b, e - b + 1);
    }
    return n;
}

// Plain words for the log and the clerk's screen.
Error classify(CURLcode rc, const char* detail) {
    const std::string more = detail && *detail ? std::string(" (") + detail + ")" : std::string();
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY: return Error(ErrorCode::Transient, "the server's name could not be found" + more);
        case CURLE_COULDNT_CONNECT: return Error(ErrorCode::Transient, "the server could not be reached" + more);
        case CURLE_OPERATION_TIMEDOUT: return Error(ErrorCode::Transient, "the server took too long to answer" + more);
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING: return Error(ErrorCode::Transient, "the connection broke off" + more);
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
            return Error(ErrorCode::Refused,
                         "the server's certificate is not trusted; a technician must check the "
                         "server address and the CA file" +
                             more);
        default: return Error(ErrorCode::Transient, std::string("network error: ") + curl_easy_strerror(rc) + more);
    }
}

class CurlTransport final : public HttpTransport {
public:
    explicit CurlTransport(CurlOptions options) : m_options(std::move(options)) {
        std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        m_curl = curl_easy_init();
    }
    ~CurlTransport() override { curl_easy_cleanup(m_curl); }

    Expected<HttpResult> send(const HttpCall& call) override {
        if (!m_curl) return fail(ErrorCode::Internal, "libcurl could not start");
        CURL* c = m_curl;
        curl_easy_reset(c);  // keeps the connection cache: the next call reuses the socket
        Received received;
        received.limit = m_options.maxResponseBytes;
        char detail[CURL_ERROR_SIZE] = {0};
        curl_easy_setopt(c, CURLOPT_URL, call.url.c_str());
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!m_options.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, m_options.caFile.c_str());
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(m_options.connectTimeout.count()));
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(m_options.stallTimeout.count()));
        curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(m_options.answerTimeout.count()));
        curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip/brotli when the server offers them
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &received);
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, &received);
        if (call.method == "POST" || call.method == "PUT") {
            // The body from memory; PUT rides on the same option with its own method name.
            curl_easy_setopt(c, CURLOPT_POST, 1L);
            curl_easy_setopt(c, CURLOPT_POSTFIELDS, call.body.data());
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body.size()));
            if (call.method == "PUT") curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
        } else if (call.method != "GET") {
            curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, call.method.c_str());
        }
        curl_slist* headers = curl_slist_append(nullptr, "Expect:");  // no 100-continue round trip
        for (const auto& [k, v] : call.headers) headers = curl_slist_append(headers, (k + ": " + v).c_str());
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
        const CURLcode rc = curl_easy_perform(c);
        curl_slist_free_all(headers);
        if (received.tooBig)
            return fail(ErrorCode::Transient,
                        "the server's answer is larger than " + std::to_string(m_options.maxResponseBytes) + " bytes");
        if (rc != CURLE_OK) return std::unexpected(classify(rc, detail));
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &received.result.status);
        return std::move(received.result);
    }

private:
    CurlOptions m_options;
    CURL* m_curl = nullptr;
};

}  // namespace

std::unique_ptr<HttpTransport> makeCurlTransport(const CurlOptions& options) { return std::make_unique<CurlTransport>(options); }

}  // namespace dc::sync
