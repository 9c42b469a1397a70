#include "store/catalog_queries.hpp"

#include <algorithm>

#include "catalog/json_list.hpp"
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
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
SELECT id, title, employer, description, region, city, work_mode, category, skills, salary_min, salary_max,
       salary_currency, employment_type, date_posted, valid_through, salary_period, isco
FROM jobs WHERE id = ?1)SQL"));
    stmt->bind(1, id);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return fail(ErrorCode::NotFound, "no job with id '" + id.substr(0, 64) + "'");
    if (rc != SQLITE_ROW) return std::unexpected(db.lastError("reading a job"));
    JobRecord job;
    job.id = stmt->text(0);
    job.title = stmt->text(1);
    job.employer = stmt->text(2);
    job.description = stmt->text(3);
    job.region = stmt->text(4);
    job.city = stmt->text(5);
    job.workMode = workModeFromText(stmt->text(6)).value_or(WorkMode::OnSite);
    job.category = stmt->text(7);
    job.skills = listFromJson(stmt->text(8));
    job.salaryMin = stmt->optionalInteger(9);
    job.salaryMax = stmt->optionalInteger(10);
    job.salaryCurrency = stmt->text(11);
    job.employmentType = stmt->text(12);
    job.datePosted = stmt->text(13);
    job.validThrough = stmt->text(14);
    job.salaryPeriod = stmt->text(15);
    job.isco = stmt->text(16);
    return job;
}

Expected<int64_t> countJobs(const Database& db) { return scalar(db, "SELECT count(*) FROM jobs", nullptr); }

}  // namespace dc::store
