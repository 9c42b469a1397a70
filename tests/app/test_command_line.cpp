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
    CHECK(o->language == "en");
    CHECK(o->demo);
    CHECK_FALSE(o->script);
    CHECK(o->idleTimeoutSeconds == 90);
    CHECK(o->attractAfterSeconds == 60);
    CHECK(o->serverUrl.empty());
    CHECK(o->syncIntervalSeconds == 60);
}

TEST_CASE("options are parsed", "[app]") {
    auto o = parse({"--data-dir", "/tmp/d", "--language", "ka", "--windowed", "1024x768", "--no-demo", "--script",
                    "s.txt", "--dump-ui", "u.json", "--step-timeout", "7.5", "--idle-timeout", "120",
                    "--attract-after", "30", "--server", "https://jobs.example.ge", "--enroll-token", "abc123",
                    "--server-ca", "/etc/dc/ca.pem", "--sync-interval", "300"});
    REQUIRE(o);
    CHECK(o->dataDir == "/tmp/d");
    CHECK(o->language == "ka");
    CHECK_FALSE(o->fullscreen);
    CHECK(o->width == 1024);
    CHECK(o->height == 768);
    CHECK_FALSE(o->demo);
    CHECK(*o->script == "s.txt");
    CHECK(*o->dumpUi == "u.json");
    CHECK(o->stepTimeoutSeconds == 7.5);
    CHECK(o->idleTimeoutSeconds == 120);
    CHECK(o->attractAfterSeconds == 30);
    CHECK(o->serverUrl == "https://jobs.example.ge");
    CHECK(o->enrollToken == "abc123");
    CHECK(o->serverCa == "/etc/dc/ca.pem");
    CHECK(o->syncIntervalSeconds == 300);
}

TEST_CASE("bad options are refused with a reason", "[app]") {
    const std::vector<std::vector<const char*>> bad = {
        {"--bogus"},          {"--language", "xx"},     {"--language"},          {"--windowed", "big"},
        {"--windowed", "10x10"}, {"--windowed", "99999x1"}, {"--step-timeout", "-1"}, {"--step-timeout", "abc"},
        {"--data-dir", ""},   {"--idle-timeout", "4"},  {"--idle-timeout", "3601"}, {"--idle-timeout", "9.5"},
        {"--idle-timeout", "99999999999999999999"}, {"--idle-timeout"},
        {"--attract-after", "2"}, {"--attract-after", "x"}, {"--server", "ftp://x"}, {"--server", "jobs.ge"},
        {"--server", "https://a b"}, {"--server", "http://localhost.evil.example"}, {"--server", "http://127.0.0.1@10.0.0.2"}, {"--server"}, {"--enroll-token"}, {"--sync-interval", "0"},
        {"--sync-interval", "86401"}, {"--sync-interval", "5s"},
    };
    for (const auto& args : bad) {
        INFO(args.front());
        auto o = parse(args);
        REQUIRE_FALSE(o);
        CHECK(o.error().code() == ErrorCode::InvalidInput);
        CHECK_FALSE(o.error().message().empty());
    }
}

TEST_CASE("a provisioned kiosk starts without demo jobs unless asked, and the appliance waits for provisioning",
          "[app]") {
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
    CHECK(provisioned->language == "ka");
    CHECK_FALSE(provisioned->demo);
    auto training = load({"--data-dir", data.c_str(), "--demo"});
    REQUIRE(training);
    CHECK(training->demo);
}
