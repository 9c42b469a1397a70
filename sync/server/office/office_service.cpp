#include "sync/server/office/office_service.hpp"

#include <array>
#include <chrono>
#include <nlohmann/json.hpp>

#include "common/reference_code.hpp"
#include "common/utf8.hpp"
#include "catalog/catalog_json.hpp"
#include "sync/protocol/signing.hpp"

namespace dc::server::office {
namespace {

using json = nlohmann::json;

int64_t systemClock() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

struct KindTable {
    const char* table;
    const char* subjectColumn;
};
KindTable tableOf(RecordKind kind) {
    switch (kind) {
        case RecordKind::Application: return {"applications", "job_id"};
        case RecordKind::Enrollment: return {"enrollments", "course_id"};
        case RecordKind::Registration: return {"intake", "''"};
    }
    return {"applications", "job_id"};
}

std::string titleOf(SqlConnection& c, RecordKind kind, const std::string& subject) {
    if (subject.empty() || kind == RecordKind::Registration) return {};
    auto rows = c.query("SELECT body FROM catalog WHERE kind = $1 AND id = $2",
                        {std::string(kind == RecordKind::Application ? "job" : "course"), subject});
    if (!rows || rows->empty()) return {};
    // The catalog line is the batch format: {"kind":..., "record": {...}}.
    const json line = json::parse((*rows)[0].text(0), nullptr, false);
    if (!line.is_object()) return {};
    const json record = line.value("record", json::object());
    if (!record.is_object()) return {};
    const std::string key = kind == RecordKind::Application ? "title" : "name";
    return record.value(key, std::string());
}

// The office of the kiosk that sent a record ("" when it has none, or the record is unknown).
std::string officeOfRecord(SqlConnection& c, RecordKind kind, const std::string& id) {
    const std::string sql = kind == RecordKind::Application
        ? "SELECT d.office FROM applications r JOIN devices d ON d.id = r.device_id WHERE r.id = $1"
        : kind == RecordKind::Enrollment
        ? "SELECT d.office FROM enrollments r JOIN devices d ON d.id = r.device_id WHERE r.id = $1"
        : "SELECT d.office FROM intake r JOIN devices d ON d.id = r.device_id WHERE r.record_id = $1";
    auto rows = c.query(sql, {id});
    return rows && !rows->empty() ? (*rows)[0].text(0) : std::string();
}

// A record another office's staff asks for does not exist, as far as they can tell.
Expected<void> mustBeOfOffice(SqlConnection& c, RecordKind kind, const std::string& id, const std::string& office) {
    if (office.empty() || officeOfRecord(c, kind, id) == office) return {};
    return fail(ErrorCode::NotFound, std::string("no ") + kindName(kind) + " has this id");
}

// The other sessions of an enrollment's course, with their free seats, for "moved".
std::vector<SessionChoice> sessionChoices(SqlConnection& c, const std::string& enrollmentId) {
    std::vector<SessionChoice> out;
    auto rows = c.query(
        "SELECT e.session_id, cat.body FROM enrollments e JOIN catalog cat ON cat.kind = 'course' AND cat.id = e.course_id "
        "AND cat.deleted = 0 WHERE e.id = $1",
        {enrollmentId});
    if (!rows || rows->empty()) return out;
    auto batch = catalog::parseJsonLines((*rows)[0].text(1));
    if (!batch || batch->courseUpserts.size() != 1) return out;
    for (const auto& session : batch->courseUpserts[0].sessions) {
        if (session.id == (*rows)[0].text(0)) continue;
        auto seats = c.query("SELECT capacity - seats_taken FROM sessions WHERE id = $1", {session.id});
        if (!seats || seats->empty()) continue;
        std::string label = session.startsAt;
        for (const std::string* part : {&session.city, &session.center, &session.scheduleNote})
            if (!part->empty()) label += (label.empty() ? "" : " · ") + *part;
        out.push_back({session.id, label.empty() ? session.id : label, std::max<int64_t>(0, (*seats)[0].integer(0))});
    }
    return out;
}

}  // namespace

Expected<void> writeAudit(SqlConnection& c, int64_t at, const std::string& user, const std::string& action,
                          const std::string& subject, const std::string& detail) {
    DC_TRY(seq, nextCounter(c, "audit"));
    DC_CHECK(c.query("INSERT INTO audit_log (seq, at, user_name, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)",
                     {*seq, at, user, action, subject, detail}));
    return {};
}

namespace {
// The names of the roles and kinds, in the order of their enums.
constexpr std::array<const char*, 3> kRoleNames = {"caseworker", "coordinator", "admin"};
constexpr std::array<const char*, 3> kKindNames = {"application", "enrollment", "registration"};

template <class E, size_t N>
std::optional<E> fromName(const std::array<const char*, N>& names, std::string_view name) {
    for (size_t i = 0; i < N; ++i)
        if (name == names[i]) return static_cast<E>(i);
    return std::nullopt;
}
}  // namespace

const char* roleName(Role role) { return kRoleNames.at(static_cast<size_t>(role)); }
std::optional<Role> roleFromName(std::string_view name) { return fromName<Role>(kRoleNames, name); }
const char* kindName(RecordKind kind) { return kKindNames.at(static_cast<size_t>(kind)); }
std::optional<RecordKind> kindFromName(std::string_view name) { return fromName<RecordKind>(kKindNames, name); }

const std::vector<std::string>& decisionsFor(RecordKind kind) {
    static const std::vector<std::string> application = {"forwarded", "invited", "hired", "not_selected", "withdrawn"};
    static const std::vector<std::string> enrollment = {"confirmed", "moved", "cancelled", "promoted"};
    static const std::vector<std::string> registration = {"seen"};
    switch (kind) {
        case RecordKind::Application: return application;
        case RecordKind::Enrollment: return enrollment;
        case RecordKind::Registration: return registration;
    }
    return application;
}

OfficeService::OfficeService(ConnectionPool& pool, std::function<int64_t()> clock)
    : m_pool(pool), m_clock(clock ? std::move(clock) : systemClock) {}

// ---- inbox ----
Expected<InboxPage> OfficeService::inbox(const InboxFilter& f) {
    auto c = m_pool.acquire();
    const int limit = std::clamp(f.limit, 1, 200);
    std::vector<SqlValue> params;
    auto param = [&](SqlValue v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    std::string sql;
    if (f.kind == RecordKind::Registration) {
        sql = "SELECT record_id, body, '', 'received', device_id, received_at FROM intake WHERE kind = 'registration'";
        if (!f.status.empty()) sql += " AND 'received' = " + param(f.status);
    } else {
        const KindTable t = tableOf(f.kind);
        sql = std::string("SELECT id, reference_code, ") + t.subjectColumn + ", status, device_id, received_at, person FROM " +
            t.table + " WHERE 1 = 1";
        if (!f.status.empty()) sql += " AND status = " + param(f.status);
        if (!f.subject.empty()) sql += std::string(" AND ") + t.subjectColumn + " = " + param(f.subject);
    }
    if (!f.device.empty()) sql += " AND device_id = " + param(f.device);
    if (!f.office.empty()) sql += " AND device_id IN (SELECT id FROM devices WHERE office = " + param(f.office) + ")";
    if (f.from > 0) sql += " AND received_at >= " + param(f.from);
    if (f.to > 0) sql += " AND received_at < " + param(f.to);
    const char* idColumn = f.kind == RecordKind::Registration ? "record_id" : "id";
    if (f.beforeTime > 0) {
        const std::string t = param(f.beforeTime), id = param(f.beforeId);
        sql += " AND (received_at < " + t + " OR (received_at = " + t + " AND " + idColumn + " < " + id + "))";
    }
    sql += std::string(" ORDER BY received_at DESC, ") + idColumn + " DESC LIMIT " + std::to_string(limit + 1);
    DC_TRY(rows, c->query(sql, params));
    InboxPage page;
    for (const auto& r : *rows) {
        if (static_cast<int>(page.rows.size()) == limit) {
            page.more = true;
            break;
        }
        InboxRow row;
        row.id = r.text(0);
        if (f.kind == RecordKind::Registration) {
            const json body = json::parse(r.text(1), nullptr, false);
            row.code = body.is_object() ? body.value("referenceCode", std::string()) : std::string();
            const json person = body.is_object() ? body.value("person", json::object()) : json::object();
            row.name = person.is_object() ? person.value("name", std::string()) : std::string();
            row.status = "received";
            row.device = r.text(4);
            row.receivedAt = r.integer(5);
        } else {
            row.code = r.text(1);
            row.subject = r.text(2);
            row.status = r.text(3);
            row.device = r.text(4);
            row.receivedAt = r.integer(5);
            const json person = json::parse(r.text(6), nullptr, false);
            row.name = person.is_object() ? person.value("name", std::string()) : std::string();
            row.title = titleOf(*c, f.kind, row.subject);
        }
        page.rows.push_back(std::move(row));
    }
    return page;
}

Expected<RecordView> OfficeService::open(RecordKind kind, const std::string& id, const Session& who) {
    auto c = m_pool.acquire();
    DC_CHECK(mustBeOfOffice(*c, kind, id, who.office));
    RecordView v;
    v.kind = kind;
    v.id = id;
    if (kind == RecordKind::Registration) {
        DC_TRY(rows,
               c->query("SELECT body, device_id, received_at FROM intake WHERE kind = 'registration' AND record_id = $1", {id}));
        if (rows->empty()) return fail(ErrorCode::NotFound, "no registration has this id");
        const json body = json::parse((*rows)[0].text(0), nullptr, false);
        if (body.is_object()) {
            v.code = body.value("referenceCode", std::string());
            v.personJson = body.value("person", json::object()).dump();
        }
        v.device = (*rows)[0].text(1);
        v.receivedAt = (*rows)[0].integer(2);
        v.status = "received";
    } else {
        const KindTable t = tableOf(kind);
        const std::string extra = kind == RecordKind::Application ? "note, NULL" : "'', waitlist_position";
        DC_TRY(rows,
               c->query(std::string("SELECT reference_code, ") + t.subjectColumn + ", status, device_id, received_at, person, " +
                            extra + ", record_id FROM " + t.table + " WHERE id = $1",
                        {id}));
        if (rows->empty()) return fail(ErrorCode::NotFound, std::string("no ") + kindName(kind) + " has this id");
        const SqlRow& r = (*rows)[0];
        v.code = r.text(0);
        v.subject = r.text(1);
        v.status = r.text(2);
        v.device = r.text(3);
        v.receivedAt = r.integer(4);
        v.personJson = r.text(5);
        v.note = r.text(6);
        if (!r.isNull(7)) v.waitlistPosition = r.integer(7);
        v.title = titleOf(*c, kind, v.subject);
    }
    DC_TRY(version, c->query("SELECT version FROM record_versions WHERE record = $1", {id}));
    v.version = version->empty() ? 0 : (*version)[0].integer(0);
    DC_TRY(history,
           c->query("SELECT status, message, detail, user_name, at FROM decisions WHERE record = $1 ORDER BY seq", {id}));
    for (const auto& h : *history) v.history.push_back({h.text(0), h.text(1), h.text(2), h.text(3), h.integer(4)});
    DC_TRY(photo, c->query("SELECT id FROM attachments WHERE record_id = $1 AND complete = 1 ORDER BY created_at LIMIT 1", {id}));
    if (!photo->empty()) v.photoAttachment = (*photo)[0].text(0);
    if (kind == RecordKind::Enrollment) {
        DC_TRY(session, c->query("SELECT session_id FROM enrollments WHERE id = $1", {id}));
        if (!session->empty()) v.sessionId = (*session)[0].text(0);
        v.sessions = sessionChoices(*c, id);
    }
    DC_TRY(texts, smsFor(*c, id));
    v.texts = std::move(*texts);
    DC_CHECK(writeAudit(*c, now(), who.user, "record.view", std::string(kindName(kind)) + ":" + id));
    return v;
}

Expected<std::string> OfficeService::photo(RecordKind kind, const std::string& id, const Session& who) {
    if (who.role == Role::Caseworker) return fail(ErrorCode::Refused, "a caseworker does not see ID photos; a coordinator can");
    std::string attachment;
    {
        auto c = m_pool.acquire();
        DC_CHECK(mustBeOfOffice(*c, kind, id, who.office));
        DC_TRY(rows,
               c->query("SELECT id FROM attachments WHERE record_id = $1 AND complete = 1 ORDER BY created_at LIMIT 1", {id}));
        if (rows->empty()) return fail(ErrorCode::NotFound, "this record has no ID photo");
        attachment = (*rows)[0].text(0);
        DC_CHECK(writeAudit(*c, now(), who.user, "photo.view", std::string(kindName(kind)) + ":" + id));
    }
    CentralService central(m_pool, m_clock);
    return central.attachmentBytes(attachment);
}

namespace {

// What a decision needs to know of its record, read in its transaction.
struct Subject {
    std::string device, code, person, status;
    std::optional<int64_t> position;
};

Expected<Subject> subjectOf(SqlConnection& c, RecordKind kind, const std::string& id) {
    if (kind == RecordKind::Registration) {
        DC_TRY(rows, c.query("SELECT device_id, body FROM intake WHERE kind = 'registration' AND record_id = $1", {id}));
        if (rows->empty()) return fail(ErrorCode::NotFound, "no registration has this id");
        const json body = json::parse((*rows)[0].text(1), nullptr, false);
        Subject s{(*rows)[0].text(0), "", "", "received", std::nullopt};
        if (body.is_object()) {
            s.code = body.value("referenceCode", std::string());
            if (body.contains("person") && body["person"].is_object()) s.person = body["person"].dump();
        }
        return s;
    }
    const bool app = kind == RecordKind::Application;
    DC_TRY(rows,
           c.query(app ? "SELECT device_id, reference_code, person, status, NULL FROM applications WHERE id = $1"
                       : "SELECT device_id, reference_code, person, status, waitlist_position FROM enrollments WHERE id = $1",
                   {id}));
    if (rows->empty()) return fail(ErrorCode::NotFound, std::string("no ") + kindName(kind) + " has this id");
    const SqlRow& r = (*rows)[0];
    return Subject{r.text(0), r.text(1), r.text(2), r.text(3), r.isNull(4) ? std::nullopt : std::optional<int64_t>(r.integer(4))};
}

std::string languageOf(const std::string& personJson) {
    const json person = json::parse(personJson, nullptr, false);
    return person.is_object() ? person.value("language", std::string()) : std::string();
}

// The decision's line in the record's history, the update its kiosk picks up with the next
// heartbeat (its own copy, for when it is offline), and the person's text message.
Expected<void> recordDecision(SqlConnection& c, const std::string& id, const Subject& now, const std::string& decided,
                              const std::string& message, const std::string& detail, const std::string& user, int64_t at) {
    DC_TRY(seq, nextCounter(c, "decisions"));
    DC_CHECK(
        c.query("INSERT INTO decisions (seq, record, status, message, detail, user_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {*seq, id, decided, message, detail, user, at}));
    DC_TRY(update, nextCounter(c, "updates"));
    const std::string words = detail.empty() ? message : (message.empty() ? detail : message + "\n" + detail);
    DC_CHECK(c.query(
        "INSERT INTO status_updates (seq, device_id, subject, status, waitlist_position, message) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {*update, now.device, id, now.status, now.position ? SqlValue(*now.position) : SqlValue(std::monostate{}), words}));
    const std::string said = decided == "promoted" ? "promoted" : now.status;
    const std::string text = smsText(languageOf(now.person), now.code, said, now.position, detail, message);
    DC_CHECK(queueSmsInTransaction(c, id, now.person, text, at));
    return {};
}

}  // namespace

Expected<void> OfficeService::decide(RecordKind kind, const std::string& id, int64_t version, const std::string& status,
                                     const std::string& message, const std::string& detail, const Session& who,
                                     const std::string& toSession) {
    const auto& allowed = decisionsFor(kind);
    if (std::find(allowed.begin(), allowed.end(), status) == allowed.end())
        return fail(ErrorCode::InvalidInput, "this decision does not apply to a " + std::string(kindName(kind)));
    if (kind == RecordKind::Enrollment && who.role == Role::Caseworker)
        return fail(ErrorCode::Refused, "course places are decided by a coordinator");
    if (message.size() > kMaxMessageBytes || !utf8::isValid(message))
        return fail(ErrorCode::InvalidInput, "the message is at most 1,000 bytes of text");
    if (detail.size() > kMaxDetailBytes || !utf8::isValid(detail))
        return fail(ErrorCode::InvalidInput, "the date and place are at most 300 bytes of text");
    if (toSession.size() > 200) return fail(ErrorCode::InvalidInput, "choose another session of the same course");
    for (const std::string* text : {&message, &detail})
        for (unsigned char ch : *text)
            if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')
                return fail(ErrorCode::InvalidInput, "the message holds control characters");
    auto c = m_pool.acquire();
    return inTransaction<void>(*c, [&]() -> Expected<void> {
        DC_CHECK(mustBeOfOffice(*c, kind, id, who.office));
        // The version row exists from the first decision on; before it, version 0.
        DC_CHECK(c->query("INSERT INTO record_versions (record, version) VALUES ($1, 0) ON CONFLICT (record) DO NOTHING", {id}));
        DC_TRY(bumped,
               c->query("UPDATE record_versions SET version = version + 1 WHERE record = $1 AND version = $2 RETURNING version",
                        {id, version}));
        if (bumped->empty())
            return fail(ErrorCode::Conflict, "someone else decided on this record a moment ago: look at it again, then decide");
        DC_TRY(before, subjectOf(*c, kind, id));
        std::string promoted;  // whoever a freed seat went to
        std::string said = detail;
        if (kind == RecordKind::Application) {
            DC_CHECK(c->query("UPDATE applications SET status = $2 WHERE id = $1", {id, status}));
        } else if (kind == RecordKind::Enrollment) {
            // Seat accounting stays exact: every seat freed goes to the waiting list, in this transaction.
            if (status == "cancelled") {
                DC_CHECK(cancelEnrollmentInTransaction(*c, id, &promoted));
            } else if (status == "moved") {
                if (said.empty())  // the new session, in the words the person reads
                    for (const auto& s : sessionChoices(*c, id))
                        if (s.id == toSession) said = s.label;
                DC_CHECK(moveEnrollmentInTransaction(*c, id, toSession, &promoted));
            } else if (status == "promoted") {
                DC_CHECK(promoteEnrollmentInTransaction(*c, id));
            } else if (before->status != "confirmed") {
                return fail(ErrorCode::InvalidInput,
                            "only a place with a seat can be confirmed: promote a place on the waiting list");
            }
        }
        DC_TRY(after, subjectOf(*c, kind, id));
        if (kind == RecordKind::Registration) after->status = status;
        DC_CHECK(recordDecision(*c, id, *after, status, message, said, who.user, now()));
        if (!promoted.empty()) {
            DC_TRY(lucky, subjectOf(*c, RecordKind::Enrollment, promoted));
            DC_CHECK(
                c->query("INSERT INTO record_versions (record, version) VALUES ($1, 1) "
                         "ON CONFLICT (record) DO UPDATE SET version = record_versions.version + 1",
                         {promoted}));
            DC_CHECK(recordDecision(*c, promoted, *lucky, "promoted", "", "", who.user, now()));
            DC_CHECK(
                writeAudit(*c, now(), who.user, "decision", "enrollment:" + promoted, "promoted (a seat freed by " + id + ")"));
        }
        return writeAudit(*c, now(), who.user, "decision", std::string(kindName(kind)) + ":" + id,
                          status + (message.empty() ? "" : " (with a message)"));
    });
}

// ---- calls ----
Expected<std::vector<CallRow>> OfficeService::calls(int64_t sinceSeconds, const std::string& office) {
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT i.record_id, i.device_id, coalesce(d.name, ''), i.body, i.received_at, "
                    "coalesce(a.user_name, ''), coalesce(a.at, 0) FROM intake i "
                    "LEFT JOIN devices d ON d.id = i.device_id LEFT JOIN call_acks a ON a.record_id = i.record_id "
                    "WHERE i.kind = 'event' AND i.received_at >= $1 AND ($2 = '' OR d.office = $2) "
                    "ORDER BY i.received_at DESC, i.record_id LIMIT 200",
                    {now() - sinceSeconds, office}));
    std::vector<CallRow> out;
    for (const auto& r : *rows) {
        const json body = json::parse(r.text(3), nullptr, false);
        if (!body.is_object() || body.value("what", std::string()) != "clerk-called") continue;
        CallRow call{r.text(0), r.text(1),    r.text(2),   body.value("language", std::string()),
                     r.text(5), r.integer(4), r.integer(6)};
        if (call.ackBy.empty()) call.raised = std::max<int64_t>(0, now() - call.receivedAt) / m_callRaise;
        out.push_back(std::move(call));
    }
    return out;
}

Expected<void> OfficeService::acknowledge(const std::string& recordId, const Session& who) {
    auto c = m_pool.acquire();
    return inTransaction<void>(*c, [&]() -> Expected<void> {
        DC_TRY(known,
               c->query("SELECT 1 FROM intake i JOIN devices d ON d.id = i.device_id WHERE i.kind = 'event' "
                        "AND i.record_id = $1 AND ($2 = '' OR d.office = $2)",
                        {recordId, who.office}));
        if (known->empty()) return fail(ErrorCode::NotFound, "no call has this id");
        DC_TRY(taken,
               c->query("INSERT INTO call_acks (record_id, user_name, at) VALUES ($1, $2, $3) "
                        "ON CONFLICT (record_id) DO NOTHING RETURNING user_name",
                        {recordId, who.user, now()}));
        if (taken->empty()) return fail(ErrorCode::Conflict, "another caseworker is already going to this call");
        return writeAudit(*c, now(), who.user, "call.acknowledged", recordId);
    });
}

// ---- audit ----
Expected<std::vector<AuditRow>> OfficeService::audit(int64_t beforeSeq, int limit) {
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT seq, at, user_name, action, subject, detail FROM audit_log WHERE seq < $1 "
                    "ORDER BY seq DESC LIMIT $2",
                    {beforeSeq > 0 ? beforeSeq : INT64_MAX, int64_t{std::clamp(limit, 1, 1000)}}));
    std::vector<AuditRow> out;
    for (const auto& r : *rows) out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5)});
    return out;
}

