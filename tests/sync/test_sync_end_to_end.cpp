// The kiosk's store and a real dc-server process over loopback: enrollment, push, pull, and the
// fault matrix. After any fault clears, everything is delivered exactly once.
#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "catalog/catalog_json.hpp"
#include "store/daily_counts.hpp"
#include "sync/kiosk_fixture.hpp"

using namespace dc;

namespace {

struct Setup {
    test::TempDir dir;
    std::string serverDb = (dir / "server.db").string();
    Setup(size_t jobs = 40, size_t courses = 4) {
        test::writeFile(dir / "catalog.jsonl",
                        catalog::toJsonLines(catalog::generateCatalog({.seed = 5, .jobs = jobs, .courses = courses})));
        REQUIRE(test::runServerCommand({"import", "--db", serverDb, (dir / "catalog.jsonl").string()}).exitCode == 0);
    }
};

}  // namespace

TEST_CASE("a kiosk whose site keeps details 0 days erases them once the office has confirmed the record", "[sync][e2e]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb), {}, {}, /*retentionDays=*/0);
    REQUIRE(kiosk.client->runRound());
    const std::string code = kiosk.apply(kiosk.firstJobId());
    CHECK(kiosk.count("SELECT count(*) FROM profiles") == 1);
    auto round = kiosk.client->runRound();
    REQUIRE(round);
    CHECK(round->delivered == 1);
    CHECK(round->forgotten == 1);
    CHECK(kiosk.count("SELECT count(*) FROM profiles") == 0);
    CHECK(kiosk.count("SELECT length(payload) FROM outbox WHERE state = 'done'") == 0);
    // The code is still known, with its status.
    auto status = store::lookUpReference(kiosk.db, code);
    REQUIRE(status);
    CHECK(status->delivered);
    CHECK(test::exportedRows(s.serverDb, "applications") == 1);
}

