// The kiosk's shell, without a window: the idle warning and the wipe.
#include <catch2/catch.hpp>

#include "app/ui/jobseeker/kiosk_controller.hpp"
#include "app/ui/kit/typing.hpp"
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

TEST_CASE("typing: nothing is dropped without a word, and Latin-only fields open the Latin keyboard", "[ui][typing]") {
    std::string name, phone, email, note;
    auto bufferFor = [&](FieldId id) -> std::string* {
        switch (id) {
            case FieldId::Name: return &name;
            case FieldId::Phone: return &phone;
            case FieldId::Email: return &email;
            case FieldId::Note: return &note;
            default: return nullptr;
        }
    };
    TypingState state;
    auto touch = [&](FieldId id) {
        TypingInput in;
        in.focusField = id;
        applyTyping(state, in, Language::Georgian, bufferFor);
    };
    auto type = [&](const std::string& text) {
        TypingInput in;
        in.keyText = text;
        return applyTyping(state, in, Language::Georgian, bufferFor);
    };
    // The e-mail and a code open in Latin (with @) on a Georgian screen; the name in Georgian.
    touch(FieldId::Email);
    CHECK(state.keyboardLayout == Language::English);
    touch(FieldId::Name);
    CHECK(state.keyboardLayout == Language::Georgian);
    touch(FieldId::Code);
    CHECK(state.keyboardLayout == Language::English);

    // Letters in a phone number: refused, and said.
    touch(FieldId::Phone);
    CHECK_FALSE(type("a"));
    CHECK(phone.empty());
    REQUIRE(state.typingNote);
    CHECK(*state.typingNote == Msg::TypedOnlyDigits);
    CHECK(type("5"));
    CHECK_FALSE(state.typingNote);  // the next key it takes clears the word

    // An emoji in a name: refused, with why.
    touch(FieldId::Name);
    CHECK_FALSE(state.typingNote);  // a note belongs to its field
    CHECK_FALSE(type("\xF0\x9F\x98\x80"));
    REQUIRE(state.typingNote);
    CHECK(*state.typingNote == Msg::ProblemLetters);

    // A note typed to its limit: the rest refused, and said.
    touch(FieldId::Note);
    for (int i = 0; i < 400; ++i) type("ა");  // three bytes each: 333 fit in 1000
    CHECK(note.size() == 999);
    REQUIRE(state.typingNote);
    CHECK(*state.typingNote == Msg::FieldFull);

    // What a physical keyboard typed (editField) is said the same way.
    TypingInput physical;
    physical.physical.refused = true;
    touch(FieldId::Phone);
    applyTyping(state, physical, Language::Georgian, bufferFor);
    REQUIRE(state.typingNote);
    CHECK(*state.typingNote == Msg::TypedOnlyDigits);
}

TEST_CASE(
    "language: the header's button on any screen changes it and returns to where the person was, keeping the "
    "session",
    "[ui][jobseeker][language]") {
    test::FakeServices services;
    KioskController kiosk(services, Language::Georgian);
    Actions open;
    open.open = Screen::Courses;
    kiosk.apply(open);
    Actions toJobs;
    toJobs.open = Screen::Jobs;
    kiosk.apply(toJobs);
    REQUIRE(kiosk.state().screen == Screen::Jobs);
    Actions pick;
    pick.pickLanguage = true;
    kiosk.apply(pick);
    CHECK(kiosk.state().screen == Screen::Language);
    Actions russian;
    russian.language = Language::Russian;
    kiosk.apply(russian);
    CHECK(kiosk.language() == Language::Russian);
    CHECK(kiosk.state().screen == Screen::Jobs);  // where the person was
    Actions back;
    back.back = true;
    kiosk.apply(back);
    CHECK(kiosk.state().screen == Screen::Courses);  // and the way back is kept
    CHECK(kiosk.language() == Language::Russian);

    // From Home's tile, the choice goes back to Home.
    Actions home;
    home.home = true;
    kiosk.apply(home);
    Actions tile;
    tile.open = Screen::Language;
    kiosk.apply(tile);
    Actions english;
    english.language = Language::English;
    kiosk.apply(english);
    CHECK(kiosk.state().screen == Screen::Home);
    CHECK(kiosk.state().history.empty());
    CHECK(kiosk.language() == Language::English);
}
