// kill -9 a syncing kiosk at random moments, many times; then the server must hold every
// application exactly once, the kiosk's queue must be empty, and its catalog must equal the
// server's. DC_CRASH_ITERATIONS sets the count (the suite runs a short mode; 200+ by hand).
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <thread>

#include "catalog/catalog_generator.hpp"
#include "catalog/catalog_json.hpp"
#include "sync/kiosk_fixture.hpp"

using namespace dc;

namespace {

pid_t startProbe(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<std::string> all = {DC_SYNC_PROBE_PATH};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

int64_t serverCount(const std::string& db, const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const int64_t n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    return n;
}

}  // namespace

TEST_CASE("kill -9 at random moments during push, pull and uploads loses nothing and duplicates nothing", "[sync][crash]") {
    const char* env = std::getenv("DC_CRASH_ITERATIONS");
    const int iterations = env ? std::atoi(env) : 25;
    test::TempDir dir;
    const std::string serverDb = (dir / "server.db").string();
    auto catalog = catalog::generateCatalog({.seed = 9, .jobs = 1500, .courses = 5});
    test::writeFile(dir / "catalog.jsonl", catalog::toJsonLines(catalog));
    REQUIRE(test::runServerCommand({"import", "--db", serverDb, (dir / "catalog.jsonl").string()}).exitCode == 0);
    test::ServerProcess server(serverDb, dir.path());
    const std::string token = test::tokenFor(serverDb);
    const std::string kioskDb = (dir / "kiosk.db").string();

    std::mt19937 random(20261123);
    int killed = 0;
    for (int i = 0; i < iterations; ++i) {
        // Every few rounds the catalog changes on the server, so kills land in pulls too.
        if (i % 4 == 1) {
            domain::CatalogBatch change;
            for (size_t j = 0; j < 300; ++j) {
                auto job = catalog.jobUpserts[(i * 300 + j) % catalog.jobUpserts.size()];
                job.title += " (" + std::to_string(i) + ")";
                change.jobUpserts.push_back(job);
            }
            change.jobTombstones.push_back(catalog.jobUpserts[static_cast<size_t>(i) % catalog.jobUpserts.size()].id);
            test::writeFile(dir / "change.jsonl", catalog::toJsonLines(change));
            REQUIRE(test::runServerCommand({"import", "--db", serverDb, (dir / "change.jsonl").string()}).exitCode == 0);
        }
        const pid_t pid = startProbe({"--db", kioskDb, "--server", server.url(), "--token", token, "--applications", "300"});
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 600)(random)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        killed += WIFSIGNALED(status) ? 1 : 0;
    }
    INFO("killed " << killed << " of " << iterations);
    CHECK(killed > iterations / 2);

    // A last run without interruptions delivers whatever is left.
    const pid_t pid = startProbe({"--db", kioskDb, "--server", server.url(), "--token", token, "--applications", "0"});
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    test::KioskSide kiosk(kioskDb, server.url(), "");
    CHECK(kiosk.text("PRAGMA integrity_check") == "ok");
    const int64_t local = kiosk.count("SELECT count(*) FROM applications");
    CHECK(local > 0);
    CHECK(kiosk.count("SELECT count(*) FROM outbox WHERE state <> 'done'") == 0);
    CHECK(kiosk.count("SELECT count(*) FROM outbox") == local);
    // Exactly once: every record id the kiosk made is on the server once, and nothing else is.
    CHECK(serverCount(serverDb, "SELECT count(*) FROM applications") == local);
    CHECK(serverCount(serverDb, "SELECT count(*) FROM received") == local);
    CHECK(kiosk.count("SELECT count(*) FROM applications WHERE status = 'submitted'") +
              kiosk.count("SELECT count(*) FROM applications WHERE status = 'rejected'") ==
          local);
    // Every photo is on the server whole (SHA-256 checked there) and gone from the kiosk.
    const int64_t photos = kiosk.count("SELECT count(*) FROM attachments");
    CHECK(photos > 0);
    CHECK(kiosk.count("SELECT count(*) FROM attachments WHERE state <> 'done'") == 0);
    CHECK(serverCount(serverDb, "SELECT count(*) FROM attachments WHERE complete = 1") == photos);
    CHECK(serverCount(serverDb, "SELECT count(*) FROM attachments") == photos);
    // (A half-written ".tmp" from a kill stays until it is ten minutes old: a younger one may be
    // another connection's photo being saved.)
    size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir / "attachments")) files += f.path().extension() != ".tmp";
    CHECK(files == 0);
    // The catalog caught up exactly.
    CHECK(kiosk.count("SELECT count(*) FROM jobs") ==
          serverCount(serverDb, "SELECT count(*) FROM catalog WHERE kind = 'job' AND deleted = 0"));
    CHECK(kiosk.count("SELECT count(*) FROM jobs_fts") == kiosk.count("SELECT count(*) FROM jobs"));
}
