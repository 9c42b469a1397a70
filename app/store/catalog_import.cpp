#include "app/store/catalog_import.hpp"

#include <nlohmann/json.hpp>

#include <optional>

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


// Writes jobs and keeps the external-content FTS index in step with them. Each statement writes
// one table, so SQLite needs no statement savepoint on the FTS5 table (see migration 3).
class JobWriter {
public:
    static Expected<JobWriter> prepare(Database& db) {
        auto previous = Statement::prepare(db, "SELECT rowid, title, employer, city, skills, description FROM jobs WHERE id = ?1");
        auto upsert = Statement::prepare(db, R"SQL(
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
        auto ftsInsert = Statement::prepare(
            db, "INSERT INTO jobs_fts (rowid, title, employer, city, skills, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        auto ftsDelete = Statement::prepare(db,
            "INSERT INTO jobs_fts (jobs_fts, rowid, title, employer, city, skills, description) "
            "VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)");
        auto erase = Statement::prepare(db, "DELETE FROM jobs WHERE rowid = ?1");
        for (auto* s : {&previous, &upsert, &ftsInsert, &ftsDelete, &erase})
            if (!*s) return std::unexpected(s->error());
        return JobWriter(db, std::move(*previous), std::move(*upsert), std::move(*ftsInsert), std::move(*ftsDelete),
                         std::move(*erase));
    }

    // True when the job was added or changed; false when it was already stored exactly so.
    Expected<bool> upsert(const JobRecord& job) {
        const std::string skills = toJsonArray(job.skills);
        auto old = readPrevious(job.id);
        if (!old) return std::unexpected(old.error());
        m_upsert.reset();
        m_upsert.bind(1, job.id);
        m_upsert.bind(2, job.title);
        m_upsert.bind(3, job.employer);
        m_upsert.bind(4, job.description);
        m_upsert.bind(5, job.region);
        m_upsert.bind(6, job.city);
        m_upsert.bind(7, std::string_view(workModeText(job.workMode)));
        m_upsert.bind(8, job.category);
        m_upsert.bind(9, skills);
        m_upsert.bind(10, job.salaryMin);
        m_upsert.bind(11, job.salaryMax);
        m_upsert.bind(12, job.salaryCurrency);
        m_upsert.bind(13, job.employmentType);
        m_upsert.bind(14, job.datePosted);
        m_upsert.bind(15, job.validThrough);
        if (m_upsert.step() != SQLITE_DONE) return std::unexpected(m_db.lastError("storing job '" + job.id + "'"));
        if (sqlite3_changes(m_db.handle()) == 0) return false;

        int64_t rowid = sqlite3_last_insert_rowid(m_db.handle());
        if (*old) {
            rowid = (*old)->rowid;
            if (auto r = ftsWrite(m_ftsDelete, **old); !r) return std::unexpected(r.error());
        }
        if (auto r = ftsWrite(m_ftsInsert, {rowid, job.title, job.employer, job.city, skills, job.description}); !r)
            return std::unexpected(r.error());
        return true;
    }

    // True when a job was deleted.
    Expected<bool> remove(const std::string& id) {
        auto old = readPrevious(id);
        if (!old) return std::unexpected(old.error());
        if (!*old) return false;
        if (auto r = ftsWrite(m_ftsDelete, **old); !r) return std::unexpected(r.error());
        m_erase.reset();
        m_erase.bind(1, (*old)->rowid);
        if (m_erase.step() != SQLITE_DONE) return std::unexpected(m_db.lastError("deleting job '" + id + "'"));
        return true;
    }

private:
    struct Indexed {
        int64_t rowid;
        std::string title, employer, city, skills, description;
    };

    JobWriter(Database& db, Statement previous, Statement upsert, Statement ftsInsert, Statement ftsDelete,
              Statement erase)
        : m_db(db), m_previous(std::move(previous)), m_upsert(std::move(upsert)), m_ftsInsert(std::move(ftsInsert)),
          m_ftsDelete(std::move(ftsDelete)), m_erase(std::move(erase)) {}

    Expected<std::optional<Indexed>> readPrevious(const std::string& id) {
        m_previous.reset();
        m_previous.bind(1, id);
        const int rc = m_previous.step();
        if (rc == SQLITE_DONE) return std::optional<Indexed>();
        if (rc != SQLITE_ROW) return std::unexpected(m_db.lastError("reading job '" + id + "'"));
        return std::optional<Indexed>(Indexed{m_previous.integer(0), m_previous.text(1), m_previous.text(2),
                                              m_previous.text(3), m_previous.text(4), m_previous.text(5)});
    }

    Expected<void> ftsWrite(Statement& stmt, const Indexed& row) {
        stmt.reset();
        stmt.bind(1, row.rowid);
        stmt.bind(2, row.title);
        stmt.bind(3, row.employer);
        stmt.bind(4, row.city);
        stmt.bind(5, row.skills);
        stmt.bind(6, row.description);
        if (stmt.step() != SQLITE_DONE) return std::unexpected(m_db.lastError("updating the search index"));
        return {};
    }

    Database& m_db;
    Statement m_previous, m_upsert, m_ftsInsert, m_ftsDelete, m_erase;
};

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
        auto jobs = JobWriter::prepare(db);
        if (!jobs) return std::unexpected(jobs.error());
        for (const JobRecord& job : batch.jobUpserts) {
            auto changed = jobs->upsert(job);
            if (!changed) return std::unexpected(changed.error());
            counts.jobsUpserted += *changed ? 1 : 0;
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

        auto deleteCourse = Statement::prepare(db, "DELETE FROM courses WHERE id = ?1");
        if (!deleteCourse) return std::unexpected(deleteCourse.error());
        for (const auto& id : batch.jobTombstones) {
            auto deleted = jobs->remove(id);
            if (!deleted) return std::unexpected(deleted.error());
            counts.jobsDeleted += *deleted ? 1 : 0;
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
