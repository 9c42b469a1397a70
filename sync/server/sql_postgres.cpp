// PostgreSQL backend of the central service (libpq, text parameters and results).
#include <libpq-fe.h>

#include <cstring>

#include "sync/server/sql.hpp"

namespace dc::server {
namespace {

class PostgresConnection final : public SqlConnection {
public:
    explicit PostgresConnection(PGconn* conn) : m_conn(conn) {}
    ~PostgresConnection() override { PQfinish(m_conn); }
    Dialect dialect() const override { return Dialect::Postgres; }

    Expected<std::vector<SqlRow>> query(std::string_view sql, const std::vector<SqlValue>& params) override {
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (size_t i = 0; i < params.size(); ++i) {
            if (std::holds_alternative<int64_t>(params[i]))
                texts[i] = std::to_string(std::get<int64_t>(params[i]));
            else if (std::holds_alternative<std::string>(params[i]))
                texts[i] = std::get<std::string>(params[i]);
            else
                continue;
            values[i] = texts[i].c_str();
        }
        const std::string text(sql);
        PGresult* res =
            PQexecParams(m_conn, text.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr, nullptr, 0);
        std::unique_ptr<PGresult, void (*)(PGresult*)> guard(res, PQclear);
        const auto status = PQresultStatus(res);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return failure(res);
        m_conflict = false;
        std::vector<SqlRow> rows;
        const int n = PQntuples(res), cols = PQnfields(res);
        rows.reserve(static_cast<size_t>(n));
        for (int r = 0; r < n; ++r) {
            SqlRow row;
            for (int c = 0; c < cols; ++c) {
                if (PQgetisnull(res, r, c))
                    row.cols.emplace_back(std::nullopt);
                else
                    row.cols.emplace_back(std::string(PQgetvalue(res, r, c), static_cast<size_t>(PQgetlength(res, r, c))));
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

    Expected<void> script(std::string_view sql) override {
        const std::string text(sql);
        PGresult* res = PQexec(m_conn, text.c_str());
        std::unique_ptr<PGresult, void (*)(PGresult*)> guard(res, PQclear);
        const auto status = PQresultStatus(res);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return std::unexpected(failure(res).error());
        m_conflict = false;
        return {};
    }

    bool lastErrorWasConflict() const override { return m_conflict; }

private:
    std::unexpected<Error> failure(PGresult* res) {
        const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
        // 40001 serialization failure, 40P01 deadlock: the transaction may simply be run again.
        m_conflict = state && (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0);
        return fail(ErrorCode::StoreError, std::string("PostgreSQL: ") + PQerrorMessage(m_conn));
    }
    PGconn* m_conn;
    bool m_conflict = false;
};

}  // namespace

Expected<std::unique_ptr<SqlConnection>> openPostgres(const std::string& conninfo) {
    PGconn* conn = PQconnectdb(conninfo.c_str());
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        std::string m = conn ? PQerrorMessage(conn) : "out of memory";
        PQfinish(conn);
        return fail(ErrorCode::StoreError, "cannot connect to PostgreSQL: " + m);
    }
    auto c = std::make_unique<PostgresConnection>(conn);
    // Notices (e.g. "relation already exists, skipping") are not errors: keep them out of the log.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    return std::unique_ptr<SqlConnection>(std::move(c));
}

}  // namespace dc::server
