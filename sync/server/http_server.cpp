// The only file that includes microhttpd.h: everything else sees http_api.hpp.
#include "sync/server/http_server.hpp"

#include "common/log.hpp"
#include "sync/server/request_metrics.hpp"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "sync/protocol/messages.hpp"

namespace dc::server {
namespace {

using Clock = std::chrono::steady_clock;

Clock::time_point after(double seconds) {
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

std::string routeOf(const std::string& path) {
    for (const char* r : {"push", "pull", "heartbeat", "enroll", "report", "status"})
        if (path == std::string("/v1/") + r) return r;
    if (path.starts_with("/v1/attachments/")) return "attachment";
    return "other";
}

// One TCP connection: when it must have sent what it owes, for the reaper.
struct Connection {
    int fd = -1;
    Clock::time_point deadline;
    bool answering = false;  // the request is whole: the answer is ours to send, no deadline
    bool cut = false;
};

// One HTTP request on a connection, from its request line to its answer.
struct Pending {
    std::string target;  // path and query exactly as sent: what a signature covers
    std::string body;
    bool headSeen = false;
    bool refused = false;  // an answer was queued before the body was read
    size_t reserved = 0;  // bytes of the shared body budget this request holds
    Clock::time_point bodyStarted;
};

std::string readText(const std::string& file, bool& ok) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    ok = static_cast<bool>(in) || in.eof();
    return s.str();
}

}  // namespace

struct HttpFront::Impl {
    Options options;
    Handler handler;
    MHD_Daemon* daemon = nullptr;
    int port = 0;

    std::atomic<size_t> bodyBytes{0};
    std::mutex mutex;  // guards connections
    std::unordered_set<Connection*> connections;
    std::condition_variable stopReaper;
    bool stopping = false;
    std::thread reaper;

    ~Impl() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        stopReaper.notify_all();
        if (reaper.joinable()) reaper.join();
        if (daemon) MHD_stop_daemon(daemon);
    }

    // Cuts off connections past their deadline: shutdown() makes libmicrohttpd see the end of
    // the stream and close it as it closes any other (the descriptor stays its own until then).
    void reap() {
        std::unique_lock lock(mutex);
        while (!stopping) {
            stopReaper.wait_for(lock, std::chrono::milliseconds(500));
            const auto now = Clock::now();
            for (Connection* c : connections)
                if (!c->answering && !c->cut && now > c->deadline) {
                    ::shutdown(c->fd, SHUT_RDWR);
                    c->cut = true;
                }
        }
    }

    Connection* connectionOf(MHD_Connection* c) {
        const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        return info ? static_cast<Connection*>(info->socket_context) : nullptr;
    }

    void setDeadline(MHD_Connection* c, Clock::time_point deadline, bool answering) {
        std::lock_guard lock(mutex);
        if (Connection* conn = connectionOf(c)) {
            conn->deadline = deadline;
            conn->answering = answering;
        }
    }

    void release(Pending& p) {
        bodyBytes -= p.reserved;
        p.reserved = 0;
    }

