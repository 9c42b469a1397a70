#include "store/outbox.hpp"

#include <span>

#include "store/outbox_repair.hpp"
#include "store/sqlite_statement.hpp"

namespace dc::store {
namespace {

Expected<void> quarantine(Database& db, int64_t seq, const std::string& reason) {
    DC_TRY(stmt, Statement::prepare(db, "UPDATE outbox SET state = 'quarantined', last_error = ?2 WHERE seq = ?1"));
    stmt->bind(1, seq);
    stmt->bind(2, reason);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("setting a record aside"));
    return {};
}

// The application or enrollment table a subject id belongs to ("a-..." or "e-...").
const char* tableOf(const std::string& subject) {
    if (subject.starts_with("a-")) return "applications";
    if (subject.starts_with("e-")) return "enrollments";
    return nullptr;
}

bool allowedStatus(const char* table, const std::string& status) {
    static const char* const application[] = {"submitted", "accepted", "rejected",     "forwarded",
                                              "invited",   "hired",    "not_selected", "withdrawn"};
    static const char* const enrollment[] = {"confirmed", "waitlisted", "rejected", "cancelled"};
    const bool isApplication = std::string_view(table) == "applications";
    for (const char* s : isApplication ? std::span<const char* const>(application) : std::span<const char* const>(enrollment))
        if (status == s) return true;
    return false;
}

// Writes the server's answer to the application or enrollment a record reports.
class StatusWriter {
public:
    static Expected<StatusWriter> prepare(Database& db) {
        auto application = Statement::prepare(db, R"SQL(
UPDATE applications SET status = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1)SQL");
        auto enrollment = Statement::prepare(db, R"SQL(
UPDATE enrollments SET status = ?2, waitlist_position = ?3, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')
WHERE id = ?1)SQL");
        if (!application) return std::unexpected(application.error());
        if (!enrollment) return std::unexpected(enrollment.error());
        return StatusWriter(db, std::move(*application), std::move(*enrollment));
    }

    Expected<void> write(const std::string& subject, const DeliveryAnswer& answer) {
        const char* table = tableOf(subject);
        if (!table || !allowedStatus(table, answer.status)) return {};  // nothing to show; the record is still done
        const bool enrollment = std::string_view(table) == "enrollments";
        Statement& stmt = enrollment ? m_enrollment : m_application;
        stmt.reset();
        stmt.bind(1, subject);
        stmt.bind(2, answer.status);
        if (enrollment) {
            const bool positionMakesSense =
                answer.status == "waitlisted" && answer.waitlistPosition && *answer.waitlistPosition > 0;
            stmt.bind(3, positionMakesSense ? answer.waitlistPosition : std::nullopt);
        }
        if (stmt.step() != SQLITE_DONE) return std::unexpected(m_db.lastError("writing the server's answer"));
        return {};
    }

private:
    StatusWriter(Database& db, Statement application, Statement enrollment)
        : m_db(db), m_application(std::move(application)), m_enrollment(std::move(enrollment)) {}
    Database& m_db;
    Statement m_application, m_enrollment;
};

}  // namespace

namespace {

// The seqs of the oldest pending records, from the index alone (it covers state and seq), without
// those already found on a damaged page.
Expected<std::vector<int64_t>> pendingSeqs(Database& db, size_t limit) {
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
SELECT seq FROM outbox INDEXED BY outbox_pending
WHERE state = 'pending' AND seq NOT IN (SELECT seq FROM outbox_damaged) ORDER BY seq LIMIT ?1)SQL"));
    stmt->bind(1, static_cast<int64_t>(limit));
    std::vector<int64_t> seqs;
    DC_CHECK(stmt->eachRow(db, "reading the outbox's order", [&] { seqs.push_back(stmt->integer(0)); }));
    return seqs;
}

}  // namespace

