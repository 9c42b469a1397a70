// Each jobseeker flow in each of the four languages, through the real program and input path,
// with the words of the .po catalogs: apply (with a problem to fix), ask for a course place and
// join a waiting list, check a status by code, and walk away (the idle wipe).
#include <catch2/catch.hpp>

#include <algorithm>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "store/jobseeker_actions.hpp"
#include "store/sqlite_statement.hpp"
#include "e2e/catalog_words.hpp"
#include "e2e/kiosk_process.hpp"
#include "support/temp_dir.hpp"

using namespace dc::test;

namespace {

const char* const kLanguages[] = {"ka", "ru", "be", "en"};

std::string q(const std::string& s) { return "\"" + s + "\""; }

std::string fill(const Words& w, const std::string& name, const std::string& phone) {
    return "tap " + q(w("FieldName")) + "\ntype " + q(name) + "\ntap " + q(w("FieldPhone")) + "\ntype " + q(phone) + "\ntap " +
        q(w("KeyDone")) + "\ntap " + q(w("ConsentAgree")) + "\n";
}

ProcessResult run(const TempDir& dir, const std::string& lang, const std::string& script, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--data-dir", (dir / "data").string(), "--language", lang};
    args.insert(args.end(), extra.begin(), extra.end());
    return runKiosk({.args = args, .script = script}, dir.path());
}

dc::domain::CourseRecord firstCourse() {
    TempDir dir;
    auto db = dc::store::Database::open(dir / "seed.db");
    REQUIRE(dc::store::applyCatalogBatch(*db, dc::catalog::kioskSeedCatalog()));
    return dc::store::listCourses(*db, 1)->front();
}

}  // namespace

TEST_CASE("apply for a job, fixing what the form asks, in every language", "[e2e][flows][i18n]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        const Words w(lang);
        TempDir dir;
        const std::string script = "tap " + q(w("TileJobs")) +
            "\ntype \"junior qa\"\ntap \"Junior QA tester\"\n"
            "tap " +
            q(w("ApplyButton")) + "\ntap " + q(w("ReviewNext")) + "\nexpect " + q(w("ProblemName")) + "\n" +
            fill(w, "Nino", "599 12 34 56") + "tap " + q(w("ReviewNext")) + "\nexpect " + q(w("ReviewIntro")) + "\ntap " +
            q(w("SendApplication")) + "\nexpect " + q(w("YourCode")) + "\nexpect " + q(w("ReceiptApplied")) + "\ntap " +
            q(w("Finish")) + "\nexpect " + q(w("HomeInstruction")) + "\n";
        const auto result = run(dir, lang, script);
        INFO(result.output);
        REQUIRE(result.exitCode == 0);
        auto db = dc::store::Database::open(dir / "data" / "kiosk.db");
        auto stmt = dc::store::Statement::prepare(*db, "SELECT count(*) FROM outbox WHERE kind = 'application'");
        REQUIRE(stmt->step() == SQLITE_ROW);
        CHECK(stmt->integer(0) == 1);
    }
}

TEST_CASE("ask for a course place and join a waiting list, in every language", "[e2e][flows][i18n]") {
    const auto course = firstCourse();
    // The first date with a seat left is the one "Ask for a place" books: the review and the
    // receipt name its place.
    const auto open = std::find_if(course.sessions.begin(), course.sessions.end(),
                                   [](const auto& session) { return session.capacity > session.seatsTaken; });
    REQUIRE(open != course.sessions.end());
    REQUIRE_FALSE(open->center.empty());
    for (const char* lang : kLanguages) {
        INFO(lang);
        const Words w(lang);
        TempDir dir;
        const std::string script = "tap " + q(w("TileCourses")) + "\ntap " + q(course.name) + "\nexpect " + q(w("Sessions")) +
            "\n" + "tap " + q(w("SendEnrollment")) + "\nexpect " + q(w("EnrollTitle")) + "\n" +
            fill(w, "Giorgi", "+995 555 11 22 33") + "tap " + q(w("ReviewNext")) + "\nexpect " + q(open->center) + "\ntap " +
            q(w("SendEnrollment")) + "\nexpect " + q(w("ReceiptEnrolled")) + "\nexpect " + q(open->center) + "\ntap " +
            q(w("Finish")) + "\n" + "tap " + q(w("TileCourses")) + "\ntap " + q(course.name) + "\ntap " + q(w("JoinWaitlist")) +
            "\n" + fill(w, "Olga", "+375291234567") + "tap " + q(w("ReviewNext")) + "\ntap " + q(w("SendEnrollment")) +
            "\nexpect " + q(w("ReceiptWaitlisted", 1)) + "\ntap " + q(w("Finish")) + "\n";
        const auto result = run(dir, lang, script);
        INFO(result.output);
        CHECK(result.exitCode == 0);
    }
}

