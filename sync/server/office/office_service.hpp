#pragma once
// The office's side of dc-server: staff accounts and their sessions, the inbox of what kiosks
// sent, decisions that travel back to the person, calls for a clerk and their acknowledgement,
// and the audit log of every decision and every view of a person's data. Like CentralService it
// keeps nothing between calls: several dc-server processes can share one PostgreSQL database.
//
// Offices: a server may hold several employment centres' kiosks. A device belongs to the office its
// enrollment token was made for; a staff account with an office sees only that office's records
// (another office's record id is "no such record"), and a kiosk's status look-up finds only codes
// made at its own office's kiosks.
//
// Invariants:
//   - A decision changes a record only from the version the caseworker saw (record_versions):
//     of two caseworkers deciding the same record at once, one wins and the other gets Conflict.
//   - Every decision and every opening of a record (and of its ID photo) has an audit line, in the
//     same transaction as what it records.
//   - A session cookie is stored only as its SHA-256; a session unused for kIdleSeconds is gone.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "sync/protocol/messages.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server/office/sms.hpp"

namespace dc::server::office {

enum class Role { Caseworker, Coordinator, Admin };
const char* roleName(Role role);
std::optional<Role> roleFromName(std::string_view name);

inline constexpr int64_t kIdleSeconds = 30 * 60;  // a session unused this long is signed out
inline constexpr int kMaxFailedLogins = 5;  // then the account waits kLockSeconds
inline constexpr int64_t kLockSeconds = 15 * 60;
inline constexpr size_t kMaxMessageBytes = 1000;  // a message to the person (an SMS is shorter)
inline constexpr size_t kMaxDetailBytes = 300;  // an interview's date and place

struct StaffUser {
    std::string name;
    Role role = Role::Caseworker;
    bool disabled = false;
    int64_t lockedUntil = 0;
    std::string office;  // empty: every office's records (one office per server, or a regional admin)
};

struct Session {
    std::string user;
    Role role = Role::Caseworker;
    std::string csrf;  // must come back with every state-changing request
    std::string office;  // the office whose records this person sees; empty: all
};

struct LoginResult {
    std::string token;  // the cookie's value
    Session session;
};

// The kinds of record the inbox lists.
enum class RecordKind { Application, Enrollment, Registration };
const char* kindName(RecordKind kind);
std::optional<RecordKind> kindFromName(std::string_view name);

// Decisions a caseworker can take, per kind; "submitted"/"confirmed"/... are where records start.
const std::vector<std::string>& decisionsFor(RecordKind kind);

struct InboxFilter {
    RecordKind kind = RecordKind::Application;
    std::string office;  // only records from this office's kiosks; empty: any
    std::string status;  // empty: any
    std::string device;  // empty: any
    std::string subject;  // a job or course id; empty: any
    int64_t from = 0, to = 0;  // received_at, Unix seconds; 0: open
    // Paging, newest first: the page after (beforeTime, beforeId).
    int64_t beforeTime = 0;
    std::string beforeId;
    int limit = 50;
};

struct InboxRow {
    std::string id, code, subject, title, name, status, device;
    int64_t receivedAt = 0;
};

struct InboxPage {
    std::vector<InboxRow> rows;
    bool more = false;
};

struct DecisionRecord {
    std::string status, message, detail, user;
    int64_t at = 0;
};

// A session of a course a place can move to.
struct SessionChoice {
    std::string id, label;  // label: "2027-01-10 · Kutaisi, Digital centre · Tue and Thu 18:00"
    int64_t freeSeats = 0;
};

struct RecordView {
    RecordKind kind = RecordKind::Application;
    std::string id, code, status, subject, title, device, note;
    std::string personJson;  // as the kiosk sent it
    std::string photoAttachment;  // an ID photo's attachment id, when one came with it
    int64_t receivedAt = 0;
    int64_t version = 0;  // what a decision must quote back
    std::optional<int64_t> waitlistPosition;
    std::vector<DecisionRecord> history;
    std::string sessionId;  // an enrollment's session
    std::vector<SessionChoice> sessions;  // the course's other sessions, for "moved"
    std::vector<SmsRow> texts;  // text messages to the person about this record
};

struct CallRow {
    std::string recordId, device, deviceName, language, ackBy;
    int64_t receivedAt = 0, ackAt = 0;
    int64_t raised = 0;  // not taken: how many times it has been raised again (once per raise interval waited)
};

inline constexpr int64_t kCallRaiseSeconds = 3 * 60;  // a call no one took is raised again this often

struct AuditRow {
    int64_t seq = 0, at = 0;
    std::string user, action, subject, detail;
};

// One line of the audit log, in the caller's transaction.
Expected<void> writeAudit(SqlConnection& c, int64_t at, const std::string& user, const std::string& action,
                          const std::string& subject, const std::string& detail = {});

class OfficeService {
public:
    explicit OfficeService(ConnectionPool& pool, std::function<int64_t()> clock = {});

