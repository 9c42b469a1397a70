// End-to-end: the real program, a real X server (Xvfb), real input events, real screenshots.
#include <catch2/catch.hpp>

#include <cmath>

#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include <nlohmann/json.hpp>

#include "e2e/dump_checks.hpp"
#include "e2e/kiosk_process.hpp"
#include "support/temp_dir.hpp"

using namespace dc::test;
using nlohmann::json;

namespace {

const std::string kScreens = DC_SCREENSHOT_DIR;

std::vector<std::string> baseArgs(const TempDir& dir) { return {"--data-dir", (dir / "data").string()}; }

json readJson(const std::filesystem::path& file) { return json::parse(readFile(file)); }

bool hasLabel(const json& dump, const std::string& label) {
    for (const auto& w : dump["widgets"])
        if (w["label"] == label) return true;
    return false;
}

// What the seeded kiosk should show, worked out from the same seed catalog through the store.
struct SeedFigures {
    int64_t jobs = 0, juniorQa = 0, courses = 0;
    std::string firstCourse;  // the name on the first course card
};
const SeedFigures& seedFigures() {
    static const SeedFigures figures = [] {
        TempDir dir;
        auto db = dc::store::Database::open(dir / "seed.db");
        REQUIRE(db);
        const auto seed = dc::catalog::kioskSeedCatalog();
        REQUIRE(dc::store::applyCatalogBatch(*db, seed));
        SeedFigures f;
        f.jobs = static_cast<int64_t>(seed.jobUpserts.size());
        f.juniorQa = dc::store::searchJobs(*db, {.text = "junior qa"})->totalMatches;
        f.courses = static_cast<int64_t>(seed.courseUpserts.size());
        f.firstCourse = dc::store::listCourses(*db, 1)->front().name;
        return f;
    }();
    return figures;
}

std::string expectText(const std::string& text) { return "expect \"" + text + "\"\n"; }

// The flow every later feature hangs off: Home -> Jobs -> search -> Job detail -> Back -> Home.
std::string flowScript(const std::string& shots, const TempDir& dir) {
    const auto& seed = seedFigures();
    return "expect \"Find a job\"\n"
           "dump " +
        (dir / "home.json").string() + "\n" + (shots.empty() ? "" : "screenshot " + shots + "/home-en.png\n") +
        "tap \"Find a job\"\n"
        "expect \"Junior QA tester\"\n" +
        expectText("Jobs found: " + shownCount(seed.jobs)) + "dump " + (dir / "jobs.json").string() + "\n" +
        (shots.empty() ? "" : "screenshot " + shots + "/jobs-en.png\n") + "type \"junior qa\"\n" +
        expectText("Jobs found: " + shownCount(seed.juniorQa)) +
        "expect-not \"Официант\"\n"
        "tap \"Junior QA tester\"\n"
        "expect \"Skills you need\"\n"
        "expect \"software testing\"\n"
        "dump " +
        (dir / "detail.json").string() + "\n" + (shots.empty() ? "" : "screenshot " + shots + "/job-detail-en.png\n") +
        "tap \"Back\"\n" + expectText("Jobs found: " + shownCount(seed.juniorQa)) +
        "tap \"Home\"\n"
        "expect \"Touch a button to start\"\n";
}

}  // namespace

TEST_CASE("Home -> Jobs -> search -> Job detail and back, with README screenshots (SDL2)", "[e2e]") {
    TempDir dir;
    const auto result = runKiosk({.args = baseArgs(dir), .script = flowScript(kScreens, dir)}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.output, Catch::Contains("every step passed"));
    CHECK_THAT(result.output, Catch::Contains("window 1920x1080"));
    for (const char* shot : {"home-en.png", "jobs-en.png", "job-detail-en.png"})
        CHECK(std::filesystem::file_size(kScreens + "/" + shot) > 10000);

    const json home = readJson(dir / "home.json");
    CHECK(home["screen"] == "home");
    for (const char* tile : {"Find a job", "Courses", "Language", "Help"}) CHECK(hasLabel(home, tile));
    const json detail = readJson(dir / "detail.json");
    CHECK(detail["screen"] == "job-detail");
    CHECK(hasLabel(detail, "Junior QA tester"));
    CHECK(hasLabel(detail, "Back"));
    CHECK(hasLabel(detail, "Home"));
}

TEST_CASE("the same flow through the second backend (GLFW)", "[e2e]") {
    if (std::string(DC_KIOSK_ALT_PATH).empty())
        SUCCEED("the other backend is not built in this configuration");
    else {
        TempDir dir;
        const auto result =
            runKiosk({.binary = DC_KIOSK_ALT_PATH, .args = baseArgs(dir), .script = flowScript("", dir)}, dir.path());
        INFO(result.output);
        CHECK(result.exitCode == 0);
    }
}

