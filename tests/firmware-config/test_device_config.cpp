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
    CHECK(message("[site]\nname = \"x\"\n[kiosk]\nidle_timeout_s = 5\n") ==
          "site.toml line 4: kiosk.idle_timeout_s = 5 is below 30");
    CHECK(message("[site]\nname = \"x\"\n[kiosk]\nidle_timout_s = 90\n")
              .find("line 4: kiosk.idle_timout_s is not a configuration key") != std::string::npos);
    CHECK(message("[site]\nname = \"x\"\nlanguage = \"fr\"\n")
              .find("line 3: site.language = \"fr\" is not one of: ka, ru, be, en") != std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[kiosk]\nidle_timeout_s = \"90\"\n")
              .find("line 4: kiosk.idle_timeout_s must be a whole number") != std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[server]\nurl = \"http://dc.example.org\"\n").find("must start with https://") !=
          std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[printer]\npaper_mm = 57\n").find("line 4: printer.paper_mm must be 58 or 80") !=
          std::string::npos);
    CHECK(message("[kiosk]\nidle_timeout_s = 90\n") == "site.toml: site.name is required");
    CHECK(message("[site]\nname = \"x\"\n[site]\nname = \"y\"\n").find("not valid TOML") != std::string::npos);
    CHECK(message("[site\nname = \"x\"\n").find("line 1: not valid TOML") != std::string::npos);
    CHECK(message("name = \"x\"\n").find("is not a section") != std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[kiosk.extra]\nthing = 1\n").find("kiosk.extra is not a configuration key") !=
          std::string::npos);
    CHECK(message(std::string(kMaxConfigBytes + 1, '#')).find("at most") != std::string::npos);
    CHECK(message("[site]\nname = \"\xff\xfe\"\n") == "site.toml line 2: not valid TOML (Encountered invalid utf-8 sequence)");
    // All problems at once, one per line.
    const std::string many =
        message("[site]\nname = \"x\"\n[kiosk]\nidle_timeout_s = 1\nattract_after_s = -1\n[camera]\nbackend = \"webcam\"\n");
    CHECK(std::count(many.begin(), many.end(), '\n') == 2);
    CHECK(loadDeviceConfig("/nonexistent/site.toml").error().message().find("cannot be opened") != std::string::npos);
}

TEST_CASE("staff PINs are configured only as argon2id hashes", "[config][hostile]") {
    const std::string hash = "$argon2id$v=19$m=65536,t=2,p=1$wRpbdjTAi8Vp6Eu32JfUUQ$dZ0PS8R0Uv3WS9oJTmaimTIH5E3Li/RfF4AaDJPYM0I";
    auto ok = parseDeviceConfig("[site]\nname = \"x\"\n[clerk]\npin_hash = \"" + hash + "\"\n", "site.toml");
    REQUIRE(ok);
    CHECK(ok->clerkPinHash == hash);
    CHECK(ok->technicianPinHash.empty());
    CHECK(message("[site]\nname = \"x\"\n[clerk]\npin_hash = \"4711\"\n") ==
          "site.toml line 4: clerk.pin_hash must be an argon2id hash (\"dc-provision hash-pin\" makes one), never a PIN");
    CHECK(message("[site]\nname = \"x\"\n[technician]\npin_hash = 4711\n").find("line 4: technician.pin_hash must be text") !=
          std::string::npos);
    CHECK(message("[site]\nname = \"x\"\n[technician]\npin_hash = \"$argon2i$v=19$m=4096,t=3,p=1$abc$def\"\n")
              .find("must be an argon2id hash") != std::string::npos);
}