    static MHD_Result queue(MHD_Connection* c, const HttpResponse& out, bool close) {
        MHD_Response* r =
            MHD_create_response_from_buffer(out.body.size(), const_cast<char*>(out.body.data()), MHD_RESPMEM_MUST_COPY);
        if (!r) return MHD_NO;
        MHD_add_response_header(r, "Content-Type", out.contentType.c_str());
        for (const auto& [k, v] : out.headers) MHD_add_response_header(r, k.c_str(), v.c_str());
        if (close) MHD_add_response_header(r, "Connection", "close");
        const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(out.status), r);
        MHD_destroy_response(r);
        return ok;
    }

    HttpRequest requestOf(MHD_Connection* c, const char* method, const Pending& p) {
        HttpRequest r;
        r.method = method;
        r.target = p.target;
        r.path = p.target.substr(0, p.target.find('?'));
        MHD_get_connection_values(
            c, MHD_HEADER_KIND,
            [](void* cls, MHD_ValueKind, const char* key, const char* value) {
                std::string name = key;
                for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                static_cast<HttpRequest*>(cls)->headers.emplace(std::move(name), value ? value : "");
                return MHD_YES;
            },
            &r);
        MHD_get_connection_values(
            c, MHD_GET_ARGUMENT_KIND,
            [](void* cls, MHD_ValueKind, const char* key, const char* value) {
                static_cast<HttpRequest*>(cls)->query.emplace(key, value ? value : "");
                return MHD_YES;
            },
            &r);
        if (const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS)) {
            char host[INET6_ADDRSTRLEN] = {};
            const sockaddr* sa = info->client_addr;
            if (sa && sa->sa_family == AF_INET)
                inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, host, sizeof host);
            else if (sa && sa->sa_family == AF_INET6)
                inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, host, sizeof host);
            r.peer = host;
        }
        r.body = p.body;
        return r;
    }

    MHD_Result answer(MHD_Connection* c, const char* method, Pending& p) {
        const auto started = Clock::now();
        setDeadline(c, started, /*answering=*/true);
        HttpRequest request = requestOf(c, method, p);
        release(p);
        p.body.clear();
        p.body.shrink_to_fit();
        std::optional<Fault> fault;
        if (options.faults) fault = options.faults->take(routeOf(request.path));
        if (fault && fault->action == Fault::Action::Status) {
            HttpResponse e = errorResponse(fault->status, fault->status == 429 ? "rate_limited" : "unavailable",
                                           "the server is busy; try again later (injected fault)");
            if (fault->status == 429 || fault->arg > 0) e.headers.emplace_back("Retry-After", std::to_string(fault->arg));
            return queue(c, e, false);
        }
        if (fault && fault->action == Fault::Action::Slow) std::this_thread::sleep_for(std::chrono::milliseconds(fault->arg));

        // No request may take the server down: whatever a handler throws becomes a 500 for that request.
        HttpResponse out;
        try {
            out = handler(request);
        } catch (const std::exception& e) {
            logLine(options.name + " " + method + ": " + e.what());
            out = errorResponse(500, "internal", "the server could not answer this request");
        }
        observeRequest(options.name, std::chrono::duration<double>(Clock::now() - started).count());
        if (!options.quiet) {
            const auto ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
            char took[32];
            std::snprintf(took, sizeof took, "%.1f ms", ms);
            logLine(options.name + " " + method + " " + request.path.substr(0, 200) + " -> " + std::to_string(out.status) + " (" +
                    took + ")");
        }
        if (fault && fault->action == Fault::Action::Drop) return MHD_NO;  // the work is done; no answer
        if (fault && fault->action == Fault::Action::Truncate) {
            // Half of the answer, then the connection ends: the device never learns the outcome.
            struct Half {
                std::string body;
                size_t sendable;
            };
            auto* half = new Half{std::move(out.body), 0};
            half->sendable = half->body.size() / 2;
            MHD_Response* r = MHD_create_response_from_callback(
                half->body.size(), 64 * 1024,
                [](void* cls, uint64_t pos, char* buf, size_t max) -> ssize_t {
                    auto* h = static_cast<Half*>(cls);
                    if (pos >= h->sendable) return MHD_CONTENT_READER_END_WITH_ERROR;
                    const size_t n = std::min(max, h->sendable - static_cast<size_t>(pos));
                    std::memcpy(buf, h->body.data() + pos, n);
                    return static_cast<ssize_t>(n);
                },
                half, [](void* cls) { delete static_cast<Half*>(cls); });
            if (!r) return MHD_NO;
            MHD_add_response_header(r, "Content-Type", out.contentType.c_str());
            const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(out.status), r);
            MHD_destroy_response(r);
            return ok;
        }
        return queue(c, out, false);
    }

    MHD_Result onRequest(MHD_Connection* c, const char* method, const char* uploadData, size_t* uploadSize, void** context) {
        auto* p = static_cast<Pending*>(*context);
        if (!p) return MHD_NO;  // the URI callback makes one for every request
        const FrontLimits& l = options.limits;
        if (!p->headSeen) {
            p->headSeen = true;
            p->bodyStarted = Clock::now();
            const char* lengthText = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            size_t length = 0;
            if (lengthText) {
                const std::string_view t(lengthText);
                const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), length);
                if (ec == std::errc::result_out_of_range || (ec == std::errc() && length > l.maxBodyBytes)) {
                    // Refused from its Content-Length: not a byte of the body is read.
                    p->refused = true;
                    return queue(c,
                                 errorResponse(413, "too_large",
                                               "the request body is larger than the server accepts (" +
                                                   std::to_string(l.maxBodyBytes) + " bytes)"),
                                 true);
                }
            }
            // Known length: reserve it now, so bodies in flight never pass the budget together.
            if (length > 0) {
                if (bodyBytes.fetch_add(length) + length > l.bodyBudgetBytes) {
                    bodyBytes -= length;
                    p->refused = true;
                    HttpResponse busy = errorResponse(503, "unavailable", "the server is busy; try again later");
                    busy.headers.emplace_back("Retry-After", "5");
                    return queue(c, busy, true);
                }
                p->reserved = length;
                p->body.reserve(length);
            }
            setDeadline(c, after(l.bodySeconds + static_cast<double>(length) / static_cast<double>(l.bodyMinBytesPerSecond)),
                        false);
            return MHD_YES;
        }
        if (*uploadSize > 0) {
            const size_t n = *uploadSize;
            *uploadSize = 0;
            if (p->refused) return MHD_YES;
            if (p->body.size() + n > l.maxBodyBytes) return MHD_NO;  // chunked past the limit: cut off
            if (p->body.size() + n > p->reserved) {
                const size_t more = p->body.size() + n - p->reserved;
                if (bodyBytes.fetch_add(more) + more > l.bodyBudgetBytes) {
                    bodyBytes -= more;
                    return MHD_NO;
                }
                p->reserved += more;
                // Unknown length: the deadline moves with what has arrived, at the least rate.
                const double allowed =
                    l.bodySeconds + static_cast<double>(p->reserved) / static_cast<double>(l.bodyMinBytesPerSecond);
                setDeadline(c,
                            p->bodyStarted + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(allowed)),
                            false);
            }
            p->body.append(uploadData, n);
            return MHD_YES;
        }
        if (p->refused) return MHD_YES;
        return answer(c, method, *p);
    }
};

