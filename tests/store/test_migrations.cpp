#include <catch2/catch.hpp>

#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace dc;

// Every released version, with data in it, must upgrade to the latest and keep that data.
TEST_CASE("databases of every earlier version upgrade with their data", "[store][migrations]") {
    for (int from = 1; from <= store::latestSchemaVersion(); ++from) {
        dc::test::TempDir dir;
        const auto file = dir / "kiosk.db";
        {
            // A database as the release with schema version `from` left it, with a job in it.
            auto db = store::Database::open(file, nullptr, from);
            REQUIRE(db);
            REQUIRE(db->schemaVersion() == from);
            REQUIRE(db->exec("INSERT INTO jobs (id, title) VALUES ('kept', 'Welder')"));
        }
        store::OpenReport report;
        auto db = store::Database::open(file, &report);
        REQUIRE(db);
        CHECK(db->schemaVersion() == store::latestSchemaVersion());
        auto job = store::getJob(*db, "kept");
        REQUIRE(job);
        CHECK(job->title == "Welder");
        if (from < 4) {
            // Version 4 rebuilt the search index and counted the filter chips from the rows.
            CHECK(store::searchJobs(*db, {.text = "weld"})->totalMatches == 1);
            CHECK(store::searchJobs(*db, {.text = "we"})->totalMatches == 1);
            CHECK(store::searchJobs(*db, {})->totalMatches == 1);
            CHECK(db->exec("INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 1)"));
        }
    }
}

TEST_CASE("a failed upgrade step rolls back and keeps the old version", "[store][migrations]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    // Simulate an interrupted database: version 0 but a table the first step creates already exists.
    REQUIRE(db->exec("PRAGMA user_version = 0"));
    store::OpenReport report;
    auto migrated = store::migrate(*db, report);
    REQUIRE_FALSE(migrated);
    CHECK_THAT(migrated.error().message(), Catch::Contains("upgrading the database to version 1"));
    CHECK(db->schemaVersion() == 0);
}

TEST_CASE("the schema's constraints refuse impossible records", "[store][migrations]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    REQUIRE(db->exec("INSERT INTO enrollments (id, reference_code, course_id, status) VALUES ('e1','R-1','c','waitlisted')"));
    CHECK_FALSE(db->exec("INSERT INTO enrollments (id, reference_code, course_id, status) VALUES ('e2','R-2','c','bogus')"));
    CHECK_FALSE(db->exec("INSERT INTO enrollments (id, reference_code, course_id) VALUES ('e3','R-1','c')"));
    CHECK_FALSE(db->exec("INSERT INTO enrollments (id, reference_code, course_id, waitlist_position) VALUES ('e4','R-4','c',0)"));
    REQUIRE(db->exec("INSERT INTO outbox (id, kind, payload) VALUES ('u-1','application','{}')"));
    CHECK_FALSE(db->exec("INSERT INTO outbox (id, kind, payload) VALUES ('u-1','application','{}')"));
    CHECK_FALSE(db->exec("INSERT INTO outbox (id, kind, payload, state) VALUES ('u-2','x','{}','lost')"));
    CHECK_FALSE(db->exec("INSERT INTO course_sessions (id, course_id) VALUES ('s1','no-such-course')"));
}
