#pragma once
// The small SQL surface the central service needs, with one implementation per storage backend
// (SQLite for one-command set-ups, PostgreSQL for deployments). Statements use $1, $2 ... for
// parameters in both; values come back as text (what libpq gives) or NULL.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/error.hpp"

namespace dc::server {

using SqlValue = std::variant<std::monostate, int64_t, std::string>;

struct SqlRow {
    std::vector<std::optional<std::string>> cols;
    std::string text(size_t i) const { return i < cols.size() && cols[i] ? *cols[i] : std::string(); }
    int64_t integer(size_t i) const;
    bool isNull(size_t i) const { return i >= cols.size() || !cols[i]; }
};

enum class Dialect { Sqlite, Postgres };

// One connection; used by one thread at a time (the pool hands it out).
class SqlConnection {
public:
    virtual ~SqlConnection() = default;
    virtual Dialect dialect() const = 0;
    virtual Expected<std::vector<SqlRow>> query(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
    // Several statements without parameters (schema, BEGIN, COMMIT).
    virtual Expected<void> script(std::string_view sql) = 0;
    // True when the last failure was a conflict worth retrying (serialization failure, busy).
    virtual bool lastErrorWasConflict() const { return false; }
};

// Opens "sqlite:/path/file.db" or a PostgreSQL connection string ("postgresql://..." or
// "host=... port=... dbname=...").
Expected<std::unique_ptr<SqlConnection>> openConnection(const std::string& where);
Expected<std::unique_ptr<SqlConnection>> openSqlite(const std::string& file);
Expected<std::unique_ptr<SqlConnection>> openPostgres(const std::string& conninfo);

// Runs `body` in a transaction (SQLite: BEGIN IMMEDIATE, one writer at a time), committing when it
// succeeds; a conflict (PostgreSQL serialization failure, SQLite busy) is tried again, up to 8 times.
template <class T, class F>
Expected<T> inTransaction(SqlConnection& c, F&& body) {
    for (int attempt = 0;; ++attempt) {
        auto begun = c.script(c.dialect() == Dialect::Sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
        Expected<T> result = begun ? body() : Expected<T>(std::unexpected(begun.error()));
        if (result) {
            auto committed = c.script("COMMIT");
            if (committed) return result;
            result = std::unexpected(committed.error());
        }
        const bool conflict = c.lastErrorWasConflict();
        if (begun) (void)c.script("ROLLBACK");
        if (!conflict || attempt >= 8) return result;
    }
}

// The next number of a named counter (audit, decisions, updates), in the caller's transaction.
inline Expected<int64_t> nextCounter(SqlConnection& c, const std::string& name) {
    DC_CHECK(c.query("INSERT INTO counters (name, value) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING", {name}));
    DC_TRY(rows, c.query("UPDATE counters SET value = value + 1 WHERE name = $1 RETURNING value", {name}));
    if (rows->empty()) return fail(ErrorCode::Internal, "the counter " + name + " is missing");
    return (*rows)[0].integer(0);
}

}  // namespace dc::server
