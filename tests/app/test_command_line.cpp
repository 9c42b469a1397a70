#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "app/command_line.hpp"
#include "support/temp_dir.hpp"

using namespace dc;

namespace {

Expected<app::KioskOptions> parse(std::vector<const char*> args) {
    args.insert(args.begin(), "dc-kiosk");
    return app::parseCommandLine(static_cast<int>(args.size()), args.data());
}

}  // namespace

TEST_CASE("defaults: full screen, English, demo data", "[app]") {
    auto o = parse({});
    REQUIRE(o);
    CHECK(o->fullscreen);
    CHECK(o->device.siteLanguage == "en");
    CHECK(o->demo);
    CHECK_FALSE(o->script);
    CHECK(o->device.idleTimeoutSeconds == 90);
    CHECK(o->device.attractAfterSeconds == 60);
    CHECK(o->device.serverUrl.empty());
    CHECK(o->device.syncIntervalSeconds == 60);
}

TEST_CASE("options are parsed", "[app]") {
    auto o = parse({"--data-dir",
                    "/tmp/d",
                    "--language",
                    "ka",
                    "--windowed",
                    "1024x768",
                    "--no-demo",
                    "--script",
                    "s.txt",
                    "--dump-ui",
                    "u.json",
                    "--step-timeout",
                    "7.5",
                    "--idle-timeout",
                    "120",
                    "--attract-after",
                    "30",
                    "--server",
                    "https://jobs.example.ge",
                    "--enroll-token",
                    "abc123",
                    "--server-ca",
                    "/etc/dc/ca.pem",
                    "--sync-interval",
                    "300"});
    REQUIRE(o);
    CHECK(o->dataDir == "/tmp/d");
    CHECK(o->device.siteLanguage == "ka");
    CHECK_FALSE(o->fullscreen);
    CHECK(o->width == 1024);
    CHECK(o->height == 768);
    CHECK_FALSE(o->demo);
    CHECK(*o->script == "s.txt");
    CHECK(*o->dumpUi == "u.json");
    CHECK(o->stepTimeoutSeconds == 7.5);
    CHECK(o->device.idleTimeoutSeconds == 120);
    CHECK(o->device.attractAfterSeconds == 30);
    CHECK(o->device.serverUrl == "https://jobs.example.ge");
    CHECK(o->enrollToken == "abc123");
    CHECK(o->device.serverCaFile == "/etc/dc/ca.pem");
    CHECK(o->device.syncIntervalSeconds == 300);
    CHECK_FALSE(o->shortTimings);
}

TEST_CASE("bad options are refused with a reason", "[app]") {
    const std::vector<std::vector<const char*>> bad = {
        {"--bogus"},
        {"--language", "xx"},
        {"--language"},
        {"--windowed", "big"},
        {"--windowed", "10x10"},
        {"--windowed", "99999x1"},
        {"--step-timeout", "-1"},
        {"--step-timeout", "abc"},
        {"--data-dir", ""},
        {"--idle-timeout", "29"},
        {"--idle-timeout", "601"},
        {"--idle-timeout", "9.5"},
        {"--idle-timeout", "99999999999999999999"},
        {"--idle-timeout"},
        {"--attract-after", "3601"},
        {"--attract-after", "-1"},
        {"--attract-after", "x"},
        {"--server-ca", "relative/ca.pem"},
        {"--server", "ftp://x"},
        {"--server", "jobs.ge"},
        {"--server", "https://a b"},
        {"--server", "http://localhost.evil.example"},
        {"--server", "http://127.0.0.1@10.0.0.2"},
        {"--server"},
        {"--enroll-token"},
        {"--sync-interval", "4"},
        {"--sync-interval", "3601"},
        {"--sync-interval", "5s"},
        {"--short-timings-for-tests", "--idle-timeout", "0"},
        {"--short-timings-for-tests", "--sync-interval", "3601"},
    };
    for (const auto& args : bad) {
        INFO(args.front());
        auto o = parse(args);
        REQUIRE_FALSE(o);
        CHECK(o.error().code() == ErrorCode::InvalidInput);
        CHECK_FALSE(o.error().message().empty());
    }
}

