// The sync worker's state machine and backoff, against a real dc-server and an unreachable one.
#include <thread>

#include "sync/client/sync_worker.hpp"
#include "sync/kiosk_fixture.hpp"
#include "catalog/catalog_json.hpp"
#include "catalog/catalog_generator.hpp"

using namespace dc;
using namespace std::chrono_literals;

namespace {

template <class Pred>
bool eventually(Pred pred, std::chrono::milliseconds limit = 120s) {  // a cap for a failing run only
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (pred()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return pred();
}

}  // namespace

TEST_CASE("backoff grows exponentially with full jitter, is capped, and honours Retry-After", "[sync][worker]") {
    const sync::BackoffPolicy p{.base = 2000ms, .cap = 300000ms};
    CHECK(p.delay(1, 0.999, std::nullopt) <= 2000ms);
    CHECK(p.delay(2, 0.999, std::nullopt) > 3900ms);
    CHECK(p.delay(2, 0.999, std::nullopt) <= 4000ms);
    CHECK(p.delay(3, 0.5, std::nullopt) == 4000ms);
    CHECK(p.delay(30, 0.999, std::nullopt) <= 300000ms);
    CHECK(p.delay(30, 0.999, std::nullopt) > 299000ms);
    CHECK(p.delay(1000, 0.999, std::nullopt) <= 300000ms);  // no overflow however many failures
    CHECK(p.delay(1, 0.0, std::nullopt) == 0ms);  // full jitter reaches zero
    CHECK(p.delay(1, 0.0, 7s) == 7000ms);  // never sooner than the server asked
    CHECK(p.delay(1, 0.0, std::chrono::seconds(86400 * 30)) == std::chrono::milliseconds(3600000));  // capped at an hour
    CHECK(p.delay(1, 7.0, std::nullopt) <= 2000ms);  // a draw out of range is clamped
}

TEST_CASE("the worker goes offline without a server, and up to date as soon as one answers", "[sync][worker]") {
    test::TempDir dir;
    const std::string serverDb = (dir / "server.db").string();
    test::writeFile(dir / "c.jsonl", catalog::toJsonLines(catalog::generateCatalog({.seed = 3, .jobs = 10, .courses = 1})));
    REQUIRE(test::runServerCommand({"import", "--db", serverDb, (dir / "c.jsonl").string()}).exitCode == 0);
    const std::string token = test::tokenFor(serverDb);
    {
        auto db = store::Database::open(dir / "kiosk.db");
        REQUIRE(db);
    }

    const int port = test::freeLoopbackPort();
    std::atomic<int> changes{0};
    sync::SyncWorker::Options options;
    options.idleInterval = 200ms;
    options.backoff = {.base = 50ms, .cap = 200ms};
    sync::SyncWorker worker(dir / "kiosk.db", std::move(*store::FieldCipher::fromKey(std::string(32, 'k'))),
                            {.serverUrl = "http://127.0.0.1:" + std::to_string(port), .enrollToken = token}, {}, options,
                            [&] { ++changes; });
    REQUIRE(eventually([&] { return worker.status().rounds >= 2; }));
    auto offline = worker.status();
    CHECK(offline.state == sync::SyncState::Offline);
    CHECK(offline.lastError.find("could not be reached") != std::string::npos);
    CHECK(offline.lastSuccessAt == 0);
    CHECK(changes > 0);

    // A server appears on that port: the worker gets there by itself.
    test::ServerProcess server(serverDb, dir.path(), {"--listen", "127.0.0.1:" + std::to_string(port)});
    worker.syncNow();
    REQUIRE(eventually([&] { return worker.status().state == sync::SyncState::Idle; }));
    CHECK(worker.status().lastError.empty());
    CHECK(worker.status().lastSuccessAt > 0);
}

TEST_CASE("a worker without an identity or a token says it is not set up", "[sync][worker]") {
    test::TempDir dir;
    test::ServerProcess server((dir / "server.db").string(), dir.path());
    {
        auto db = store::Database::open(dir / "kiosk.db");
        REQUIRE(db);
    }
    sync::SyncWorker::Options options;
    options.backoff = {.base = 50ms, .cap = 100ms};
    sync::SyncWorker worker(dir / "kiosk.db", std::move(*store::FieldCipher::fromKey(std::string(32, 'k'))),
                            {.serverUrl = server.url()}, {}, options);
    REQUIRE(eventually([&] { return worker.status().rounds >= 1; }));
    CHECK(worker.status().state == sync::SyncState::NotSetUp);
    CHECK(worker.status().lastError.find("not enrolled") != std::string::npos);
}