TEST_CASE("a kiosk whose database had to be replaced is still the same device, without a new token", "[sync][e2e]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    std::string deviceId;
    {
        test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
        REQUIRE(kiosk.client->runRound());
        kiosk.apply(kiosk.firstJobId());
        REQUIRE(kiosk.client->runRound());
        deviceId = kiosk.text("SELECT value FROM settings WHERE key = 'sync.device_id'");
    }
    REQUIRE(std::filesystem::exists(s.dir / "kiosk.db.identity"));
    struct stat st {};
    REQUIRE(::stat((s.dir / "kiosk.db.identity").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // The database is gone (moved aside as damaged): a fresh one, and no token this time.
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(s.dir / (std::string("kiosk.db") + suffix));
    {
        test::KioskSide fresh(s.dir / "kiosk.db", server.url(), "");
        auto round = fresh.client->runRound();
        REQUIRE(round);
        CHECK(fresh.text("SELECT value FROM settings WHERE key = 'sync.device_id'") == deviceId);
        fresh.apply(fresh.firstJobId());
        auto sent = fresh.client->runRound();
        REQUIRE(sent);
        CHECK(sent->delivered == 1);
    }
    CHECK(test::exportedRows(s.serverDb, "applications") == 2);
    // A damaged identity file is said so, never taken as another device.
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(s.dir / (std::string("kiosk.db") + suffix));
    { std::ofstream(s.dir / "kiosk.db.identity", std::ios::trunc) << "d-123\nnot-hex\n"; }
    test::KioskSide damaged(s.dir / "kiosk.db", server.url(), "");
    auto refused = damaged.client->runRound();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message().find("identity is damaged") != std::string::npos);
}

TEST_CASE("a kiosk enrolls, pulls the catalog, and its application reaches the server once", "[sync][e2e]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));

    auto first = kiosk.client->runRound();
    REQUIRE(first);
    CHECK(first->pulled == 44);
    CHECK(kiosk.count("SELECT count(*) FROM jobs") == 40);
    CHECK(kiosk.count("SELECT count(*) FROM course_sessions") > 0);

    const std::string code = kiosk.apply(kiosk.firstJobId());
    auto second = kiosk.client->runRound();
    REQUIRE(second);
    CHECK(second->delivered == 1);
    CHECK(kiosk.count("SELECT count(*) FROM outbox WHERE state = 'done'") == 1);
    CHECK(kiosk.count("SELECT count(*) FROM applications WHERE status = 'submitted'") == 1);
    auto status = store::lookUpReference(kiosk.db, code);
    REQUIRE(status);
    CHECK(status->delivered);
    CHECK(test::exportedRows(s.serverDb, "applications") == 1);

    // Nothing new: a round sends and fetches nothing.
    auto third = kiosk.client->runRound();
    REQUIRE(third);
    CHECK(third->delivered == 0);
    CHECK(third->pulled == 0);
    auto devices = test::runServerCommand({"devices", "--db", s.serverDb});
    CHECK(devices.output.find("test") != std::string::npos);
    // The day's anonymous counts went with the round, and a second round does not add them again.
    auto report = test::runServerCommand({"report", "--db", s.serverDb});
    CHECK(report.output.find(",applications,\"\",1,1\n") != std::string::npos);
    REQUIRE(store::countEvent(kiosk.db, "applications", {}));
    REQUIRE(kiosk.client->runRound());
    report = test::runServerCommand({"report", "--db", s.serverDb});
    CHECK(report.output.find(",applications,\"\",2,1\n") != std::string::npos);
}

TEST_CASE("an enrollment is confirmed or waitlisted by the server and the kiosk shows it", "[sync][e2e]") {
    Setup s(5, 2);
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->runRound());
    const auto [session, free] = kiosk.sessionWithSeats();
    for (int64_t i = 0; i <= free; ++i) {
        auto r = store::requestEnrollment(
            kiosk.db, kiosk.cipher,
            {.sessionId = session, .person = {.name = "Ольга", .phone = "+375 29 1234567"}, .consent = true});
        REQUIRE(r);
    }
    REQUIRE(kiosk.client->runRound());
    CHECK(kiosk.count("SELECT count(*) FROM enrollments WHERE status = 'confirmed'") == free);
    CHECK(kiosk.count("SELECT count(*) FROM enrollments WHERE status = 'waitlisted' AND waitlist_position = 1") == 1);
    // The seat count came back with the pull in the same round.
    CHECK(kiosk.count("SELECT seats_taken = capacity FROM course_sessions WHERE id = '" + session + "'") == 1);
}

TEST_CASE("faults on every route: after they clear each record is on the server exactly once", "[sync][e2e][faults]") {
    Setup s;
    const std::string token = test::tokenFor(s.serverDb);
    // Enroll and pull once on a healthy server first.
    std::string jobId;
    {
        test::ServerProcess healthy(s.serverDb, s.dir.path());
        test::KioskSide kiosk(s.dir / "kiosk.db", healthy.url(), token);
        REQUIRE(kiosk.client->runRound());
        jobId = kiosk.firstJobId();
    }
    const char* plans[] = {
        "push:503,push:500,push:429:1",
        "push:drop",  // applied, answer lost: the retry must be a duplicate
        "push:truncate",  // half an answer
        "push:slow:4000",  // longer than the kiosk waits for a stalled transfer
        "pull:500,pull:truncate,pull:drop,heartbeat:503",
        "enroll:503,any:429:1,push:drop,push:drop",
    };
    int applications = 0;
    for (const char* plan : plans) {
        INFO(plan);
        test::ServerProcess server(s.serverDb, s.dir.path(), {"--faults", plan});
        test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), token);
        for (int i = 0; i < 3; ++i) kiosk.apply(jobId, "Person " + std::to_string(applications++));
        const int rounds = kiosk.roundsUntilClean(12);
        CHECK(rounds > 1);  // the fault was felt
        CHECK(rounds > 0);  // and got over
        CHECK(kiosk.count("SELECT count(*) FROM outbox WHERE state <> 'done'") == 0);
        CHECK(test::exportedRows(s.serverDb, "applications") == static_cast<size_t>(applications));
    }
}