TEST_CASE("the command line overlays the configuration key by key, by the file's own ranges", "[app][config]") {
    // The same range whichever way a setting comes: the file's rule names the key.
    auto low = parse({"--idle-timeout", "5"});
    REQUIRE_FALSE(low);
    CHECK(low.error().message().find("kiosk.idle_timeout_s") != std::string::npos);
    CHECK(low.error().message().find("below 30") != std::string::npos);
    auto edges = parse({"--idle-timeout", "30", "--sync-interval", "3600", "--attract-after", "0"});
    REQUIRE(edges);
    CHECK(edges->device.idleTimeoutSeconds == 30);
    CHECK(edges->attractSeconds() == 86400);  // 0 is never
    // The suite's short timings, and only those two keys.
    auto quick = parse({"--idle-timeout", "6", "--short-timings-for-tests", "--sync-interval", "2"});
    REQUIRE(quick);
    CHECK(quick->device.idleTimeoutSeconds == 6);
    CHECK(quick->device.syncIntervalSeconds == 2);
    CHECK_FALSE(parse({"--short-timings-for-tests", "--attract-after", "-5"}));

    test::TempDir temp;
    const std::string data = temp.path().string();
    std::ofstream(temp.path() / "device.toml")
        << "[site]\nname = \"Minsk centre\"\nlanguage = \"be\"\n[kiosk]\nidle_timeout_s = 120\n[server]\nsync_interval_s = 300\n";
    auto load = [&](std::vector<const char*> args) {
        args.insert(args.begin(), "dc-kiosk");
        return app::loadKioskOptions(static_cast<int>(args.size()), args.data(), temp.path());
    };
    auto fromFile = load({"--data-dir", data.c_str(), "--idle-timeout", "200"});
    REQUIRE(fromFile);
    CHECK(fromFile->device.siteName == "Minsk centre");  // kept from the file
    CHECK(fromFile->device.siteLanguage == "be");
    CHECK(fromFile->device.idleTimeoutSeconds == 200);  // the command line's
    CHECK(fromFile->device.syncIntervalSeconds == 300);
    // The suite's short timings overlay a configuration too (its camera tests have one).
    auto quickConfigured = load({"--data-dir", data.c_str(), "--short-timings-for-tests", "--idle-timeout", "6"});
    REQUIRE(quickConfigured);
    CHECK(quickConfigured->shortTimings);
    CHECK(quickConfigured->device.idleTimeoutSeconds == 6);
    CHECK(quickConfigured->device.siteName == "Minsk centre");
}

TEST_CASE("a provisioned kiosk starts without demo jobs unless asked, and the appliance waits for provisioning", "[app]") {
    test::TempDir temp;
    const std::filesystem::path dir = temp.path();
    const std::string data = dir.string();
    auto load = [&](std::vector<const char*> args) {
        args.insert(args.begin(), "dc-kiosk");
        return app::loadKioskOptions(static_cast<int>(args.size()), args.data(), dir);
    };
    // No device.toml yet: demo data, and the appliance flag says there is nothing to start with.
    auto blank = load({"--data-dir", data.c_str(), "--wait-for-provisioning"});
    REQUIRE(blank);
    CHECK(blank->demo);
    CHECK(blank->waitForProvisioning);
    CHECK(blank->configFile.empty());
    // dc-provision wrote the configuration: a real office's kiosk, no demo jobs.
    std::ofstream(dir / "device.toml") << "[site]\nname = \"Batumi employment office\"\nlanguage = \"ka\"\n";
    auto provisioned = load({"--data-dir", data.c_str(), "--wait-for-provisioning"});
    REQUIRE(provisioned);
    CHECK(provisioned->configFile == dir / "device.toml");
    CHECK(provisioned->device.siteLanguage == "ka");
    CHECK_FALSE(provisioned->demo);
    auto training = load({"--data-dir", data.c_str(), "--demo"});
    REQUIRE(training);
    CHECK(training->demo);
}
