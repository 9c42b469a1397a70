// The kiosk's shell, without a window: the idle warning and the wipe.
#include <catch2/catch.hpp>

#include "app/ui/jobseeker/kiosk_controller.hpp"
#include "ui/jobseeker/fake_services.hpp"

using namespace dc;
using namespace dc::ui;

TEST_CASE("idle: the warning stands at least 20 seconds at every idle time a site may set, then the person is forgotten",
          "[ui][jobseeker][idle]") {
    for (const int timeout : {30, 45, 90, 120, 600}) {
        INFO("idle time " << timeout << " s");
        test::FakeServices services;
        KioskController kiosk(services, Language::English);
        kiosk.setLanguage(Language::Russian);  // a person chose a language: there is a session
        REQUIRE(kiosk.sessionActive());
        const int warning = KioskController::warningSecondsFor(timeout);
        CHECK(warning >= 20);  // WCAG 2.2.1
        CHECK(warning <= timeout / 2 + 5);
        kiosk.updateIdle(timeout - warning - 0.5, timeout);
        CHECK_FALSE(kiosk.state().idleWarning);
        CHECK(kiosk.updateIdle(timeout - warning + 0.01, timeout));
        CHECK(kiosk.state().idleWarning);
        CHECK(kiosk.state().idleSecondsLeft >= 20);
        kiosk.updateIdle(timeout - 0.5, timeout);
        CHECK(kiosk.state().idleWarning);
        CHECK(kiosk.language() == Language::Russian);
        CHECK(kiosk.updateIdle(timeout, timeout));
        CHECK_FALSE(kiosk.state().idleWarning);
        CHECK(kiosk.language() == Language::English);
        CHECK_FALSE(kiosk.sessionActive());
    }
    // Only the test suite's idle times under 30 s warn for less (a third of them).
    CHECK(KioskController::warningSecondsFor(6) == 2);
}
