#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace dc;
using dc::test::TempDir;

namespace {

std::vector<std::filesystem::path> filesStartingWith(const std::filesystem::path& dir, const std::string& prefix) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) out.push_back(entry.path());
    return out;
}

}  // namespace

TEST_CASE("a new database is created in WAL mode at the latest schema", "[store]") {
    TempDir dir;
    store::OpenReport report;
    auto db = store::Database::open(dir / "kiosk.db", &report);
    REQUIRE(db);
    CHECK(report.created);
    CHECK(report.migratedFrom == 0);
    CHECK(report.migratedTo == store::latestSchemaVersion());
    CHECK(db->schemaVersion() == store::latestSchemaVersion());
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db->handle(), "PRAGMA journal_mode", -1, &stmt, nullptr);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "wal");
    sqlite3_finalize(stmt);
}

TEST_CASE("reopening an existing database keeps it and migrates nothing", "[store]") {
    TempDir dir;
    { REQUIRE(store::Database::open(dir / "kiosk.db")); }
    store::OpenReport report;
    auto db = store::Database::open(dir / "kiosk.db", &report);
    REQUIRE(db);
    CHECK_FALSE(report.created);
    CHECK(report.notes.empty());
    CHECK(report.movedAsideTo.empty());
}

TEST_CASE("a file that is not a database is moved aside, never overwritten", "[store]") {
    TempDir dir;
    const std::string garbage = "this is a shopping list, not a database\n";
    dc::test::writeFile(dir / "kiosk.db", garbage);
    dc::test::writeFile(dir / "kiosk.db-wal", "stale wal");
    store::OpenReport report;
    auto db = store::Database::open(dir / "kiosk.db", &report);
    REQUIRE(db);
    REQUIRE_FALSE(report.movedAsideTo.empty());
    CHECK(dc::test::readFile(report.movedAsideTo) == garbage);
    CHECK(dc::test::readFile(report.movedAsideTo.string() + "-wal") == "stale wal");
    REQUIRE(report.notes.size() >= 1);
    CHECK_THAT(report.notes.front(), Catch::Contains("damaged") && Catch::Contains(report.movedAsideTo.string()));
    CHECK(db->schemaVersion() == store::latestSchemaVersion());
}

TEST_CASE("a database with a valid header but damaged pages is moved aside", "[store]") {
    TempDir dir;
    { REQUIRE(store::Database::open(dir / "kiosk.db")); }
    // Keep the 100-byte header, destroy the schema page behind it.
    std::string bytes = dc::test::readFile(dir / "kiosk.db");
    REQUIRE(bytes.size() > 200);
    for (size_t i = 100; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5);
    std::filesystem::remove(dir / "kiosk.db-wal");
    std::filesystem::remove(dir / "kiosk.db-shm");
    dc::test::writeFile(dir / "kiosk.db", bytes);

    store::OpenReport report;
    auto db = store::Database::open(dir / "kiosk.db", &report);
    REQUIRE(db);
    REQUIRE_FALSE(report.movedAsideTo.empty());
    CHECK(dc::test::readFile(report.movedAsideTo) == bytes);
}

TEST_CASE("moving aside twice never replaces the first damaged copy", "[store]") {
    TempDir dir;
    dc::test::writeFile(dir / "kiosk.db", "first damaged file.........");
    { REQUIRE(store::Database::open(dir / "kiosk.db")); }
    std::filesystem::remove(dir / "kiosk.db-wal");
    std::filesystem::remove(dir / "kiosk.db-shm");
    dc::test::writeFile(dir / "kiosk.db", "second damaged file........");
    { REQUIRE(store::Database::open(dir / "kiosk.db")); }
    std::vector<std::string> contents;
    for (const auto& copy : filesStartingWith(dir.path(), "kiosk.db.corrupt-")) {
        const std::string name = copy.filename().string();
        const bool companion = name.ends_with("-wal") || name.ends_with("-shm");
        if (!companion) contents.push_back(dc::test::readFile(copy));
    }
    CHECK_THAT(contents, Catch::VectorContains(std::string("first damaged file.........")));
    CHECK_THAT(contents, Catch::VectorContains(std::string("second damaged file........")));
}

TEST_CASE("a path the kiosk cannot read as a file is an error and is left alone", "[store]") {
    TempDir dir;
    std::filesystem::create_directory(dir / "kiosk.db");
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE_FALSE(db);
    CHECK(db.error().code() == ErrorCode::IoError);
    CHECK_THAT(db.error().message(), Catch::Contains("not a regular file"));
    CHECK(std::filesystem::is_directory(dir / "kiosk.db"));
}

TEST_CASE("a database from a newer program is refused untouched", "[store]") {
    TempDir dir;
    {
        auto db = store::Database::open(dir / "kiosk.db");
        REQUIRE(db);
        REQUIRE(db->exec("PRAGMA user_version = 999"));
        REQUIRE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    const std::string before = dc::test::readFile(dir / "kiosk.db");
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE_FALSE(db);
    CHECK(db.error().code() == ErrorCode::StoreTooNew);
    CHECK_THAT(db.error().message(), Catch::Contains("999") && Catch::Contains("newer"));
    CHECK(dc::test::readFile(dir / "kiosk.db") == before);
}
