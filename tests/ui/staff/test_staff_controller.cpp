// The clerk's and technician's controller alone: state in, actions in, state and requests out,
// over staff services answered by hand.
#include <catch2/catch.hpp>

#include <functional>
#include <vector>

#include "app/ui/staff/staff_controller.hpp"
#include "common/utf8.hpp"

using namespace dc;
using namespace dc::ui;

namespace {

struct FakeStaff : StaffServices {
    std::vector<std::pair<std::string, Done<domain::PinAttempt>>> pins;
    std::vector<Done<std::vector<domain::ActionRow>>> todays;
    std::vector<Done<std::vector<domain::QuarantinedRecord>>> asides;
    std::vector<std::pair<domain::RegistrationDraft, Done<domain::ActionReceipt>>> registrations;
    std::vector<Done<IdReading>> reads;
    std::vector<Done<DiagnosticsReport>> diagnosed;
    int syncs = 0, stops = 0;

    void tryPin(domain::PinRole, std::string pin, Done<domain::PinAttempt> done) override { pins.emplace_back(pin, done); }
    void todaysActions(Done<std::vector<domain::ActionRow>> done) override { todays.push_back(done); }
    void setAside(Done<std::vector<domain::QuarantinedRecord>> done) override { asides.push_back(done); }
    void registerJobseeker(domain::RegistrationDraft draft, Done<domain::ActionReceipt> done) override {
        registrations.emplace_back(std::move(draft), done);
    }
    void readIdDocument(Done<IdReading> done) override { reads.push_back(done); }
    void printReceipt(std::string, Language, Done<bool>) override {}
    void syncNow() override { ++syncs; }
    void diagnostics(Done<DiagnosticsReport> done) override { diagnosed.push_back(done); }
    void checkNetwork(Done<std::vector<NetworkStep>>) override {}
    void testPrinter(Done<bool>) override {}
    void testCamera(Done<std::string>) override {}
    void testAudio(Language) override {}
    void exportDiagnostics(Done<std::string>) override {}
    void reenroll(Done<bool>) override {}
    void stopKiosk() override { ++stops; }
};

StaffActions typed(const std::string& text) {
    StaffActions a;
    a.keyText = text;
    return a;
}

}  // namespace

TEST_CASE("staff: a PIN is checked once, wrong and locked say so, the right one opens the clerk's lists", "[ui][staff]") {
    FakeStaff services;
    StaffController staff(services);
    staff.openPin(domain::PinRole::Clerk);
    CHECK(staff.state().screen == StaffScreen::Pin);
    for (const char* digit : {"1", "2", "3", "4"}) {
        StaffActions key;
        key.pinKey = digit;
        staff.apply(key, Language::English);
    }
    CHECK(staff.state().pin == "1234");
    StaffActions submit;
    submit.pinSubmit = true;
    staff.apply(submit, Language::English);
    staff.apply(submit, Language::English);  // a second touch while it is checked
    REQUIRE(services.pins.size() == 1);
    CHECK(services.pins[0].first == "1234");
    CHECK(staff.state().pin.empty());  // not kept while it is checked
    services.pins[0].second(domain::PinAttempt{.granted = false, .failuresInARow = 1});
    CHECK(staff.state().pinMessage == Msg::PinWrong);
    CHECK(staff.state().screen == StaffScreen::Pin);

    StaffActions key;
    key.pinKey = "9";
    staff.apply(key, Language::English);
    staff.apply(submit, Language::English);
    services.pins[1].second(domain::PinAttempt{.granted = false, .lockedForSeconds = 29.2});
    CHECK(staff.state().pinMessage == Msg::PinLocked);
    CHECK(staff.state().lockedSeconds == 30);

    staff.apply(key, Language::English);
    staff.apply(submit, Language::English);
    services.pins[2].second(domain::PinAttempt{.granted = true});
    CHECK(staff.state().screen == StaffScreen::Clerk);
    REQUIRE(services.todays.size() == 1);
    REQUIRE(services.asides.size() == 1);
    services.todays[0](std::vector<domain::ActionRow>(3));
    CHECK(staff.state().today.value->size() == 3);
    StaffActions signOut;
    signOut.signOut = true;
    staff.apply(signOut, Language::English);
    CHECK_FALSE(staff.active());
}

