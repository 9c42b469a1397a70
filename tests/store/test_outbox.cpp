// The outbox as sync sees it: oldest first within limits, answers written once, refusals set
// aside, failed attempts counted; pulled pages with their cursor; a full resync's clean-up.
#include <catch2/catch.hpp>

#include <map>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "store/daily_counts.hpp"
#include "store/jobseeker_actions.hpp"
#include "store/outbox.hpp"
#include "store/sqlite_statement.hpp"
#include "support/kiosk_store.hpp"

using namespace dc;
using Outcome = store::DeliveryAnswer::Outcome;

namespace {

struct Kiosk : test::KioskStore {
    Kiosk() : test::KioskStore(false) {}
    std::string apply(const std::string& name) {
        auto r = store::submitApplication(
            db, cipher, {.jobId = "demo-job-001", .person = {.name = name, .phone = "+995 555 123 456"}, .consent = true});
        REQUIRE(r);
        return r->referenceCode;
    }
};

}  // namespace

TEST_CASE("pending records come oldest first, opened, within the limits but at least one", "[store][outbox]") {
    Kiosk k;
    for (int i = 0; i < 5; ++i) k.apply("Person " + std::to_string(i));
    auto three = store::pendingOutbox(k.db, k.cipher, 3, 1 << 20);
    REQUIRE(three);
    REQUIRE(three->size() == 3);
    CHECK(three->at(0).seq < three->at(1).seq);
    CHECK(three->at(0).body.find("Person 0") != std::string::npos);
    CHECK(three->at(0).subject.starts_with("a-"));
    auto tiny = store::pendingOutbox(k.db, k.cipher, 10, 1);  // a byte budget smaller than any record
    REQUIRE(tiny);
    CHECK(tiny->size() == 1);
}

TEST_CASE("answers are written once: done with the status, refused set aside, unknown ignored", "[store][outbox]") {
    Kiosk k;
    const std::string code = k.apply("A");
    k.apply("B");
    auto records = *store::pendingOutbox(k.db, k.cipher, 10, 1 << 20);
    REQUIRE(records.size() == 2);
    REQUIRE(store::recordDeliveries(
        k.db,
        {{.outcome = Outcome::Accepted, .id = records[0].id, .status = "submitted", .resultJson = R"({"status":"submitted"})"},
         {.outcome = Outcome::Rejected, .id = records[1].id, .reason = "bad person"},
         {.outcome = Outcome::Accepted, .id = "no-such-record", .status = "submitted"}}));
    auto stats = store::outboxStats(k.db);
    CHECK(stats->pending == 0);
    CHECK(stats->delivered == 1);
    CHECK(stats->quarantined == 1);
    auto status = store::lookUpReference(k.db, code);
    CHECK(status->status == domain::ActionStatus::Submitted);
    CHECK(status->delivered);
    auto aside = store::quarantinedOutbox(k.db, 10);
    REQUIRE(aside->size() == 1);
    CHECK(aside->at(0).reason == "refused by the server: bad person");
    // A second answer for a finished record changes nothing.
    REQUIRE(store::recordDeliveries(k.db, {{.outcome = Outcome::Duplicate, .id = records[0].id, .status = "rejected"}}));
    CHECK(store::lookUpReference(k.db, code)->status == domain::ActionStatus::Submitted);
    // A status the kiosk does not know is not written (the record is still done).
    const std::string third = k.apply("C");
    auto more = *store::pendingOutbox(k.db, k.cipher, 10, 1 << 20);
    REQUIRE(store::recordDeliveries(k.db, {{.outcome = Outcome::Accepted, .id = more[0].id, .status = "teleported"}}));
    CHECK(store::lookUpReference(k.db, third)->status == domain::ActionStatus::Pending);
    CHECK(store::lookUpReference(k.db, third)->delivered);
}

TEST_CASE("failed attempts are counted with the error in words", "[store][outbox]") {
    Kiosk k;
    k.apply("A");
    auto records = *store::pendingOutbox(k.db, k.cipher, 10, 1 << 20);
    REQUIRE(store::recordFailedAttempt(k.db, {records[0].id}, "the server could not be reached"));
    REQUIRE(store::recordFailedAttempt(k.db, {records[0].id}, "the server is busy"));
    CHECK(k.text("SELECT attempts FROM outbox") == "2");
    CHECK(store::outboxStats(k.db)->lastError == "the server is busy");
    CHECK(store::outboxStats(k.db)->pending == 1);
}

