#include "store/catalog_import.hpp"

#include "store/job_columns.hpp"

#include <array>
#include <map>
#include <optional>
#include <tuple>

#include "domain/isco08.hpp"
#include "catalog/json_list.hpp"
#include "domain/search.hpp"
#include "store/sqlite_statement.hpp"
#include "common/utf8.hpp"

namespace dc::store {
using namespace ::dc::domain;
using namespace ::dc::catalog;
namespace {

// Writes jobs and keeps the external-content FTS index in step with them. What it indexes must
// equal what the view jobs_fts_source gives (migration 4): the text with Ё written as Е. Each statement writes
// one table, so SQLite needs no statement savepoint on the FTS5 table (see migration 3).
class JobWriter {
public:
    static Expected<JobWriter> prepare(Database& db) {
        auto previous = Statement::prepare(
            db,
            "SELECT rowid, title, employer, city, skills, description, region, work_mode, category, salary_max, "
            "salary_period "
            "FROM jobs WHERE id = ?1");
        auto upsert = Statement::prepare(db, "INSERT INTO jobs (" DC_JOB_COLUMNS ") VALUES (" DC_JOB_PARAMETERS R"SQL()
ON CONFLICT(id) DO UPDATE SET
  title=excluded.title, employer=excluded.employer, description=excluded.description,
  region=excluded.region, city=excluded.city, work_mode=excluded.work_mode, category=excluded.category,
  skills=excluded.skills, salary_min=excluded.salary_min, salary_max=excluded.salary_max,
  salary_currency=excluded.salary_currency, employment_type=excluded.employment_type,
  date_posted=excluded.date_posted, valid_through=excluded.valid_through,
  salary_period=excluded.salary_period, isco=excluded.isco,
  updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')
WHERE (title, employer, description, region, city, work_mode, category, skills, salary_min, salary_max,
       salary_currency, employment_type, date_posted, valid_through, salary_period, isco)
  IS NOT (excluded.title, excluded.employer, excluded.description, excluded.region, excluded.city,
       excluded.work_mode, excluded.category, excluded.skills, excluded.salary_min, excluded.salary_max,
       excluded.salary_currency, excluded.employment_type, excluded.date_posted, excluded.valid_through,
       excluded.salary_period, excluded.isco)
)SQL");
        auto insert = Statement::prepare(db,
                                         "INSERT INTO jobs (" DC_JOB_COLUMNS ", updated_at) VALUES (" DC_JOB_PARAMETERS
                                         R"SQL(, ?18)
ON CONFLICT(id) DO NOTHING
)SQL");
        auto ftsInsert = Statement::prepare(
            db, "INSERT INTO jobs_fts (rowid, title, employer, city, skills, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        auto ftsDelete = Statement::prepare(db,
                                            "INSERT INTO jobs_fts (jobs_fts, rowid, title, employer, city, skills, description) "
                                            "VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)");
        auto erase = Statement::prepare(db, "DELETE FROM jobs WHERE rowid = ?1");
        // Update, then insert if there was no row: an upsert would CHECK a negative delta as a row.
        auto facet = Statement::prepare(db,
                                        "UPDATE job_facet_counts SET n = n + ?5 WHERE region = ?1 AND "
                                        "work_mode = ?2 AND category = ?3 AND salary_band = ?4");
        auto facetNew = Statement::prepare(db, "INSERT INTO job_facet_counts VALUES (?1, ?2, ?3, ?4, ?5)");
        auto now = Statement::prepare(db, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')");
        for (auto* s : {&previous, &insert, &upsert, &ftsInsert, &ftsDelete, &erase, &facet, &facetNew, &now})
            if (!*s) return std::unexpected(s->error());
        if (now->step() != SQLITE_ROW) return std::unexpected(db.lastError("reading the clock"));
        return JobWriter(db, now->text(0), std::move(*previous), std::move(*insert), std::move(*upsert), std::move(*ftsInsert),
                         std::move(*ftsDelete), std::move(*erase), std::move(*facet), std::move(*facetNew));
    }

    // True when the job was added or changed; false when it was already stored exactly so.
    Expected<bool> upsert(const JobRecord& job) {
        const std::string skills = toJsonArray(job.skills);
        // Most rows of a big import are new: try the plain insert first, which costs one index
        // probe, and read the stored row only when the id is already there.
        bindJob(m_insert, job, skills);
        m_insert.bindUntilStep(kJobColumns + 1, m_now);  // updated_at
        if (m_insert.step() != SQLITE_DONE) return std::unexpected(m_db.lastError("storing job '" + job.id + "'"));
        int64_t rowid = sqlite3_last_insert_rowid(m_db.handle());
        if (sqlite3_changes(m_db.handle()) == 0) {
            auto old = readPrevious(job.id);
            if (!old) return std::unexpected(old.error());
            if (!*old) return std::unexpected(m_db.lastError("storing job '" + job.id + "'"));
            bindJob(m_upsert, job, skills);
            if (m_upsert.step() != SQLITE_DONE) return std::unexpected(m_db.lastError("storing job '" + job.id + "'"));
            if (sqlite3_changes(m_db.handle()) == 0) return false;  // stored exactly so already
            rowid = (*old)->rowid;
            if (auto r = ftsWrite(m_ftsDelete, (*old)->rowid, (*old)->fields()); !r) return std::unexpected(r.error());
            countFacet((*old)->facets, -1);
        }
        countFacet(
            {job.region, workModeText(job.workMode), job.category, salaryBand(monthlyAmount(job.salaryMax, job.salaryPeriod))},
            +1);
        if (auto r = ftsWrite(m_ftsInsert, rowid, {job.title, job.employer, job.city, skills, job.description}); !r)
            return std::unexpected(r.error());
        return true;
    }

    // True when a job was deleted.
    Expected<bool> remove(const std::string& id) {
        auto old = readPrevious(id);
        if (!old) return std::unexpected(old.error());
        if (!*old) return false;
        if (auto r = ftsWrite(m_ftsDelete, (*old)->rowid, (*old)->fields()); !r) return std::unexpected(r.error());
        countFacet((*old)->facets, -1);
        m_erase.reset();
        m_erase.bind(1, (*old)->rowid);
        if (m_erase.step() != SQLITE_DONE) return std::unexpected(m_db.lastError("deleting job '" + id + "'"));
        return true;
    }

    // The filter chip counts change by the batch's net effect, written once at its end.
    Expected<void> flushFacetCounts() {
        for (const auto& [key, delta] : m_facetDelta) {
            if (delta == 0) continue;
            for (Statement* stmt : {&m_facet, &m_facetNew}) {
                stmt->reset();
                stmt->bind(1, std::get<0>(key));
                stmt->bind(2, std::get<1>(key));
                stmt->bind(3, std::get<2>(key));
                stmt->bind(4, static_cast<int64_t>(std::get<3>(key)));
                stmt->bind(5, delta);
                if (stmt->step() != SQLITE_DONE) return std::unexpected(m_db.lastError("updating filter counts"));
                if (sqlite3_changes(m_db.handle()) > 0) break;
            }
        }
        m_facetDelta.clear();
        return m_db.exec("DELETE FROM job_facet_counts WHERE n = 0");
    }

private:
    // `job` and `skills` outlive the step, so SQLite reads them in place.
    static void bindJob(Statement& stmt, const JobRecord& job, const std::string& skills) {
        stmt.reset();
        bindJobColumns(stmt, job, skills);
    }

    using FacetKey = std::tuple<std::string, std::string, std::string, int>;
    using FacetKeyView = std::tuple<std::string_view, std::string_view, std::string_view, int>;

    // Looks up without copying the strings; only a combination seen for the first time in the
    // batch (a few thousand at most) allocates.
    void countFacet(const FacetKeyView& key, int64_t delta) {
        auto it = m_facetDelta.find(key);
        if (it == m_facetDelta.end())
            it = m_facetDelta.emplace(FacetKey{std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key)}, 0).first;
        it->second += delta;
    }
    struct Indexed {
        int64_t rowid;
        std::string title, employer, city, skills, description;
        FacetKey facets;
        std::array<std::string_view, 5> fields() const { return {title, employer, city, skills, description}; }
    };

