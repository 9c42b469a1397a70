// dc-load-fleet: how many kiosks one dc-server holds. A bounded loopback client plays N kiosks
// (each: a heartbeat and an incremental pull a minute, a push of 3 applications every five
// minutes, 1 in 10 pushes sent twice as a lost answer would cause), with arrivals at the fleet's
// aggregate rate (open loop: latency counts from when a request was due, so a slow server cannot
// hide its queue). Fleet sizes grow until p99 passes the limit; the table says where.
//   dc-load-fleet [--backend sqlite|postgres] [--instances 1|2] [--fleets 100,500,...]
//                 [--seconds S] [--speedup X] [--limit-ms 200] [--clients 32]
// --speedup compresses time (X times the real request rate per kiosk) so a quick run still sends
// enough requests; the fleet a server "holds" is the fleet size times the speed-up.
// With two instances (one PostgreSQL database) it also checks that nothing was applied twice.
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "catalog/catalog_generator.hpp"
#include "catalog/catalog_json.hpp"
#include "support/temp_dir.hpp"
#include "sync/client/http_transport.hpp"
#include "sync/protocol/messages.hpp"
#include "sync/protocol/signing.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server_process.hpp"

using namespace dc;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "dc-load-fleet: %s\n", what.c_str());
    std::exit(1);
}

int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

struct Device {
    std::string id, secret;
};

struct Outcome {
    std::vector<double> latencyMs;
    size_t errors = 0, sent = 0, pushedRecords = 0, duplicatesAnswered = 0;
};

