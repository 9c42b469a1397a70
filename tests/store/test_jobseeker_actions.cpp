// Applying and enrolling: one transaction each, personal data sealed everywhere it is written,
// the outbox record there for sync, and bad input refused with nothing half-written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "store/attachments.hpp"
#include "store/catalog_import.hpp"
#include "store/jobseeker_actions.hpp"
#include "store/outbox.hpp"
#include "store/sqlite_statement.hpp"
#include "support/kiosk_store.hpp"

using namespace dc;

namespace {

using Kiosk = dc::test::KioskStore;

domain::Profile person() {
    return {.name = "Мария Иванова", .phone = "+375 29 123-45-67", .email = "", .skills = {"Excel"}, .language = "ru"};
}

// The body of the first record in the outbox, unsealed.
nlohmann::json firstOutboxBody(Kiosk& k) {
    auto outbox = store::Statement::prepare(k.db, "SELECT id, payload FROM outbox");
    REQUIRE(outbox);
    REQUIRE(outbox->step() == SQLITE_ROW);
    auto body = k.cipher.open("outbox:" + outbox->text(0), *outbox->blob(1));
    REQUIRE(body);
    return nlohmann::json::parse(*body);
}

}  // namespace

TEST_CASE("an application is saved with its outbox record, everything personal sealed", "[store][actions]") {
    Kiosk k;
    auto receipt = store::submitApplication(
        k.db, k.cipher, {.jobId = "demo-job-001", .person = person(), .note = "Могу с понедельника", .consent = true});
    REQUIRE(receipt);
    CHECK(receipt->referenceCode.size() == 7);
    CHECK(store::normalizeReferenceCode(receipt->referenceCode) == receipt->referenceCode);
    CHECK(k.count("applications") == 1);
    CHECK(k.count("profiles") == 1);

    auto outbox = store::Statement::prepare(k.db, "SELECT id, kind, payload, state FROM outbox");
    REQUIRE(outbox);
    REQUIRE(outbox->step() == SQLITE_ROW);
    CHECK(outbox->text(1) == "application");
    CHECK(outbox->text(3) == "pending");
    const auto sealed = *outbox->blob(2);
    CHECK(std::string(sealed.begin(), sealed.end()).find("Мария") == std::string::npos);
    auto body = k.cipher.open("outbox:" + outbox->text(0), sealed);
    REQUIRE(body);
    const auto json = nlohmann::json::parse(*body);
    CHECK(json["person"]["name"] == "Мария Иванова");
    CHECK(json["referenceCode"] == receipt->referenceCode);
    CHECK(json["jobId"] == "demo-job-001");
    CHECK_FALSE(json["person"].contains("sms"));  // no text messages unless asked for

    // The audit log names the code, never the person.
    auto audit = store::Statement::prepare(k.db, "SELECT action, subject, detail FROM audit_log");
    REQUIRE(audit);
    REQUIRE(audit->step() == SQLITE_ROW);
    CHECK(audit->text(0) == "application.submitted");
    CHECK(audit->text(1) == receipt->referenceCode);

    auto status =
        store::lookUpReference(k.db, " " + receipt->referenceCode.substr(0, 3) + " " + receipt->referenceCode.substr(4) + " ");
    REQUIRE(status);
    CHECK(status->kind == domain::StatusAnswer::Kind::Application);
    CHECK(status->status == domain::ActionStatus::Pending);
    CHECK(status->title == "Junior QA tester");
    CHECK_FALSE(status->delivered);
}