TEST_CASE("staff: the clerk's registration keeps each field's one rule, and forgets the person once saved", "[ui][staff]") {
    FakeStaff services;
    StaffController staff(services);
    staff.openPin(domain::PinRole::Clerk);
    StaffActions open;
    open.open = StaffScreen::Register;
    staff.apply(open, Language::Russian);
    auto typeInto = [&](FieldId field, const std::string& text) {
        StaffActions focus;
        focus.focusField = field;
        staff.apply(focus, Language::Russian);
        for (const std::string& key : utf8::characters(text)) staff.apply(typed(key), Language::Russian);  // key by key
    };
    typeInto(FieldId::Name, "иван петров");
    CHECK(staff.state().name == "Иван Петров");  // capitals as the kiosk's form gives them
    CHECK(staff.state().keyboardLayout == Language::Russian);
    typeInto(FieldId::Phone, "12345");
    StaffActions submit;
    submit.registerPerson = true;
    staff.apply(submit, Language::Russian);
    CHECK(staff.state().problem == Msg::ProblemPhone);
    CHECK(services.registrations.empty());
    typeInto(FieldId::Phone, "67");
    typeInto(FieldId::Document, "ab");
    staff.apply(submit, Language::Russian);
    CHECK(staff.state().problem == Msg::ProblemDocument);
    StaffActions erase;
    erase.keyBackspace = true;
    staff.apply(erase, Language::Russian);
    staff.apply(erase, Language::Russian);
    staff.apply(submit, Language::Russian);
    CHECK(staff.state().problem == Msg::ProblemConsent);
    StaffActions consent;
    consent.toggleConsent = true;
    staff.apply(consent, Language::Russian);
    staff.apply(submit, Language::Russian);
    REQUIRE(services.registrations.size() == 1);
    const auto& draft = services.registrations[0].first;
    CHECK(draft.person.name == "Иван Петров");
    CHECK(draft.person.phone == "1234567");
    CHECK(draft.person.documentNumber.empty());
    CHECK(draft.person.language == "ru");
    CHECK(draft.consent);
    services.registrations[0].second(domain::ActionReceipt{.referenceCode = "HJK-MNP"});
    CHECK(staff.state().registered.value->referenceCode == "HJK-MNP");
    CHECK(staff.state().name.empty());
    CHECK(staff.state().phone.empty());
    CHECK_FALSE(staff.state().consent);
}

TEST_CASE("staff: the ID reading fills the form, and its picture goes only with the number it shows", "[ui][staff]") {
    FakeStaff services;
    StaffController staff(services);
    staff.openPin(domain::PinRole::Clerk);
    StaffActions open;
    open.open = StaffScreen::Register;
    staff.apply(open, Language::English);
    StaffActions read;
    read.readId = true;
    staff.apply(read, Language::English);
    staff.apply(read, Language::English);
    REQUIRE(services.reads.size() == 1);
    services.reads[0](
        IdReading{.name = "NINO BERIDZE", .documentNumber = "AB1234567", .birthDate = "1990-04-25", .photo = "jpeg"});
    CHECK(staff.state().name == "NINO BERIDZE");
    CHECK(staff.state().document == "AB1234567");
    StaffActions focus;
    focus.focusField = FieldId::Phone;
    staff.apply(focus, Language::English);
    staff.apply(typed("599123456"), Language::English);
    StaffActions consent;
    consent.toggleConsent = true;
    staff.apply(consent, Language::English);
    StaffActions submit;
    submit.registerPerson = true;
    staff.apply(submit, Language::English);
    REQUIRE(services.registrations.size() == 1);
    CHECK(services.registrations[0].first.idPhoto == "jpeg");
    services.registrations[0].second(std::unexpected(Error(ErrorCode::IoError, "disk full")));
    CHECK(staff.state().problem == Msg::ProblemSave);
    CHECK(staff.state().document == "AB1234567");  // nothing lost
    // The clerk types another number: the picture of the first document does not go with it.
    StaffActions docFocus;
    docFocus.focusField = FieldId::Document;
    staff.apply(docFocus, Language::English);
    StaffActions erase;
    erase.keyBackspace = true;
    staff.apply(erase, Language::English);
    staff.apply(typed("8"), Language::English);
    staff.apply(submit, Language::English);
    REQUIRE(services.registrations.size() == 2);
    CHECK(services.registrations[1].first.person.documentNumber == "AB1234568");
    CHECK(services.registrations[1].first.idPhoto.empty());
}