double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    std::string backend = "sqlite";
    int instances = 1, clients = 32;
    double seconds = 10, speedup = 1, limitMs = 200;
    std::vector<size_t> fleets = {100, 250, 500, 1000, 2000, 4000, 8000};
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--backend")
            backend = v;
        else if (k == "--instances")
            instances = std::stoi(v);
        else if (k == "--seconds")
            seconds = std::stod(v);
        else if (k == "--speedup")
            speedup = std::stod(v);
        else if (k == "--limit-ms")
            limitMs = std::stod(v);
        else if (k == "--clients")
            clients = std::stoi(v);
        else if (k == "--fleets") {
            fleets.clear();
            std::stringstream list(v);
            for (std::string n; std::getline(list, n, ',');) fleets.push_back(std::stoul(n));
        } else
            die("unknown option " + k);
    }
    if (instances < 1 || instances > 2) die("--instances is 1 or 2");

    test::TempDir dir;
    std::optional<test::PostgresCluster> pg;
    std::string db = (dir / "server.db").string();
    if (backend == "postgres") {
        pg.emplace(dir.path());
        if (!pg->available()) die("PostgreSQL: " + pg->why());
        db = pg->conninfo();
    } else if (backend != "sqlite")
        die("--backend is sqlite or postgres");
    if (backend == "sqlite" && instances == 2) die("two instances need PostgreSQL");

    // The catalog and the devices, made directly in the server's database.
    auto catalog = catalog::generateCatalog({.seed = 4, .jobs = 500, .courses = 10});
    std::vector<Device> devices;
    std::string caughtUp;
    {
        auto pool = server::ConnectionPool::open(db, 1);
        if (!pool) die(pool.error().message());
        server::CentralService service(**pool);
        if (!service.prepareSchema()) die("schema");
        if (!service.importCatalog(catalog)) die("import");
        const size_t most = *std::max_element(fleets.begin(), fleets.end());
        for (size_t i = 0; i < most; ++i) {
            auto token = service.issueToken("load", 3600);
            auto device = service.enroll({*token, "load-request-" + std::to_string(i), "load", "0"});
            if (!device) die(device.error().message());
            devices.push_back({device->deviceId, device->secret});
        }
        // Kiosks in the field are caught up: their pulls ask for what changed since the end.
        for (auto page = service.pull("", sync::kMaxPullLimit); page; page = service.pull(caughtUp, sync::kMaxPullLimit)) {
            caughtUp = page->nextCursor;
            if (!page->more) break;
        }
    }
    std::vector<std::unique_ptr<test::ServerProcess>> servers;
    for (int i = 0; i < instances; ++i)
        servers.push_back(std::make_unique<test::ServerProcess>(db, dir.path(),
                                                                std::vector<std::string>{"--threads", std::to_string(clients)}));

    std::printf("| Backend | Instances | Kiosks | Requests/s | p50 ms | p95 ms | p99 ms | Errors |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    size_t held = 0;
    std::atomic<uint64_t> recordSeq{0};
    size_t totalPushedRecords = 0, totalDuplicates = 0;
    for (size_t fleet : fleets) {
        // Per kiosk per second: heartbeat 1/60, pull 1/60, push 1/300 (with 1 in 10 repeated).
        const double rate = static_cast<double>(fleet) * speedup * (1.0 / 60 + 1.0 / 60 + 1.1 / 300);
        const size_t total = static_cast<size_t>(rate * seconds);
        const auto start = Clock::now() + std::chrono::milliseconds(100);
        std::atomic<size_t> next{0};
        std::mutex merge;
        Outcome all;
        std::vector<std::thread> threads;
        for (int t = 0; t < clients; ++t) {
            threads.emplace_back([&, t] {
                auto http = sync::makeCurlTransport({.answerTimeout = std::chrono::seconds(30)});
                std::mt19937_64 random(static_cast<uint64_t>(t) * 7919 + fleet);
                Outcome mine;
                for (size_t n; (n = next.fetch_add(1)) < total;) {
                    // Evenly spaced arrivals at the aggregate rate.
                    const auto due = start + std::chrono::microseconds(static_cast<int64_t>(1e6 * static_cast<double>(n) / rate));
                    std::this_thread::sleep_until(due);
                    Device& d = devices[random() % fleet];

                    const double pick = std::uniform_real_distribution<double>(0, 1)(random);
                    std::string method = "POST", target, body;
                    const double pushShare = (1.1 / 300) / (2.0 / 60 + 1.1 / 300);
                    bool repeat = false;
                    if (pick < pushShare) {
                        target = "/v1/push";
                        sync::PushRequest push;
                        const uint64_t first = recordSeq.fetch_add(3);
                        for (uint64_t r = first; r < first + 3; ++r) {
                            const std::string id = "load-" + std::to_string(r) + "-" + d.id;
                            push.records.push_back({id, "application",
                                                    R"({"applicationId":"a-)" + id + R"(","referenceCode":"LOD-000","jobId":")" +
                                                        catalog.jobUpserts[r % catalog.jobUpserts.size()].id +
                                                        R"(","person":{"name":"Load","phone":"+995555000000"}})"});
                        }
                        body = sync::toJson(push);
                        repeat = random() % 10 == 0;
                    } else if (pick < pushShare + (1 - pushShare) / 2) {
                        target = "/v1/heartbeat";
                        body = sync::toJson(sync::Heartbeat{"0.1", 0, 0, 0, "", 1 << 30});
                    } else {
                        method = "GET";
                        target = "/v1/pull?cursor=" + caughtUp + "&limit=1000";
                    }
                    for (int send = 0; send < (repeat ? 2 : 1); ++send) {
                        const int64_t stamp = unixNow();
                        // A repeat goes to the other instance, as after a lost answer behind a load balancer.
                        const auto& url = servers[(n + static_cast<size_t>(send)) % servers.size()]->url();
                        sync::HttpCall call{method,
                                            url + target,
                                            {{"Content-Type", "application/json"},
                                             {"DC-Device", d.id},
                                             {"DC-Timestamp", std::to_string(stamp)},
                                             {"DC-Signature", sync::signRequest(d.secret, method, target, stamp, body)}},
                                            body};
                        const auto sentAt = send == 0 ? due : Clock::now();
                        auto res = http->send(call);
                        mine.latencyMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sentAt).count());
                        ++mine.sent;
                        if (!res || res->status != 200) {
                            ++mine.errors;
                            continue;
                        }
                        if (target == "/v1/push") {
                            auto answer = sync::parsePushResponse(res->body);
                            if (!answer)
                                ++mine.errors;
                            else
                                for (const auto& a : answer->answers) {
                                    if (send == 0 && a.outcome == sync::Outcome::Accepted) ++mine.pushedRecords;
                                    if (send == 1 && a.outcome == sync::Outcome::Duplicate) ++mine.duplicatesAnswered;
                                }
                        }
                    }
                }
                std::lock_guard lock(merge);
                all.latencyMs.insert(all.latencyMs.end(), mine.latencyMs.begin(), mine.latencyMs.end());
                all.errors += mine.errors;
                all.sent += mine.sent;
                all.pushedRecords += mine.pushedRecords;
                all.duplicatesAnswered += mine.duplicatesAnswered;
            });
        }
        for (auto& t : threads) t.join();
        totalPushedRecords += all.pushedRecords;
        totalDuplicates += all.duplicatesAnswered;
        const double p50 = percentile(all.latencyMs, 0.50), p95 = percentile(all.latencyMs, 0.95),
                     p99 = percentile(all.latencyMs, 0.99);
        std::printf("| %s | %d | %zu | %.0f | %.1f | %.1f | %.1f | %zu |\n", backend.c_str(), instances,
                    static_cast<size_t>(static_cast<double>(fleet) * speedup), rate, p50, p95, p99, all.errors);
        std::fflush(stdout);
        if (p99 > limitMs || all.errors > 0) break;
        held = static_cast<size_t>(static_cast<double>(fleet) * speedup);
    }
    std::printf("\nlargest fleet with p99 <= %.0f ms and no errors: %zu kiosks\n", limitMs, held);

    // Exactly once across instances: the server holds each accepted record once, and every
    // repeated push was answered "duplicate".
    auto pool = server::ConnectionPool::open(db, 1);
    auto c = (*pool)->acquire();
    auto rows = c->query("SELECT count(*) FROM applications");
    const size_t stored = rows && !rows->empty() ? static_cast<size_t>((*rows)[0].integer(0)) : 0;
    std::printf("records accepted %zu, stored %zu, repeats answered duplicate %zu\n", totalPushedRecords, stored,
                totalDuplicates);
    if (stored != totalPushedRecords) die("the server does not hold each accepted record exactly once");
    return 0;
}
