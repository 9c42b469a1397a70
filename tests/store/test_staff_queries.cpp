// What clerks see: registrations made at the counter, today's records with their delivery state
// (delivered, waiting, refused), the facts a printed receipt needs, and the database's health.
#include <catch2/catch.hpp>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/outbox.hpp"
#include "store/sqlite_statement.hpp"
#include "store/staff_queries.hpp"
#include "support/kiosk_store.hpp"

using namespace dc;
using Outcome = store::DeliveryAnswer::Outcome;

namespace {

struct Office : test::KioskStore {
    // An application for the first demo job, as a jobseeker at the kiosk makes it.
    Expected<domain::ActionReceipt> apply() {
        domain::ApplicationDraft application;
        application.jobId = catalog::demoCatalog().jobUpserts.front().id;
        application.person = {.name = "A", .phone = "599123456"};
        application.consent = true;
        return store::submitApplication(db, cipher, application);
    }
    domain::RegistrationDraft draft(std::string name = "Нино Беридзе") {
        domain::RegistrationDraft d;
        d.person = {
            .name = std::move(name), .phone = "+995 599 12 34 56", .documentNumber = "12AB34567", .birthDate = "1990-04-25"};
        d.consent = true;
        return d;
    }
};

}  // namespace

TEST_CASE("a clerk's registration is sealed, queued for the office and gets a reference code", "[store][staff]") {
    Office o;
    auto receipt = store::registerJobseeker(o.db, o.cipher, o.draft());
    REQUIRE(receipt);
    CHECK(store::normalizeReferenceCode(receipt->referenceCode) == receipt->referenceCode);
    auto queued = store::pendingOutbox(o.db, o.cipher, 10, 1 << 20);
    REQUIRE(queued);
    REQUIRE(queued->size() == 1);
    CHECK(queued->at(0).kind == "registration");
    CHECK(queued->at(0).body.find("12AB34567") != std::string::npos);
    CHECK(queued->at(0).body.find("1990-04-25") != std::string::npos);
    // Nothing of the person in clear anywhere in the database file's tables.
    CHECK(o.text("SELECT count(*) FROM profiles WHERE CAST(document_enc AS TEXT) LIKE '%12AB%'") == "0");
    CHECK(o.text("SELECT actor FROM audit_log ORDER BY rowid DESC LIMIT 1") == "clerk");
}

TEST_CASE("a registration with a bad document number or date is refused and nothing is written", "[store][staff]") {
    Office o;
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"12ab34567", ""},  {"1234", ""},       {std::string(21, 'A'), ""}, {"12 AB 345", ""},
        {"ÄBCDEF", ""},     {"", "1990-02-30"}, {"", "1990-4-25"},          {"", "25.04.1990"},
        {"", "2023-02-29"}, {"", "1899-12-31"}, {"", "1990-13-01"},         {"", std::string(1000, '1')}};
    for (const auto& [document, birth] : bad) {
        auto d = o.draft();
        d.person.documentNumber = document;
        d.person.birthDate = birth;
        INFO(document << " / " << birth);
        auto receipt = store::registerJobseeker(o.db, o.cipher, d);
        REQUIRE_FALSE(receipt);
        CHECK(receipt.error().code() == ErrorCode::InvalidInput);
    }
    auto noConsent = o.draft();
    noConsent.consent = false;
    CHECK_FALSE(store::registerJobseeker(o.db, o.cipher, noConsent));
    CHECK(o.text("SELECT count(*) FROM registrations") == "0");
    CHECK(o.text("SELECT count(*) FROM outbox") == "0");
    // A leap day that exists is fine, and so is a registration without a document.
    auto leap = o.draft();
    leap.person.birthDate = "2000-02-29";
    CHECK(store::registerJobseeker(o.db, o.cipher, leap));
    auto plain = o.draft();
    plain.person.documentNumber.clear();
    plain.person.birthDate.clear();
    CHECK(store::registerJobseeker(o.db, o.cipher, plain));
}

TEST_CASE("today's list shows every kind of record with its delivery state, newest first", "[store][staff]") {
    Office o;
    auto applied = o.apply();
    REQUIRE(applied);
    auto registered = store::registerJobseeker(o.db, o.cipher, o.draft());
    REQUIRE(registered);
    REQUIRE(o.db.exec("UPDATE registrations SET created_at = '2099-01-01T00:00:00Z'"));  // the newest

    auto records = *store::pendingOutbox(o.db, o.cipher, 10, 1 << 20);
    REQUIRE(records.size() == 2);
    // The application is delivered; the registration is refused by the office.
    REQUIRE(store::recordDeliveries(o.db,
                                    {{.outcome = Outcome::Accepted, .id = records[0].id, .status = "submitted"},
                                     {.outcome = Outcome::Rejected, .id = records[1].id, .reason = "no such office"}}));
    auto rows = store::actionsSince(o.db, "2000-01-01T00:00:00Z", 50);
    REQUIRE(rows);
    REQUIRE(rows->size() == 2);
    CHECK(rows->at(0).kind == "registration");
    CHECK(rows->at(0).referenceCode == registered->referenceCode);
    CHECK(rows->at(0).setAside);
    CHECK_FALSE(rows->at(0).delivered);
    CHECK(rows->at(1).kind == "application");
    CHECK(rows->at(1).delivered);
    CHECK(rows->at(1).status == domain::ActionStatus::Submitted);
    CHECK(rows->at(1).title == catalog::demoCatalog().jobUpserts.front().title);
    // Only what was made since the given time, and no more than asked.
    CHECK(store::actionsSince(o.db, "2098-01-01T00:00:00Z", 50)->size() == 1);
    CHECK(store::actionsSince(o.db, "2000-01-01T00:00:00Z", 1)->size() == 1);
}

TEST_CASE("a receipt's facts come from the code, typed any way, unknown codes are NotFound", "[store][staff]") {
    Office o;
    const std::string code = o.apply()->referenceCode;
    std::string typed = code;
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto facts = store::receiptFacts(o.db, typed);
    REQUIRE(facts);
    CHECK(facts->referenceCode == code);
    CHECK(facts->kind == "application");
    CHECK(facts->title == catalog::demoCatalog().jobUpserts.front().title);
    for (const std::string& unknown :
         {std::string("AAA-AAA"), std::string(), std::string("'; DROP TABLE outbox; --"), std::string(10000, 'K')}) {
        auto none = store::receiptFacts(o.db, unknown);
        REQUIRE_FALSE(none);
        CHECK(none.error().code() == ErrorCode::NotFound);
    }
}

TEST_CASE("the integrity check says ok for a sound database", "[store][staff]") {
    Office o;
    auto ok = store::integrityCheck(o.db);
    REQUIRE(ok);
    CHECK(*ok == "ok");
    CHECK_FALSE(store::sqliteVersion().empty());
}