HttpFront::HttpFront(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
HttpFront::~HttpFront() = default;
int HttpFront::port() const { return m_impl->port; }

// Long because libmicrohttpd takes every limit as an option of one start call, listed here with
// the reason for each (ARCHITECTURE.md, the HTTP front).
Expected<std::unique_ptr<HttpFront>> HttpFront::start(Options o, Handler handler) {
    auto impl = std::make_unique<Impl>();
    impl->options = std::move(o);
    impl->handler = std::move(handler);
    Impl* self = impl.get();
    const Options& opt = self->options;

    // The address to listen on, numeric or a name.
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(opt.port);
    if (getaddrinfo(opt.host.empty() ? nullptr : opt.host.c_str(), service.c_str(), &hints, &found) != 0 || !found)
        return fail(ErrorCode::InvalidInput, "cannot listen on " + opt.host + ": not an address of this machine");
    sockaddr_storage address{};
    std::memcpy(&address, found->ai_addr, found->ai_addrlen);
    const bool ipv6 = found->ai_family == AF_INET6;
    freeaddrinfo(found);

    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL;
    if (ipv6) flags |= MHD_USE_IPv6;
    const bool tls = !opt.tlsCertPem.empty();
    if (tls) flags |= MHD_USE_TLS;
    const FrontLimits& l = opt.limits;

    std::vector<MHD_OptionItem> items = {
        {MHD_OPTION_SOCK_ADDR, 0, &address},
        {MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(std::max<size_t>(opt.threads, 1)), nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(l.maxConnections), nullptr},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<intptr_t>(l.maxPerClient), nullptr},
        {MHD_OPTION_CONNECTION_TIMEOUT, static_cast<intptr_t>(l.idleSeconds), nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(l.connectionMemory), nullptr},
        {MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, nullptr},
        {MHD_OPTION_URI_LOG_CALLBACK, reinterpret_cast<intptr_t>(+[](void*, const char* uri, MHD_Connection*) -> void* {
             auto* p = new Pending;
             p->target = uri ? uri : "";
             return p;
         }),
         nullptr},
        {MHD_OPTION_NOTIFY_COMPLETED,
         reinterpret_cast<intptr_t>(+[](void* cls, MHD_Connection* c, void** context, MHD_RequestTerminationCode) {
             auto* front = static_cast<Impl*>(cls);
             if (auto* p = static_cast<Pending*>(*context)) {
                 front->release(*p);
                 delete p;
                 *context = nullptr;
             }
             // A kept-alive connection owes its next request head from now on.
             front->setDeadline(c, after(front->options.limits.headSeconds), false);
         }),
         self},
        {MHD_OPTION_NOTIFY_CONNECTION,
         reinterpret_cast<intptr_t>(+[](void* cls, MHD_Connection* c, void** socketContext, MHD_ConnectionNotificationCode code) {
             auto* front = static_cast<Impl*>(cls);
             std::lock_guard lock(front->mutex);
             if (code == MHD_CONNECTION_NOTIFY_STARTED) {
                 auto* conn = new Connection;
                 const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
                 conn->fd = info ? info->connect_fd : -1;
                 conn->deadline = after(front->options.limits.headSeconds);
                 front->connections.insert(conn);
                 *socketContext = conn;
             } else if (auto* conn = static_cast<Connection*>(*socketContext)) {
                 // Called before the descriptor is closed: the reaper never touches a reused one.
                 front->connections.erase(conn);
                 delete conn;
                 *socketContext = nullptr;
             }
         }),
         self},
    };
    if (tls) {
        items.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, const_cast<char*>(opt.tlsCertPem.c_str())});
        items.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, const_cast<char*>(opt.tlsKeyPem.c_str())});
    }
    items.push_back({MHD_OPTION_END, 0, nullptr});

    self->daemon = MHD_start_daemon(
        flags, static_cast<uint16_t>(opt.port), nullptr, nullptr,
        [](void* cls, MHD_Connection* c, const char*, const char* method, const char*, const char* data, size_t* size,
           void** context) { return static_cast<Impl*>(cls)->onRequest(c, method, data, size, context); },
        self, MHD_OPTION_ARRAY, items.data(), MHD_OPTION_END);
    if (!self->daemon)
        return fail(ErrorCode::IoError,
                    "cannot listen on " + opt.host + ":" + std::to_string(opt.port) +
                        (tls ? " (or the TLS certificate or key could not be loaded)" : ""));
    const MHD_DaemonInfo* info = MHD_get_daemon_info(self->daemon, MHD_DAEMON_INFO_BIND_PORT);
    self->port = info ? info->port : opt.port;
    self->reaper = std::thread([self] { self->reap(); });
    return std::unique_ptr<HttpFront>(new HttpFront(std::move(impl)));
}