    JobWriter(Database& db, std::string now, Statement previous, Statement insert, Statement upsert, Statement ftsInsert,
              Statement ftsDelete, Statement erase, Statement facet, Statement facetNew)
        : m_db(db),
          m_now(std::move(now)),
          m_previous(std::move(previous)),
          m_insert(std::move(insert)),
          m_upsert(std::move(upsert)),
          m_ftsInsert(std::move(ftsInsert)),
          m_ftsDelete(std::move(ftsDelete)),
          m_erase(std::move(erase)),
          m_facet(std::move(facet)),
          m_facetNew(std::move(facetNew)) {}

    Expected<std::optional<Indexed>> readPrevious(const std::string& id) {
        m_previous.reset();
        m_previous.bind(1, id);
        const int rc = m_previous.step();
        if (rc == SQLITE_DONE) return std::optional<Indexed>();
        if (rc != SQLITE_ROW) return std::unexpected(m_db.lastError("reading job '" + id + "'"));
        return std::optional<Indexed>(
            Indexed{m_previous.integer(0), m_previous.text(1), m_previous.text(2), m_previous.text(3), m_previous.text(4),
                    m_previous.text(5),
                    FacetKey{m_previous.text(6), m_previous.text(7), m_previous.text(8),
                             salaryBand(monthlyAmount(m_previous.optionalInteger(9), m_previous.text(10)))}});
    }

