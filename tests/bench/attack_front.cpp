// dc-attack-front: dc-server's HTTP front under the attacks of the hardening audit, with figures.
//   1. A large body sent three ways (chunked; a request line that never ends; an honest
//      Content-Length over the limit, then the bytes anyway): how much the sender got through and
//      how much the server's memory grew.
//   2. Slowloris: N connections from many loopback addresses, each sending one header byte every
//      few seconds for S seconds, while a kiosk pushes applications and a monitor asks /v1/health
//      every 100 ms: how many were answered, and their p50/p95/p99.
//   dc-attack-front [--megabytes 600] [--slow 1000] [--seconds 60]
// Every target address is on this machine (127.0.0.0/8); every loop is bounded in count and time.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "catalog/catalog_generator.hpp"
#include "catalog/catalog_json.hpp"
#include "support/loopback.hpp"
#include "support/temp_dir.hpp"
#include "sync/client/http_transport.hpp"
#include "sync/protocol/messages.hpp"
#include "sync/protocol/signing.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server_process.hpp"

using namespace dc;
using dc::test::connectFrom;
using dc::test::rssKb;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "dc-attack-front: %s\n", what.c_str());
    std::exit(1);
}

// Sends head, then body bytes until `total` or until the server stops taking them.
size_t stream(int port, const std::string& head, size_t total) {
    const int s = connectFrom(port, "127.0.0.1");
    if (s < 0) die("cannot connect");
    timeval tv{30, 0};
    ::setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    ::send(s, head.data(), head.size(), MSG_NOSIGNAL);
    const std::string chunk(256 * 1024, 'x');
    size_t sent = 0;
    while (sent < total) {
        const ssize_t n = ::send(s, chunk.data(), std::min(chunk.size(), total - sent), MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<size_t>(n);
    }
    ::close(s);
    return sent;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
    size_t megabytes = 600, slow = 1000;
    int seconds = 60;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--megabytes")
            megabytes = std::stoul(v);
        else if (k == "--slow")
            slow = std::stoul(v);
        else if (k == "--seconds")
            seconds = std::stoi(v);
        else
            die("unknown option " + k);
    }
    if (megabytes == 0 || megabytes > 4096 || slow > 20000 || seconds < 1 || seconds > 600) die("values out of range");
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    test::TempDir dir;
    const std::string db = (dir / "server.db").string();
    sync::EnrollResponse kiosk;
    std::string jobId;
    {
        auto pool = server::ConnectionPool::open(db, 1);
        if (!pool) die(pool.error().message());
        server::CentralService service(**pool);
        if (!service.prepareSchema()) die("schema");
        const auto catalog = catalog::generateCatalog({.seed = 7, .jobs = 20, .courses = 1});
        if (!service.importCatalog(catalog)) die("import");
        jobId = catalog.jobUpserts.front().id;
        auto token = service.issueToken("attack", 3600);
        auto enrolled = service.enroll({*token, "attack-request", "attack", "0"});
        if (!enrolled) die(enrolled.error().message());
        kiosk = *enrolled;
    }
    test::ServerProcess server(db, dir.path(), {"--max-connections", std::to_string(slow + 500)});

    // ---- 1. memory ----
    std::printf(
        "| Attack (%zu MB sent) | Bytes the server took before cutting the sender off | Server RSS growth |\n|---|---:|---:|\n",
        megabytes);
    const size_t total = megabytes * 1024 * 1024;
    struct Way {
        const char* name;
        std::string head;
    };
    const Way ways[] = {
        {"chunked body, no length", "POST /v1/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7fffffff\r\n"},
        {"request line with no newline", "POST /v1/"},
        {"honest Content-Length over the limit, body sent anyway",
         "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(total) + "\r\n\r\n"},
    };
    const long base = rssKb(server.pid());
    for (const Way& way : ways) {
        const size_t sent = stream(server.port(), way.head, total);
        const long grown = rssKb(server.pid()) - base;
        std::printf("| %s | %.1f MB | %.1f MB |\n", way.name, static_cast<double>(sent) / 1048576.0,
                    static_cast<double>(grown) / 1024.0);
    }

    // ---- 2. slowloris, with a kiosk and a monitor beside it ----
    std::vector<int> held;
    held.reserve(slow);
    for (size_t i = 0; i < slow; ++i) {
        // 50 addresses: as many machines would be, each within the per-client limit.
        const std::string source = "127.0.1." + std::to_string(1 + i % 50);
        const int s = connectFrom(server.port(), source);
        if (s < 0) break;
        ::send(s, "POST /v1/push HTTP/1.1\r\n", 24, MSG_NOSIGNAL);
        held.push_back(s);
    }
    std::atomic<bool> stop{false};
    std::atomic<size_t> reopened{0};
    // Each slow client sends a byte every 5 s; one the server cut off connects again at once.
    std::thread dribble([&] {
        while (!stop) {
            for (size_t i = 0; i < held.size() && !stop; ++i) {
                if (::send(held[i], "X", 1, MSG_NOSIGNAL) <= 0) {
                    ::close(held[i]);
                    held[i] = connectFrom(server.port(), "127.0.1." + std::to_string(1 + i % 50));
                    if (held[i] >= 0) ::send(held[i], "POST /v1/push HTTP/1.1\r\n", 24, MSG_NOSIGNAL);
                    ++reopened;
                }
            }
            for (int t = 0; t < 50 && !stop; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    std::vector<double> healthMs, pushMs;
    size_t healthFailed = 0, pushFailed = 0;
    std::thread monitor([&] {
        auto http = sync::makeCurlTransport({.answerTimeout = std::chrono::seconds(30)});
        const auto until = Clock::now() + std::chrono::seconds(seconds);
        while (Clock::now() < until) {
            const auto t0 = Clock::now();
            auto res = http->send({"GET", server.url() + "/v1/health", {}, ""});
            if (res && res->status == 200)
                healthMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            else
                ++healthFailed;
            std::this_thread::sleep_until(t0 + std::chrono::milliseconds(100));
        }
    });
    std::thread pusher([&] {
        auto http = sync::makeCurlTransport({.answerTimeout = std::chrono::seconds(30)});
        const auto until = Clock::now() + std::chrono::seconds(seconds);
        for (int n = 0; Clock::now() < until; ++n) {
            const auto t0 = Clock::now();
            sync::PushRequest push;
            const std::string id = "attack-" + std::to_string(n);
            push.records.push_back({id, "application",
                                    R"({"applicationId":"a-)" + id + R"(","referenceCode":"ATK-000","jobId":")" + jobId +
                                        R"(","person":{"name":"Nino","phone":"+995555000000"}})"});
            const std::string body = sync::toJson(push), target = "/v1/push";
            const int64_t stamp = unixNow();
            auto res = http->send({"POST",
                                   server.url() + target,
                                   {{"Content-Type", "application/json"},
                                    {"DC-Device", kiosk.deviceId},
                                    {"DC-Timestamp", std::to_string(stamp)},
                                    {"DC-Signature", sync::signRequest(kiosk.secret, "POST", target, stamp, body)}},
                                   body});
            if (res && res->status == 200)
                pushMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            else
                ++pushFailed;
            std::this_thread::sleep_until(t0 + std::chrono::milliseconds(500));
        }
    });
    monitor.join();
    pusher.join();
    stop = true;
    dribble.join();
    for (int s : held)
        if (s >= 0) ::close(s);

    std::printf(
        "\n| Slowloris: %zu connections from 50 addresses for %d s | Answered | Failed | p50 ms | p95 ms | p99 ms |\n"
        "|---|---:|---:|---:|---:|---:|\n",
        held.size(), seconds);
    std::printf("| health checks, every 100 ms | %zu | %zu | %.1f | %.1f | %.1f |\n", healthMs.size(), healthFailed,
                percentile(healthMs, 0.5), percentile(healthMs, 0.95), percentile(healthMs, 0.99));
    std::printf("| kiosk pushes (signed, one application each), every 500 ms | %zu | %zu | %.1f | %.1f | %.1f |\n", pushMs.size(),
                pushFailed, percentile(pushMs, 0.5), percentile(pushMs, 0.95), percentile(pushMs, 0.99));
    std::printf("\nSlow connections cut off at their head's deadline (and opened again): %zu\n", reopened.load());
    return healthFailed == 0 && pushFailed == 0 ? 0 : 1;
}
