#include <catch2/catch.hpp>

#include "app/ui/automation/automation_runner.hpp"

using namespace dc;
using namespace dc::ui;

namespace {

struct FakeHost : AutomationHost {
    std::vector<std::string> log;
    bool isBusy = false;
    bool shotPending = false;
    void pointerMove(float x, float y) override {
        log.push_back("move " + std::to_string(int(x)) + "," + std::to_string(int(y)));
    }
    void pointerButton(bool down) override { log.push_back(down ? "down" : "up"); }
    void typeText(const std::string& t) override { log.push_back("type " + t); }
    void pressKey(const std::string& k) override {
        log.push_back("key " + k);
        if (k == "Down") ++focus;
    }
    void setLanguage(Language l) override { log.push_back(std::string("language ") + languageCode(l)); }
    bool busy() const override { return isBusy; }
    void requestScreenshot(const std::filesystem::path& f) override {
        log.push_back("shot " + f.string());
        shotPending = true;
    }
    bool screenshotPending() const override { return shotPending; }
    std::string takeScreenshotError() override { return {}; }
    Expected<void> writeDump(const std::filesystem::path& f) override {
        log.push_back("dump " + f.string());
        return {};
    }
    float screenWidth() const override { return 1920; }
    float screenHeight() const override { return 1080; }
    // A focus ring over these labels that moves one step per Down, as the kiosk's does.
    std::vector<std::string> ring;
    int focus = -1;
    std::string focusedLabel() const override { return focus < 0 ? "" : ring[static_cast<size_t>(focus) % ring.size()]; }
    int closeRequests = 0;
    void requestClose() override { ++closeRequests; }
};

const std::vector<WidgetInfo> kHome = {
    {WidgetKind::Text, "Welcome", 10, 10, 200, 40, true},
    {WidgetKind::Button, "Find a job", 100, 200, 400, 300, true},
};

AutomationRunner::Status runTicks(AutomationRunner& runner, FakeHost& host, const std::vector<WidgetInfo>& frame, int ticks,
                                  double& now) {
    auto status = AutomationRunner::Status::Running;
    for (int i = 0; i < ticks && status == AutomationRunner::Status::Running; ++i) {
        now += 0.016;
        status = runner.tick(frame, true, now, host);
        host.shotPending = false;
    }
    return status;
}

}  // namespace

TEST_CASE("tap moves to the widget's centre, presses and releases", "[ui][automation]") {
    AutomationRunner runner(*parseScript("tap \"Find a job\""), 5);
    FakeHost host;
    double now = 0;
    CHECK(runTicks(runner, host, kHome, 50, now) == AutomationRunner::Status::Succeeded);
    CHECK(host.log == std::vector<std::string>{"move 300,350", "down", "up"});
}

TEST_CASE("tap waits while the app is busy", "[ui][automation]") {
    AutomationRunner runner(*parseScript("tap \"Find a job\""), 5);
    FakeHost host;
    host.isBusy = true;
    double now = 0;
    CHECK(runTicks(runner, host, kHome, 20, now) == AutomationRunner::Status::Running);
    CHECK(host.log.empty());
    host.isBusy = false;
    CHECK(runTicks(runner, host, kHome, 50, now) == AutomationRunner::Status::Succeeded);
}

TEST_CASE("a failed expect names the text and what was visible instead", "[ui][automation]") {
    AutomationRunner runner(*parseScript("expect \"Nurse\""), 0.5);
    FakeHost host;
    double now = 0;
    CHECK(runTicks(runner, host, kHome, 200, now) == AutomationRunner::Status::Failed);
    CHECK_THAT(
        runner.failure(),
        Catch::Contains("line 1") && Catch::Contains("\"Nurse\"") && Catch::Contains("Find a job") && Catch::Contains("Welcome"));
}

TEST_CASE("tapping a label that is only text fails: text is not a target", "[ui][automation]") {
    AutomationRunner runner(*parseScript("tap \"Welcome\""), 0.2);
    FakeHost host;
    double now = 0;
    CHECK(runTicks(runner, host, kHome, 100, now) == AutomationRunner::Status::Failed);
    CHECK_THAT(runner.failure(), Catch::Contains("no visible button"));
}

TEST_CASE("expect-not fails when the text is on screen and passes when it is not", "[ui][automation]") {
    FakeHost host;
    double now = 0;
    AutomationRunner present(*parseScript("expect-not \"Find\""), 5);
    CHECK(runTicks(present, host, kHome, 50, now) == AutomationRunner::Status::Failed);
    AutomationRunner absent(*parseScript("expect-not \"Chef\""), 5);
    CHECK(runTicks(absent, host, kHome, 50, now) == AutomationRunner::Status::Succeeded);
}

