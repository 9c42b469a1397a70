#include "app/store/catalog_queries.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/store/fts_query.hpp"
#include "app/store/sqlite_statement.hpp"

namespace dc::store {
namespace {

WorkMode workModeFrom(const std::string& text) {
    if (text == "remote") return WorkMode::Remote;
    if (text == "hybrid") return WorkMode::Hybrid;
    return WorkMode::OnSite;
}

// Lists are stored as JSON arrays written by catalog_import; anything else reads as empty.
std::vector<std::string> listFrom(const std::string& json) {
    const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    std::vector<std::string> out;
    if (!parsed.is_array()) return out;
    for (const auto& item : parsed)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

constexpr const char* kSummaryColumns =
    "j.id, j.title, j.employer, j.city, j.work_mode, j.salary_min, j.salary_max, j.salary_currency";

JobSummary summaryFrom(const Statement& row) {
    JobSummary s;
    s.id = row.text(0);
    s.title = row.text(1);
    s.employer = row.text(2);
    s.city = row.text(3);
    s.workMode = workModeFrom(row.text(4));
    s.salaryMin = row.optionalInteger(5);
    s.salaryMax = row.optionalInteger(6);
    s.salaryCurrency = row.text(7);
    return s;
}

Expected<int64_t> scalar(const Database& db, const std::string& sql, const std::string* bindText) {
    auto stmt = Statement::prepare(db, sql);
    if (!stmt) return std::unexpected(stmt.error());
    if (bindText) stmt->bind(1, *bindText);
    if (stmt->step() != SQLITE_ROW) return std::unexpected(db.lastError("counting"));
    return stmt->integer(0);
}

}  // namespace

Expected<JobPage> searchJobs(const Database& db, const JobSearch& search) {
    const FtsQuery fts = buildFtsQuery(search.text);
    JobPage page;
    if (fts.kind == FtsQuery::Kind::Nothing) return page;

    const int limit = std::clamp(search.limit, 1, 1000);
    // Count first, capped: it tells whether ranking is affordable.
    const std::string capped = std::to_string(kMaxCountedMatches + 1);
    auto counted = fts.kind == FtsQuery::Kind::Everything
                       ? scalar(db, "SELECT count(*) FROM (SELECT 1 FROM jobs LIMIT " + capped + ")", nullptr)
                       : scalar(db, "SELECT count(*) FROM (SELECT 1 FROM jobs_fts WHERE jobs_fts MATCH ?1 LIMIT " +
                                        capped + ")",
                                &fts.expression);
    if (!counted) return std::unexpected(counted.error());
    page.totalIsLowerBound = *counted > kMaxCountedMatches;
    page.totalMatches = std::min(*counted, kMaxCountedMatches);

    std::string sql;
    if (fts.kind == FtsQuery::Kind::Everything) {
        sql = std::string("SELECT ") + kSummaryColumns +
              " FROM jobs j ORDER BY j.date_posted DESC, j.rowid DESC LIMIT ?1";
    } else if (page.totalIsLowerBound) {
        // A broad match (a short prefix): newest rows first, streamed from the index in rowid
        // order, which follows arrival order. Ranking all of them would read every match.
        sql = std::string("SELECT ") + kSummaryColumns +
              " FROM jobs_fts f JOIN jobs j ON j.rowid = f.rowid WHERE jobs_fts MATCH ?2"
              " ORDER BY f.rowid DESC LIMIT ?1";
    } else {
        // bm25 weights: a word in the title counts most, then skills, employer, city, description.
        sql = std::string("SELECT ") + kSummaryColumns +
              " FROM jobs_fts f JOIN jobs j ON j.rowid = f.rowid WHERE jobs_fts MATCH ?2"
              " ORDER BY bm25(jobs_fts, 10.0, 3.0, 2.0, 4.0, 1.0), j.date_posted DESC LIMIT ?1";
    }
    auto stmt = Statement::prepare(db, sql);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind(1, static_cast<int64_t>(limit));
    if (fts.kind == FtsQuery::Kind::Match) stmt->bind(2, fts.expression);
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) page.jobs.push_back(summaryFrom(*stmt));
    if (rc != SQLITE_DONE) return std::unexpected(db.lastError("searching jobs"));
    return page;
}

Expected<JobRecord> getJob(const Database& db, const std::string& id) {
    auto stmt = Statement::prepare(db, R"SQL(
SELECT id, title, employer, description, region, city, work_mode, category, skills, salary_min, salary_max,
       salary_currency, employment_type, date_posted, valid_through
FROM jobs WHERE id = ?1)SQL");
    if (!stmt) return std::unexpected(stmt.error());
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
    job.workMode = workModeFrom(stmt->text(6));
    job.category = stmt->text(7);
    job.skills = listFrom(stmt->text(8));
    job.salaryMin = stmt->optionalInteger(9);
    job.salaryMax = stmt->optionalInteger(10);
    job.salaryCurrency = stmt->text(11);
    job.employmentType = stmt->text(12);
    job.datePosted = stmt->text(13);
    job.validThrough = stmt->text(14);
    return job;
}

Expected<std::vector<CourseRecord>> listCourses(const Database& db, int limit) {
    auto stmt = Statement::prepare(db, R"SQL(
SELECT id, name, provider, description, format, city, target_groups, skills_taught, language, start_date
FROM courses ORDER BY start_date, rowid LIMIT ?1)SQL");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind(1, static_cast<int64_t>(std::clamp(limit, 1, 1000)));
    std::vector<CourseRecord> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        CourseRecord c;
        c.id = stmt->text(0);
        c.name = stmt->text(1);
        c.provider = stmt->text(2);
        c.description = stmt->text(3);
        c.format = stmt->text(4);
        c.city = stmt->text(5);
        c.targetGroups = listFrom(stmt->text(6));
        c.skillsTaught = listFrom(stmt->text(7));
        c.language = stmt->text(8);
        c.startDate = stmt->text(9);
        out.push_back(std::move(c));
    }
    if (rc != SQLITE_DONE) return std::unexpected(db.lastError("listing courses"));
    return out;
}

Expected<int64_t> countJobs(const Database& db) { return scalar(db, "SELECT count(*) FROM jobs", nullptr); }

}  // namespace dc::store
