// libFuzzer target: the search box's text becomes an FTS5 query that SQLite always accepts: what a
// person types never reaches FTS5 as syntax (no error, whatever the bytes).
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "store/fts_query.hpp"

namespace {
sqlite3* database() {
    static sqlite3* db = [] {
        sqlite3* d = nullptr;
        sqlite3_open(":memory:", &d);
        sqlite3_exec(d,
                     "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='unicode61 remove_diacritics 2', prefix='2');"
                     "INSERT INTO t VALUES ('Бухгалтер', 'ქართული ტექსტი and English words');",
                     nullptr, nullptr, nullptr);
        return d;
    }();
    return db;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view typed(reinterpret_cast<const char*>(data), size);
    for (const std::string_view columns : {std::string_view(), std::string_view("title")}) {
        const auto q = dc::store::buildFtsQuery(typed, columns);
        if (q.kind != dc::store::FtsQuery::Kind::Match) continue;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(database(), "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &stmt, nullptr) != SQLITE_OK)
            __builtin_trap();
        sqlite3_bind_text(stmt, 1, q.expression.data(), static_cast<int>(q.expression.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        if (rc != SQLITE_ROW) __builtin_trap();  // FTS5 refused what we built
    }
    return 0;
}
