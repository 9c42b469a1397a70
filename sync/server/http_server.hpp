#pragma once
// The socket side of dc-server: GNU libmicrohttpd (event-driven, a pool of epoll threads), optional
// TLS, and the limits that keep one client from exhausting the server:
//   - memory: each connection's head in a fixed buffer (connectionMemory); a body is refused from
//     its Content-Length before it is read when over maxBodyBytes, and a body of unknown length
//     (chunked) is cut off the moment it passes it; all bodies being read share one budget;
//   - time: the request line and headers must arrive whole within headSeconds of the connection
//     opening (or of the last answer on a kept-alive one), the body within bodySeconds plus one
//     second per bodyMinBytesPerSecond: a deadline for the whole, not per byte, so a client that
//     dribbles a byte every few seconds is cut off however steady it is;
//   - connections: at most maxConnections in all and maxPerClient from one address.
// A slow client costs a socket and its small buffer, never a thread: the answers keep flowing.
// Why libmicrohttpd (Debian's libmicrohttpd-dev) and not cpp-httplib 0.11, which the server used
// before: see docs/ARCHITECTURE.md ("The HTTP front").
#include <functional>
#include <memory>
#include <string>

#include "common/error.hpp"
#include "sync/protocol/messages.hpp"
#include "sync/server/fault_plan.hpp"
#include "sync/server/http_api.hpp"

namespace dc::server {

struct FrontLimits {
    size_t maxConnections = 4000;
    size_t maxPerClient = 64;
    unsigned idleSeconds = 30;  // a connection silent this long is closed
    double headSeconds = 20;  // request line and headers, whole
    double bodySeconds = 30;  // the body, whole, ...
    size_t bodyMinBytesPerSecond = 4096;  // ... plus a second for each this many bytes
    size_t connectionMemory = 64 * 1024;  // per connection: the head and the read buffer
    size_t maxBodyBytes = sync::kMaxRequestBytes;  // one request's body
    size_t bodyBudgetBytes = 96 * 1024 * 1024;  // all bodies being read at once
};

using Handler = std::function<HttpResponse(const HttpRequest&)>;

// One listening socket and its threads. Stops (and joins them) when destroyed.
class HttpFront {
public:
    struct Options {
        std::string name = "api";  // in log lines
        std::string host = "127.0.0.1";
        int port = 0;  // 0: any free port (see port())
        std::string tlsCertPem, tlsKeyPem;  // both set: HTTPS (the PEM text, not file names)
        size_t threads = 4;
        bool quiet = false;
        FrontLimits limits;
        FaultPlan* faults = nullptr;  // tests and drills only
    };
    static Expected<std::unique_ptr<HttpFront>> start(Options options, Handler handler);
    ~HttpFront();
    HttpFront(const HttpFront&) = delete;
    HttpFront& operator=(const HttpFront&) = delete;

    int port() const;
    struct Impl;

private:
    explicit HttpFront(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8787;  // 0: any free port (written to portFile)
    std::string portFile;
    std::string tlsCert, tlsKey;  // both set: HTTPS (file names)
    size_t threads = 8;
    bool quiet = false;
    FrontLimits limits;
    // The office console's listener (its own address, so kiosks' API and staff pages can be
    // exposed differently); empty host: none.
    std::string officeHost;
    int officePort = 0;
    std::string officePortFile;
};

// Serves the kiosks' API (and the office console when `office` is set) until SIGINT/SIGTERM.
// Returns the process exit code.
int serve(Api& api, FaultPlan& faults, const ServeOptions& options, Handler office = {});

}  // namespace dc::server
