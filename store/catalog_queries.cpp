#include "store/catalog_queries.hpp"

#include <algorithm>

#include "catalog/json_list.hpp"
#include "store/job_columns.hpp"
#include "store/sqlite_statement.hpp"

namespace dc::store {
using namespace ::dc::domain;
using namespace ::dc::catalog;
namespace {

Expected<int64_t> scalar(const Database& db, const std::string& sql, const std::string* bindText) {
    DC_TRY(stmt, Statement::prepare(db, sql));
    if (bindText) stmt->bind(1, *bindText);
    if (stmt->step() != SQLITE_ROW) return std::unexpected(db.lastError("counting"));
    return stmt->integer(0);
}

}  // namespace

Expected<JobRecord> getJob(const Database& db, const std::string& id) {
    DC_TRY(stmt, Statement::prepare(db, "SELECT " DC_JOB_COLUMNS " FROM jobs WHERE id = ?1"));
    stmt->bind(1, id);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return fail(ErrorCode::NotFound, "no job with id '" + id.substr(0, 64) + "'");
    if (rc != SQLITE_ROW) return std::unexpected(db.lastError("reading a job"));
    return jobFromRow(*stmt);
}

Expected<int64_t> countJobs(const Database& db) { return scalar(db, "SELECT count(*) FROM jobs", nullptr); }

}  // namespace dc::store
