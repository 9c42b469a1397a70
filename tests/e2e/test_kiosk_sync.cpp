// End-to-end with the office's server: the real kiosk beside a real dc-server on loopback. What a
// jobseeker does at the kiosk arrives at the server, and the receipt says so when it has.
#include <catch2/catch.hpp>

#include "catalog/demo_catalog.hpp"
#include "catalog/catalog_json.hpp"
#include "e2e/kiosk_process.hpp"
#include "support/temp_dir.hpp"
#include "sync/server_process.hpp"

using namespace dc::test;

namespace {

std::string serverWithSeedCatalog(const TempDir& dir) {
    const std::string db = (dir / "server.db").string();
    writeFile(dir / "seed.jsonl", dc::catalog::toJsonLines(dc::catalog::kioskSeedCatalog()));
    REQUIRE(runServerCommand({"import", "--db", db, (dir / "seed.jsonl").string()}).exitCode == 0);
    return db;
}

std::string token(const std::string& db) {
    auto r = runServerCommand({"token", "--db", db});
    REQUIRE(r.exitCode == 0);
    return r.output.substr(0, r.output.find('\n'));
}

}  // namespace

TEST_CASE("an application made at the kiosk reaches the server, and the receipt says it was delivered", "[e2e][sync]") {
    TempDir dir;
    const std::string db = serverWithSeedCatalog(dir);
    ServerProcess server(db, dir.path());
    const std::string script =
        "tap \"Find a job\"\ntype \"junior qa\"\ntap \"Junior QA tester\"\ntap \"Apply for this job\"\n"
        "tap \"Your name\"\ntype \"Nino Beridze\"\ntap \"Phone number\"\ntype \"599 12 34 56\"\ntap \"Done\"\n"
        "tap \"I agree\"\ntap \"Next: check and send\"\ntap \"Send application\"\nexpect \"Your reference code\"\n"
        "expect \"Delivered to the employment office.\"\n"
        "screenshot " DC_SCREENSHOT_DIR
        "/receipt-delivered-en.png\n"
        "tap \"Finish\"\ntap \"Help\"\nexpect \"Everything is sent.\"\ntap \"Send now\"\n"
        "expect \"Everything is sent.\"\nscreenshot " DC_SCREENSHOT_DIR "/help-delivery-en.png\n";
    const auto result = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--server", server.url(), "--enroll-token",
                                           token(db), "--short-timings-for-tests", "--sync-interval", "2"},
                                  .script = script},
                                 dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const auto csv = runServerCommand({"export", "--db", db, "applications"});
    CHECK(csv.output.find("Nino Beridze") != std::string::npos);
    CHECK(csv.output.find("\"submitted\"") != std::string::npos);
    // The program's report: two sessions (the application, then a look at Help after Finish), one
    // search (typed letter by letter), one application.
    const auto report = runServerCommand({"report", "--db", db});
    INFO(report.output);
    CHECK(report.output.find(",sessions,\"\",2,1\n") != std::string::npos);
    CHECK(report.output.find(",searches,\"\",1,1\n") != std::string::npos);
    CHECK(report.output.find(",applications,\"\",1,1\n") != std::string::npos);
    CHECK(report.output.find("Nino") == std::string::npos);
}

TEST_CASE("with the server unreachable the kiosk still takes the application and says it will be sent", "[e2e][sync]") {
    TempDir dir;
    const std::string script =
        "tap \"Find a job\"\ntype \"junior qa\"\ntap \"Junior QA tester\"\ntap \"Apply for this job\"\n"
        "tap \"Your name\"\ntype \"Nino Beridze\"\ntap \"Phone number\"\ntype \"599 12 34 56\"\ntap \"Done\"\n"
        "tap \"I agree\"\ntap \"Next: check and send\"\ntap \"Send application\"\nexpect \"as soon as this kiosk is online\"\n"
        "wait 2000\nexpect-not \"Delivered\"\ntap \"Finish\"\n"
        "tap \"Help\"\nexpect \"Offline. Everything is kept here and sent later.\"\nexpect \"Waiting to be sent: 1.\"\n";
    const auto result = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--server",
                                           "http://127.0.0.1:" + std::to_string(freeLoopbackPort()), "--enroll-token", "0000"},
                                  .script = script},
                                 dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("a new kiosk whose first catalog is on its way says so, in each language, and lists the jobs when they arrive",
          "[e2e][sync]") {
    TempDir dir;
    const std::string db = serverWithSeedCatalog(dir);
    // The office answers the first catalog pull slowly: long enough for the person to open the
    // list before it arrives, however slow this machine is at starting the kiosk.
    ServerProcess server(db, dir.path(), {"--faults", "pull:slow:15000"});
    REQUIRE(server.running());
    const std::string script =
        "tap \"Find a job\"\nexpect \"Getting the jobs from the office\"\nexpect-not \"No jobs match\"\n"
        "expect-not \"Jobs found: 0\"\nscreenshot " DC_SCREENSHOT_DIR
        "/catalog-arriving-en.png\n"
        "language ka\nexpect \"ვაკანსიები ოფისიდან იტვირთება\"\n"
        "language ru\nexpect \"Получаем вакансии из центра занятости\"\n"
        "language be\nexpect \"Атрымліваем вакансіі з цэнтра занятасці\"\n"
        "language en\n"
        // Nobody touches anything: the list fills by itself once the catalog is here.
        "expect \"Junior QA tester\"\nexpect \"Jobs found: \"\n";
    const auto result = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--no-demo", "--server", server.url(),
                                           "--enroll-token", token(db), "--short-timings-for-tests", "--sync-interval", "2"},
                                  .script = script},
                                 dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("a new kiosk that cannot reach the office says its jobs have not arrived, not that none match", "[e2e][sync]") {
    TempDir dir;
    const std::string script =
        "tap \"Find a job\"\nexpect \"The jobs have not arrived yet: the kiosk cannot reach the office right now.\"\n"
        "type \"qa\"\nexpect \"The jobs have not arrived yet\"\nexpect-not \"No jobs match\"\n"
        "language ru\nexpect \"Вакансии ещё не пришли\"\n";
    const auto result = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--no-demo", "--server",
                                           "http://127.0.0.1:" + std::to_string(freeLoopbackPort()), "--enroll-token", "0000"},
                                  .script = script},
                                 dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}
