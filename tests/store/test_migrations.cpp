#include <catch2/catch.hpp>

#include "app/store/catalog_import.hpp"
#include "app/store/catalog_queries.hpp"
#include "app/store/database.hpp"
#include "app/store/migrations.hpp"
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
