// The device configuration: the two example sites load, the schema and SCHEMA.md agree, and every
// kind of bad file is refused with messages naming the line and the key.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "firmware-config/device_config.hpp"

using namespace dc::config;

namespace {

std::string message(const std::string& toml) {
    auto c = parseDeviceConfig(toml, "site.toml");
    REQUIRE_FALSE(c);
    return c.error().message();
}

}  // namespace

TEST_CASE("the example site configs load with their values", "[config]") {
    auto georgia = loadDeviceConfig(std::string(DC_SITES_DIR) + "/georgia-batumi-employment-office.toml");
    REQUIRE(georgia);
    CHECK(georgia->siteLanguage == "ka");
    CHECK(georgia->printerPaperMm == 80);
    CHECK(georgia->serverUrl == "https://dc.employment.gov.ge");
    auto belarus = loadDeviceConfig(std::string(DC_SITES_DIR) + "/belarus-grodno-tech-skills-center.toml");
    REQUIRE(belarus);
    CHECK(belarus->siteName == "Гродно, центр цифровых навыков");
    CHECK(belarus->audioGuidanceOnStart);
    CHECK(belarus->cameraBackend == "libcamera");
    CHECK(belarus->idleTimeoutSeconds == 120);
}

TEST_CASE("defaults fill what a config leaves out", "[config]") {
    auto c = parseDeviceConfig("[site]\nname = \"x\"\n", "min.toml");
    REQUIRE(c);
    CHECK(c->idleTimeoutSeconds == 90);
    CHECK(c->siteLanguage == "ka");
    CHECK(c->cameraBackend == "auto");
    CHECK(c->serverUrl.empty());
}

TEST_CASE("every key of the schema is documented in SCHEMA.md with its default and range", "[config]") {
    std::ifstream in(std::string(DC_SITES_DIR) + "/../SCHEMA.md");
    std::stringstream s;
    s << in.rdbuf();
    const std::string doc = s.str();
    REQUIRE_FALSE(doc.empty());
    for (const auto& k : schema()) {
        INFO(k.key);
        std::string range = k.range;
        for (size_t at = 0; (at = range.find('|', at)) != std::string::npos; at += 2) range.replace(at, 1, "\\|");
        CHECK(doc.find(std::string("| `") + k.key + "` | " + k.type + " |") != std::string::npos);
        CHECK(doc.find(range) != std::string::npos);
    }
}

TEST_CASE("bad configs are refused, each problem naming its line and key", "[config][hostile]") {
    CHECK(message("[site]\nname = \"x\"\n[kiosk]\nidle_timeout_s = 5\n") == "site.toml line 4: kiosk.idle_timeout_s = 5 is below 30");
    CHECK(message("[site]\nname = \"x\"\n[kiosk]\nidle_timout_s = 90\n").find("line 4: kiosk.idle_timout_s is not a configuration key") !=
          std::string::npos);
    CHECK(message("[site]\nname = \"x\"\nlanguage = \"fr\"\n").find("line 3: site.language = \"fr\" is not one of: ka, ru, be, en") !=
          std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[kiosk]\nidle_timeout_s = \"90\"\n").find("line 4: kiosk.idle_timeout_s must be a whole number") !=
          std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[server]\nurl = \"http://dc.example.org\"\n").find("must start with https://") != std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[printer]\npaper_mm = 57\n").find("line 4: printer.paper_mm must be 58 or 80") != std::string::npos);
    CHECK(message("[kiosk]\nidle_timeout_s = 90\n") == "site.toml: site.name is required");
    CHECK(message("[site]\nname = \"x\"\n[site]\nname = \"y\"\n").find("not valid TOML") != std::string::npos);
    CHECK(message("[site\nname = \"x\"\n").find("line 1: not valid TOML") != std::string::npos);
    CHECK(message("name = \"x\"\n").find("is not a section") != std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[kiosk.extra]\nthing = 1\n").find("kiosk.extra is not a configuration key") != std::string::npos);
    CHECK(message(std::string(kMaxConfigBytes + 1, '#')).find("at most") != std::string::npos);
    CHECK(message("[site]\nname = \"\xff\xfe\"\n") == "site.toml line 2: not valid TOML (Encountered invalid utf-8 sequence)");
    // All problems at once, one per line.
    const std::string many = message("[site]\nname = \"x\"\n[kiosk]\nidle_timeout_s = 1\nattract_after_s = -1\n[camera]\nbackend = \"webcam\"\n");
    CHECK(std::count(many.begin(), many.end(), '\n') == 2);
    CHECK(loadDeviceConfig("/nonexistent/site.toml").error().message().find("cannot be opened") != std::string::npos);
}
