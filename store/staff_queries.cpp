#include "store/staff_queries.hpp"

#include "store/sqlite_statement.hpp"

namespace dc::store {
using namespace ::dc::domain;
namespace {

ActionStatus statusOf(const std::string& text) {
    for (ActionStatus s : {ActionStatus::Submitted, ActionStatus::Accepted, ActionStatus::Rejected, ActionStatus::Confirmed,
                           ActionStatus::Waitlisted, ActionStatus::Cancelled})
        if (text == actionStatusText(s)) return s;
    return ActionStatus::Pending;
}

// One list over the three kinds of record; delivery comes from the outbox record that reports it.
constexpr const char* kActions = R"SQL(
WITH actions(code, kind, title, status, subject, created_at, where_, when_, position) AS (
  SELECT a.reference_code, 'application', coalesce(j.title, ''), a.status, a.id, a.created_at, '', '', NULL
    FROM applications a LEFT JOIN jobs j ON j.id = a.job_id
  UNION ALL
  SELECT e.reference_code, 'enrollment', coalesce(c.name, ''), e.status, e.id, e.created_at,
         coalesce(s.center, ''), coalesce(s.starts_at, ''), e.waitlist_position
    FROM enrollments e LEFT JOIN courses c ON c.id = e.course_id LEFT JOIN course_sessions s ON s.id = e.session_id
  UNION ALL
  SELECT r.reference_code, 'registration', '', 'submitted', r.id, r.created_at, '', '', NULL FROM registrations r
)
SELECT code, kind, title, status, created_at,
       NOT EXISTS (SELECT 1 FROM outbox o WHERE o.subject = actions.subject AND o.state <> 'done'),
       EXISTS (SELECT 1 FROM outbox o WHERE o.subject = actions.subject AND o.state = 'quarantined'),
       where_, when_, position
FROM actions )SQL";

}  // namespace

Expected<std::vector<ActionRow>> actionsSince(const Database& db, const std::string& sinceIso, size_t limit) {
    DC_TRY(stmt,
           Statement::prepare(db, std::string(kActions) + "WHERE created_at >= ?1 ORDER BY created_at DESC, code LIMIT ?2"));
    stmt->bind(1, sinceIso);
    stmt->bind(2, static_cast<int64_t>(limit));
    std::vector<ActionRow> rows;
    DC_CHECK(stmt->eachRow(db, "listing today's records", [&] {
        ActionRow row{stmt->text(0),         stmt->text(1),         stmt->text(2), statusOf(stmt->text(3)),
                      stmt->integer(5) != 0, stmt->integer(6) != 0, stmt->text(4), stmt->optionalInteger(9)};
        // A registration is "submitted" once the office has it, like an application.
        if (row.kind == "registration" && !row.delivered) row.status = ActionStatus::Pending;
        rows.push_back(std::move(row));
    }));
    return rows;
}

Expected<ReceiptFacts> receiptFacts(const Database& db, const std::string& typedCode) {
    const std::string code = normalizeReferenceCode(typedCode);
    if (code.empty()) return fail(ErrorCode::NotFound, "not a reference code");
    DC_TRY(stmt, Statement::prepare(db, std::string(kActions) + "WHERE code = ?1"));
    stmt->bind(1, code);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return fail(ErrorCode::NotFound, "this kiosk issued no such reference code");
    if (rc != SQLITE_ROW) return std::unexpected(db.lastError("reading a record for its receipt"));
    ReceiptFacts facts{stmt->text(0), stmt->text(1),           stmt->text(2),           stmt->text(7),
                       stmt->text(8), statusOf(stmt->text(3)), stmt->optionalInteger(9)};
    if (facts.kind == "registration" && stmt->integer(5) == 0) facts.status = ActionStatus::Pending;
    return facts;
}

std::string sqliteVersion() { return sqlite3_libversion(); }

Expected<std::string> integrityCheck(const Database& db) {
    DC_TRY(stmt, Statement::prepare(db, "PRAGMA quick_check(5)"));
    std::string out;
    DC_CHECK(stmt->eachRow(db, "checking the database", [&] { out += (out.empty() ? "" : "; ") + stmt->text(0); }));
    return out;
}

}  // namespace dc::store