TEST_CASE("with the server down nothing is lost, the error is in plain words and delivery follows", "[sync][e2e][faults]") {
    Setup s;
    const std::string token = test::tokenFor(s.serverDb);
    const int port = test::freeLoopbackPort();
    std::string jobId;
    {
        test::ServerProcess server(s.serverDb, s.dir.path());
        test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), token);
        REQUIRE(kiosk.client->runRound());
        jobId = kiosk.firstJobId();
    }
    test::KioskSide offline(s.dir / "kiosk.db", "http://127.0.0.1:" + std::to_string(port), token);
    offline.apply(jobId);
    auto round = offline.client->runRound();
    REQUIRE_FALSE(round);
    CHECK(round.error().code() == ErrorCode::Transient);
    CHECK(offline.client->lastCallGotNoAnswer());
    auto stats = store::outboxStats(offline.db);
    CHECK(stats->pending == 1);
    CHECK(stats->lastError.find("could not be reached") != std::string::npos);

    test::ServerProcess back(s.serverDb, s.dir.path());
    test::KioskSide online(s.dir / "kiosk.db", back.url(), token);
    REQUIRE(online.client->runRound());
    CHECK(test::exportedRows(s.serverDb, "applications") == 1);
}

TEST_CASE("a poison record is set aside for clerks and the rest flow", "[sync][e2e]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->runRound());
    kiosk.apply(kiosk.firstJobId(), "Before");
    // A record of a kind the server does not know, and one whose payload no longer opens here.
    for (const auto& [id, kind, context] : {std::tuple{"poison-00000001", "teleport", "outbox:poison-00000001"},
                                            std::tuple{"damaged-0000001", "application", "outbox:elsewhere"}}) {
        auto sealed = kiosk.cipher.seal(context, R"({"x":1})");
        auto stmt = store::Statement::prepare(kiosk.db, "INSERT INTO outbox (id, kind, payload) VALUES (?1, ?2, ?3)");
        stmt->bind(1, std::string(id));
        stmt->bind(2, std::string(kind));
        stmt->bind(3, *sealed);
        REQUIRE(stmt->step() == SQLITE_DONE);
    }
    kiosk.apply(kiosk.firstJobId(), "After");
    auto round = kiosk.client->runRound();
    REQUIRE(round);
    CHECK(round->delivered == 2);
    auto aside = store::quarantinedOutbox(kiosk.db, 10);
    REQUIRE(aside->size() == 2);
    CHECK(aside->at(0).reason.find("unknown kind") != std::string::npos);
    CHECK(aside->at(1).reason.find("cannot be read") != std::string::npos);
    CHECK(test::exportedRows(s.serverDb, "applications") == 2);
    CHECK(store::outboxStats(kiosk.db)->pending == 0);
}

TEST_CASE("a kiosk clock hours off still syncs, a full disk on the kiosk loses nothing", "[sync][e2e][faults]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    const std::string token = test::tokenFor(s.serverDb);
    auto skewed = [] {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() -
            7200;
    };
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), token, {}, skewed);
    REQUIRE(kiosk.client->runRound());
    kiosk.apply(kiosk.firstJobId());
    kiosk.apply(kiosk.firstJobId());

    // The disk fills: the server takes the records but the kiosk cannot write the answers. (An
    // update in place needs no new page, so the failure is raised where the answers are written.)
    REQUIRE(
        kiosk.db.exec("CREATE TEMP TRIGGER disk_full BEFORE UPDATE ON main.outbox "
                      "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"));
    auto full = kiosk.client->runRound();
    REQUIRE_FALSE(full);
    CHECK(full.error().message().find("full") != std::string::npos);
    CHECK(test::exportedRows(s.serverDb, "applications") == 2);
    CHECK(store::outboxStats(kiosk.db)->pending == 2);
    REQUIRE(kiosk.db.exec("DROP TRIGGER temp.disk_full"));
    REQUIRE(kiosk.client->runRound());
    CHECK(kiosk.count("SELECT count(*) FROM outbox WHERE state = 'done'") == 2);
    CHECK(test::exportedRows(s.serverDb, "applications") == 2);
}