TEST_CASE("bad applications are refused and write nothing", "[store][actions]") {
    Kiosk k;
    auto noConsent = store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = person()});
    REQUIRE_FALSE(noConsent);
    CHECK_THAT(noConsent.error().message(), Catch::Contains("consent"));
    CHECK(store::submitApplication(k.db, k.cipher, {.jobId = "gone", .person = person(), .consent = true}).error().code() ==
          ErrorCode::NotFound);
    auto badPhone = person();
    badPhone.phone = "call me'; DROP TABLE outbox; --";
    CHECK_FALSE(store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = badPhone, .consent = true}));
    auto shortPhone = person();
    shortPhone.phone = "123";
    CHECK_FALSE(store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = shortPhone, .consent = true}));
    auto noName = person();
    noName.name = "   ";
    CHECK_FALSE(store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = noName, .consent = true}));
    auto badMail = person();
    badMail.email = "not an address";
    CHECK_FALSE(store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = badMail, .consent = true}));
    CHECK_FALSE(store::submitApplication(
        k.db, k.cipher, {.jobId = "demo-job-001", .person = person(), .note = std::string(5000, 'x'), .consent = true}));
    auto hugeName = person();
    hugeName.name = std::string(100000, 'N');
    CHECK_FALSE(store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = hugeName, .consent = true}));
    for (const char* table : {"applications", "profiles", "outbox", "audit_log"}) {
        INFO(table);
        CHECK(k.count(table) == 0);
    }
}

TEST_CASE("if the outbox cannot be written, the application is not saved either", "[store][actions]") {
    Kiosk k;
    REQUIRE(k.db.exec("CREATE TEMP TRIGGER full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"));
    REQUIRE_FALSE(store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = person(), .consent = true}));
    CHECK(k.count("applications") == 0);
    CHECK(k.count("profiles") == 0);
}

namespace {

// A JPEG as the capture screen makes it (its bytes matter only as far as they are a JPEG's).
std::string jpegBytes(size_t size = 3000) {
    std::string bytes(size, '\x5a');
    bytes[0] = '\xFF', bytes[1] = '\xD8', bytes[2] = '\xFF', bytes[3] = '\xE0';
    return bytes;
}

size_t sealedFiles(const dc::test::TempDir& dir) {
    size_t n = 0;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(dir / "attachments", ec)) n += f.path().extension() == ".sealed";
    return n;
}

}  // namespace

TEST_CASE("an application with the ID document read: its number and date go with it, its picture sealed beside it",
          "[store][actions][attachments]") {
    Kiosk k;
    auto who = person();
    who.documentNumber = "12AB34567";
    who.birthDate = "1990-04-25";
    const std::string photo = jpegBytes();
    auto receipt =
        store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = who, .consent = true, .idPhoto = photo});
    REQUIRE(receipt);
    const std::string applicationId = k.text("SELECT id FROM applications");
    auto pending = store::pendingAttachments(k.db, 10);
    REQUIRE(pending);
    REQUIRE(pending->size() == 1);
    const auto& a = pending->front();
    CHECK(a.kind == "id-photo");
    CHECK(a.recordId == applicationId);
    CHECK(a.size == static_cast<int64_t>(photo.size()));
    // On disk only sealed: the JPEG's bytes are nowhere in the file.
    std::ifstream file(k.dir / "attachments" / (a.id + ".sealed"), std::ios::binary);
    const std::string onDisk((std::istreambuf_iterator<char>(file)), {});
    CHECK(onDisk.find(photo.substr(0, 64)) == std::string::npos);
    auto opened = store::readAttachment(k.db, k.cipher, a);
    REQUIRE(opened);
    CHECK(*opened == photo);
    // The outbox record names the attachment and carries what the document says.
    const auto json = firstOutboxBody(k);
    CHECK(json["person"]["documentNumber"] == "12AB34567");
    CHECK(json["person"]["birthDate"] == "1990-04-25");
    REQUIRE(json["attachments"].size() == 1);
    CHECK(json["attachments"][0]["id"] == a.id);
    CHECK(json["attachments"][0]["sha256"] == a.sha256);
    // Without a document nothing of one is sent.
    auto plain = store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = person(), .consent = true});
    REQUIRE(plain);
    CHECK(k.count("attachments") == 1);
    // A clerk's registration carries the picture the same way; a bad one is refused first.
    CHECK_FALSE(store::registerJobseeker(k.db, k.cipher, {.person = who, .consent = true, .idPhoto = "not a jpeg"}));
    CHECK(k.count("attachments") == 1);
    REQUIRE(store::registerJobseeker(k.db, k.cipher, {.person = who, .consent = true, .idPhoto = photo}));
    CHECK(k.count("attachments") == 2);
    CHECK(k.text("SELECT record_id FROM attachments WHERE record_id LIKE 'r-%'") == k.text("SELECT id FROM registrations"));
}