namespace {

enum class Read { Done, Damaged };

// Reads the records `seqs` names, in order, until about `maxBytes`; Damaged when one of them is on
// a damaged page of the file.
Expected<Read> readRecords(Database& db, const FieldCipher& cipher, const std::vector<int64_t>& seqs, size_t maxBytes,
                           std::vector<OutboxRecord>& records) {
    std::vector<std::pair<int64_t, std::string>> unreadable;
    {
        DC_TRY(stmt, Statement::prepare(db, "SELECT id, kind, subject, payload, attempts FROM outbox WHERE seq = ?1"));
        size_t bytes = 0;
        for (const int64_t seq : seqs) {
            stmt->reset();
            stmt->bind(1, seq);
            const int rc = stmt->step();
            if (rc == SQLITE_DONE) continue;
            if (rc != SQLITE_ROW) {
                const Error e = db.lastError("reading an outbox record");
                if (e.code() == ErrorCode::StoreCorrupt) return Read::Damaged;
                return std::unexpected(e);
            }
            OutboxRecord r{
                .seq = seq, .id = stmt->text(0), .kind = stmt->text(1), .subject = stmt->text(2), .attempts = stmt->integer(4)};
            auto opened = cipher.open("outbox:" + r.id, stmt->blob(3).value_or(Blob{}));
            if (!opened) {
                unreadable.emplace_back(r.seq, "cannot be read on this kiosk: " + opened.error().message());
                continue;
            }
            if (!records.empty() && bytes + opened->size() > maxBytes) break;
            bytes += opened->size();
            r.body = std::move(*opened);
            records.push_back(std::move(r));
        }
    }
    if (unreadable.empty()) return Read::Done;
    DC_CHECK(db.transaction([&]() -> Expected<void> {
        for (const auto& [seq, reason] : unreadable)
            if (auto r = quarantine(db, seq, reason); !r) return r;
        return {};
    }));
    return Read::Done;
}

}  // namespace

Expected<std::vector<OutboxRecord>> pendingOutbox(Database& db, const FieldCipher& cipher, size_t limit, size_t maxBytes) {
    // A damaged page (of the table or its index) makes the outbox be rebuilt once, beside the
    // damage; what was on the page is set aside and counted, and the rest flows as before.
    for (bool rebuilt = false;; rebuilt = true) {
        std::vector<OutboxRecord> records;
        auto seqs = pendingSeqs(db, limit);
        Expected<Read> read = seqs ? readRecords(db, cipher, *seqs, maxBytes, records) : std::unexpected(seqs.error());
        const bool damaged = read ? *read == Read::Damaged : read.error().code() == ErrorCode::StoreCorrupt;
        if (!damaged) {
            if (!read) return std::unexpected(read.error());
            return records;
        }
        if (rebuilt) return fail(ErrorCode::StoreCorrupt, "the outbox is still damaged after it was rebuilt");
        DC_CHECK(rebuildOutbox(db));
    }
}

Expected<void> recordDeliveries(Database& db, const std::vector<DeliveryAnswer>& answers) {
    return db.transaction([&]() -> Expected<void> {
        auto find = Statement::prepare(db, "SELECT seq, subject FROM outbox WHERE id = ?1 AND state = 'pending'");
        auto done = Statement::prepare(db, R"SQL(
UPDATE outbox SET state = 'done', result = ?2, last_error = '',
                  delivered_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE seq = ?1)SQL");
        auto statuses = StatusWriter::prepare(db);
        if (!find) return std::unexpected(find.error());
        if (!done) return std::unexpected(done.error());
        if (!statuses) return std::unexpected(statuses.error());
        for (const DeliveryAnswer& answer : answers) {
            find->reset();
            find->bind(1, answer.id);
            const int rc = find->step();
            if (rc == SQLITE_DONE) continue;  // unknown or already answered: a retried push
            if (rc != SQLITE_ROW) return std::unexpected(db.lastError("finding an outbox record"));
            const int64_t seq = find->integer(0);
            const std::string subject = find->text(1);
            if (answer.outcome == DeliveryAnswer::Outcome::Rejected) {
                const std::string reason = answer.reason.empty() ? "refused by the server" : answer.reason;
                if (auto r = quarantine(db, seq, "refused by the server: " + reason); !r) return r;
                continue;
            }
            done->reset();
            done->bind(1, seq);
            done->bind(2, answer.resultJson);
            if (done->step() != SQLITE_DONE) return std::unexpected(db.lastError("marking a record delivered"));
            if (auto r = statuses->write(subject, answer); !r) return r;
        }
        return {};
    });
}

