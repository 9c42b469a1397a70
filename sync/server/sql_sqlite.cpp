// SQLite backend of the central service: WAL, a busy timeout, and $N parameters bound by name.
#include <sqlite3.h>

#include <charconv>
#include <map>

#include "sync/server/sql.hpp"

namespace dc::server {

int64_t SqlRow::integer(size_t i) const {
    const std::string t = text(i);
    int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
}

namespace {

class SqliteConnection final : public SqlConnection {
public:
    explicit SqliteConnection(sqlite3* db) : m_db(db) {}
    ~SqliteConnection() override {
        for (auto& [sql, stmt] : m_cache) sqlite3_finalize(stmt);
        sqlite3_close_v2(m_db);
    }
    Dialect dialect() const override { return Dialect::Sqlite; }

    Expected<std::vector<SqlRow>> query(std::string_view sql, const std::vector<SqlValue>& params) override {
        // The service runs the same few statements over and over: each is prepared once.
        sqlite3_stmt* raw = nullptr;
        if (auto it = m_cache.find(sql); it != m_cache.end()) {
            raw = it->second;
        } else {
            if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
                SQLITE_OK)
                return failure("preparing a statement");
            m_cache.emplace(std::string(sql), raw);
        }
        struct Reset {
            sqlite3_stmt* s;
            ~Reset() {
                sqlite3_reset(s);
                sqlite3_clear_bindings(s);
            }
        } reset{raw};
        for (size_t i = 0; i < params.size(); ++i) {
            const std::string name = "$" + std::to_string(i + 1);
            const int index = sqlite3_bind_parameter_index(raw, name.c_str());
            if (index == 0) continue;
            const SqlValue& v = params[i];
            if (std::holds_alternative<int64_t>(v))
                sqlite3_bind_int64(raw, index, std::get<int64_t>(v));
            else if (std::holds_alternative<std::string>(v)) {
                const auto& s = std::get<std::string>(v);
                sqlite3_bind_text(raw, index, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
            } else
                sqlite3_bind_null(raw, index);
        }
        std::vector<SqlRow> rows;
        int rc;
        while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
            SqlRow row;
            const int n = sqlite3_column_count(raw);
            row.cols.reserve(static_cast<size_t>(n));
            for (int c = 0; c < n; ++c) {
                if (sqlite3_column_type(raw, c) == SQLITE_NULL)
                    row.cols.emplace_back(std::nullopt);
                else {
                    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(raw, c));
                    row.cols.emplace_back(std::string(p, static_cast<size_t>(sqlite3_column_bytes(raw, c))));
                }
            }
            rows.push_back(std::move(row));
        }
        if (rc != SQLITE_DONE) return failure("running a statement");
        return rows;
    }

    Expected<void> script(std::string_view sql) override {
        const std::string text(sql);
        char* message = nullptr;
        if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string m = message ? message : "unknown error";
            sqlite3_free(message);
            return fail(ErrorCode::StoreError, m);
        }
        return {};
    }

    bool lastErrorWasConflict() const override {
        const int rc = sqlite3_errcode(m_db) & 0xff;
        return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
    }

private:
    std::unexpected<Error> failure(const char* what) const {
        return fail(ErrorCode::StoreError, std::string(what) + ": " + sqlite3_errmsg(m_db));
    }
    sqlite3* m_db;
    std::map<std::string, sqlite3_stmt*, std::less<>> m_cache;
};

}  // namespace

Expected<std::unique_ptr<SqlConnection>> openSqlite(const std::string& file) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string m = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        return fail(ErrorCode::StoreError, "cannot open " + file + ": " + m);
    }
    auto conn = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, 5000);
    // WAL with synchronous=FULL: an answer the server has sent is never lost to a power cut.
    if (auto r = conn->script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"); !r)
        return std::unexpected(r.error().withContext("setting up " + file));
    return std::unique_ptr<SqlConnection>(std::move(conn));
}

Expected<std::unique_ptr<SqlConnection>> openConnection(const std::string& where) {
    if (where.starts_with("sqlite:")) return openSqlite(where.substr(7));
    if (where.starts_with("postgresql://") || where.starts_with("postgres://") || where.find('=') != std::string::npos)
        return openPostgres(where);
    return openSqlite(where);  // a plain path
}

}  // namespace dc::server
