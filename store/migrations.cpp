#include "store/migrations.hpp"

#include <string>
#include <vector>

namespace dc::store {
namespace {

struct Step {
    int version;
    const char* summary;
    const char* sql;
};

// Append only: a released step never changes, later needs get a new step. A table of SQL, one
// entry per schema version: it grows with each version and is read top to bottom.
const std::vector<Step>& steps() {
    static const std::vector<Step> kSteps = {
        {1, "catalog of jobs and courses with full-text search", R"SQL(
CREATE TABLE jobs (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  employer TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  work_mode TEXT NOT NULL DEFAULT 'onsite' CHECK (work_mode IN ('onsite','remote','hybrid')),
  category TEXT NOT NULL DEFAULT '',
  skills TEXT NOT NULL DEFAULT '[]',
  salary_min INTEGER,
  salary_max INTEGER,
  salary_currency TEXT NOT NULL DEFAULT '',
  employment_type TEXT NOT NULL DEFAULT '',
  date_posted TEXT NOT NULL DEFAULT '',
  valid_through TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX jobs_by_date ON jobs(date_posted DESC);

CREATE VIRTUAL TABLE jobs_fts USING fts5(
  title, employer, city, skills, description,
  content='jobs', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
  INSERT INTO jobs_fts(rowid, title, employer, city, skills, description)
  VALUES (new.rowid, new.title, new.employer, new.city, new.skills, new.description);
END;
CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
  INSERT INTO jobs_fts(jobs_fts, rowid, title, employer, city, skills, description)
  VALUES ('delete', old.rowid, old.title, old.employer, old.city, old.skills, old.description);
END;
CREATE TRIGGER jobs_fts_update AFTER UPDATE ON jobs BEGIN
  INSERT INTO jobs_fts(jobs_fts, rowid, title, employer, city, skills, description)
  VALUES ('delete', old.rowid, old.title, old.employer, old.city, old.skills, old.description);
  INSERT INTO jobs_fts(rowid, title, employer, city, skills, description)
  VALUES (new.rowid, new.title, new.employer, new.city, new.skills, new.description);
END;

CREATE TABLE courses (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  provider TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  target_groups TEXT NOT NULL DEFAULT '[]',
  skills_taught TEXT NOT NULL DEFAULT '[]',
  language TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX courses_by_start ON courses(start_date);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)SQL"},
        {2, "course sessions, jobseeker records, the sync outbox and cursors, the audit log", R"SQL(
ALTER TABLE jobs ADD COLUMN languages_required TEXT NOT NULL DEFAULT '[]';
ALTER TABLE jobs ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE courses ADD COLUMN level TEXT NOT NULL DEFAULT '';
ALTER TABLE courses ADD COLUMN cost INTEGER;
ALTER TABLE courses ADD COLUMN cost_currency TEXT NOT NULL DEFAULT '';

CREATE TABLE course_sessions (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  center TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL DEFAULT '',
  ends_at TEXT NOT NULL DEFAULT '',
  schedule_note TEXT NOT NULL DEFAULT '',
  flexible_schedule INTEGER NOT NULL DEFAULT 0 CHECK (flexible_schedule IN (0, 1)),
  capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  seats_taken INTEGER NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
  accessible_venue INTEGER NOT NULL DEFAULT 0 CHECK (accessible_venue IN (0, 1)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX course_sessions_by_course ON course_sessions(course_id, starts_at);

-- Personal data is stored only as libsodium secretbox ciphertext (*_enc), never in an FTS index.
CREATE TABLE profiles (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  name_enc BLOB,
  phone_enc BLOB,
  email_enc BLOB,
  document_enc BLOB,
  birth_date_enc BLOB,
  skills TEXT NOT NULL DEFAULT '[]',
  language TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  reference_code TEXT NOT NULL UNIQUE,
  job_id TEXT NOT NULL,
  profile_id TEXT REFERENCES profiles(id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','submitted','accepted','rejected')),
  note_enc BLOB,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;

CREATE TABLE enrollments (
  id TEXT PRIMARY KEY,
  reference_code TEXT NOT NULL UNIQUE,
  course_id TEXT NOT NULL,
  session_id TEXT,
  profile_id TEXT REFERENCES profiles(id),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending','confirmed','waitlisted','rejected','cancelled')),
  waitlist_position INTEGER CHECK (waitlist_position IS NULL OR waitlist_position > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;

-- The store-and-forward queue. `id` is the idempotency key the server deduplicates on; a record
-- is written in the same transaction as the action it reports and leaves only when the server
-- has answered for it (state 'done') or it was refused for good (state 'quarantined').
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload BLOB NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','quarantined')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX outbox_pending ON outbox(state, seq);

CREATE TABLE sync_cursors (
  stream TEXT PRIMARY KEY,
  cursor TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;

-- Who did what, for clerks and technicians; never personal data (ids and reference codes only).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
)SQL"},
        // Per-row triggers into FTS5 made every catalog row a statement savepoint on the virtual
        // table, which flushes FTS5's pending terms each time: import ran at a quarter of a bare
        // FTS5 load. catalog_import.cpp now keeps jobs_fts in step itself.
        {3, "full-text index maintained by the import instead of triggers", R"SQL(
DROP TRIGGER jobs_fts_insert;
DROP TRIGGER jobs_fts_delete;
DROP TRIGGER jobs_fts_update;
)SQL"},
        // Counting a filter chip over a million rows costs a scan; the counts per combination of
        // the chip dimensions fit in a few thousand rows, kept in step by catalog_import.cpp.
        // Courses are few (hundreds), so their search index is kept by triggers.
        // The jobs search index keeps which columns a word is in, not its positions (detail=column):
        // ranking is done on the few rows a search returns, so positions were only weight, and
        // a separate index of two-letter prefixes (prefix='2') turns the commonest slow search,
        // two letters typed, from a merge of thousands of words into one list. Per-row column
        // sizes are not kept (columnsize=0: only bm25 reads them). Segments are merged 16 at a
        // time (automerge 16, crisismerge 64) on 16 kB leaves (pgsz): together these make a
        // 1,000,000-job import a quarter faster, with search times unchanged within noise.
        // Ordering is by rowid (arrival), so the date index goes.
        {4, "leaner search index with two-letter prefixes; filter chip counts; course search", R"SQL(
DROP TABLE jobs_fts;
-- The index reads jobs through this view, which writes Ё as Е: the tokenizer folds Latin
-- accents but keeps Ё a letter of its own, while people type "елка" for "ёлка".
-- catalog_import.cpp (indexText) applies the same replacement.
CREATE VIEW jobs_fts_source AS
SELECT rowid AS rowid,
       replace(replace(title, 'ё', 'е'), 'Ё', 'Е') AS title,
       replace(replace(employer, 'ё', 'е'), 'Ё', 'Е') AS employer,
       replace(replace(city, 'ё', 'е'), 'Ё', 'Е') AS city,
       replace(replace(skills, 'ё', 'е'), 'Ё', 'Е') AS skills,
       replace(replace(description, 'ё', 'е'), 'Ё', 'Е') AS description
FROM jobs;
CREATE VIRTUAL TABLE jobs_fts USING fts5(
  title, employer, city, skills, description,
  content='jobs_fts_source', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2', detail=column, prefix='2', columnsize=0);
INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('automerge', 16);
INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('pgsz', 16000);
INSERT INTO jobs_fts(jobs_fts) VALUES ('rebuild');
DROP INDEX jobs_by_date;

CREATE TABLE job_facet_counts (
  region TEXT NOT NULL,
  work_mode TEXT NOT NULL,
  category TEXT NOT NULL,
  salary_band INTEGER NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (region, work_mode, category, salary_band)
) WITHOUT ROWID;
INSERT INTO job_facet_counts
SELECT region, work_mode, category,
       CASE WHEN salary_max IS NULL OR salary_max <= 0 THEN 0 WHEN salary_max < 500 THEN 1
            WHEN salary_max < 1000 THEN 2 WHEN salary_max < 2000 THEN 3 ELSE 4 END,
       count(*)
FROM jobs GROUP BY 1, 2, 3, 4;

CREATE VIRTUAL TABLE courses_fts USING fts5(
  name, provider, city, skills_taught, description,
  content='courses', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
INSERT INTO courses_fts(courses_fts) VALUES ('rebuild');
CREATE TRIGGER courses_fts_insert AFTER INSERT ON courses BEGIN
  INSERT INTO courses_fts(rowid, name, provider, city, skills_taught, description)
  VALUES (new.rowid, new.name, new.provider, new.city, new.skills_taught, new.description);
END;
CREATE TRIGGER courses_fts_delete AFTER DELETE ON courses BEGIN
  INSERT INTO courses_fts(courses_fts, rowid, name, provider, city, skills_taught, description)
  VALUES ('delete', old.rowid, old.name, old.provider, old.city, old.skills_taught, old.description);
END;
CREATE TRIGGER courses_fts_update AFTER UPDATE ON courses BEGIN
  INSERT INTO courses_fts(courses_fts, rowid, name, provider, city, skills_taught, description)
  VALUES ('delete', old.rowid, old.name, old.provider, old.city, old.skills_taught, old.description);
  INSERT INTO courses_fts(rowid, name, provider, city, skills_taught, description)
  VALUES (new.rowid, new.name, new.provider, new.city, new.skills_taught, new.description);
END;
)SQL"},
        // Sync needs to know, without opening the sealed payload, which application or enrollment
        // an outbox record reports (to write the server's answer back to it), and when it left.
        {5, "outbox records name the action they deliver; full resync bookkeeping", R"SQL(
ALTER TABLE outbox ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN delivered_at TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_by_subject ON outbox(subject) WHERE subject <> '';
-- What a full resync (the server no longer knew our cursor) has brought so far, page by page;
-- when its last page arrives, local catalog records it did not bring are removed.
CREATE TABLE resync_seen (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
)SQL"},
        // The program's reports need how the kiosks are used, never who used them: counts per
        // day, per metric (sessions, searches, applications, enrollments) and per dimension
        // ("" for the total, "lang=ka", "group=youth"). reported_n is what the server has.
        {6, "anonymous daily usage counts", R"SQL(
CREATE TABLE daily_counts (
  day TEXT NOT NULL,
  metric TEXT NOT NULL,
  dimension TEXT NOT NULL DEFAULT '',
  n INTEGER NOT NULL DEFAULT 0 CHECK (n >= 0),
  reported_n INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, metric, dimension)
) WITHOUT ROWID;
)SQL"},
        // Files that go with outbox records (ID photos), too large for a row: sealed files in
        // attachments/ beside the database, uploaded in chunks by sync and deleted once the
        // server holds them whole.
        {7, "attachments waiting for upload", R"SQL(
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','quarantined')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;
)SQL"},
        // A clerk registers a jobseeker (with their ID document): the person gets a reference code
        // like any application, so the receipt and "My status" work the same way.
        {8, "jobseekers registered by a clerk", R"SQL(
CREATE TABLE registrations (
  id TEXT PRIMARY KEY,
  reference_code TEXT NOT NULL UNIQUE,
  profile_id TEXT REFERENCES profiles(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;
CREATE INDEX applications_by_time ON applications(created_at);
CREATE INDEX enrollments_by_time ON enrollments(created_at);
)SQL"},
        // The office's console decides on applications (sent to the employer, invited, hired, not
        // selected, withdrawn) and writes to the person: the statuses widen (SQLite keeps a CHECK
        // with its table, so the table is made again) and both kinds keep the office's message.
        {9, "the office's decisions and messages", R"SQL(
CREATE TABLE applications_v9 (
  id TEXT PRIMARY KEY,
  reference_code TEXT NOT NULL UNIQUE,
  job_id TEXT NOT NULL,
  profile_id TEXT REFERENCES profiles(id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','submitted','accepted','rejected','forwarded',
                                                           'invited','hired','not_selected','withdrawn')),
  note_enc BLOB,
  office_message TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) WITHOUT ROWID;
INSERT INTO applications_v9 (id, reference_code, job_id, profile_id, status, note_enc, created_at, updated_at)
  SELECT id, reference_code, job_id, profile_id, status, note_enc, created_at, updated_at FROM applications;
DROP TABLE applications;
ALTER TABLE applications_v9 RENAME TO applications;
CREATE INDEX applications_by_time ON applications(created_at);
ALTER TABLE enrollments ADD COLUMN office_message TEXT NOT NULL DEFAULT '';
)SQL"},
        // Pay as the employer states it (an hourly rate stays hourly, shown "per hour"), and the
        // job's ISCO-08 occupation code. Searches and filter chips compare the monthly amount.
        {10, "pay periods and occupation codes", R"SQL(
ALTER TABLE jobs ADD COLUMN salary_period TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN isco TEXT NOT NULL DEFAULT '';
)SQL"},
        // Outbox records on a damaged page of the file cannot be read or even marked: they are
        // named here (by seq) so the queue steps past them and the office hears how many.
        {11, "outbox records on damaged pages", R"SQL(
CREATE TABLE outbox_damaged (
  seq INTEGER PRIMARY KEY,
  reason TEXT NOT NULL,
  noted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
)SQL"},
    };
    return kSteps;
}

}  // namespace

int latestSchemaVersion() { return steps().back().version; }

Expected<void> migrate(Database& db, OpenReport& report, int stopAt) {
    const int target = stopAt > 0 ? stopAt : latestSchemaVersion();
    for (const Step& step : steps()) {
        if (step.version <= db.schemaVersion() || step.version > target) continue;
        auto applied = db.transaction([&]() -> Expected<void> {
            if (auto r = db.exec(step.sql); !r) return r;
            return db.exec("PRAGMA user_version = " + std::to_string(step.version));
        });
        if (!applied)
            return std::unexpected(
                applied.error().withContext("upgrading the database to version " + std::to_string(step.version)));
        report.notes.push_back("Database upgraded to version " + std::to_string(step.version) + ": " + step.summary + ".");
    }
    return {};
}

}  // namespace dc::store
