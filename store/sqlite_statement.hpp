#pragma once
// A prepared statement with RAII and typed binding. Internal to the store module.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace dc::store {

class Statement {
public:
    static Expected<Statement> prepare(const Database& db, std::string_view sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                               nullptr) != SQLITE_OK)
            return std::unexpected(db.lastError("preparing a query"));
        return Statement(stmt);
    }
    Statement(Statement&& o) noexcept : m_stmt(o.m_stmt) { o.m_stmt = nullptr; }
    Statement& operator=(Statement&&) = delete;
    ~Statement() { sqlite3_finalize(m_stmt); }

    void bind(int index, std::string_view text) {
        sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    // For text that outlives the next step(): SQLite reads it in place instead of copying.
    void bindUntilStep(int index, std::string_view text) {
        sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    }
    void bind(int index, int64_t value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, const std::vector<uint8_t>& bytes) {
        sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    }
    void bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
    void bind(int index, const std::optional<int64_t>& value) {
        if (value)
            sqlite3_bind_int64(m_stmt, index, *value);
        else
            sqlite3_bind_null(m_stmt, index);
    }

    // Binds by name (":region"); a name the statement does not use is ignored, so optional
    // clauses can be bound without tracking which were written.
    template <class T>
    void bindNamed(const char* name, const T& value) {
        if (const int index = sqlite3_bind_parameter_index(m_stmt, name); index > 0) bind(index, value);
    }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    // Steps through every row, calling `row()` for each; an error says what was being `doing`.
    template <class F>
    Expected<void> eachRow(const Database& db, const char* doing, F&& row) {
        int rc;
        while ((rc = step()) == SQLITE_ROW) row();
        if (rc != SQLITE_DONE) return std::unexpected(db.lastError(doing));
        return {};
    }
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    std::string text(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
        return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
    }
    int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    std::optional<std::vector<uint8_t>> blob(int col) const {
        if (sqlite3_column_type(m_stmt, col) == SQLITE_NULL) return std::nullopt;
        const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(m_stmt, col));
        return std::vector<uint8_t>(p, p + sqlite3_column_bytes(m_stmt, col));
    }
    std::optional<int64_t> optionalInteger(int col) const {
        if (sqlite3_column_type(m_stmt, col) == SQLITE_NULL) return std::nullopt;
        return sqlite3_column_int64(m_stmt, col);
    }

private:
    explicit Statement(sqlite3_stmt* stmt) : m_stmt(stmt) {}
    sqlite3_stmt* m_stmt;
};

}  // namespace dc::store
