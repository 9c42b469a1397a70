// The only file that includes httplib.h (a large header): everything else sees http_api.hpp.
#include "sync/server/http_server.hpp"

#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <thread>

#include "sync/protocol/messages.hpp"

namespace dc::server {
namespace {

std::string routeOf(const std::string& path) {
    for (const char* r : {"push", "pull", "heartbeat", "enroll", "report"})
        if (path == std::string("/v1/") + r) return r;
    if (path.starts_with("/v1/attachments/")) return "attachment";
    return "other";
}

HttpRequest fromHttplib(const httplib::Request& req) {
    HttpRequest r;
    r.method = req.method;
    r.path = req.path;
    r.target = req.target.empty() ? req.path : req.target;
    for (const auto& [k, v] : req.headers) {
        std::string key = k;
        for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        r.headers.emplace(std::move(key), v);
    }
    for (const auto& [k, v] : req.params) r.query.emplace(k, v);
    r.body = req.body;
    return r;
}

}  // namespace

int serve(Api& api, FaultPlan& faults, const ServeOptions& o) {
    std::unique_ptr<httplib::Server> server;
    if (!o.tlsCert.empty()) server = std::make_unique<httplib::SSLServer>(o.tlsCert.c_str(), o.tlsKey.c_str());
    else server = std::make_unique<httplib::Server>();
    if (!server->is_valid()) {
        std::fprintf(stderr, "dc-server: the TLS certificate or key could not be loaded\n");
        return 1;
    }
    // Bodies over the limit are refused from their Content-Length, before they are read.
    server->set_payload_max_length(sync::kMaxRequestBytes);
    // Headers and body go out in separate writes: without TCP_NODELAY the second waits for the
    // peer's delayed ACK (~40 ms on Linux) on every answer.
    server->set_tcp_nodelay(true);
    server->set_read_timeout(30, 0);
    server->set_write_timeout(30, 0);
    const size_t threads = std::max<size_t>(o.threads, 1);
    server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // A body over the limit is answered 413 from its Content-Length, before any of it is read.
    server->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        const std::string text = req.get_header_value("Content-Length");
        size_t length = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
        const bool huge = ec == std::errc::result_out_of_range || (ec == std::errc() && length > sync::kMaxRequestBytes);
        if (!huge) return httplib::Server::HandlerResponse::Unhandled;
        res.status = 413;
        res.set_header("Connection", "close");
        res.set_content(sync::toJson(sync::ErrorBody{"too_large", "the request body is larger than the server accepts (" +
                                                     std::to_string(sync::kMaxRequestBytes) + " bytes)", std::nullopt}),
                        "application/json");
        return httplib::Server::HandlerResponse::Handled;
    });
    server->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        const bool tooBig = res.status == 413;
        res.set_content(sync::toJson(sync::ErrorBody{tooBig ? "too_large" : "bad_request",
                                                     tooBig ? "the request body is larger than the server accepts"
                                                            : "the request could not be read",
                                                     std::nullopt}),
                        "application/json");
    });

    auto handler = [&](const httplib::Request& req, httplib::Response& res) {
        const auto started = std::chrono::steady_clock::now();
        const std::string route = routeOf(req.path);
        const auto fault = faults.take(route);
        if (fault && fault->action == Fault::Action::Status) {
            const HttpResponse e = errorResponse(fault->status, fault->status == 429 ? "rate_limited" : "unavailable",
                                                 "the server is busy; try again later (injected fault)");
            res.status = e.status;
            if (fault->status == 429 || fault->arg > 0) res.set_header("Retry-After", std::to_string(fault->arg));
            res.set_content(e.body, e.contentType);
            return;
        }
        if (fault && fault->action == Fault::Action::Slow) std::this_thread::sleep_for(std::chrono::milliseconds(fault->arg));

        HttpResponse out = api.handle(fromHttplib(req));
        res.status = out.status;
        for (const auto& [k, v] : out.headers) res.set_header(k, v);
        if (fault && (fault->action == Fault::Action::Drop || fault->action == Fault::Action::Truncate)) {
            // The work is done; the device never learns it. Its retry must be answered "duplicate".
            auto body = std::make_shared<std::string>(std::move(out.body));
            const size_t sendable = fault->action == Fault::Action::Drop ? 0 : body->size() / 2;
            res.set_content_provider(body->size(), out.contentType,
                                     [body, sendable](size_t offset, size_t, httplib::DataSink& sink) {
                                         if (offset < sendable) sink.write(body->data() + offset, sendable - offset);
                                         return false;  // closes the connection mid-answer
                                     });
        } else {
            res.set_content(std::move(out.body), out.contentType);
        }
        if (!o.quiet) {
            const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            std::fprintf(stderr, "dc-server: %s %s -> %d (%.1f ms)\n", req.method.c_str(), req.path.c_str(), res.status, ms);
        }
    };
    server->Get(".*", handler);
    server->Post(".*", handler);
    server->Put(".*", handler);
    server->Delete(".*", handler);

    int port = o.port;
    if (port == 0) port = server->bind_to_any_port(o.host);
    else if (!server->bind_to_port(o.host, port)) port = -1;
    if (port <= 0) {
        std::fprintf(stderr, "dc-server: cannot listen on %s:%d\n", o.host.c_str(), o.port);
        return 1;
    }
    if (!o.portFile.empty()) {
        const std::string tmp = o.portFile + ".tmp";
        std::ofstream(tmp) << port << "\n";
        std::rename(tmp.c_str(), o.portFile.c_str());  // readers never see a half-written file
    }
    std::fprintf(stderr, "dc-server: listening on %s://%s:%d\n", o.tlsCert.empty() ? "http" : "https", o.host.c_str(), port);

    // SIGINT/SIGTERM stop the server from a thread of its own (stop() is not async-signal-safe).
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::atomic<bool> signalled{false};
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        signalled = true;
        server->stop();
    });
    const bool ok = server->listen_after_bind();
    if (!signalled) kill(getpid(), SIGTERM);  // the server stopped by itself: wake the waiter
    waiter.join();
    std::fprintf(stderr, "dc-server: stopped\n");
    return ok ? 0 : 1;
}

}  // namespace dc::server