TEST_CASE("an application with a wrong document number, date or picture is refused and leaves nothing behind",
          "[store][actions][attachments][hostile]") {
    Kiosk k;
    auto draft = [](std::string number, std::string date, std::string photo) {
        auto who = person();
        who.documentNumber = std::move(number);
        who.birthDate = std::move(date);
        return domain::ApplicationDraft{.jobId = "demo-job-001", .person = who, .consent = true, .idPhoto = std::move(photo)};
    };
    const struct {
        domain::ApplicationDraft draft;
        const char* says;
    } bad[] = {
        {draft("12ab34567", "", ""), "capital letters"},
        {draft("12AB<34567", "", ""), "capital letters"},
        {draft("1234", "", ""), "5 to 20"},
        {draft(std::string(21, 'A'), "", ""), "5 to 20"},
        {draft("", "1990-02-30", ""), "not a real date"},
        {draft("", "25.04.1990", ""), "not a real date"},
        {draft("", "", "GIF89a not a jpeg"), "not a JPEG"},
        {draft("", "", jpegBytes(domain::kMaxIdPhotoBytes + 1)), "too large"},
        {draft("", "", "\xFF\xD8"), "not a JPEG"},
    };
    for (const auto& b : bad) {
        auto refused = store::submitApplication(k.db, k.cipher, b.draft);
        REQUIRE_FALSE(refused);
        CHECK_THAT(refused.error().message(), Catch::Contains(b.says));
    }
    for (const char* table : {"applications", "profiles", "outbox", "attachments"}) {
        INFO(table);
        CHECK(k.count(table) == 0);
    }
    CHECK(sealedFiles(k.dir) == 0);
    // The outbox full after the picture was written: nothing saved, the picture's file gone too.
    REQUIRE(k.db.exec("CREATE TEMP TRIGGER full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"));
    REQUIRE_FALSE(store::submitApplication(k.db, k.cipher, draft("12AB34567", "1990-04-25", jpegBytes())));
    CHECK(k.count("attachments") == 0);
    CHECK(k.count("applications") == 0);
    CHECK(sealedFiles(k.dir) == 0);
}

TEST_CASE("a free seat is requested, a full session puts people on its waitlist in order", "[store][actions]") {
    Kiosk k;
    REQUIRE(k.db.exec("UPDATE course_sessions SET capacity = 2, seats_taken = 1"));
    auto session = store::Statement::prepare(k.db, "SELECT id FROM course_sessions ORDER BY id LIMIT 1");
    REQUIRE(session);
    REQUIRE(session->step() == SQLITE_ROW);
    const std::string id = session->text(0);

    auto first = store::requestEnrollment(k.db, k.cipher, {.sessionId = id, .person = person(), .consent = true});
    REQUIRE(first);
    CHECK(first->status == domain::ActionStatus::Pending);
    CHECK_FALSE(first->waitlistPosition);
    auto second = store::requestEnrollment(k.db, k.cipher, {.sessionId = id, .person = person(), .consent = true});
    REQUIRE(second);
    CHECK(second->status == domain::ActionStatus::Waitlisted);
    CHECK(second->waitlistPosition == 1);
    auto third = store::requestEnrollment(k.db, k.cipher, {.sessionId = id, .person = person(), .consent = true});
    REQUIRE(third);
    CHECK(third->waitlistPosition == 2);
    CHECK(first->referenceCode != second->referenceCode);

    auto status = store::lookUpReference(k.db, third->referenceCode);
    REQUIRE(status);
    CHECK(status->kind == domain::StatusAnswer::Kind::Enrollment);
    CHECK(status->status == domain::ActionStatus::Waitlisted);
    CHECK(status->waitlistPosition == 2);
    CHECK(k.count("outbox") == 3);
    CHECK(store::requestEnrollment(k.db, k.cipher, {.sessionId = "nope", .person = person(), .consent = true}).error().code() ==
          ErrorCode::NotFound);
}