TEST_CASE("the office's pushed configuration applies good keys and lists the rest", "[config][hostile]") {
    auto base = parseDeviceConfig("[site]\nname = \"Batumi\"\nlanguage = \"ka\"\n[server]\nurl = \"https://dc.example.ge\"\n",
                                  "site.toml");
    REQUIRE(base);
    auto pushed = applyPushedConfig(*base, R"({"kiosk.idle_timeout_s": 120, "site.language": "ru", "kiosk.attract_after_s": 5000,
        "server.url": "https://evil.example", "kiosk.teleport": 1, "printer.paper_mm": 58.0, "kiosk.audio_guidance_on_start": true})");
    CHECK(pushed.config.idleTimeoutSeconds == 120);
    CHECK(pushed.config.siteLanguage == "ru");
    CHECK(pushed.config.audioGuidanceOnStart);
    CHECK(pushed.config.attractAfterSeconds == 60);  // out of range: left as it was
    CHECK(pushed.config.serverUrl == "https://dc.example.ge");  // never from the server
    CHECK(pushed.config.printerPaperMm == 80);  // a float is not a whole number
    CHECK(pushed.applied.size() == 3);
    REQUIRE(pushed.problems.size() == 4);
    std::string all;
    for (const auto& p : pushed.problems) all += p + "\n";
    CHECK(all.find("kiosk.attract_after_s = 5000 is above 3600") != std::string::npos);
    CHECK(all.find("server.url may not be set by the server") != std::string::npos);
    CHECK(all.find("kiosk.teleport is not a configuration key") != std::string::npos);
    CHECK(all.find("printer.paper_mm must be 58 or 80") != std::string::npos);
    // Not an object, not JSON, empty, too large, nested values: nothing changes, and it says why.
    for (const std::string& bad : {std::string("[1,2]"), std::string("{\"kiosk.idle_timeout_s\": "), std::string("null"),
                                   std::string(kMaxConfigBytes + 1, ' '), std::string(R"({"kiosk.idle_timeout_s": {"a": 1}})")}) {
        auto none = applyPushedConfig(*base, bad);
        CHECK(none.applied.empty());
        CHECK(none.problems.size() == 1);
        CHECK(none.config.idleTimeoutSeconds == base->idleTimeoutSeconds);
    }
    CHECK(applyPushedConfig(*base, "").problems.empty());
    // A PIN hash may come from the server; a PIN in clear may not.
    auto pin = applyPushedConfig(*base, R"({"clerk.pin_hash": "1234"})");
    CHECK(pin.config.clerkPinHash.empty());
    CHECK(pin.problems.size() == 1);
}

TEST_CASE("a printer is a device under /dev, and no push names a device or a file", "[config][hostile]") {
    const std::string head = "[site]\nname = \"Batumi\"\n[printer]\ndevice = ";
    CHECK(parseDeviceConfig(head + "\"/dev/usb/lp0\"\n", "site.toml"));
    for (const char* bad :
         {"/var/lib/dc-kiosk/kiosk.db", "/dev/../var/lib/dc-kiosk/device.key", "/dev/", "/dev//lp0", "/dev/./x", "lp0"}) {
        auto refused = parseDeviceConfig(head + "\"" + bad + "\"\n", "site.toml");
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message().find("must be a device under /dev/") != std::string::npos);
    }
    auto base = parseDeviceConfig(head + "\"/dev/usb/lp0\"\n", "site.toml");
    REQUIRE(base);
    // The office may not point the kiosk's printer (or camera) anywhere, not even at another device.
    for (const char* push : {R"({"printer.device": "/var/lib/dc-kiosk/kiosk.db"})", R"({"printer.device": "/dev/usb/lp1"})",
                             R"({"camera.device": "/dev/video9"})", R"({"camera.backend": "file:/var/lib/dc-kiosk"})"}) {
        auto pushed = applyPushedConfig(*base, push);
        CHECK(pushed.applied.empty());
        REQUIRE(pushed.problems.size() == 1);
        CHECK(pushed.problems[0].find("may not be set by the server") != std::string::npos);
    }
    CHECK(applyPushedConfig(*base, R"({"printer.device": "/dev/usb/lp1"})").config.printerDevice == "/dev/usb/lp0");
}

TEST_CASE("the server's address is parsed, not matched by prefix: https, or plain http to a literal loopback address only",
          "[config][hostile]") {
    for (const char* good : {"https://dc.example.ge", "https://dc.example.ge:8443/dc/", "http://127.0.0.1:8787",
                             "http://127.8.9.10", "http://[::1]:8787"})
        CHECK(checkServerUrl(good).empty());
    for (const char* bad : {"http://localhost.evil.example/", "http://127.0.0.1@127.0.0.2:18951", "http://127.0.0.1.evil.example",
                            "http://localhost:8787", "http://dc.example.ge", "ftp://dc.example.ge",
                            "https://user:pw@dc.example.ge", "https://dc.example.ge/?next=x", "https://dc.example.ge/#x",
                            "https://", "dc.example.ge", "https://dc example.ge", "http://[::2]", "javascript:alert(1)"}) {
        INFO(bad);
        CHECK_FALSE(checkServerUrl(bad).empty());
    }
    CHECK_FALSE(parseDeviceConfig("[site]\nname = \"x\"\n[server]\nurl = \"http://localhost.evil.example/\"\n", "site.toml"));
}
