#include <catch2/catch.hpp>

#include "app/ui/automation/automation_script.hpp"
#include "support/temp_dir.hpp"

using namespace dc::ui;

TEST_CASE("a script parses into steps with their line numbers", "[ui][automation]") {
    auto steps = parseScript(
        "# a comment\n"
        "language en\n"
        "\n"
        "tap \"Find a job\"\n"
        "type \"say \\\"hi\\\" \\\\ ok\"\n"
        "expect Junior QA tester\n"
        "expect-not \"Chef\"\n"
        "key Enter\n"
        "wait 250\n"
        "screenshot /tmp/x.png\n"
        "dump \"/tmp/with space.json\"\n");
    REQUIRE(steps);
    REQUIRE(steps->size() == 9);
    CHECK((*steps)[0].kind == StepKind::Language);
    CHECK((*steps)[1].kind == StepKind::Tap);
    CHECK((*steps)[1].argument == "Find a job");
    CHECK((*steps)[1].line == 4);
    CHECK((*steps)[2].argument == "say \"hi\" \\ ok");
    CHECK((*steps)[3].argument == "Junior QA tester");
    CHECK((*steps)[4].kind == StepKind::ExpectNot);
    CHECK((*steps)[8].argument == "/tmp/with space.json");
}

TEST_CASE("malformed scripts are refused with the line named", "[ui][automation]") {
    struct Case {
        std::string text;
        const char* message;
    };
    const Case cases[] = {
        {"dance \"x\"", "unknown command"},
        {"tap \"unterminated", "closing quote"},
        {"tap \"x\" trailing", "after the closing quote"},
        {"tap \"bad \\q escape\"", "unknown escape"},
        {"tap", "needs an argument"},
        {"tap \"\"", "needs an argument"},
        {"language xx", "unknown language"},
        {"key Delete", "unknown key"},
        {"swipe sideways", "swipe takes up or down"},
        {"wait -5", "milliseconds"},
        {"wait 10abc", "milliseconds"},
        {"wait 99999999999", "milliseconds"},
        {"expect \"caf\xC3\"", "UTF-8"},
        {std::string("tap \"a\0b\"", 10), "NUL"},
        {"tap \"" + std::string(5000, 'a') + "\"", "longer than"},
        {"tap-at 10", "two whole numbers"},
        {"tap-at -1 5", "two whole numbers"},
        {"tap-at 10 99999", "two whole numbers"},
        {"tap-at x y", "two whole numbers"},
        {"tap-at", "needs an argument"},
        {"close-window now", "takes no argument"},
        {"key Alt+F5", "unknown key"},
    };
    for (const Case& c : cases) {
        INFO(c.text.substr(0, 60));
        auto steps = parseScript("# header\n" + c.text + "\n");
        REQUIRE_FALSE(steps);
        CHECK_THAT(steps.error().message(), Catch::Contains("line 2") && Catch::Contains(c.message));
    }
}

TEST_CASE("lockdown steps: a close request, quitting keys and a tap at a point", "[ui][automation]") {
    auto steps = parseScript("close-window\nkey Alt+F4\nkey Ctrl+Q\ntap-at 20 30\n");
    REQUIRE(steps);
    REQUIRE(steps->size() == 4);
    CHECK((*steps)[0].kind == StepKind::CloseWindow);
    CHECK((*steps)[1].argument == "Alt+F4");
    CHECK((*steps)[3].kind == StepKind::TapAt);
    CHECK(parsePoint((*steps)[3].argument) == std::pair{20, 30});
}

TEST_CASE("oversized scripts are refused before parsing", "[ui][automation]") {
    auto steps = parseScript(std::string(kMaxScriptBytes + 1, '#'));
    REQUIRE_FALSE(steps);
    CHECK_THAT(steps.error().message(), Catch::Contains("limit"));
}

TEST_CASE("loading a missing script says which file", "[ui][automation]") {
    auto steps = loadScript("/nonexistent/script.txt");
    REQUIRE_FALSE(steps);
    CHECK_THAT(steps.error().message(), Catch::Contains("/nonexistent/script.txt"));
}
