// Every screen in every language, the words taken from the same .po catalogs the kiosk is built
// from: at normal size the screenshots of each screen in Georgian and English (for README and
// reviewers), and at 170% text no text overlapping another or running off the screen.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "common/i18n/po_file.hpp"
#include "e2e/kiosk_process.hpp"
#include "support/temp_dir.hpp"

using namespace dc::test;
using json = nlohmann::json;

namespace {

std::map<std::string, std::string> catalog(const std::string& language) {
    std::ifstream in(std::string(DC_PO_DIR) + "/" + language + ".po", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    auto entries = dc::po::parse(s.str());
    REQUIRE(entries);
    std::map<std::string, std::string> out;
    for (const auto& e : *entries) out[e.context] = e.text;
    return out;
}

std::string firstCourseName() {
    TempDir dir;
    auto db = dc::store::Database::open(dir / "seed.db");
    REQUIRE(dc::store::applyCatalogBatch(*db, dc::catalog::kioskSeedCatalog()));
    return dc::store::listCourses(*db, 1)->front().name;
}

// The text before "%d" in a message: what is on screen whatever the number.
std::string prefix(const std::string& text) { return text.substr(0, text.find("%d")); }

const char* const kScreens[] = {"home",    "jobs",   "job",    "apply",    "review", "receipt",
                                "courses", "course", "status", "language", "help"};

std::string visitEveryScreen(const std::string& lang, const std::filesystem::path& dumps, const std::string& shots, bool large) {
    auto t = catalog(lang);
    auto q = [](const std::string& s) { return "\"" + s + "\""; };
    std::string s = large ? "tap \"170%\"\n" : "";
    const std::string scroll = large ? "swipe up\n" : "";  // large text: the rest of the form is below
    auto stop = [&](const char* screen) {
        std::string out = "dump " + (dumps / (std::string(screen) + ".json")).string() + "\n";
        if (!shots.empty()) out += "screenshot " + shots + "/screen-" + screen + "-" + lang + ".png\n";
        return out;
    };
    s += "expect " + q(t["HomeInstruction"]) + "\n" + stop("home");
    s += "tap " + q(t["TileJobs"]) + "\nexpect " + q(prefix(t["JobsFound"])) + "\nexpect \"Junior QA tester\"\n" + stop("jobs");
    // Large text: the job's skills are below the fold, its Apply button is not.
    s += "tap \"Junior QA tester\"\nexpect " + q(t[large ? "ApplyButton" : "SkillsNeeded"]) + "\n" + stop("job");
    s += "tap " + q(t["ApplyButton"]) + "\nexpect " + q(t["FieldName"]) + "\n" + stop("apply");
    s += "tap " + q(t["FieldName"]) + "\ntype \"Nino Beridze\"\ntap " + q(t["FieldPhone"]) + "\ntype \"599 12 34 56\"\ntap " +
        q(t["KeyDone"]) + "\n" + scroll + "tap \"English\"\n" + scroll + "tap " + q(t["ConsentAgree"]) + "\n" + scroll + "tap " +
        q(t["ReviewNext"]) + "\nexpect " + q(t["ReviewIntro"]) + "\n" + stop("review");
    s += scroll + "tap " + q(t["SendApplication"]) + "\nexpect " + q(t["YourCode"]) + "\n" + stop("receipt");
    s += "tap " + q(t["Home"]) + "\ntap " + q(t["TileCourses"]) + "\nexpect " + q(prefix(t["CoursesFound"])) + "\n" +
        stop("courses");
    s += "tap " + q(firstCourseName()) + "\nexpect " + q(t["Sessions"]) + "\n" + stop("course");
    s += "tap " + q(t["Home"]) + "\ntap " + q(t["TileStatus"]) + "\nexpect " + q(t["CheckButton"]) + "\n" + stop("status");
    s += "tap " + q(t["Home"]) + "\ntap " + q(t["TileLanguage"]) + "\nexpect \"Беларуская\"\n" + stop("language");
    // Large text: Home's small tiles go two to a row, and Help is on the second, below.
    s +=
        "tap " + q(t["Home"]) + "\n" + scroll + "tap " + q(t["TileHelp"]) + "\nexpect " + q(t["HelpClerk"]) + "\n" + stop("help");
    return s;
}

json readJson(const std::filesystem::path& file) {
    std::ifstream in(file);
    return json::parse(in);
}

// No text runs off the screen, and no two texts overlap (each line of words has its own place).
void checkTextFits(const json& dump) {
    const double width = dump["width"], height = dump["height"];
    std::vector<json> texts;
    for (const auto& w : dump["widgets"])
        if (w["kind"] == "text" && w["clipped"] != true && !w["label"].get<std::string>().empty()) texts.push_back(w);
    REQUIRE_FALSE(texts.empty());
    for (const auto& t : texts) {
        INFO(t.dump());
        CHECK(t["x"].get<double>() >= 0);
        CHECK(t["x"].get<double>() + t["w"].get<double>() <= width + 1);
        CHECK(t["y"].get<double>() + t["h"].get<double>() <= height + 1);
    }
    for (size_t i = 0; i < texts.size(); ++i)
        for (size_t j = i + 1; j < texts.size(); ++j) {
            const auto& a = texts[i];
            const auto& b = texts[j];
            const double overlapX =
                std::min(a["x"].get<double>() + a["w"].get<double>(), b["x"].get<double>() + b["w"].get<double>()) -
                std::max(a["x"].get<double>(), b["x"].get<double>());
            const double overlapY =
                std::min(a["y"].get<double>() + a["h"].get<double>(), b["y"].get<double>() + b["h"].get<double>()) -
                std::max(a["y"].get<double>(), b["y"].get<double>());
            INFO(a["label"] << " overlaps " << b["label"]);
            CHECK((overlapX <= 1 || overlapY <= 1));
        }
}

}  // namespace

TEST_CASE("every screen in Georgian and English, photographed for README", "[e2e][i18n][screens]") {
    for (const char* lang : {"ka", "en"}) {
        INFO(lang);
        TempDir dir;
        const auto result = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--language", lang},
                                      .script = visitEveryScreen(lang, dir.path(), DC_SCREENSHOT_DIR, false)},
                                     dir.path());
        INFO(result.output);
        REQUIRE(result.exitCode == 0);
        for (const char* screen : kScreens) {
            INFO(screen);
            checkTextFits(readJson(dir / (std::string(screen) + ".json")));
        }
    }
}

TEST_CASE("at 170% text nothing overlaps or runs off the screen, in any language", "[e2e][i18n][a11y]") {
    for (const char* lang : {"ka", "ru", "be", "en"}) {
        INFO(lang);
        TempDir dir;
        const auto result = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--language", lang},
                                      .script = visitEveryScreen(lang, dir.path(), "", true)},
                                     dir.path());
        INFO(result.output);
        REQUIRE(result.exitCode == 0);
        for (const char* screen : kScreens) {
            INFO(screen);
            checkTextFits(readJson(dir / (std::string(screen) + ".json")));
        }
    }
}