TEST_CASE("when the server forgets the kiosk's cursor, a full resync replaces the catalog and keeps the rest", "[sync][e2e]") {
    Setup s(30, 2);
    test::TempDir kioskDir;
    // The kiosk starts with the demo seed: the first pull from the server replaces it.
    {
        auto db = store::Database::open(kioskDir / "kiosk.db");
        REQUIRE(store::applyCatalogBatch(*db, catalog::demoCatalog()));
    }
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(kioskDir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->runRound());
    CHECK(kiosk.count("SELECT count(*) FROM jobs") == 30);
    kiosk.apply(kiosk.firstJobId());

    // The server's catalog is rebuilt (new epoch) and a job vanishes without a tombstone.
    auto catalog = catalog::generateCatalog({.seed = 5, .jobs = 30, .courses = 2});
    const std::string gone = catalog.jobUpserts[7].id;
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(s.serverDb.c_str(), &raw) == SQLITE_OK);
        sqlite3_busy_timeout(raw, 5000);
        REQUIRE(sqlite3_exec(raw,
                             ("UPDATE meta SET value = 'abcdef0123456789' WHERE key = 'epoch';"
                              "DELETE FROM catalog WHERE id = '" +
                              gone + "';")
                                 .c_str(),
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    test::KioskSide again(kioskDir / "kiosk.db", server.url(), "");
    auto round = again.client->runRound();
    REQUIRE(round);
    CHECK(round->resynced);
    CHECK(again.count("SELECT count(*) FROM jobs") == 29);
    CHECK(again.count("SELECT count(*) FROM jobs WHERE id = '" + gone + "'") == 0);
    CHECK(again.count("SELECT count(*) FROM applications") == 1);  // the person's application stays
    CHECK(again.count("SELECT count(*) FROM resync_seen") == 0);
}

namespace {

// A self-signed certificate for 127.0.0.1, made with the openssl tool.
void makeCertificate(const std::filesystem::path& dir, const std::string& name) {
    const std::string cmd =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
        "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
        (dir / (name + ".key")).string() + " -out " + (dir / (name + ".pem")).string() + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
}

}  // namespace

TEST_CASE("over TLS the server's certificate is always verified", "[sync][e2e][tls]") {
    Setup s;
    makeCertificate(s.dir.path(), "server");
    makeCertificate(s.dir.path(), "stranger");
    test::ServerProcess server(s.serverDb, s.dir.path(),
                               {"--tls-cert", (s.dir / "server.pem").string(), "--tls-key", (s.dir / "server.key").string()});
    const std::string token = test::tokenFor(s.serverDb);
    {
        // The system's CAs do not know a private certificate; a wrong private CA neither.
        for (const std::string& ca : {std::string(), (s.dir / "stranger.pem").string()}) {
            test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), token, {.caFile = ca});
            auto round = kiosk.client->runRound();
            REQUIRE_FALSE(round);
            CHECK(round.error().code() == ErrorCode::Refused);
            CHECK(round.error().message().find("certificate is not trusted") != std::string::npos);
        }
    }
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), token, {.caFile = (s.dir / "server.pem").string()});
    REQUIRE(kiosk.client->runRound());
    kiosk.apply(kiosk.firstJobId());
    REQUIRE(kiosk.client->runRound());
    CHECK(test::exportedRows(s.serverDb, "applications") == 1);
}