TEST_CASE("check a status by reference code, in every language", "[e2e][flows][i18n]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        const Words w(lang);
        TempDir dir;
        std::string code;
        {
            std::filesystem::create_directories(dir / "data");
            auto db = dc::store::Database::open(dir / "data" / "kiosk.db");
            REQUIRE(dc::store::applyCatalogBatch(*db, dc::catalog::kioskSeedCatalog()));
            auto cipher = dc::store::FieldCipher::openDeviceKey(dir / "data" / "device.key");
            code = dc::store::submitApplication(
                       *db, *cipher, {.jobId = "demo-job-001", .person = {.name = "Ana", .phone = "599000111"}, .consent = true})
                       ->referenceCode;
        }
        const std::string script = "tap " + q(w("TileStatus")) + "\ntap " + q(w("FieldCode")) + "\ntype " + q(code) + "\ntap " +
            q(w("CheckButton")) + "\nexpect " + q(w("StatusPending")) + "\n";
        const auto result = run(dir, lang, script);
        INFO(result.output);
        CHECK(result.exitCode == 0);
    }
}

TEST_CASE("walk away in every language: the warning, More time, then nothing left", "[e2e][flows][i18n][privacy]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        const Words w(lang);
        TempDir dir;
        const std::string script = "tap " + q(w("TileJobs")) +
            "\ntype \"secretsearch\"\nexpect \"secretsearch\"\n"
            "expect " +
            q(w.before("IdleWarning")) + "\ntap " + q(w("MoreTime")) + "\nexpect-not " + q(w.before("IdleWarning")) +
            "\nexpect " + q(w("HomeInstruction")) + "\ndump " + (dir / "after.json").string() + "\ntap " + q(w("TileJobs")) +
            "\nexpect " + q(w.before("JobsFound")) + "\ndump " + (dir / "jobs.json").string() + "\n";
        const auto result = run(dir, lang, script, {"--short-timings-for-tests", "--idle-timeout", "6"});
        INFO(result.output);
        REQUIRE(result.exitCode == 0);
        for (const char* file : {"after.json", "jobs.json"}) {
            const std::string all = nlohmann::json::parse(std::ifstream(dir / file)).dump();
            CHECK(all.find("secretsearch") == std::string::npos);
        }
    }
}

TEST_CASE("a person who cannot see the screen applies with arrows and Enter only, in every language",
          "[e2e][flows][i18n][audio]") {
    // listen-for presses Down until the spoken focus names the item, as the person listens.
    const std::map<std::string, std::string> firstLetter = {{"ka", "ა"}, {"ru", "а"}, {"be", "а"}, {"en", "a"}};
    for (const char* lang : kLanguages) {
        INFO(lang);
        const Words w(lang);
        TempDir dir;
        auto find = [](const std::string& label) { return "listen-for " + q(label) + "\nkey Enter\n"; };
        const std::string script = find(w("TileJobs")) + "expect " + q(w.before("JobsFound")) + "\n" + find("Junior QA tester") +
            find(w("ApplyButton")) + "expect " + q(w("ReviewNext")) + "\n" + find(w("FieldName")) + find(firstLetter.at(lang)) +
            find(w("FieldPhone")) + find("5") + "key Enter\nkey Enter\nkey Enter\nkey Enter\nkey Enter\n" + find(w("KeyDone")) +
            find(w("ConsentAgree")) + find(w("ReviewNext")) + "expect " + q(w("ReviewIntro")) + "\nlisten-for " +
            q(w("SendApplication")) + "\ndump " + (dir / "send.json").string() + "\nkey Enter\nexpect " + q(w("YourCode")) + "\n";
        const auto result = run(dir, lang, script);
        INFO(result.output);
        REQUIRE(result.exitCode == 0);
        // What the person last heard was the send button, in their language.
        const auto said = nlohmann::json::parse(std::ifstream(dir / "send.json"))["spoken"];
        REQUIRE(!said.empty());
        CHECK(said.back().get<std::string>().find(w("SendApplication")) == 0);
        auto db = dc::store::Database::open(dir / "data" / "kiosk.db");
        auto stmt = dc::store::Statement::prepare(*db, "SELECT count(*) FROM applications");
        REQUIRE(stmt->step() == SQLITE_ROW);
        CHECK(stmt->integer(0) == 1);
    }
}