    // Fields in index order: title, employer, city, skills, description.
    Expected<void> ftsWrite(Statement& stmt, int64_t rowid, const std::array<std::string_view, 5>& fields) {
        stmt.reset();
        stmt.bind(1, rowid);
        // Only text with Ё needs a folded copy; the rest is read in place.
        std::string folded[5];
        for (size_t i = 0; i < 5; ++i) {
            std::string_view field = fields[i];
            if (utf8::hasYo(field)) {
                folded[i] = utf8::foldYo(field);
                field = folded[i];
            }
            stmt.bindUntilStep(static_cast<int>(2 + i), field);
        }
        if (stmt.step() != SQLITE_DONE) return std::unexpected(m_db.lastError("updating the search index"));
        return {};
    }

    Database& m_db;
    std::string m_now;  // one timestamp for the batch: it is one transaction
    Statement m_previous, m_insert, m_upsert, m_ftsInsert, m_ftsDelete, m_erase, m_facet, m_facetNew;
    std::map<FacetKey, int64_t, std::less<>> m_facetDelta;
};

}  // namespace

namespace {

Expected<void> rememberSeen(Database& db, const CatalogBatch& batch) {
    DC_TRY(seen, Statement::prepare(db, "INSERT OR IGNORE INTO resync_seen (kind, id) VALUES (?1, ?2)"));
    auto mark = [&](std::string_view kind, const std::string& id) -> Expected<void> {
        seen->reset();
        seen->bind(1, kind);
        seen->bind(2, id);
        if (seen->step() != SQLITE_DONE) return std::unexpected(db.lastError("noting a resynced record"));
        return {};
    };
    for (const auto& job : batch.jobUpserts)
        if (auto r = mark("job", job.id); !r) return r;
    for (const auto& course : batch.courseUpserts)
        if (auto r = mark("course", course.id); !r) return r;
    return {};
}

Expected<std::vector<std::string>> idsNotSeen(Database& db, const char* sql) {
    DC_TRY(stmt, Statement::prepare(db, sql));
    std::vector<std::string> ids;
    DC_CHECK(stmt->eachRow(db, "finding records a resync did not bring", [&] { ids.push_back(stmt->text(0)); }));
    return ids;
}

Expected<void> writeCursor(Database& db, const PullPosition& position) {
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
INSERT INTO sync_cursors (stream, cursor) VALUES (?1, ?2)
ON CONFLICT(stream) DO UPDATE SET cursor = excluded.cursor, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'))SQL"));
    stmt->bind(1, position.stream);
    stmt->bind(2, position.cursor);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving the sync cursor"));
    return {};
}

}  // namespace

// Long on purpose: one transaction whose steps (tombstones, job upserts with their FTS rows and
// filter counts, courses and sessions, the pull position) must commit together; the hot loops
// live in JobWriter above, and bench_catalog measures any change here.
Expected<ImportCounts> applyCatalogBatch(Database& db, const CatalogBatch& batch, const PullPosition* position) {
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
INSERT INTO courses (id, name, provider, description, format, city, target_groups, skills_taught, language,
                     start_date, level, cost, cost_currency)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
ON CONFLICT(id) DO UPDATE SET
  name=excluded.name, provider=excluded.provider, description=excluded.description, format=excluded.format,
  city=excluded.city, target_groups=excluded.target_groups, skills_taught=excluded.skills_taught,
  language=excluded.language, start_date=excluded.start_date, level=excluded.level, cost=excluded.cost,
  cost_currency=excluded.cost_currency, updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')
WHERE (name, provider, description, format, city, target_groups, skills_taught, language, start_date, level,
       cost, cost_currency)
  IS NOT (excluded.name, excluded.provider, excluded.description, excluded.format, excluded.city,
          excluded.target_groups, excluded.skills_taught, excluded.language, excluded.start_date,
          excluded.level, excluded.cost, excluded.cost_currency)
)SQL");
        DC_TRY(upsertSession, Statement::prepare(db, R"SQL(
INSERT INTO course_sessions (id, course_id, center, city, starts_at, ends_at, schedule_note, flexible_schedule,
                             capacity, seats_taken, accessible_venue)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT(id) DO UPDATE SET
  course_id=excluded.course_id, center=excluded.center, city=excluded.city, starts_at=excluded.starts_at,
  ends_at=excluded.ends_at, schedule_note=excluded.schedule_note, flexible_schedule=excluded.flexible_schedule,
  capacity=excluded.capacity, seats_taken=excluded.seats_taken, accessible_venue=excluded.accessible_venue,
  updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')
WHERE (course_id, center, city, starts_at, ends_at, schedule_note, flexible_schedule, capacity, seats_taken,
       accessible_venue)
  IS NOT (excluded.course_id, excluded.center, excluded.city, excluded.starts_at, excluded.ends_at,
          excluded.schedule_note, excluded.flexible_schedule, excluded.capacity, excluded.seats_taken,
          excluded.accessible_venue)
)SQL"));
        // Sessions a course upsert no longer lists are gone on the server.
        DC_TRY(pruneSessions,
               Statement::prepare(
                   db, "DELETE FROM course_sessions WHERE course_id = ?1 AND id NOT IN (SELECT value FROM json_each(?2))"));
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
            upsertCourse->bind(11, course.level);
            upsertCourse->bind(12, course.cost);
            upsertCourse->bind(13, course.costCurrency);
            if (upsertCourse->step() != SQLITE_DONE) return std::unexpected(db.lastError("storing course '" + course.id + "'"));
            bool changed = sqlite3_changes(db.handle()) > 0;
            std::vector<std::string> sessionIds;
            for (const CourseSession& s : course.sessions) {
                sessionIds.push_back(s.id);
                upsertSession->reset();
                upsertSession->bind(1, s.id);
                upsertSession->bind(2, course.id);
                upsertSession->bind(3, s.center);
                upsertSession->bind(4, s.city);
                upsertSession->bind(5, s.startsAt);
                upsertSession->bind(6, s.endsAt);
                upsertSession->bind(7, s.scheduleNote);
                upsertSession->bind(8, int64_t{s.flexibleSchedule});
                upsertSession->bind(9, s.capacity);
                upsertSession->bind(10, s.seatsTaken);
                upsertSession->bind(11, int64_t{s.accessibleVenue});
                if (upsertSession->step() != SQLITE_DONE)
                    return std::unexpected(db.lastError("storing course session '" + s.id + "'"));
                changed = changed || sqlite3_changes(db.handle()) > 0;
            }
            pruneSessions->reset();
            pruneSessions->bind(1, course.id);
            pruneSessions->bind(2, toJsonArray(sessionIds));
            if (pruneSessions->step() != SQLITE_DONE)
                return std::unexpected(db.lastError("removing old sessions of course '" + course.id + "'"));
            changed = changed || sqlite3_changes(db.handle()) > 0;
            counts.coursesUpserted += changed ? 1 : 0;
        }

