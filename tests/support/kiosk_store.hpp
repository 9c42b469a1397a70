#pragma once
// A kiosk's store for store tests: a fresh database in its own folder, a device key, and the
// demo catalog (plus a few generated courses with sessions, for enrollments).
#include <catch2/catch.hpp>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/field_cipher.hpp"
#include "store/sqlite_statement.hpp"
#include "support/temp_dir.hpp"

namespace dc::test {

struct KioskStore {
    TempDir dir;
    store::Database db = std::move(*store::Database::open(dir / "kiosk.db"));
    store::FieldCipher cipher = std::move(*store::FieldCipher::fromKey(std::string(32, 'k')));

    explicit KioskStore(bool withCourses = true) {
        auto batch = catalog::demoCatalog();
        if (withCourses) batch.courseUpserts = catalog::generateCatalog({.seed = 4, .jobs = 0, .courses = 3}).courseUpserts;
        REQUIRE(store::applyCatalogBatch(db, batch));
    }
    // The first column of the first row of `sql`.
    std::string text(const std::string& sql) {
        auto stmt = store::Statement::prepare(db, sql);
        REQUIRE(stmt);
        REQUIRE(stmt->step() == SQLITE_ROW);
        return stmt->text(0);
    }
    int64_t count(const std::string& table) { return std::stoll(text("SELECT count(*) FROM " + table)); }
};

}  // namespace dc::test