Expected<void> applyOfficeUpdates(Database& db, const std::vector<OfficeUpdate>& updates, int64_t lastSeq,
                                  const std::string& config, const std::string& callsTaken) {
    return db.transaction([&]() -> Expected<void> {
        auto statuses = StatusWriter::prepare(db);
        if (!statuses) return std::unexpected(statuses.error());
        auto message = Statement::prepare(db, R"SQL(
UPDATE applications SET office_message = ?2 WHERE id = ?1 AND ?2 <> '';
)SQL");
        auto enrollmentMessage = Statement::prepare(db, "UPDATE enrollments SET office_message = ?2 WHERE id = ?1 AND ?2 <> ''");
        if (!message) return std::unexpected(message.error());
        if (!enrollmentMessage) return std::unexpected(enrollmentMessage.error());
        for (const auto& u : updates) {
            const DeliveryAnswer answer{.status = u.status, .waitlistPosition = u.waitlistPosition};
            if (auto r = statuses->write(u.subject, answer); !r) return r;
            const char* table = tableOf(u.subject);
            if (u.message.empty() || !table || !allowedStatus(table, u.status)) continue;  // words only with a known change
            Statement& stmt = u.subject.starts_with("e-") ? *enrollmentMessage : *message;
            stmt.reset();
            stmt.bind(1, u.subject);
            stmt.bind(2, u.message.substr(0, 2000));
            if (stmt.step() != SQLITE_DONE) return std::unexpected(db.lastError("keeping the office's message"));
        }
        if (auto r = writeSetting(db, "sync.updates_after", std::to_string(lastSeq)); !r) return r;
        if (auto r = writeSetting(db, "sync.calls_taken", callsTaken); !r) return r;
        return writeSetting(db, "sync.config", config);
    });
}

Expected<void> recordFailedAttempt(Database& db, const std::vector<std::string>& ids, const std::string& error) {
    return db.transaction([&]() -> Expected<void> {
        DC_TRY(stmt,
               Statement::prepare(
                   db, "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1 AND state = 'pending'"));
        for (const std::string& id : ids) {
            stmt->reset();
            stmt->bind(1, id);
            stmt->bind(2, error);
            if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("counting a failed attempt"));
        }
        return {};
    });
}

Expected<OutboxStats> outboxStats(const Database& db) {
    // Records on a damaged page (outbox_damaged) are counted as set aside and never read.
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
WITH waiting AS (SELECT seq FROM outbox INDEXED BY outbox_pending
                 WHERE state = 'pending' AND seq NOT IN (SELECT seq FROM outbox_damaged))
SELECT (SELECT count(*) FROM waiting),
       (SELECT count(*) FROM outbox WHERE state = 'quarantined') + (SELECT count(*) FROM outbox_damaged),
       (SELECT count(*) FROM outbox WHERE state = 'done'),
       coalesce((SELECT max(0, CAST(strftime('%s','now') - strftime('%s', created_at) AS INTEGER)) || ''
                 FROM outbox WHERE seq = (SELECT min(seq) FROM waiting)), '0'),
       coalesce((SELECT last_error FROM outbox WHERE seq = (SELECT min(seq) FROM waiting)), ''))SQL"));
    if (stmt->step() != SQLITE_ROW) return std::unexpected(db.lastError("counting the outbox"));
    return OutboxStats{.pending = stmt->integer(0),
                       .quarantined = stmt->integer(1),
                       .delivered = stmt->integer(2),
                       .oldestPendingAgeSeconds = stmt->integer(3),
                       .lastError = stmt->text(4)};
}

Expected<std::vector<QuarantinedRecord>> quarantinedOutbox(const Database& db, size_t limit) {
    DC_TRY(stmt,
           Statement::prepare(
               db,
               "SELECT id, kind, subject, last_error, created_at, seq FROM outbox WHERE state = 'quarantined' "
               "UNION ALL SELECT 'record ' || seq, '', '', reason, noted_at, seq FROM outbox_damaged ORDER BY 6 LIMIT ?1"));
    stmt->bind(1, static_cast<int64_t>(limit));
    std::vector<QuarantinedRecord> out;
    DC_CHECK(stmt->eachRow(db, "listing set-aside records", [&] {
        out.push_back({stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3), stmt->text(4)});
    }));
    return out;
}

Expected<std::string> readSetting(const Database& db, const std::string& key) {
    DC_TRY(stmt, Statement::prepare(db, "SELECT value FROM settings WHERE key = ?1"));
    stmt->bind(1, key);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return std::string();
    if (rc != SQLITE_ROW) return std::unexpected(db.lastError("reading a setting"));
    return stmt->text(0);
}

Expected<void> writeSetting(Database& db, const std::string& key, const std::string& value) {
    DC_TRY(stmt,
           Statement::prepare(
               db, "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    stmt->bind(1, key);
    stmt->bind(2, value);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving a setting"));
    return {};
}

Expected<std::string> readCursor(const Database& db, const std::string& stream) {
    DC_TRY(stmt, Statement::prepare(db, "SELECT cursor FROM sync_cursors WHERE stream = ?1"));
    stmt->bind(1, stream);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return std::string();
    if (rc != SQLITE_ROW) return std::unexpected(db.lastError("reading a sync cursor"));
    return stmt->text(0);
}

}  // namespace dc::store
