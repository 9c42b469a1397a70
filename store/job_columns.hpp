#pragma once
// How a JobRecord maps to the jobs table, written once: the columns in one order, the reader of a
// row selected in that order, and the binder of ?1..?17 in that order. The catalog import writes
// jobs with it and getJob reads them with it, so a new field is added in one place.
// Internal to the store.
#include <string_view>

#include "catalog/json_list.hpp"
#include "domain/records.hpp"
#include "store/sqlite_statement.hpp"

// A macro, not a constant, so it joins the SQL string literals it stands in.
#define DC_JOB_COLUMNS                                                                                                       \
    "id, title, employer, description, region, city, work_mode, category, skills, salary_min, salary_max, salary_currency, " \
    "employment_type, date_posted, valid_through, salary_period, isco"
#define DC_JOB_PARAMETERS "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17"

namespace dc::store {

inline constexpr int kJobColumns = 17;

// A job from a row whose columns `first`.. are DC_JOB_COLUMNS.
inline domain::JobRecord jobFromRow(const Statement& row, int first = 0) {
    domain::JobRecord job;
    job.id = row.text(first + 0);
    job.title = row.text(first + 1);
    job.employer = row.text(first + 2);
    job.description = row.text(first + 3);
    job.region = row.text(first + 4);
    job.city = row.text(first + 5);
    job.workMode = domain::workModeFromText(row.text(first + 6)).value_or(domain::WorkMode::OnSite);
    job.category = row.text(first + 7);
    job.skills = catalog::listFromJson(row.text(first + 8));
    job.salaryMin = row.optionalInteger(first + 9);
    job.salaryMax = row.optionalInteger(first + 10);
    job.salaryCurrency = row.text(first + 11);
    job.employmentType = row.text(first + 12);
    job.datePosted = row.text(first + 13);
    job.validThrough = row.text(first + 14);
    job.salaryPeriod = row.text(first + 15);
    job.isco = row.text(first + 16);
    return job;
}

// Binds ?1..?17 (DC_JOB_PARAMETERS) to `job` and its skills as JSON. `job` and `skills` must
// outlive the step: SQLite reads them in place.
inline void bindJobColumns(Statement& stmt, const domain::JobRecord& job, std::string_view skills) {
    stmt.bindUntilStep(1, job.id);
    stmt.bindUntilStep(2, job.title);
    stmt.bindUntilStep(3, job.employer);
    stmt.bindUntilStep(4, job.description);
    stmt.bindUntilStep(5, job.region);
    stmt.bindUntilStep(6, job.city);
    stmt.bindUntilStep(7, domain::workModeText(job.workMode));
    stmt.bindUntilStep(8, job.category);
    stmt.bindUntilStep(9, skills);
    stmt.bind(10, job.salaryMin);
    stmt.bind(11, job.salaryMax);
    stmt.bindUntilStep(12, job.salaryCurrency);
    stmt.bindUntilStep(13, job.employmentType);
    stmt.bindUntilStep(14, job.datePosted);
    stmt.bindUntilStep(15, job.validThrough);
    stmt.bindUntilStep(16, job.salaryPeriod);
    stmt.bindUntilStep(17, job.isco);
}

}  // namespace dc::store