        DC_TRY(deleteCourse, Statement::prepare(db, "DELETE FROM courses WHERE id = ?1"));
        std::vector<std::string> jobsGone = batch.jobTombstones, coursesGone = batch.courseTombstones;
        if (position && position->fullResync) {
            if (position->firstOfResync)
                if (auto r = db.exec("DELETE FROM resync_seen"); !r) return r;
            if (auto r = rememberSeen(db, batch); !r) return r;
            if (position->lastOfResync) {
                auto jobsLeft = idsNotSeen(db,
                                           "SELECT id FROM jobs WHERE id NOT IN "
                                           "(SELECT id FROM resync_seen WHERE kind = 'job')");
                auto coursesLeft = idsNotSeen(db,
                                              "SELECT id FROM courses WHERE id NOT IN "
                                              "(SELECT id FROM resync_seen WHERE kind = 'course')");
                if (!jobsLeft) return std::unexpected(jobsLeft.error());
                if (!coursesLeft) return std::unexpected(coursesLeft.error());
                jobsGone.insert(jobsGone.end(), jobsLeft->begin(), jobsLeft->end());
                coursesGone.insert(coursesGone.end(), coursesLeft->begin(), coursesLeft->end());
                if (auto r = db.exec("DELETE FROM resync_seen"); !r) return r;
            }
        }
        for (const auto& id : jobsGone) {
            auto deleted = jobs->remove(id);
            if (!deleted) return std::unexpected(deleted.error());
            counts.jobsDeleted += *deleted ? 1 : 0;
        }
        if (auto r = jobs->flushFacetCounts(); !r) return r;
        for (const auto& id : coursesGone) {
            deleteCourse->reset();
            deleteCourse->bind(1, id);
            if (deleteCourse->step() != SQLITE_DONE) return std::unexpected(db.lastError("deleting course '" + id + "'"));
            counts.coursesDeleted += static_cast<size_t>(sqlite3_changes(db.handle()));
        }
        if (position) return writeCursor(db, *position);
        return {};
    });
    if (!done) return std::unexpected(done.error().withContext("importing the catalog"));
    return counts;
}

}  // namespace dc::store