int serve(Api& api, FaultPlan& faults, const ServeOptions& o, Handler office) {
    // One descriptor per connection: the limit has to allow the connection limit, and more.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    // Signals go to the thread that waits for them, not to the server's threads.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    HttpFront::Options kiosks{.name = "api",
                              .host = o.host,
                              .port = o.port,
                              .threads = o.threads,
                              .quiet = o.quiet,
                              .limits = o.limits,
                              .faults = &faults};
    if (!o.tlsCert.empty()) {
        bool certOk = false, keyOk = false;
        kiosks.tlsCertPem = readText(o.tlsCert, certOk);
        kiosks.tlsKeyPem = readText(o.tlsKey, keyOk);
        if (!certOk || !keyOk || kiosks.tlsCertPem.empty() || kiosks.tlsKeyPem.empty()) {
            logLine("the TLS certificate or key could not be loaded");
            return 1;
        }
    }
    auto front = HttpFront::start(kiosks, [&api](const HttpRequest& r) { return api.handle(r); });
    if (!front) {
        logLine(front.error().message());
        return 1;
    }
    std::unique_ptr<HttpFront> console;
    if (office && !o.officeHost.empty()) {
        HttpFront::Options staff = kiosks;
        staff.name = "office";
        staff.host = o.officeHost;
        staff.port = o.officePort;
        staff.faults = nullptr;
        staff.threads = std::max<size_t>(2, o.threads / 2);
        auto started = HttpFront::start(staff, office);
        if (!started) {
            logLine("office console: " + started.error().message());
            return 1;
        }
        console = std::move(*started);
    }
    auto writePort = [](const std::string& file, int port) {
        if (file.empty()) return;
        const std::string tmp = file + ".tmp";
        std::ofstream(tmp) << port << "\n";
        std::rename(tmp.c_str(), file.c_str());  // readers never see a half-written file
    };
    // The office's port first: a reader of the kiosks' port file finds both listening.
    if (console) {
        writePort(o.officePortFile, console->port());
        logLine(std::string("office console on ") + (o.tlsCert.empty() ? "http" : "https") + "://" + o.officeHost + ":" +
                std::to_string(console->port()) + "/office/");
    }
    writePort(o.portFile, (*front)->port());
    logLine(std::string("listening on ") + (o.tlsCert.empty() ? "http" : "https") + "://" + o.host + ":" +
            std::to_string((*front)->port()));

    int sig = 0;
    sigwait(&signals, &sig);
    console.reset();
    front->reset();
    logLine("stopped");
    return 0;
}

}  // namespace dc::server