TEST_CASE("PostgreSQL backend: the same exchange, and two servers sharing one database sell no seat twice",
          "[sync][e2e][postgres]") {
    test::TempDir dir;
    test::PostgresCluster pg(dir.path());
    if (!pg.available()) FAIL("PostgreSQL is needed for this test: " << pg.why());
    test::writeFile(dir / "catalog.jsonl", catalog::toJsonLines(catalog::generateCatalog({.seed = 5, .jobs = 20, .courses = 3})));
    REQUIRE(test::runServerCommand({"import", "--db", pg.conninfo(), (dir / "catalog.jsonl").string()}).exitCode == 0);
    test::ServerProcess a(pg.conninfo(), dir.path());
    test::ServerProcess b(pg.conninfo(), dir.path());

    test::KioskSide first(dir / "k1.db", a.url(), test::tokenFor(pg.conninfo()));
    test::KioskSide second(dir / "k2.db", b.url(), test::tokenFor(pg.conninfo()));
    REQUIRE(first.client->runRound());
    REQUIRE(second.client->runRound());
    CHECK(first.count("SELECT count(*) FROM jobs") == 20);

    // Both kiosks ask for more seats of one session than it has, through different servers.
    const auto [session, free] = first.sessionWithSeats();
    for (auto* k : {&first, &second})
        for (int64_t i = 0; i < free; ++i)
            REQUIRE(store::requestEnrollment(
                k->db, k->cipher,
                {.sessionId = session, .person = {.name = "Ірына", .phone = "+375291112233"}, .consent = true}));
    std::thread t1([&] { CHECK(first.client->runRound()); });
    std::thread t2([&] { CHECK(second.client->runRound()); });
    t1.join();
    t2.join();
    const int64_t confirmed = first.count("SELECT count(*) FROM enrollments WHERE status = 'confirmed'") +
        second.count("SELECT count(*) FROM enrollments WHERE status = 'confirmed'");
    const int64_t waiting = first.count("SELECT count(*) FROM enrollments WHERE status = 'waitlisted'") +
        second.count("SELECT count(*) FROM enrollments WHERE status = 'waitlisted'");
    CHECK(confirmed == free);
    CHECK(waiting == free);
    CHECK(test::exportedRows(pg.conninfo(), "enrollments") == static_cast<size_t>(2 * free));
    first.apply(first.firstJobId());
    REQUIRE(first.client->runRound());
    CHECK(test::exportedRows(pg.conninfo(), "applications") == 1);
}

TEST_CASE("a seat freed at the office reaches the kiosk: the waitlisted person's code shows it confirmed", "[sync][e2e]") {
    Setup s(5, 1);
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->runRound());
    const auto [session, free] = kiosk.sessionWithSeats();
    std::vector<std::string> codes;
    for (int64_t i = 0; i <= free; ++i)
        codes.push_back(
            store::requestEnrollment(kiosk.db, kiosk.cipher,
                                     {.sessionId = session, .person = {.name = "Ана", .phone = "+995555000111"}, .consent = true})
                ->referenceCode);
    REQUIRE(kiosk.client->runRound());
    CHECK(store::lookUpReference(kiosk.db, codes.back())->status == domain::ActionStatus::Waitlisted);

    auto cancelled = test::runServerCommand({"cancel", "--db", s.serverDb, codes.front()});
    REQUIRE(cancelled.exitCode == 0);
    CHECK(cancelled.output.find(codes.back()) != std::string::npos);
    REQUIRE(kiosk.client->runRound());
    CHECK(store::lookUpReference(kiosk.db, codes.front())->status == domain::ActionStatus::Cancelled);
    auto promoted = store::lookUpReference(kiosk.db, codes.back());
    CHECK(promoted->status == domain::ActionStatus::Confirmed);
    CHECK_FALSE(promoted->waitlistPosition);
    // Picked up once: the next heartbeat asks only for what came after.
    CHECK(kiosk.text("SELECT value FROM settings WHERE key = 'sync.updates_after'") == "2");
}