TEST_CASE("a pulled page and its cursor are written together, settings round-trip", "[store][outbox]") {
    Kiosk k;
    auto batch = catalog::generateCatalog({.seed = 2, .jobs = 5, .courses = 0});
    store::PullPosition at{.stream = "catalog", .cursor = "abcd.5"};
    REQUIRE(store::applyCatalogBatch(k.db, batch, &at));
    CHECK(*store::readCursor(k.db, "catalog") == "abcd.5");
    // A page that fails to apply leaves the cursor where it was.
    domain::CatalogBatch bad{.jobUpserts = {batch.jobUpserts[0]}};
    bad.jobUpserts[0].title.clear();
    store::PullPosition later{.stream = "catalog", .cursor = "abcd.9"};
    CHECK_FALSE(store::applyCatalogBatch(k.db, bad, &later));
    CHECK(*store::readCursor(k.db, "catalog") == "abcd.5");
    CHECK(store::readCursor(k.db, "other")->empty());
    REQUIRE(store::writeSetting(k.db, "sync.device_id", "d-1"));
    REQUIRE(store::writeSetting(k.db, "sync.device_id", "d-2"));
    CHECK(*store::readSetting(k.db, "sync.device_id") == "d-2");
}

TEST_CASE("a full resync removes at its last page what the snapshot did not bring", "[store][outbox]") {
    Kiosk k;  // holds the demo catalog
    const int64_t demoJobs = *store::countJobs(k.db);
    auto snapshot = catalog::generateCatalog({.seed = 8, .jobs = 10, .courses = 2});
    domain::CatalogBatch first{.jobUpserts = {snapshot.jobUpserts.begin(), snapshot.jobUpserts.begin() + 6}};
    domain::CatalogBatch last{.jobUpserts = {snapshot.jobUpserts.begin() + 6, snapshot.jobUpserts.end()},
                              .courseUpserts = snapshot.courseUpserts};
    store::PullPosition p1{.stream = "catalog", .cursor = "resync:ab.6", .fullResync = true, .firstOfResync = true};
    REQUIRE(store::applyCatalogBatch(k.db, first, &p1));
    CHECK(*store::countJobs(k.db) == demoJobs + 6);  // nothing removed before the snapshot is whole
    store::PullPosition p2{.stream = "catalog", .cursor = "ab.12", .fullResync = true, .lastOfResync = true};
    auto counts = store::applyCatalogBatch(k.db, last, &p2);
    REQUIRE(counts);
    CHECK(counts->jobsDeleted == static_cast<size_t>(demoJobs));
    CHECK(*store::countJobs(k.db) == 10);
    CHECK(store::listCourses(k.db, 100)->size() == 2);
    CHECK(k.text("SELECT count(*) FROM resync_seen") == "0");
    CHECK(k.text("SELECT count(*) FROM jobs_fts") == "10");
}

TEST_CASE("a resync started again forgets what an abandoned one had noted", "[store][outbox]") {
    Kiosk k;
    auto snapshot = catalog::generateCatalog({.seed = 8, .jobs = 4, .courses = 0});
    store::PullPosition abandoned{.stream = "catalog", .cursor = "resync:ab.2", .fullResync = true, .firstOfResync = true};
    REQUIRE(store::applyCatalogBatch(k.db, {.jobUpserts = {snapshot.jobUpserts[0], snapshot.jobUpserts[1]}}, &abandoned));
    // The server's catalog changed: job 0 is gone from the new snapshot.
    store::PullPosition again{
        .stream = "catalog", .cursor = "cd.3", .fullResync = true, .firstOfResync = true, .lastOfResync = true};
    REQUIRE(store::applyCatalogBatch(
        k.db, {.jobUpserts = {snapshot.jobUpserts[1], snapshot.jobUpserts[2], snapshot.jobUpserts[3]}}, &again));
    CHECK(*store::countJobs(k.db) == 3);
}

TEST_CASE("usage counts: per day and dimension, reported once, a count that grew is sent again", "[store][reports]") {
    Kiosk k;
    REQUIRE(store::countEvent(k.db, "sessions", {"lang=ka"}));
    REQUIRE(store::countEvent(k.db, "sessions", {"lang=ru"}));
    k.apply("Zebulon");  // an application counts itself, in its own transaction
    auto counts = store::unreportedCounts(k.db, 31);
    REQUIRE(counts);
    std::map<std::string, int64_t> byKey;
    for (const auto& c : *counts) byKey[c.metric + "/" + c.dimension] = c.n;
    CHECK(byKey["sessions/"] == 2);
    CHECK(byKey["sessions/lang=ka"] == 1);
    CHECK(byKey["applications/"] == 1);
    CHECK(byKey["applications/lang=unknown"] == 1);  // the form gave no language
    REQUIRE(store::countEvent(k.db, "sessions", {"lang=ka"}));  // grows after it was read
    REQUIRE(store::markReported(k.db, *counts));
    auto left = store::unreportedCounts(k.db, 31);
    REQUIRE(left);
    // The day is sent whole again (totals), because one of its counts grew.
    CHECK_FALSE(left->empty());
    REQUIRE(store::markReported(k.db, *left));
    CHECK(store::unreportedCounts(k.db, 31)->empty());
    // Nothing personal is in a count.
    CHECK(k.text("SELECT count(*) FROM daily_counts WHERE dimension GLOB '*Zebulon*' OR metric GLOB '*Zebulon*'") == "0");
}
