// End-to-end: a jobseeker applies, asks for a course place, joins a waitlist, checks a status,
// and walks away — through the real program, real input events and real screenshots.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <tuple>

#include "domain/course_filter.hpp"
#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "store/jobseeker_actions.hpp"
#include "store/sqlite_statement.hpp"
#include "e2e/kiosk_process.hpp"
#include "support/temp_dir.hpp"

using namespace dc::test;

namespace {

const std::string kShots = DC_SCREENSHOT_DIR;

std::vector<std::string> kioskArgs(const TempDir& dir) { return {"--data-dir", (dir / "data").string()}; }

// The first course of the list as the kiosk orders it, from the same seed catalog.
dc::domain::CourseRecord firstListedCourse() {
    TempDir dir;
    auto db = dc::store::Database::open(dir / "seed.db");
    REQUIRE(db);
    REQUIRE(dc::store::applyCatalogBatch(*db, dc::catalog::kioskSeedCatalog()));
    auto courses = dc::store::listCourses(*db, 1);
    REQUIRE(courses);
    REQUIRE_FALSE(courses->empty());
    return courses->front();
}

std::string fillForm(const std::string& name, const std::string& phone) {
    return "tap \"Your name\"\ntype \"" + name + "\"\ntap \"Phone number\"\ntype \"" + phone +
        "\"\ntap \"Done\"\ntap \"I agree\"\n";
}

}  // namespace

TEST_CASE("a jobseeker applies for a job and gets a reference code, in English and Georgian", "[e2e][flows]") {
    struct Case {
        const char* language;
        const char* find;
        const char* apply;
        const char* name;
        const char* phone;
        const char* agree;
        const char* done;
        const char* review;
        const char* send;
        const char* nameProblem;
        const char* saved;
        const char* finish;
        const char* home;
    };
    const Case cases[] = {
        {"en", "Find a job", "Apply for this job", "Your name", "Phone number", "I agree", "Done", "Next: check and send",
         "Send application", "Please write your name.", "Your reference code", "Finish", "Touch a button to start"},
        {"ka", "სამუშაოს ძებნა", "განაცხადის გაგზავნა", "თქვენი სახელი", "ტელეფონის ნომერი", "ვეთანხმები", "მზადაა",
         "შემდეგი: შემოწმება", "გაგზავნა", "გთხოვთ, ჩაწეროთ სახელი.", "თქვენი კოდი", "დასრულება", "შეეხეთ ღილაკს"},
    };
    for (const Case& c : cases) {
        INFO(c.language);
        TempDir dir;
        auto args = kioskArgs(dir);
        args.insert(args.end(), {"--language", c.language});
        const std::string lang = c.language;
        const std::string script = "tap \"" + std::string(c.find) + "\"\ntype \"junior qa\"\ntap \"Junior QA tester\"\n" +
            "screenshot " + kShots + "/job-detail-apply-" + lang + ".png\n" + "tap \"" + c.apply + "\"\nexpect \"" + c.name +
            "\"\n" + "tap \"" + c.review + "\"\nexpect \"" + c.nameProblem + "\"\n" + "tap \"" + c.name +
            "\"\ntype \"Nino Beridze\"\ntap \"" + c.phone + "\"\ntype \"599 12 34 56\"\n" + "tap \"" + c.done +
            "\"\ntap \"English\"\ntap \"" + c.agree + "\"\n" + "screenshot " + kShots + "/apply-" + lang + ".png\n" + "tap \"" +
            c.review + "\"\nexpect \"Nino Beridze\"\nexpect \"English\"\n" + "screenshot " + kShots + "/review-" + lang +
            ".png\n" + "tap \"" + c.send + "\"\nexpect \"" + c.saved + "\"\nexpect-not \"Nino Beridze\"\n" + "screenshot " +
            kShots + "/receipt-" + lang + ".png\n" + "tap \"" + c.finish + "\"\nexpect \"" + c.home + "\"\n";
        const auto result = runKiosk({.args = args, .script = script}, dir.path());
        INFO(result.output);
        REQUIRE(result.exitCode == 0);

        // What the kiosk saved: one application, waiting in the outbox, the name sealed.
        auto db = dc::store::Database::open(dir / "data" / "kiosk.db");
        REQUIRE(db);
        auto saved =
            dc::store::Statement::prepare(*db,
                                          "SELECT (SELECT count(*) FROM applications), "
                                          "(SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = 'application')");
        REQUIRE(saved);
        REQUIRE(saved->step() == SQLITE_ROW);
        CHECK(saved->integer(0) == 1);
        CHECK(saved->integer(1) == 1);
        // The skill picked from the job's list went with the profile; the others did not.
        auto skills = dc::store::Statement::prepare(*db, "SELECT skills FROM profiles");
        REQUIRE(skills->step() == SQLITE_ROW);
        CHECK(skills->text(0) == "[\"English\"]");
    }
}