Expected<std::string> OfficeService::auditCsv(const Session& who) {
    if (who.role != Role::Admin) return fail(ErrorCode::Refused, "only an administrator exports the audit log");
    auto c = m_pool.acquire();
    DC_TRY(rows, c->query("SELECT seq, at, user_name, action, subject, detail FROM audit_log ORDER BY seq"));
    std::string out = "seq,at,user,action,subject,detail\n";
    for (const auto& r : *rows)
        out += r.text(0) + "," + r.text(1) + "," + csvField(r.text(2)) + "," + csvField(r.text(3)) + "," + csvField(r.text(4)) +
            "," + csvField(r.text(5)) + "\n";
    DC_CHECK(writeAudit(*c, now(), who.user, "audit.export", "audit_log"));
    return out;
}

// ---- for the kiosks ----
Expected<std::vector<sync::StatusAnswerItem>> OfficeService::statusOf(const std::vector<std::string>& codes,
                                                                      const std::string& askingDevice) {
    auto c = m_pool.acquire();
    std::string office;
    if (!askingDevice.empty()) {
        DC_TRY(mine, c->query("SELECT office FROM devices WHERE id = $1", {askingDevice}));
        if (!mine->empty()) office = (*mine)[0].text(0);
    }
    // Only what kiosks of the asking kiosk's office made (any, for a kiosk of no office).
    const std::string ours = " AND ($2 = '' OR device_id IN (SELECT id FROM devices WHERE office = $2))";
    std::vector<sync::StatusAnswerItem> out;
    for (const auto& typed : codes) {
        const std::string code = normalizeReferenceCode(typed);
        if (code.empty()) continue;
        struct Found {
            RecordKind kind;
            std::string id, subject, status;
            std::optional<int64_t> position;
            int64_t receivedAt;
        };
        std::optional<Found> found;
        DC_TRY(apps,
               c->query("SELECT id, job_id, status, received_at FROM applications WHERE reference_code = $1" + ours +
                            " ORDER BY received_at DESC LIMIT 1",
                        {code, office}));
        if (!apps->empty())
            found = Found{RecordKind::Application, (*apps)[0].text(0), (*apps)[0].text(1),
                          (*apps)[0].text(2),      std::nullopt,       (*apps)[0].integer(3)};
        if (!found) {
            DC_TRY(enr,
                   c->query("SELECT id, course_id, status, waitlist_position, received_at FROM enrollments "
                            "WHERE reference_code = $1" +
                                ours + " ORDER BY received_at DESC LIMIT 1",
                            {code, office}));
            if (!enr->empty())
                found = Found{RecordKind::Enrollment,
                              (*enr)[0].text(0),
                              (*enr)[0].text(1),
                              (*enr)[0].text(2),
                              (*enr)[0].isNull(3) ? std::nullopt : std::optional<int64_t>((*enr)[0].integer(3)),
                              (*enr)[0].integer(4)};
        }
        if (!found) {
            // A registration's code is in its body; LIKE narrows, the parse decides.
            DC_TRY(reg,
                   c->query("SELECT record_id, body, received_at FROM intake WHERE kind = 'registration' AND body LIKE $1" +
                                ours + " ORDER BY received_at DESC LIMIT 5",
                            {"%\"" + code + "\"%", office}));
            for (const auto& r : *reg) {
                const json body = json::parse(r.text(1), nullptr, false);
                if (body.is_object() && body.value("referenceCode", std::string()) == code) {
                    found = Found{RecordKind::Registration, r.text(0), "", "received", std::nullopt, r.integer(2)};
                    break;
                }
            }
        }
        if (!found) continue;
        sync::StatusAnswerItem item{code,
                                    kindName(found->kind),
                                    found->status,
                                    "",
                                    "",
                                    titleOf(*c, found->kind, found->subject),
                                    found->position,
                                    found->receivedAt};
        DC_TRY(last,
               c->query("SELECT status, message, detail, at FROM decisions WHERE record = $1 ORDER BY seq DESC LIMIT 1",
                        {found->id}));
        if (!last->empty()) {
            item.message = (*last)[0].text(1);
            item.detail = (*last)[0].text(2);
            item.updatedAt = (*last)[0].integer(3);
        }
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace dc::server::office
