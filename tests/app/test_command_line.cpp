#include <catch2/catch.hpp>

#include "app/command_line.hpp"

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
}

TEST_CASE("options are parsed", "[app]") {
    auto o = parse({"--data-dir", "/tmp/d", "--language", "ka", "--windowed", "1024x768", "--no-demo", "--script",
                    "s.txt", "--dump-ui", "u.json", "--step-timeout", "7.5", "--idle-timeout", "120"});
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
}

TEST_CASE("bad options are refused with a reason", "[app]") {
    const std::vector<std::vector<const char*>> bad = {
        {"--bogus"},          {"--language", "xx"},     {"--language"},          {"--windowed", "big"},
        {"--windowed", "10x10"}, {"--windowed", "99999x1"}, {"--step-timeout", "-1"}, {"--step-timeout", "abc"},
        {"--data-dir", ""},   {"--idle-timeout", "4"},  {"--idle-timeout", "3601"}, {"--idle-timeout", "9.5"},
        {"--idle-timeout", "99999999999999999999"}, {"--idle-timeout"},
    };
    for (const auto& args : bad) {
        INFO(args.front());
        auto o = parse(args);
        REQUIRE_FALSE(o);
        CHECK(o.error().code() == ErrorCode::InvalidInput);
        CHECK_FALSE(o.error().message().empty());
    }
}