    // ---- accounts (dc-server user ...) ----
    // `office`: the office whose records the account sees (devices enrolled with a token made for
    // it, `dc-server token --office`); empty: all of them.
    Expected<void> addUser(const std::string& name, Role role, const std::string& password, const std::string& office = {});
    Expected<void> setPassword(const std::string& name, const std::string& password);  // also unlocks
    Expected<void> setDisabled(const std::string& name, bool disabled);
    Expected<std::vector<StaffUser>> users();

    // ---- sessions ----
    // Refused (plain words, the same for an unknown name and a wrong password) or a session.
    Expected<LoginResult> login(const std::string& name, const std::string& password);
    // NotFound when the token is unknown or the session was idle too long; touches it otherwise.
    Expected<Session> session(const std::string& token);
    Expected<void> logout(const std::string& token);

    // ---- the inbox ----
    Expected<InboxPage> inbox(const InboxFilter& filter);
    Expected<RecordView> open(RecordKind kind, const std::string& id, const Session& who);
    // The bytes of a record's ID photo (Refused for a caseworker: coordinators and admins see it).
    Expected<std::string> photo(RecordKind kind, const std::string& id, const Session& who);
    // Conflict when the record changed since `version`; InvalidInput for a status this kind cannot
    // take or a message too long. Course places: "confirmed" (a place with a seat), "moved" (to
    // `toSession`, another session of the course: a seat there or its waiting list), "cancelled"
    // (the seat goes to the waiting list), "promoted" (from the waiting list, when a seat is free);
    // a coordinator's or an admin's. Whoever a freed seat goes to gets a "promoted" decision too.
    // The person hears of it at any kiosk, and by text message when they asked for that.
    Expected<void> decide(RecordKind kind, const std::string& id, int64_t version, const std::string& status,
                          const std::string& message, const std::string& detail, const Session& who,
                          const std::string& toSession = {});

    // ---- calls for a clerk ----
    Expected<std::vector<CallRow>> calls(int64_t sinceSeconds, const std::string& office = {});
    void setCallRaiseSeconds(int64_t seconds) { m_callRaise = std::max<int64_t>(10, seconds); }
    int64_t callRaiseSeconds() const { return m_callRaise; }
    Expected<void> acknowledge(const std::string& recordId, const Session& who);

    // ---- audit ----
    Expected<std::vector<AuditRow>> audit(int64_t beforeSeq, int limit);
    Expected<std::string> auditCsv(const Session& who);

    // ---- for the kiosks (protocol) ----
    // Only records made at kiosks of the asking device's office (any record when it has none).
    Expected<std::vector<sync::StatusAnswerItem>> statusOf(const std::vector<std::string>& codes,
                                                           const std::string& askingDevice = {});

    int64_t now() const { return m_clock(); }
    ConnectionPool& pool() { return m_pool; }

private:
    ConnectionPool& m_pool;
    std::function<int64_t()> m_clock;
    int64_t m_callRaise = kCallRaiseSeconds;
};

}  // namespace dc::server::office