TEST_CASE("reference codes: typed loosely, looked up safely", "[store][actions]") {
    CHECK(store::normalizeReferenceCode("k7m-4qx") == "K7M-4QX");
    CHECK(store::normalizeReferenceCode(" K7M 4QX ") == "K7M-4QX");
    CHECK(store::normalizeReferenceCode("K7M4QX9").empty());
    CHECK(store::normalizeReferenceCode("K7").empty());
    CHECK(store::normalizeReferenceCode(std::string(10000, 'A')).empty());
    CHECK(store::normalizeReferenceCode("К7М-4QХ") == "K7M-4QX");  // Cyrillic look-alikes read as the code
    CHECK(store::normalizeReferenceCode("Ж7М-4QХ").empty());
    Kiosk k;
    CHECK(store::lookUpReference(k.db, "AAA-AAA").error().code() == ErrorCode::NotFound);
    CHECK(store::lookUpReference(k.db, "' OR 1=1 --").error().code() == ErrorCode::InvalidInput);
}

TEST_CASE("the office's decision and message reach the kiosk's copy, once, and a call taken names who is coming",
          "[store][actions]") {
    Kiosk k;
    auto receipt = store::submitApplication(k.db, k.cipher, {.jobId = "demo-job-001", .person = person(), .consent = true});
    REQUIRE(receipt);
    auto id = store::Statement::prepare(k.db, "SELECT id FROM applications");
    REQUIRE(id);
    REQUIRE(id->step() == SQLITE_ROW);
    const std::string appId = id->text(0);
    // A status the office can take now (the table's CHECK was widened by migration 9), with words.
    REQUIRE(store::applyOfficeUpdates(k.db, {{appId, "invited", std::nullopt, "Понедельник 10:00, каб. 4"}}, 7, "{}",
                                      R"({"call-1":"Nino"})"));
    auto status = store::lookUpReference(k.db, receipt->referenceCode);
    REQUIRE(status);
    CHECK(status->status == domain::ActionStatus::Invited);
    CHECK(status->message == "Понедельник 10:00, каб. 4");
    CHECK_FALSE(status->fromOffice);
    CHECK(status->updatedAt.size() == 20);
    // A later update without words keeps the office's last message; an unknown status is ignored.
    REQUIRE(store::applyOfficeUpdates(k.db, {{appId, "hired", std::nullopt, ""}, {appId, "promoted_to_ceo", std::nullopt, "x"}},
                                      9, "{}"));
    status = store::lookUpReference(k.db, receipt->referenceCode);
    CHECK(status->status == domain::ActionStatus::Hired);
    CHECK(status->message == "Понедельник 10:00, каб. 4");
    CHECK(*store::whoIsComing(k.db, "call-1") == "");  // the newest heartbeat listed no call
    REQUIRE(store::applyOfficeUpdates(k.db, {}, 9, "{}", R"({"call-2":"Nino"})"));
    CHECK(*store::whoIsComing(k.db, "call-2") == "Nino");
    CHECK(*store::whoIsComing(k.db, "call-3") == "");
    REQUIRE(store::applyOfficeUpdates(k.db, {}, 9, "{}", "not json"));
    CHECK(*store::whoIsComing(k.db, "call-2") == "");
    for (auto s : {domain::ActionStatus::Forwarded, domain::ActionStatus::Invited, domain::ActionStatus::Hired,
                   domain::ActionStatus::NotSelected, domain::ActionStatus::Withdrawn})
        CHECK(domain::actionStatusFromText(domain::actionStatusText(s)) == s);
    CHECK(domain::actionStatusFromText("<script>") == domain::ActionStatus::Pending);
}

TEST_CASE("asking for a text message when the office answers travels with the application and the enrollment",
          "[store][actions]") {
    Kiosk k;
    auto receipt = store::submitApplication(
        k.db, k.cipher, {.jobId = "demo-job-001", .person = person(), .note = "", .consent = true, .smsOptIn = true});
    REQUIRE(receipt);
    const auto json = firstOutboxBody(k);
    CHECK(json["person"]["sms"] == true);
    CHECK(json["person"]["language"] == "ru");  // the text comes in the person's language
    CHECK(json["person"]["phone"] == "+375 29 123-45-67");
}