TEST_CASE("a jobseeker asks for a course place, and joins the waiting list of a full date", "[e2e][flows]") {
    const auto course = firstListedCourse();
    bool hasFree = false, hasFull = false;
    for (const auto& s : course.sessions) (s.seatsTaken < s.capacity ? hasFree : hasFull) = true;
    REQUIRE(hasFree);  // the seed catalog's first course has both kinds of dates
    REQUIRE(hasFull);
    TempDir dir;
    const std::string script = "tap \"Courses\"\ntap \"" + course.name + "\"\nexpect \"Dates and places\"\n" + "screenshot " +
        kShots + "/course-detail-en.png\n" + "tap \"Ask for this place\"\nexpect \"Ask for a place\"\n" +
        fillForm("Giorgi Kapanadze", "+995 555 11 22 33") +
        "tap \"Next: check and send\"\ntap \"Ask for this place\"\nexpect \"Your request for a place is saved\"\nexpect-not "
        "\"waiting list\"\n" +
        "tap \"Finish\"\n" + "tap \"Courses\"\ntap \"" + course.name + "\"\ntap \"Join the waiting list\"\n" +
        fillForm("Olga Petrova", "+375291234567") +
        "tap \"Next: check and send\"\ntap \"Ask for this place\"\nexpect \"You are on the waiting list, place 1.\"\n" +
        "screenshot " + kShots + "/receipt-waitlist-en.png\n" + "tap \"Finish\"\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("a jobseeker checks a status with the reference code, typed loosely", "[e2e][flows]") {
    TempDir dir;
    std::string code;
    {
        // An application made earlier at this kiosk, with this kiosk's key.
        std::filesystem::create_directories(dir / "data");
        auto db = dc::store::Database::open(dir / "data" / "kiosk.db");
        REQUIRE(db);
        REQUIRE(dc::store::applyCatalogBatch(*db, dc::catalog::kioskSeedCatalog()));
        auto cipher = dc::store::FieldCipher::openDeviceKey(dir / "data" / "device.key");
        REQUIRE(cipher);
        auto receipt = dc::store::submitApplication(
            *db, *cipher, {.jobId = "demo-job-001", .person = {.name = "Ana", .phone = "599000111"}, .consent = true});
        REQUIRE(receipt);
        code = receipt->referenceCode;
    }
    std::string loose = code;
    for (char& ch : loose) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    loose.erase(3, 1);  // without the dash
    const std::string script = "tap \"My applications\"\ntap \"Reference code (6 letters and digits)\"\ntype \"" + loose +
        "\"\ntap \"Check\"\nexpect \"Saved here, not yet delivered.\"\nexpect \"Junior QA tester\"\n" + "screenshot " + kShots +
        "/status-en.png\n" + "tap \"Reference code (6 letters and digits)\"\n" +
        "key Backspace\nkey Backspace\nkey Backspace\nkey Backspace\nkey Backspace\nkey Backspace\n" +
        "type \"AAAAAA\"\ntap \"Check\"\n" + "expect \"No application or course place has this code\"\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("walking away: a warning with More time, then everything typed is gone", "[e2e][flows][privacy]") {
    TempDir dir;
    auto args = kioskArgs(dir);
    args.insert(
        args.end(),
        {"--short-timings-for-tests", "--idle-timeout", "6", "--language", "en", "--dump-ui", (dir / "ui.json").string()});
    const std::string script =
        "tap \"Language\"\ntap \"Русский\"\nexpect \"Найти работу\"\n"
        "tap \"Найти работу\"\ntype \"secretsearch\"\nexpect \"secretsearch\"\ntap \"На главную\"\n"
        "tap \"Мои заявки\"\ntap \"Код (6 букв и цифр)\"\ntype \"ZZZ999\"\nexpect \"ZZZ999\"\n"
        "wait 3500\nexpect \"Вы здесь?\"\nscreenshot " +
        kShots +
        "/idle-warning-ru.png\n"
        "tap \"Ещё время\"\nexpect-not \"Вы здесь?\"\n"
        "wait 7500\nexpect \"Touch a button to start\"\n"
        "dump " +
        (dir / "after.json").string() +
        "\n"
        // The fields are empty when opened again, not merely out of sight.
        "tap \"Find a job\"\nexpect \"Jobs found\"\ndump " +
        (dir / "jobs.json").string() +
        "\n"
        "tap \"Home\"\ntap \"My applications\"\ndump " +
        (dir / "status.json").string() + "\n";
    const auto result = runKiosk({.args = args, .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const auto dump = nlohmann::json::parse(std::ifstream(dir / "after.json"));
    CHECK(dump["screen"] == "home");
    CHECK(dump["language"] == "en");  // back to the site's language
    for (const char* file : {"after.json", "jobs.json", "status.json"}) {
        INFO(file);
        const std::string all = nlohmann::json::parse(std::ifstream(dir / file)).dump();
        CHECK(all.find("secretsearch") == std::string::npos);
        CHECK(all.find("ZZZ999") == std::string::npos);
        CHECK(all.find("Найти") == std::string::npos);  // nothing left in Russian either
    }
}

TEST_CASE("filter chips narrow the list and show what each would leave", "[e2e][flows]") {
    const auto seed = dc::catalog::kioskSeedCatalog();
    int64_t remote = 0, remoteFrom2000 = 0;
    for (const auto& j : seed.jobUpserts) {
        if (j.workMode != dc::domain::WorkMode::Remote) continue;
        ++remote;
        if (j.salaryMax && *j.salaryMax >= 2000) ++remoteFrom2000;
    }
    REQUIRE(remote > 0);
    REQUIRE(remoteFrom2000 > 0);
    TempDir dir;
    const std::string script = "tap \"Find a job\"\nexpect \"Remote work\"\nexpect \"" + shownCount(remote) +
        "\"\ntap \"Remote work\"\nexpect \"Jobs found: " + shownCount(remote) + "\"\n" +
        "tap \"From 2,000\"\nexpect \"Jobs found: " + shownCount(remoteFrom2000) + "\"\n" + "screenshot " + kShots +
        "/jobs-filters-en.png\n" + "tap \"Remote work\"\ntap \"From 2,000\"\nexpect \"Jobs found: " +
        shownCount(static_cast<long long>(seed.jobUpserts.size())) + "\"\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("a finger swipe scrolls the job list and opens nothing", "[e2e][flows]") {
    TempDir dir;
    const std::string script =
        "tap \"Find a job\"\nexpect \"Junior QA tester\"\nswipe up\nswipe up\n"
        "expect-not \"Junior QA tester\"\nexpect \"Jobs found\"\nexpect-not \"Skills you need\"\n"
        "swipe down\nswipe down\nswipe down\nexpect \"Junior QA tester\"\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("the on-screen keyboard types Georgian, switches layout, erases, and capitalises names", "[e2e][flows]") {
    TempDir dir;
    auto args = kioskArgs(dir);
    args.insert(args.end(), {"--language", "ka"});
    const std::string script =
        "tap \"სამუშაოს ძებნა\"\ntap \"ჩაწერეთ პროფესია, უნარი ან ქალაქი\"\nexpect \"ENG\"\n"
        "tap \"ბ\"\ntap \"უ\"\ntap \"ღ\"\nexpect \"ბუღ\"\nexpect \"ბუღალტერი\"\n"
        "screenshot " +
        kShots +
        "/keyboard-ka.png\n"
        "tap \"წაშლა\"\ntap \"წაშლა\"\ntap \"წაშლა\"\nexpect-not \"ბუღ\"\n"
        "tap \"ENG\"\nexpect \"q\"\ntap \"მზადაა\"\nexpect-not \"მზადაა\"\n"
        "tap \"Junior QA tester\"\ntap \"განაცხადის გაგზავნა\"\ntap \"თქვენი სახელი\"\ntap \"ENG\"\n"
        "tap \"n\"\ntap \"i\"\ntap \"n\"\ntap \"o\"\nexpect \"Nino\"\n";
    const auto result = runKiosk({.args = args, .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("a course shows the jobs it leads to, and opens them", "[e2e][flows]") {
    const auto course = firstListedCourse();
    std::string firstJob;
    {
        TempDir seedDir;
        auto db = dc::store::Database::open(seedDir / "seed.db");
        REQUIRE(db);
        REQUIRE(dc::store::applyCatalogBatch(*db, dc::catalog::kioskSeedCatalog()));
        auto jobs = dc::store::jobsMatchingSkills(*db, {.mySkills = course.skillsTaught, .limit = 3});
        REQUIRE(jobs);
        REQUIRE_FALSE(jobs->jobs.empty());
        firstJob = jobs->jobs.front().title;
    }
    TempDir dir;
    const std::string script = "tap \"Courses\"\ntap \"" + course.name + "\"\nexpect \"Dates and places\"\n" +
        "swipe up\nswipe up\nexpect \"Jobs that ask for these skills\"\n" + "tap \"" + firstJob +
        "\"\nexpect \"Apply for this job\"\nexpect \"" + firstJob + "\"\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("at rest the kiosk shows the attract screen in every language, a touch starts, pressing nothing else", "[e2e][flows]") {
    TempDir dir;
    auto args = kioskArgs(dir);
    args.insert(args.end(), {"--attract-after", "5"});
    const std::string script =
        "expect \"Find a job\"\nexpect \"Touch the screen to start\"\n"
        "expect-not \"Find a job\"\n"
        "screenshot " +
        kShots +
        "/attract.png\n"
        "tap \"Touch the screen to start\"\nexpect \"Find a job\"\nexpect \"Touch a button to start\"\n";
    const auto result = runKiosk({.args = args, .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("Call a clerk: the office is told (no personal data), and the tile says so", "[e2e][flows]") {
    for (const auto& [lang, call, called] :
         {std::tuple{"en", "Call a clerk", "A clerk has been called. Please wait here."},
          std::tuple{"ka", "კონსულტანტის გამოძახება", "კონსულტანტი გამოძახებულია. გთხოვთ, აქ დაელოდოთ."}}) {
        INFO(lang);
        TempDir dir;
        auto args = kioskArgs(dir);
        args.insert(args.end(), {"--language", lang});
        const std::string script = "tap \"" + std::string(call) + "\"\nexpect \"" + called + "\"\ntap \"" + call +
            "\"\nscreenshot " + kShots + "/call-clerk-" + lang + ".png\n";
        const auto result = runKiosk({.args = args, .script = script}, dir.path());
        INFO(result.output);
        REQUIRE(result.exitCode == 0);
        auto db = dc::store::Database::open(dir / "data" / "kiosk.db");
        REQUIRE(db);
        auto stmt = dc::store::Statement::prepare(*db,
                                                  "SELECT (SELECT count(*) FROM outbox WHERE kind = 'event'), "
                                                  "(SELECT count(*) FROM audit_log WHERE action = 'clerk.called')");
        REQUIRE(stmt->step() == SQLITE_ROW);
        CHECK(stmt->integer(0) == 1);  // the second tap did not call again
        CHECK(stmt->integer(1) == 1);
    }
}

TEST_CASE("courses are browsed by format, who they are for, and flexible hours, with counts", "[e2e][flows]") {
    // The expectations come from the seed catalog the kiosk starts with.
    TempDir seed;
    auto db = dc::store::Database::open(seed / "seed.db");
    REQUIRE(db);
    REQUIRE(dc::store::applyCatalogBatch(*db, dc::catalog::kioskSeedCatalog()));
    const auto courses = *dc::store::listCourses(*db, 500);
    const auto all = dc::domain::courseChoices(courses, {});
    const std::string webinars = std::to_string(dc::domain::matchingCourses(courses, {.format = "webinar"}).size());
    const std::string parentsWebinars =
        std::to_string(dc::domain::matchingCourses(courses, {.format = "webinar", .group = "parental_leave"}).size());
    REQUIRE(std::stoi(parentsWebinars) > 0);
    struct Case {
        const char *lang, *courses, *webinar, *parents, *found;
    };
    const Case cases[] = {{"en", "Courses", "Online (webinar)", "Parents on leave", "Courses: "},
                          {"ka", "კურსები", "ონლაინ (ვებინარი)", "მშობლები დეკრეტულ შვებულებაში", "კურსები: "}};
    for (const auto& c : cases) {
        INFO(c.lang);
        TempDir dir;
        auto args = kioskArgs(dir);
        args.insert(args.end(), {"--language", c.lang});
        const std::string lang = c.lang;
        const std::string script = "tap \"" + std::string(c.courses) + "\"\nexpect \"" + c.found +
            std::to_string(courses.size()) +
            "\"\n"
            "tap \"" +
            c.webinar + "\"\nexpect \"" + c.found + webinars +
            "\"\n"
            "tap \"" +
            c.parents + "\"\nexpect \"" + c.found + parentsWebinars +
            "\"\n"
            "screenshot " +
            kShots + "/courses-filters-" + lang +
            ".png\n"
            "tap \"" +
            c.webinar + "\"\ntap \"" + c.parents +
            "\"\n"
            "expect \"" +
            c.found + std::to_string(courses.size()) + "\"\n";
        const auto result = runKiosk({.args = args, .script = script}, dir.path());
        INFO(result.output);
        CHECK(result.exitCode == 0);
    }
}

TEST_CASE("a job and a course travel to the phone as a QR code", "[e2e][flows]") {
    const auto course = firstListedCourse();
    TempDir dir;
    const std::string script =
        "tap \"Find a job\"\ntype \"junior qa\"\ntap \"Junior QA tester\"\nswipe up\nswipe up\nswipe up\n"
        "expect \"Take it with you\"\nscreenshot " +
        kShots +
        "/job-qr-en.png\n"
        "tap \"Home\"\ntap \"Courses\"\ntap \"" +
        course.name +
        "\"\nswipe up\nswipe up\nswipe up\nswipe up\n"
        "expect \"Take it with you\"\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

namespace {

std::vector<std::string> spokenIn(const std::filesystem::path& dump, long long* samples = nullptr) {
    std::ifstream in(dump);
    const auto j = nlohmann::json::parse(in, nullptr, false);
    REQUIRE(j.is_object());
    if (samples) *samples = j.value("speech_samples", 0LL);
    return j.value("spoken", std::vector<std::string>{});
}

bool anyContains(const std::vector<std::string>& said, const std::string& text) {
    return std::any_of(said.begin(), said.end(), [&](const std::string& s) { return s.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("audio guidance speaks each screen, the results, Listen reads a job, the code is spelled, and it forgets",
          "[e2e][flows][audio]") {
    TempDir dir;
    const std::string d = dir.path().string();
    const std::string script = "tap \"Audio guidance\"\ndump " + d +
        "/home.json\n"
        "tap \"Find a job\"\nexpect \"Jobs found\"\ndump " +
        d +
        "/jobs.json\n"
        "type \"junior qa\"\nexpect \"Junior QA tester\"\ntap \"Junior QA tester\"\ntap \"Listen\"\ndump " +
        d +
        "/job.json\n"
        "tap \"Apply for this job\"\ntap \"Next: check and send\"\nexpect \"Please write your name.\"\ndump " +
        d + "/problem.json\n" + fillForm("Nino Beridze", "599 12 34 56") +
        "tap \"Next: check and send\"\ntap \"Send application\"\nexpect \"Your reference code\"\ndump " + d +
        "/receipt.json\n"
        "tap \"Finish\"\ndump " +
        d + "/after.json\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    CHECK(anyContains(spokenIn(dir / "home.json"), "Touch a button to start"));
    const auto jobs = spokenIn(dir / "jobs.json");
    CHECK(anyContains(jobs, "Jobs. "));  // the screen on arrival
    CHECK(anyContains(jobs, "Jobs found: "));  // and the count as soon as it is known
    const auto job = spokenIn(dir / "job.json");
    CHECK(anyContains(job, "Jobs found: 1"));  // the count as it changed while typing
    CHECK(job.back().find("Junior QA tester") != std::string::npos);  // Listen
    CHECK(spokenIn(dir / "problem.json").back() == "Please write your name.");
    const auto receipt = spokenIn(dir / "receipt.json");
    CHECK(receipt.back().find("Your reference code is: ") != std::string::npos);
    // Nothing of the person is kept once they finish.
    long long samples = 0;
    CHECK(spokenIn(dir / "after.json", &samples).empty());
    // espeak-ng made the sound (played when a sound card is there). Read at the end: it starts on
    // its own thread with the first sentence, and a busy machine may not have a sample at once.
    CHECK(samples > 0);
}

TEST_CASE("audio guidance speaks Georgian, and counts down before the idle reset", "[e2e][flows][audio]") {
    TempDir dir;
    auto args = kioskArgs(dir);
    args.insert(args.end(), {"--language", "ka", "--short-timings-for-tests", "--idle-timeout", "20"});
    const std::string d = dir.path().string();
    const std::string script = "tap \"ხმოვანი დახმარება\"\ndump " + d +
        "/home.json\n"
        "expect \"მეტი დრო\"\nwait 1500\ndump " +
        d + "/warning.json\n";
    const auto result = runKiosk({.args = args, .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    long long samples = 0;
    CHECK(anyContains(spokenIn(dir / "home.json", &samples), "დასაწყებად შეეხეთ ღილაკს"));
    CHECK(samples > 0);
    CHECK(anyContains(spokenIn(dir / "warning.json"), "5 წამი"));
}

TEST_CASE("audio-nav: arrows move a spoken focus, Enter presses, Escape goes back", "[e2e][flows][audio]") {
    TempDir dir;
    const std::string d = dir.path().string();
    std::string downs;
    for (int i = 0; i < 6; ++i) downs += "key Down\n";
    const std::string script = "key Up\ndump " + d + "/last.json\nkey Down\n" + downs + "dump " + d +
        "/focus.json\n"
        "key Enter\nexpect \"Jobs found\"\nscreenshot " +
        kShots +
        "/audio-nav-jobs-en.png\n"
        "key Down\nkey Down\nkey Down\nkey Down\nkey Down\ndump " +
        d +
        "/jobs.json\n"
        "key Escape\nexpect \"Touch a button to start\"\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    // Up from nothing goes to the last target on Home; Down wraps to the first (Listen), and six
    // more pass the display settings to Find a job.
    CHECK(spokenIn(dir / "last.json").back() == "Call a clerk, button");
    CHECK(spokenIn(dir / "focus.json").back() == "Find a job, button");
    // On Jobs the focus starts again at the top: Back, the languages, Listen, Home, then the search field.
    CHECK(spokenIn(dir / "jobs.json").back() == "Type a job, skill or city, text field");
}

TEST_CASE("the job list goes on as far as the person scrolls: pages join as its end comes near", "[e2e][flows]") {
    TempDir dir;
    const std::string d = dir.path().string();
    std::string swipes;
    for (int i = 0; i < 40; ++i) swipes += "swipe up\n";
    const std::string script =
        "tap \"Find a job\"\nexpect \"Jobs found\"\ndump " + d + "/first.json\n" + swipes + "dump " + d + "/scrolled.json\n";
    const auto result = runKiosk({.args = kioskArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    auto rows = [&](const char* file) { return nlohmann::json::parse(std::ifstream(dir / file))["job_rows"].get<long long>(); };
    CHECK(rows("first.json") == 200);
    CHECK(rows("scrolled.json") > 200);
}

TEST_CASE(
    "at rest, the attract screen tells a person who cannot see it how to start, and any arrow key starts with "
    "audio guidance on",
    "[e2e][flows][audio]") {
    TempDir dir;
    const std::string d = dir.path().string();
    auto args = kioskArgs(dir);
    args.insert(args.end(), {"--attract-after", "3"});
    const std::string script =
        "expect \"Touch the screen to start\"\n"
        "expect \"Cannot see the screen? Put on the headphones and press any arrow key.\"\n"
        "expect \"Не видите экран? Наденьте наушники и нажмите любую стрелку.\"\n"
        "key Down\nexpect \"Find a job\"\nexpect \"Touch a button to start\"\ndump " +
        d + "/home.json\n";
    const auto result = runKiosk({.args = args, .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    // Home is spoken at once, with what to do.
    CHECK(anyContains(spokenIn(dir / "home.json"), "Touch a button to start"));
}