TEST_CASE("wait needs no frames and lets the time pass", "[ui][automation]") {
    AutomationRunner runner(*parseScript("wait 1000\nexpect Welcome"), 5);
    FakeHost host;
    CHECK_FALSE(runner.needsFrames());
    CHECK(runner.tick(kHome, false, 0.0, host) == AutomationRunner::Status::Running);
    CHECK(runner.tick(kHome, false, 0.5, host) == AutomationRunner::Status::Running);
    CHECK(runner.tick(kHome, false, 1.01, host) == AutomationRunner::Status::Running);
    CHECK(runner.needsFrames());
}

TEST_CASE("screenshot, dump, type, key and language reach the host in order", "[ui][automation]") {
    AutomationRunner runner(*parseScript("language ka\ntype \"ბ\"\nkey Enter\nscreenshot a.png\ndump b.json"), 5);
    FakeHost host;
    double now = 0;
    CHECK(runTicks(runner, host, kHome, 100, now) == AutomationRunner::Status::Succeeded);
    CHECK(host.log == std::vector<std::string>{"language ka", "type ბ", "key Enter", "shot a.png", "dump b.json"});
}

TEST_CASE("listen-for presses Down until the spoken focus names the target, and stops there", "[ui][automation]") {
    AutomationRunner runner(*parseScript("listen-for \"Apply\""), 5);
    FakeHost host;
    host.ring = {"Back", "Listen", "Apply", "Home"};
    double now = 0;
    CHECK(runTicks(runner, host, kHome, 100, now) == AutomationRunner::Status::Succeeded);
    CHECK(host.log == std::vector<std::string>{"key Down", "key Down", "key Down"});
    CHECK(host.focusedLabel() == "Apply");
}

TEST_CASE("listen-for fails in plain words when the focus never names the target", "[ui][automation]") {
    AutomationRunner runner(*parseScript("listen-for \"Nowhere\""), 600);
    FakeHost host;
    host.ring = {"Back", "Listen"};
    double now = 0;
    CHECK(runTicks(runner, host, kHome, 5000, now) == AutomationRunner::Status::Failed);
    CHECK(host.log.size() == static_cast<size_t>(kMaxListenPresses));
    CHECK(runner.failure().find("without naming it") != std::string::npos);
}

TEST_CASE("listen-for needs a label", "[ui][automation]") {
    CHECK_FALSE(parseScript("listen-for"));
    CHECK(parseScript("listen-for \"ა\"")->front().kind == StepKind::ListenFor);
}

TEST_CASE("the runner notes when a tap let go and when an expected text was first drawn", "[ui][automation]") {
    AutomationRunner runner(*parseScript("tap \"Find a job\"\nexpect \"Jobs found\""), 5);
    FakeHost host;
    CHECK(runner.timing().lastRelease < 0);
    CHECK(runner.timing().lastExpectSeen < 0);
    double now = 0;
    while (host.log.size() < 3) REQUIRE(runTicks(runner, host, kHome, 1, now) == AutomationRunner::Status::Running);
    const double released = now;
    CHECK(runner.timing().lastRelease == Approx(released));
    // Home stays a few frames; then the list is drawn while more results are still on their way:
    // it is seen from that frame, though the step passes only once the screen has settled.
    CHECK(runTicks(runner, host, kHome, 5, now) == AutomationRunner::Status::Running);
    CHECK(runner.timing().lastExpectSeen < 0);
    const std::vector<WidgetInfo> list = {{WidgetKind::Text, "Jobs found: 12", 10, 10, 200, 40, true}};
    host.isBusy = true;
    CHECK(runTicks(runner, host, list, 1, now) == AutomationRunner::Status::Running);
    const double seen = now;
    CHECK(runTicks(runner, host, list, 3, now) == AutomationRunner::Status::Running);
    host.isBusy = false;
    CHECK(runTicks(runner, host, list, 20, now) == AutomationRunner::Status::Succeeded);
    CHECK(runner.timing().lastExpectSeen == Approx(seen));
    CHECK(runner.timing().lastRelease == Approx(released));
}

TEST_CASE("expect-gone waits until the text has left the screen, and fails at the time limit if it stays", "[ui][automation]") {
    FakeHost host;
    double now = 0;
    AutomationRunner leaving(*parseScript("expect-gone \"Find\""), 5);
    CHECK(runTicks(leaving, host, kHome, 50, now) == AutomationRunner::Status::Running);  // still there: waits
    const std::vector<WidgetInfo> after = {kHome[0]};
    CHECK(runTicks(leaving, host, after, 50, now) == AutomationRunner::Status::Succeeded);

    AutomationRunner staying(*parseScript("expect-gone \"Find\""), 0.5);
    CHECK(runTicks(staying, host, kHome, 200, now) == AutomationRunner::Status::Failed);
    CHECK_THAT(staying.failure(), Catch::Contains("line 1") && Catch::Contains("still visible"));
}
