#include "app/store/migrations.hpp"

#include <string>
#include <vector>

namespace dc::store {
namespace {

struct Step {
    int version;
    const char* summary;
    const char* sql;
};

// Append only: a released step never changes, later needs get a new step.
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
            return std::unexpected(applied.error().withContext("upgrading the database to version " +
                                                               std::to_string(step.version)));
        report.notes.push_back("Database upgraded to version " + std::to_string(step.version) + ": " + step.summary +
                               ".");
    }
    return {};
}

}  // namespace dc::store
