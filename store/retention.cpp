#include "store/retention.hpp"

#include <vector>

#include "store/sqlite_statement.hpp"

namespace dc::store {

Expected<Forgotten> forgetDelivered(Database& db, int64_t days, const std::string& now) {
    Forgotten done;
    DC_TRY(cutoffStmt, Statement::prepare(db, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(nullif(?1, ''), 'now'), ?2)"));
    cutoffStmt->bind(1, now);
    cutoffStmt->bind(2, "-" + std::to_string(days) + " days");
    if (cutoffStmt->step() != SQLITE_ROW) return std::unexpected(db.lastError("reading the clock"));
    const std::string cutoff = cutoffStmt->text(0);
    if (cutoff.empty()) return fail(ErrorCode::InvalidInput, "the time is not one SQLite reads");

    auto erased = db.transaction([&]() -> Expected<void> {
        // The delivered records past the window that still hold details, and whom they were about.
        DC_TRY(due,
               Statement::prepare(db,
                                  "SELECT seq, kind, subject FROM outbox WHERE state = 'done' AND delivered_at <> '' "
                                  "AND delivered_at <= ?1 AND length(payload) > 0"));
        due->bind(1, cutoff);
        struct Due {
            int64_t seq;
            std::string kind, subject;
        };
        std::vector<Due> rows;
        DC_CHECK(due->eachRow(db, "finding delivered records", [&] {
            rows.push_back({due->integer(0), due->text(1), due->text(2)});
        }));
        std::vector<std::string> profiles;
        for (const auto& r : rows) {
            for (const char* sql : {"UPDATE outbox SET payload = X'' WHERE seq = ?1"}) {
                DC_TRY(stmt, Statement::prepare(db, sql));
                stmt->bind(1, r.seq);
                if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("erasing a delivered record"));
            }
            const char* table = r.kind == "application" ? "applications"
                : r.kind == "enrollment"                ? "enrollments"
                : r.kind == "registration"              ? "registrations"
                                                        : nullptr;
            if (table && !r.subject.empty()) {
                DC_TRY(who, Statement::prepare(db, std::string("SELECT profile_id FROM ") + table + " WHERE id = ?1"));
                who->bind(1, r.subject);
                if (who->step() == SQLITE_ROW && !who->text(0).empty()) profiles.push_back(who->text(0));
                const std::string clear = std::string("UPDATE ") + table + " SET profile_id = NULL" +
                    (r.kind == "application" ? ", note_enc = NULL" : "") + " WHERE id = ?1";
                DC_TRY(cut, Statement::prepare(db, clear));
                cut->bind(1, r.subject);
                if (cut->step() != SQLITE_DONE) return std::unexpected(db.lastError("erasing a record's details"));
            }
            ++done.records;
        }
        // A profile goes once no record still needs it (one still waiting keeps it).
        for (const auto& id : profiles) {
            DC_TRY(gone,
                   Statement::prepare(db,
                                      "DELETE FROM profiles WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM applications "
                                      "WHERE profile_id = ?1) AND NOT EXISTS (SELECT 1 FROM enrollments WHERE profile_id = ?1) "
                                      "AND NOT EXISTS (SELECT 1 FROM registrations WHERE profile_id = ?1)"));
            gone->bind(1, id);
            if (gone->step() != SQLITE_DONE) return std::unexpected(db.lastError("deleting a profile"));
            done.profiles += sqlite3_changes(db.handle());
        }
        return {};
    });
    if (!erased) return std::unexpected(erased.error());
    // The old pages still sit in the WAL until it is written back and cut.
    if (done.records > 0)
        if (auto r = db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); !r) return std::unexpected(r.error());
    return done;
}

}  // namespace dc::store