TEST_CASE("configuration set at the office arrives with the heartbeat, a device's own over the fleet's", "[sync][e2e]") {
    Setup s(3, 0);
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->runRound());
    CHECK(test::runServerCommand({"config", "--db", s.serverDb, R"({"idleTimeoutSeconds":120,"language":"ka"})"}).exitCode == 0);
    CHECK(test::runServerCommand({"config", "--db", s.serverDb, "--device", kiosk.client->deviceId(), R"({"language":"ru"})"})
              .exitCode == 0);
    CHECK(test::runServerCommand({"config", "--db", s.serverDb, "[1,2]"}).exitCode == 1);
    CHECK(test::runServerCommand({"config", "--db", s.serverDb, "--device", "d-nobody", "{}"}).exitCode == 1);
    REQUIRE(kiosk.client->runRound());
    CHECK(kiosk.text("SELECT value FROM settings WHERE key = 'sync.config'") == R"({"idleTimeoutSeconds":120,"language":"ru"})");
}

TEST_CASE(
    "postings imported as schema.org JSON-LD reach the kiosks, a bad posting is refused alone, an expired one "
    "withdrawn",
    "[sync][e2e]") {
    Setup s(2, 0);
    test::writeFile(s.dir / "postings.json", R"([
      {"@context":"https://schema.org/","@type":"JobPosting","title":"Forklift driver","identifier":"FD-7",
       "hiringOrganization":{"@type":"Organization","name":"Poti Logistics"},"datePosted":"2026-11-20",
       "jobLocation":{"@type":"Place","address":{"addressLocality":"Poti","addressRegion":"Samegrelo"}},
       "description":"<p>Day shifts.</p>","baseSalary":{"currency":"GEL","value":{"minValue":15,"maxValue":20,"unitText":"HOUR"}}},
      {"@type":"JobPosting","title":"Harvest hand","identifier":"H-1","hiringOrganization":"Poti Logistics","validThrough":"2020-09-30"}])");
    test::writeFile(s.dir / "bad.json", R"([{"@type":"JobPosting","title":"Fine"},{"@type":"JobPosting","title":""}])");
    auto bad = test::runServerCommand({"import", "--db", s.serverDb, (s.dir / "bad.json").string()});
    CHECK(bad.exitCode == 3);  // imported, with a refusal
    auto good = test::runServerCommand({"import", "--db", s.serverDb, (s.dir / "postings.json").string()});
    REQUIRE(good.exitCode == 0);
    CHECK(good.output.find("1 added") != std::string::npos);
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->runRound());
    CHECK(kiosk.count("SELECT count(*) FROM jobs") == 4);
    CHECK(kiosk.text("SELECT title || ' / ' || employer || ' / ' || city || ' / ' || salary_max || ' ' || salary_period "
                     "FROM jobs WHERE id = 'ld-poti-logistics-FD-7'") == "Forklift driver / Poti Logistics / Poti / 20 HOUR");
    CHECK(kiosk.count("SELECT count(*) FROM jobs WHERE title = 'Fine'") == 1);
    CHECK(kiosk.count("SELECT count(*) FROM jobs WHERE title = 'Harvest hand'") == 0);
}

TEST_CASE("a fault on the kiosk itself still lets its heartbeat tell the office what is wrong", "[sync][e2e]") {
    Setup s(5, 1);
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->runRound());
    // The outbox cannot be read any more (what a damaged page looks like to the kiosk).
    REQUIRE(store::Statement::prepare(kiosk.db, "DROP TABLE outbox")->step() == SQLITE_DONE);
    auto failed = kiosk.client->runRound();
    REQUIRE_FALSE(failed);
    auto devices = test::runServerCommand({"devices", "--db", s.serverDb});
    INFO(devices.output);
    CHECK(devices.output.find("outbox") != std::string::npos);  // the round's problem, as the last error
}