TEST_CASE("touch targets are at least 48 px and 8 px apart on every screen", "[e2e][a11y]") {
    TempDir dir;
    std::string script = "expect \"Find a job\"\ndump " + (dir / "home.json").string() +
        "\ntap \"Find a job\"\nexpect \"Junior QA tester\"\ndump " + (dir / "jobs.json").string() +
        "\ntap \"Junior QA tester\"\nexpect \"Skills you need\"\nexpect \"Courses that teach\"\ndump " +
        (dir / "detail.json").string() + "\ntap \"Apply for this job\"\nexpect \"Your name\"\ndump " +
        (dir / "apply.json").string() + "\ntap \"Home\"\ntap \"Courses\"\n" +
        expectText("Courses: " + shownCount(seedFigures().courses)) + "dump " + (dir / "courses.json").string() + "\ntap \"" +
        seedFigures().firstCourse + "\"\nexpect \"Dates and places\"\ndump " + (dir / "course.json").string() +
        "\ntap \"Home\"\ntap \"My applications\"\nexpect \"Check\"\ndump " + (dir / "status.json").string() +
        "\ntap \"Home\"\ntap \"Language\"\nexpect \"Русский\"\ndump " + (dir / "language.json").string() +
        "\ntap \"Home\"\ntap \"Help\"\nexpect \"clerk\"\ndump " + (dir / "help.json").string() + "\n";
    const auto result = runKiosk({.args = baseArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    for (const char* screen : {"home", "jobs", "detail", "apply", "courses", "course", "status", "language", "help"}) {
        INFO(screen);
        checkTouchTargets(readJson(dir / (std::string(screen) + ".json")));
    }
}

TEST_CASE("all four languages show their own text, chosen by touch", "[e2e][i18n]") {
    TempDir dir;
    const auto result =
        runKiosk({.args = baseArgs(dir),
                  .script = "tap \"Language\"\ntap \"ქართული\"\nexpect \"სამუშაოს ძებნა\"\nscreenshot " + kScreens +
                      "/home-ka.png\ntap \"სამუშაოს ძებნა\"\n" +
                      expectText("ნაპოვნია ვაკანსია: " + shownCount(seedFigures().jobs, "ka")) + "screenshot " + kScreens +
                      "/jobs-ka.png\ntap \"მთავარი\"\n"
                      "tap \"ენა\"\ntap \"Русский\"\nexpect \"Найти работу\"\nscreenshot " +
                      kScreens +
                      "/home-ru.png\n"
                      "tap \"Язык\"\ntap \"Беларуская\"\nexpect \"Знайсці працу\"\n"
                      "tap \"Мова\"\ntap \"English\"\nexpect \"Find a job\"\n"},
                 dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("an idle kiosk draws no frames", "[e2e][idle]") {
    TempDir dir;
    const auto result = runKiosk({.args = baseArgs(dir),
                                  .script = "expect \"Find a job\"\ndump " + (dir / "before.json").string() +
                                      "\nwait 1500\ndump " + (dir / "after.json").string() + "\n"},
                                 dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const long long before = readJson(dir / "before.json")["frames_drawn"];
    const long long after = readJson(dir / "after.json")["frames_drawn"];
    // The dump step itself may draw one frame; a kiosk drawing continuously would draw ~90 here.
    CHECK(after - before <= 2);
}

TEST_CASE("the dump times the first frame, the tap's release and the answer on screen", "[e2e][speed]") {
    TempDir dir;
    const auto result = runKiosk(
        {.args = baseArgs(dir),
         .script = "dump " + (dir / "home.json").string() + "\ntap \"Find a job\"\n" +
             expectText("Jobs found: " + shownCount(seedFigures().jobs)) + "dump " + (dir / "list.json").string() + "\n"},
        dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const auto home = readJson(dir / "home.json"), list = readJson(dir / "list.json");
    // Before any tap there is only the first frame; it is the one the log line reports.
    const double firstFrame = home["first_frame_ms"];
    CHECK(firstFrame > 0);
    CHECK(home["tap_released_ms"].get<double>() < 0);
    CHECK_THAT(result.output, Catch::Contains("first frame shown " + std::to_string(std::lround(firstFrame)) + " ms"));
    CHECK(list["first_frame_ms"].get<double>() == firstFrame);
    const double released = list["tap_released_ms"], seen = list["expect_seen_ms"];
    CHECK(released > firstFrame);
    CHECK(seen > released);
    CHECK(list["started_steady_ms"].get<double>() > 0);
}

TEST_CASE("a failing expect exits non-zero and names what was visible", "[e2e]") {
    TempDir dir;
    auto args = baseArgs(dir);
    args.insert(args.end(), {"--step-timeout", "2"});
    const auto result = runKiosk({.args = args, .script = "expect \"Astronaut\"\n"}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 1);
    CHECK_THAT(result.output, Catch::Contains("\"Astronaut\" failed") && Catch::Contains("Find a job"));
}

TEST_CASE("the dump-ui option keeps a file with the visible widgets", "[e2e]") {
    TempDir dir;
    auto args = baseArgs(dir);
    args.push_back("--dump-ui");
    args.push_back((dir / "ui.json").string());
    const auto result = runKiosk({.args = args, .script = "tap \"Help\"\nexpect \"clerk\"\nwait 100\n"}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const json dump = readJson(dir / "ui.json");
    CHECK(dump["screen"] == "help");
    CHECK(hasLabel(dump, "Help"));
    CHECK(hasLabel(dump, "Back"));
}

TEST_CASE("a damaged database is moved aside with a message and the kiosk still starts", "[e2e][store]") {
    TempDir dir;
    std::filesystem::create_directories(dir / "data");
    writeFile(dir / "data" / "kiosk.db", "not a database at all, but somebody's precious file");
    const auto result =
        runKiosk({.args = baseArgs(dir), .script = "tap \"Find a job\"\nexpect \"Junior QA tester\"\n"}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
    CHECK_THAT(result.output, Catch::Contains("damaged") && Catch::Contains("Nothing was deleted"));
    bool kept = false;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "data"))
        if (entry.path().filename().string().rfind("kiosk.db.corrupt-", 0) == 0)
            kept |= readFile(entry.path()) == "not a database at all, but somebody's precious file";
    CHECK(kept);
}

TEST_CASE("start-up problems are clear errors with exit code 2", "[e2e]") {
    TempDir dir;
    SECTION("missing fonts") {
        auto args = baseArgs(dir);
        args.insert(args.end(), {"--font-dir", "/nonexistent-fonts"});
        const auto result = runKiosk({.args = args, .script = "expect x\n"}, dir.path());
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.output, Catch::Contains("font file") && Catch::Contains("fonts-noto-core"));
    }
    SECTION("no display (SDL2)") {
        const auto result = runKiosk(
            {.args = baseArgs(dir), .underXvfb = false, .environment = "env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11"},
            dir.path());
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.output, Catch::Contains("no display"));
    }
    SECTION("no display (GLFW)") {
        if (!std::string(DC_KIOSK_ALT_PATH).empty()) {
            const auto result = runKiosk({.binary = DC_KIOSK_ALT_PATH,
                                          .args = baseArgs(dir),
                                          .underXvfb = false,
                                          .environment = "env -u DISPLAY -u WAYLAND_DISPLAY"},
                                         dir.path());
            CHECK(result.exitCode == 2);
            CHECK_THAT(result.output, Catch::Contains("no display"));
        }
    }
    SECTION("a malformed script") {
        const auto result = runKiosk({.args = baseArgs(dir), .script = "tap \"unterminated\n"}, dir.path());
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.output, Catch::Contains("line 1") && Catch::Contains("closing quote"));
    }
    SECTION("an unknown option") {
        auto args = baseArgs(dir);
        args.push_back("--fly");
        const auto result = runKiosk({.args = args, .underXvfb = false}, dir.path());
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.output, Catch::Contains("unknown option") && Catch::Contains("Usage"));
    }
}

TEST_CASE("the example scripts shipped in tests/e2e/examples pass", "[e2e]") {
    for (const auto& entry : std::filesystem::directory_iterator(DC_EXAMPLES_DIR)) {
        TempDir dir;
        INFO(entry.path());
        const auto result =
            runKiosk({.args = {"--data-dir", (dir / "data").string(), "--script", entry.path().string()}}, dir.path());
        INFO(result.output);
        CHECK(result.exitCode == 0);
    }
}

TEST_CASE("larger text and high contrast keep every target large and apart", "[e2e][a11y]") {
    TempDir dir;
    const std::string script = "tap \"170%\"\nexpect \"Find a job\"\ndump " + (dir / "home170.json").string() + "\nscreenshot " +
        kScreens + "/home-170-en.png\ntap \"High contrast\"\n" + "tap \"Find a job\"\nexpect \"Jobs found\"\ndump " +
        (dir / "jobs170.json").string() + "\nscreenshot " + kScreens + "/jobs-170-contrast-en.png\ntap \"Junior QA tester\"\n" +
        "expect \"Apply for this job\"\ndump " + (dir / "detail170.json").string() + "\n";
    const auto result = runKiosk({.args = baseArgs(dir), .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    for (const char* screen : {"home170", "jobs170", "detail170"}) {
        INFO(screen);
        checkTouchTargets(readJson(dir / (std::string(screen) + ".json")));
    }
    // At 170% "applications" and "Language" no longer fit a quarter of the screen: the small
    // tiles go two to a row instead of breaking the words.
    const auto home = readJson(dir / "home170.json");
    int smallTiles = 0;
    for (const auto& w : home["widgets"]) {
        const std::string label = w["label"];
        if (label != "My applications" && label != "Language" && label != "Help" && label != "Call a clerk") continue;
        INFO(label);
        CHECK(w["w"].get<double>() > 0.4 * home["width"].get<double>());
        ++smallTiles;
    }
    CHECK(smallTiles >= 2);  // the second row may be scrolled below the screen
}
