#include "app/store/catalog_import.hpp"

#include <nlohmann/json.hpp>

#include "app/store/sqlite_statement.hpp"
#include "common/utf8.hpp"

namespace dc::store {
namespace {

constexpr size_t kMaxIdBytes = 128;
constexpr size_t kMaxTitleBytes = 1024;
constexpr size_t kMaxDescriptionBytes = 64 * 1024;
constexpr size_t kMaxListItems = 64;

std::string toJsonArray(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

const char* workModeText(WorkMode mode) {
    switch (mode) {
        case WorkMode::Remote: return "remote";
        case WorkMode::Hybrid: return "hybrid";
        case WorkMode::OnSite: break;
    }
    return "onsite";
}

Expected<void> checkText(const std::string& what, const std::string& id, const std::string& text, size_t maxBytes) {
    if (text.size() > maxBytes)
        return fail(ErrorCode::InvalidInput, what + " of record '" + id.substr(0, 64) + "' is " +
                                                 std::to_string(text.size()) + " bytes; the limit is " +
                                                 std::to_string(maxBytes));
    if (!utf8::isValid(text))
        return fail(ErrorCode::InvalidInput, what + " of record '" + id.substr(0, 64) + "' is not valid UTF-8");
    return {};
}

Expected<void> checkId(const std::string& kind, const std::string& id) {
    if (id.empty()) return fail(ErrorCode::InvalidInput, "a " + kind + " record has an empty id");
    return checkText(kind + " id", id, id, kMaxIdBytes);
}

Expected<void> checkList(const std::string& what, const std::string& id, const std::vector<std::string>& items) {
    if (items.size() > kMaxListItems)
        return fail(ErrorCode::InvalidInput, what + " of record '" + id + "' has " + std::to_string(items.size()) +
                                                 " items; the limit is " + std::to_string(kMaxListItems));
    for (const auto& item : items)
        if (auto r = checkText(what, id, item, kMaxTitleBytes); !r) return r;
    return {};
}

}  // namespace

Expected<void> validateCatalogBatch(const CatalogBatch& batch) {
    for (const JobRecord& job : batch.jobUpserts) {
        if (auto r = checkId("job", job.id); !r) return r;
        if (job.title.empty()) return fail(ErrorCode::InvalidInput, "job '" + job.id + "' has no title");
        for (const auto* field : {&job.title, &job.employer, &job.region, &job.city, &job.category,
                                  &job.salaryCurrency, &job.employmentType, &job.datePosted, &job.validThrough})
            if (auto r = checkText("a field", job.id, *field, kMaxTitleBytes); !r) return r;
        if (auto r = checkText("the description", job.id, job.description, kMaxDescriptionBytes); !r) return r;
        if (auto r = checkList("the skills", job.id, job.skills); !r) return r;
    }
    for (const CourseRecord& course : batch.courseUpserts) {
        if (auto r = checkId("course", course.id); !r) return r;
        if (course.name.empty()) return fail(ErrorCode::InvalidInput, "course '" + course.id + "' has no name");
        for (const auto* field : {&course.name, &course.provider, &course.format, &course.city, &course.language,
                                  &course.startDate})
            if (auto r = checkText("a field", course.id, *field, kMaxTitleBytes); !r) return r;
        if (auto r = checkText("the description", course.id, course.description, kMaxDescriptionBytes); !r) return r;
        if (auto r = checkList("the target groups", course.id, course.targetGroups); !r) return r;
        if (auto r = checkList("the skills", course.id, course.skillsTaught); !r) return r;
    }
    for (const auto* ids : {&batch.jobTombstones, &batch.courseTombstones})
        for (const auto& id : *ids)
            if (auto r = checkId("tombstone", id); !r) return r;
    return {};
}

Expected<ImportCounts> applyCatalogBatch(Database& db, const CatalogBatch& batch) {
    if (auto valid = validateCatalogBatch(batch); !valid)
        return std::unexpected(valid.error().withContext("catalog batch refused, nothing was written"));

    ImportCounts counts;
    // The WHERE clause makes an identical upsert a no-op, so re-applying a batch does not churn
    // the FTS index or updated_at.
    auto done = db.transaction([&]() -> Expected<void> {
        auto upsertJob = Statement::prepare(db, R"SQL(
INSERT INTO jobs (id, title, employer, description, region, city, work_mode, category, skills,
                  salary_min, salary_max, salary_currency, employment_type, date_posted, valid_through)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
ON CONFLICT(id) DO UPDATE SET
  title=excluded.title, employer=excluded.employer, description=excluded.description,
  region=excluded.region, city=excluded.city, work_mode=excluded.work_mode, category=excluded.category,
  skills=excluded.skills, salary_min=excluded.salary_min, salary_max=excluded.salary_max,
  salary_currency=excluded.salary_currency, employment_type=excluded.employment_type,
  date_posted=excluded.date_posted, valid_through=excluded.valid_through,
  updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')
WHERE (title, employer, description, region, city, work_mode, category, skills, salary_min, salary_max,
       salary_currency, employment_type, date_posted, valid_through)
  IS NOT (excluded.title, excluded.employer, excluded.description, excluded.region, excluded.city,
       excluded.work_mode, excluded.category, excluded.skills, excluded.salary_min, excluded.salary_max,
       excluded.salary_currency, excluded.employment_type, excluded.date_posted, excluded.valid_through)
)SQL");
        if (!upsertJob) return std::unexpected(upsertJob.error());
        for (const JobRecord& job : batch.jobUpserts) {
            upsertJob->reset();
            upsertJob->bind(1, job.id);
            upsertJob->bind(2, job.title);
            upsertJob->bind(3, job.employer);
            upsertJob->bind(4, job.description);
            upsertJob->bind(5, job.region);
            upsertJob->bind(6, job.city);
            upsertJob->bind(7, std::string_view(workModeText(job.workMode)));
            upsertJob->bind(8, job.category);
            upsertJob->bind(9, toJsonArray(job.skills));
            upsertJob->bind(10, job.salaryMin);
            upsertJob->bind(11, job.salaryMax);
            upsertJob->bind(12, job.salaryCurrency);
            upsertJob->bind(13, job.employmentType);
            upsertJob->bind(14, job.datePosted);
            upsertJob->bind(15, job.validThrough);
            if (upsertJob->step() != SQLITE_DONE) return std::unexpected(db.lastError("storing job '" + job.id + "'"));
            counts.jobsUpserted += static_cast<size_t>(sqlite3_changes(db.handle()));
        }

        auto upsertCourse = Statement::prepare(db, R"SQL(
INSERT INTO courses (id, name, provider, description, format, city, target_groups, skills_taught, language, start_date)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT(id) DO UPDATE SET
  name=excluded.name, provider=excluded.provider, description=excluded.description, format=excluded.format,
  city=excluded.city, target_groups=excluded.target_groups, skills_taught=excluded.skills_taught,
  language=excluded.language, start_date=excluded.start_date, updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')
WHERE (name, provider, description, format, city, target_groups, skills_taught, language, start_date)
  IS NOT (excluded.name, excluded.provider, excluded.description, excluded.format, excluded.city,
          excluded.target_groups, excluded.skills_taught, excluded.language, excluded.start_date)
)SQL");
        if (!upsertCourse) return std::unexpected(upsertCourse.error());
        for (const CourseRecord& course : batch.courseUpserts) {
            upsertCourse->reset();
            upsertCourse->bind(1, course.id);
            upsertCourse->bind(2, course.name);
            upsertCourse->bind(3, course.provider);
            upsertCourse->bind(4, course.description);
            upsertCourse->bind(5, course.format);
            upsertCourse->bind(6, course.city);
            upsertCourse->bind(7, toJsonArray(course.targetGroups));
            upsertCourse->bind(8, toJsonArray(course.skillsTaught));
            upsertCourse->bind(9, course.language);
            upsertCourse->bind(10, course.startDate);
            if (upsertCourse->step() != SQLITE_DONE)
                return std::unexpected(db.lastError("storing course '" + course.id + "'"));
            counts.coursesUpserted += static_cast<size_t>(sqlite3_changes(db.handle()));
        }

        auto deleteJob = Statement::prepare(db, "DELETE FROM jobs WHERE id = ?1");
        auto deleteCourse = Statement::prepare(db, "DELETE FROM courses WHERE id = ?1");
        if (!deleteJob) return std::unexpected(deleteJob.error());
        if (!deleteCourse) return std::unexpected(deleteCourse.error());
        for (const auto& id : batch.jobTombstones) {
            deleteJob->reset();
            deleteJob->bind(1, id);
            if (deleteJob->step() != SQLITE_DONE) return std::unexpected(db.lastError("deleting job '" + id + "'"));
            counts.jobsDeleted += static_cast<size_t>(sqlite3_changes(db.handle()));
        }
        for (const auto& id : batch.courseTombstones) {
            deleteCourse->reset();
            deleteCourse->bind(1, id);
            if (deleteCourse->step() != SQLITE_DONE)
                return std::unexpected(db.lastError("deleting course '" + id + "'"));
            counts.coursesDeleted += static_cast<size_t>(sqlite3_changes(db.handle()));
        }
        return {};
    });
    if (!done) return std::unexpected(done.error().withContext("importing the catalog"));
    return counts;
}

}  // namespace dc::store
