#include "sync/server/central_service.hpp"

#include "domain/record_bodies.hpp"

#include <chrono>
#include <condition_variable>

#include <nlohmann/json.hpp>

#include "domain/catalog_checks.hpp"
#include "catalog/catalog_json.hpp"
#include "domain/records.hpp"
#include "common/utf8.hpp"
#include "sync/protocol/signing.hpp"
#include "sync/server/server_schema.hpp"
#include "sync/server/change_log.hpp"

namespace dc::server {
namespace {

using nlohmann::json;

int64_t systemClock() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// What happened to one pushed record: an Outcome with its result, or the reason it was refused.
struct Verdict {
    sync::Outcome outcome = sync::Outcome::Accepted;
    std::string result = "{}";
    std::string reason;
};

Verdict refuse(std::string reason) { return {sync::Outcome::Rejected, "{}", std::move(reason)}; }

}  // namespace

Expected<int64_t> nextSeq(SqlConnection& c, int64_t count) {
    DC_TRY(rows, c.query("UPDATE counters SET value = value + $1 WHERE name = 'catalog' RETURNING value", {count}));
    if (rows->empty()) return fail(ErrorCode::Internal, "the catalog counter is missing");
    return (*rows)[0].integer(0) - count + 1;
}

// Writes the sessions' current seat counts into a course's catalog line and gives it a new place
// in the change log, so devices pull the new numbers.
Expected<void> republishCourse(SqlConnection& c, const std::string& courseId) {
    DC_TRY(rows, c.query("SELECT body FROM catalog WHERE kind = 'course' AND id = $1 AND deleted = 0", {courseId}));
    if (rows->empty()) return {};
    DC_TRY(batch, catalog::parseJsonLines((*rows)[0].text(0)));
    if (batch->courseUpserts.size() != 1) return {};
    for (auto& session : batch->courseUpserts[0].sessions) {
        DC_TRY(seats, c.query("SELECT seats_taken FROM sessions WHERE id = $1", {session.id}));
        if (!seats->empty()) session.seatsTaken = (*seats)[0].integer(0);
    }
    std::string body = catalog::toJsonLines(*batch);
    if (!body.empty() && body.back() == '\n') body.pop_back();
    DC_TRY(seq, nextSeq(c, 1));
    DC_CHECK(c.query("UPDATE catalog SET body = $1, seq = $2 WHERE kind = 'course' AND id = $3", {body, *seq, courseId}));
    return {};
}

// Records a change to a device's record, for that device's next heartbeat.
Expected<void> noteStatusUpdate(SqlConnection& c, const std::string& enrollmentId, const std::string& status,
                                std::optional<int64_t> position) {
    DC_TRY(owner, c.query("SELECT device_id FROM enrollments WHERE id = $1", {enrollmentId}));
    if (owner->empty()) return {};
    DC_CHECK(c.query("INSERT INTO counters (name, value) VALUES ('updates', 0) ON CONFLICT (name) DO NOTHING"));
    DC_TRY(seq, c.query("UPDATE counters SET value = value + 1 WHERE name = 'updates' RETURNING value"));
    DC_CHECK(
        c.query("INSERT INTO status_updates (seq, device_id, subject, status, waitlist_position) VALUES ($1, $2, $3, $4, $5)",
                {(*seq)[0].integer(0), (*owner)[0].text(0), enrollmentId, status,
                 position ? SqlValue(*position) : SqlValue(std::monostate{})}));
    return {};
}

namespace {

Expected<Verdict> takeApplication(SqlConnection& c, const std::string& device, const std::string& recordId, const json& raw,
                                  int64_t now) {
    // One type and one rule per field, the kiosk's (domain/record_bodies.hpp).
    auto body = domain::readApplicationBody(raw);
    if (!body) return refuse("an application's " + body.error().message());
    const std::string& id = body->applicationId;
    const std::string& code = body->referenceCode;
    const std::string& jobId = body->jobId;
    const std::string person = domain::toJson(body->person).dump();
    const std::string& note = body->note;

    DC_TRY(job, c.query("SELECT 1 FROM catalog WHERE kind = 'job' AND id = $1 AND deleted = 0", {jobId}));
    const std::string status = job->empty() ? "rejected" : "submitted";
    DC_TRY(inserted,
           c.query(R"SQL(
INSERT INTO applications (id, record_id, device_id, reference_code, job_id, person, note, status, received_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id)SQL",
                   {id, recordId, device, code, jobId, person, note, status, now}));
    if (inserted->empty()) return refuse("this application arrived before under another record id");
    json result = {{"status", status}};
    if (job->empty()) result["reason"] = "the job is no longer offered";
    return Verdict{sync::Outcome::Accepted, result.dump(), ""};
}

Expected<Verdict> takeEnrollment(SqlConnection& c, const std::string& device, const std::string& recordId, const json& raw,
                                 int64_t now) {
    auto body = domain::readEnrollmentBody(raw);
    if (!body) return refuse("an enrollment's " + body.error().message());
    const std::string& id = body->enrollmentId;
    const std::string& code = body->referenceCode;
    const std::string& sessionId = body->sessionId;
    const std::string person = domain::toJson(body->person).dump();

    DC_TRY(session, c.query("SELECT course_id FROM sessions WHERE id = $1", {sessionId}));
    if (session->empty()) {
        return Verdict{sync::Outcome::Accepted,
                       json{{"status", "rejected"}, {"reason", "the course session is no longer offered"}}.dump(), ""};
    }
    const std::string courseId = (*session)[0].text(0);
    // One statement takes the seat, so two servers sharing a database cannot sell the last seat twice.
    DC_TRY(seat,
           c.query("UPDATE sessions SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity "
                   "RETURNING seats_taken",
                   {sessionId}));
    json result;
    std::optional<int64_t> position;
    if (!seat->empty()) {
        result = {{"status", "confirmed"}};
    } else {
        DC_TRY(place, c.query("UPDATE sessions SET waitlisted = waitlisted + 1 WHERE id = $1 RETURNING waitlisted", {sessionId}));
        position = (*place)[0].integer(0);
        result = {{"status", "waitlisted"}, {"waitlistPosition", *position}};
    }
    DC_TRY(inserted,
           c.query(R"SQL(
INSERT INTO enrollments (id, record_id, device_id, reference_code, course_id, session_id, person, status,
                         waitlist_position, received_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id)SQL",
                   {id, recordId, device, code, courseId, sessionId, person, result["status"].get<std::string>(),
                    position ? SqlValue(*position) : SqlValue(std::monostate{}), now}));
    if (inserted->empty()) return refuse("this enrollment arrived before under another record id");
    if (seat->size()) DC_CHECK(republishCourse(c, courseId));
    return Verdict{sync::Outcome::Accepted, result.dump(), ""};
}

Expected<Verdict> takeRecord(SqlConnection& c, const std::string& device, const sync::PushRecord& record, int64_t now) {
    if (record.body.size() > sync::kMaxRecordBytes) return refuse("the record is larger than 64 KiB");
    const json body = json::parse(record.body, nullptr, false);
    if (!body.is_object()) return refuse("the record's body must be a JSON object");
    if (record.kind == "application") return takeApplication(c, device, record.id, body, now);
    if (record.kind == "enrollment") return takeEnrollment(c, device, record.id, body, now);
    // Kept as sent: a registration made with a clerk, a consent given or withdrawn, an event.
    if (record.kind == "registration") {
        if (auto registration = domain::readRegistrationBody(body); !registration)
            return refuse("a registration's " + registration.error().message());
    }
    if (record.kind == "registration" || record.kind == "consent" || record.kind == "event") {
        DC_CHECK(c.query("INSERT INTO intake (record_id, device_id, kind, body, received_at) VALUES ($1, $2, $3, $4, $5)",
                         {record.id, device, record.kind, body.dump(), now}));
        return Verdict{sync::Outcome::Accepted, R"({"status":"received"})", ""};
    }
    return refuse("unknown kind of record \"" + record.kind.substr(0, 64) + "\"");
}

std::string personField(const std::string& personJson, const char* key) {
    const json p = json::parse(personJson, nullptr, false);
    if (!p.is_object()) return {};
    const auto it = p.find(key);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

// CSV for spreadsheets: quoted, and a leading = + - @ is defused so a name cannot become a formula.
std::string csvField(std::string value) {
    if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) value.insert(0, "'");
    std::string out = "\"";
    for (char ch : value) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

// ---- pool ----
Expected<std::unique_ptr<ConnectionPool>> ConnectionPool::open(const std::string& where, size_t size) {
    auto pool = std::make_unique<ConnectionPool>();
    for (size_t i = 0; i < std::max<size_t>(size, 1); ++i) {
        DC_TRY(conn, openConnection(where));
        pool->m_dialect = (*conn)->dialect();
        pool->m_idle.push_back(std::move(*conn));
        if (pool->m_dialect == Dialect::Sqlite) break;  // one writer: more connections only wait on each other
    }
    return pool;
}

ConnectionPool::Lease ConnectionPool::acquire() {
    std::unique_lock lock(m_mutex);
    m_returned.wait(lock, [&] { return !m_idle.empty(); });
    auto conn = std::move(m_idle.back());
    m_idle.pop_back();
    return Lease(*this, std::move(conn));
}

ConnectionPool::Lease::~Lease() {
    if (!m_conn) return;
    std::lock_guard lock(m_pool->m_mutex);
    m_pool->m_idle.push_back(std::move(m_conn));
    m_pool->m_returned.notify_one();
}

// ---- service ----
CentralService::CentralService(ConnectionPool& pool, std::function<int64_t()> clock)
    : m_pool(pool), m_clock(clock ? std::move(clock) : systemClock) {}

template <class T, class F>
Expected<T> CentralService::transaction(SqlConnection& c, F&& body) {
    return inTransaction<T>(c, std::forward<F>(body));
}

Expected<void> CentralService::prepareSchema() {
    auto c = m_pool.acquire();
    const bool postgres = c->dialect() == Dialect::Postgres;
    // Two servers starting together against one PostgreSQL would race on CREATE TABLE.
    if (postgres) DC_CHECK(c->script("SELECT pg_advisory_lock(7245001)"));
    auto done = transaction<void>(*c, [&]() -> Expected<void> {
        DC_CHECK(c->script(kServerSchema));
        // Columns added after a table was first made (CREATE TABLE IF NOT EXISTS keeps old tables).
        struct Added {
            const char *table, *column, *type;
        };
        for (const Added& a :
             {Added{"status_updates", "message", "TEXT NOT NULL DEFAULT ''"},
              Added{"tokens", "office", "TEXT NOT NULL DEFAULT ''"}, Added{"devices", "office", "TEXT NOT NULL DEFAULT ''"},
              Added{"staff_users", "office", "TEXT NOT NULL DEFAULT ''"},
              Added{"devices", "sync_interval", "BIGINT NOT NULL DEFAULT 0"},
              Added{"devices", "revoked", "INTEGER NOT NULL DEFAULT 0"}, Added{"catalog", "feed", "TEXT NOT NULL DEFAULT ''"},
              Added{"catalog", "valid_through", "TEXT NOT NULL DEFAULT ''"},
              Added{"devices", "os_version", "TEXT NOT NULL DEFAULT ''"},
              Added{"devices", "database_bytes", "BIGINT NOT NULL DEFAULT 0"},
              Added{"devices", "printer", "TEXT NOT NULL DEFAULT ''"}, Added{"devices", "camera", "TEXT NOT NULL DEFAULT ''"}}) {
            const std::string add = std::string("ALTER TABLE ") + a.table + " ADD COLUMN ";
            if (postgres) {
                DC_CHECK(c->script(add + "IF NOT EXISTS " + a.column + " " + a.type));
            } else {
                DC_TRY(has,
                       c->query(std::string("SELECT count(*) FROM pragma_table_info('") + a.table + "') WHERE name = $1",
                                {std::string(a.column)}));
                if ((*has)[0].integer(0) == 0) DC_CHECK(c->script(add + a.column + " " + a.type));
            }
        }
        // On the columns just added: a feed's jobs, and the jobs that close on a day.
        DC_CHECK(
            c->script("CREATE INDEX IF NOT EXISTS catalog_by_feed ON catalog (feed, kind, id);"
                      "CREATE INDEX IF NOT EXISTS catalog_by_closing ON catalog (valid_through) WHERE deleted = 0 "
                      "AND valid_through <> ''"));
        DC_CHECK(
            c->query("INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING", {sync::randomHex(8)}));
        DC_CHECK(c->query("INSERT INTO meta (key, value) VALUES ('horizon', '0') ON CONFLICT (key) DO NOTHING"));
        DC_CHECK(c->query("INSERT INTO counters (name, value) VALUES ('catalog', 0) ON CONFLICT (name) DO NOTHING"));
        return {};
    });
    if (postgres) (void)c->script("SELECT pg_advisory_unlock(7245001)");
    return done;
}

Expected<std::string> CentralService::issueToken(const std::string& note, int64_t validSeconds, const std::string& office) {
    if (office.size() > 64 || !utf8::isValid(office) || office.find_first_of("\r\n\t<>\"'&") != std::string::npos)
        return fail(ErrorCode::InvalidInput, "an office's name is at most 64 characters, without line breaks, quotes or < > &");
    auto c = m_pool.acquire();
    const std::string token = sync::randomHex(16);
    // Only a hash is kept: a copy of the database does not enroll devices.
    DC_CHECK(c->query("INSERT INTO tokens (token_hash, note, expires_at, office) VALUES ($1, $2, $3, $4)",
                      {sync::sha256Hex(token), note, now() + validSeconds, office}));
    return token;
}

Expected<std::vector<DeviceInfo>> CentralService::devices() {
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT id, name, version, last_error, enrolled_at, coalesce(last_seen, 0), queue_depth, "
                    "oldest_pending, quarantined, disk_free FROM devices ORDER BY enrolled_at, id"));
    std::vector<DeviceInfo> out;
    for (const auto& r : *rows)
        out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.integer(4), r.integer(5), r.integer(6), r.integer(7),
                       r.integer(8), r.integer(9)});
    return out;
}

Expected<CatalogImportResult> CentralService::importCatalog(const domain::CatalogBatch& batch, const ImportOptions& options) {
    // What the server accepts, every kiosk must be able to apply: a record a kiosk would refuse
    // would stop its pulls at that page. So the kiosks' own checks run here first.
    if (auto valid = domain::validateCatalogBatch(batch); !valid)
        return std::unexpected(valid.error().withContext("nothing imported"));
    auto c = m_pool.acquire();
    return transaction<CatalogImportResult>(*c, [&]() -> Expected<CatalogImportResult> {
        CatalogImportResult result;
        auto upsert = [&](const char* kind, const std::string& id, const std::string& body,
                          const std::string& validThrough) -> Expected<void> {
            DC_TRY(old, c->query("SELECT body, deleted, feed FROM catalog WHERE kind = $1 AND id = $2", {std::string(kind), id}));
            const bool fresh = old->empty() || (*old)[0].integer(1) != 0;
            if (!fresh && (*old)[0].text(0) == body) {
                ++result.unchanged;
                if ((*old)[0].text(2) != options.feed)  // the same posting, now from this feed
                    DC_CHECK(c->query("UPDATE catalog SET feed = $1 WHERE kind = $2 AND id = $3",
                                      {options.feed, std::string(kind), id}));
                return {};
            }
            DC_TRY(seq, nextSeq(*c, 1));
            DC_CHECK(c->query(R"SQL(
INSERT INTO catalog (kind, id, seq, deleted, body, feed, valid_through) VALUES ($1, $2, $3, 0, $4, $5, $6)
ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, deleted = 0, body = excluded.body, feed = excluded.feed,
  valid_through = excluded.valid_through)SQL",
                              {std::string(kind), id, *seq, body, options.feed, validThrough}));
            ++(fresh ? result.added : result.changed);
            if (options.listIds) (fresh ? result.addedIds : result.changedIds).push_back(id);
            return {};
        };
        auto tombstone = [&](const char* kind, const std::string& id) -> Expected<void> {
            DC_TRY(seq, nextSeq(*c, 1));
            const std::string body = json{{"kind", kind}, {"op", "delete"}, {"id", id}}.dump();
            DC_TRY(rows,
                   c->query("UPDATE catalog SET seq = $1, deleted = 1, body = $2 WHERE kind = $3 AND id = $4 "
                            "AND deleted = 0 RETURNING id",
                            {*seq, body, std::string(kind), id}));
            result.deleted += rows->size();
            if (options.listIds && !rows->empty()) result.deletedIds.push_back(id);
            return {};
        };
        auto line = [](domain::CatalogBatch one) {
            std::string text = catalog::toJsonLines(one);
            if (!text.empty() && text.back() == '\n') text.pop_back();
            return text;
        };
        for (const auto& job : batch.jobUpserts) DC_CHECK(upsert("job", job.id, line({.jobUpserts = {job}}), job.validThrough));
        for (auto course : batch.courseUpserts) {
            // Seats taken are the server's to count: an import sets capacity, never the count.
            for (auto& s : course.sessions) {
                DC_TRY(seats,
                       c->query(R"SQL(
INSERT INTO sessions (id, course_id, capacity, seats_taken) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET course_id = excluded.course_id, capacity = excluded.capacity
RETURNING seats_taken)SQL",
                                {s.id, course.id, s.capacity, s.seatsTaken}));
                s.seatsTaken = (*seats)[0].integer(0);
            }
            DC_CHECK(upsert("course", course.id, line({.courseUpserts = {course}}), ""));
        }
        for (const auto& id : batch.jobTombstones) DC_CHECK(tombstone("job", id));
        for (const auto& id : batch.courseTombstones) DC_CHECK(tombstone("course", id));
        return result;
    });
}

Expected<std::vector<std::string>> CentralService::withdrawExpired(const std::string& today) {
    std::vector<std::string> ids;
    {
        auto c = m_pool.acquire();
        DC_TRY(rows,
               c->query("SELECT id FROM catalog WHERE deleted = 0 AND valid_through <> '' AND valid_through < $1 "
                        "AND kind = 'job' ORDER BY id",
                        {today}));
        for (const auto& r : *rows) ids.push_back(r.text(0));
    }
    if (ids.empty()) return ids;
    domain::CatalogBatch batch;
    batch.jobTombstones = ids;
    DC_TRY(done, importCatalog(batch, {.listIds = true}));
    return done->deletedIds;
}

Expected<std::string> CentralService::exportCsv(const std::string& what) {
    auto c = m_pool.acquire();
    std::string out;
    if (what == "applications") {
        DC_TRY(rows,
               c->query("SELECT reference_code, job_id, person, note, status, device_id, received_at, id "
                        "FROM applications ORDER BY received_at, id"));
        out = "reference_code,job_id,name,phone,email,note,status,device_id,received_at,application_id\n";
        for (const auto& r : *rows) {
            const std::string person = r.text(2);
            out += csvField(r.text(0)) + "," + csvField(r.text(1)) + "," + csvField(personField(person, "name")) + "," +
                csvField(personField(person, "phone")) + "," + csvField(personField(person, "email")) + "," +
                csvField(r.text(3)) + "," + csvField(r.text(4)) + "," + csvField(r.text(5)) + "," + r.text(6) + "," +
                csvField(r.text(7)) + "\n";
        }
        return out;
    }
    if (what == "enrollments") {
        DC_TRY(rows,
               c->query("SELECT reference_code, course_id, session_id, person, status, "
                        "coalesce(waitlist_position, 0), device_id, received_at, id "
                        "FROM enrollments ORDER BY received_at, id"));
        out =
            "reference_code,course_id,session_id,name,phone,status,waitlist_position,device_id,received_at,"
            "enrollment_id\n";
        for (const auto& r : *rows) {
            const std::string person = r.text(3);
            out += csvField(r.text(0)) + "," + csvField(r.text(1)) + "," + csvField(r.text(2)) + "," +
                csvField(personField(person, "name")) + "," + csvField(personField(person, "phone")) + "," + csvField(r.text(4)) +
                "," + r.text(5) + "," + csvField(r.text(6)) + "," + r.text(7) + "," + csvField(r.text(8)) + "\n";
        }
        return out;
    }
    return fail(ErrorCode::InvalidInput, "export what? \"applications\" or \"enrollments\"");
}

Expected<sync::EnrollResponse> CentralService::enroll(const sync::EnrollRequest& request) {
    auto c = m_pool.acquire();
    const std::string hash = sync::sha256Hex(request.token);
    return transaction<sync::EnrollResponse>(*c, [&]() -> Expected<sync::EnrollResponse> {
        // Claiming the token is one statement: two devices racing for it cannot both win.
        DC_TRY(claimed,
               c->query("UPDATE tokens SET request_id = $2 WHERE token_hash = $1 AND request_id IS NULL "
                        "AND expires_at > $3 RETURNING token_hash",
                        {hash, request.requestId, now()}));
        if (claimed->empty()) {
            // The same device asking again (its first answer was lost) gets the same identity.
            DC_TRY(again,
                   c->query("SELECT d.id, d.secret FROM tokens t JOIN devices d ON d.id = t.device_id "
                            "WHERE t.token_hash = $1 AND t.request_id = $2",
                            {hash, request.requestId}));
            if (!again->empty()) return sync::EnrollResponse{(*again)[0].text(0), (*again)[0].text(1)};
            return fail(ErrorCode::Refused, "the enrollment token is unknown, used or expired");
        }
        sync::EnrollResponse out{"d-" + sync::randomHex(8), sync::randomHex(sync::kSecretBytes)};
        DC_CHECK(c->query("INSERT INTO devices (id, name, secret, enrolled_at, version) VALUES ($1, $2, $3, $4, $5)",
                          {out.deviceId, request.name, out.secret, now(), request.version}));
        DC_CHECK(c->query("UPDATE tokens SET device_id = $2 WHERE token_hash = $1", {hash, out.deviceId}));
        // The device belongs to the office its token was made for.
        DC_CHECK(c->query("UPDATE devices SET office = (SELECT office FROM tokens WHERE token_hash = $1) WHERE id = $2",
                          {hash, out.deviceId}));
        return out;
    });
}

Expected<std::string> CentralService::deviceSecret(const std::string& deviceId) {
    auto c = m_pool.acquire();
    DC_TRY(rows, c->query("SELECT secret FROM devices WHERE id = $1 AND revoked = 0", {deviceId}));
    if (rows->empty()) return fail(ErrorCode::NotFound, "unknown or revoked device");
    return (*rows)[0].text(0);
}

Expected<sync::HeartbeatResponse> CentralService::heartbeat(const std::string& deviceId, const sync::Heartbeat& beat) {
    auto c = m_pool.acquire();
    DC_CHECK(
        c->query("UPDATE devices SET last_seen = $2, version = $3, queue_depth = $4, oldest_pending = $5, "
                 "quarantined = $6, last_error = $7, disk_free = $8, sync_interval = $9, os_version = $10, "
                 "database_bytes = $11, printer = $12, camera = $13 WHERE id = $1",
                 {deviceId, now(), beat.version, beat.queueDepth, beat.oldestPendingAgeSeconds, beat.quarantined, beat.lastError,
                  beat.diskFreeBytes, beat.syncIntervalSeconds, beat.osVersion, beat.databaseBytes, beat.printer, beat.camera}));
    sync::HeartbeatResponse response{now(), "{}", {}};
    // The fleet's configuration with this device's own on top.
    // The fleet's, then the device's office's, then its own: the most particular wins.
    DC_TRY(configs,
           c->query("SELECT config FROM device_config WHERE device_id IN ('*', $1, (SELECT 'office:' || office FROM devices "
                    "WHERE id = $1 AND office <> '')) ORDER BY CASE WHEN device_id = '*' THEN 0 WHEN device_id = $1 THEN 2 "
                    "ELSE 1 END",
                    {deviceId}));
    json merged = json::object();
    for (const auto& row : *configs) {
        json part = json::parse(row.text(0), nullptr, false);
        if (part.is_object()) merged.update(part);
    }
    response.config = merged.dump();
    DC_TRY(updates,
           c->query("SELECT seq, subject, status, waitlist_position, message FROM status_updates "
                    "WHERE device_id = $1 AND seq > $2 ORDER BY seq LIMIT 500",
                    {deviceId, beat.updatesAfter}));
    for (const auto& u : *updates)
        response.updates.push_back(
            {u.integer(0), u.text(1), u.text(2), u.isNull(3) ? std::nullopt : std::optional<int64_t>(u.integer(3)), u.text(4)});
    // Its calls for a clerk that a caseworker took in the last hour: the kiosk says who is coming.
    DC_TRY(calls,
           c->query("SELECT a.record_id, a.user_name, a.at FROM call_acks a JOIN intake i ON i.record_id = a.record_id "
                    "WHERE i.device_id = $1 AND a.at >= $2 ORDER BY a.at DESC LIMIT 50",
                    {deviceId, now() - 3600}));
    for (const auto& r : *calls) response.calls.push_back({r.text(0), r.text(1), r.integer(2)});
    return response;
}

Expected<void> CentralService::setConfig(const std::string& deviceId, const std::string& config) {
    const json parsed = json::parse(config, nullptr, false);
    if (!parsed.is_object()) return fail(ErrorCode::InvalidInput, "the configuration must be a JSON object");
    if (config.size() > sync::kMaxRecordBytes) return fail(ErrorCode::InvalidInput, "the configuration is too large");
    auto c = m_pool.acquire();
    if (deviceId != "*") {
        DC_TRY(known, c->query("SELECT 1 FROM devices WHERE id = $1", {deviceId}));
        if (known->empty()) return fail(ErrorCode::NotFound, "no device has this id");
    }
    DC_CHECK(
        c->query("INSERT INTO device_config (device_id, config) VALUES ($1, $2) "
                 "ON CONFLICT (device_id) DO UPDATE SET config = excluded.config",
                 {deviceId, parsed.dump()}));
    return {};
}

Expected<void> CentralService::report(const std::string& deviceId, const sync::Report& report) {
    auto c = m_pool.acquire();
    return transaction<void>(*c, [&]() -> Expected<void> {
        for (const auto& count : report.counts)
            DC_CHECK(c->query(R"SQL(
INSERT INTO daily_counts (device_id, day, metric, dimension, n) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (device_id, day, metric, dimension) DO UPDATE SET n = excluded.n)SQL",
                              {deviceId, count.day, count.metric, count.dimension, count.n}));
        return {};
    });
}

Expected<std::string> CentralService::reportCsv(const std::string& fromDay, const std::string& toDay) {
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT day, metric, dimension, sum(n), count(DISTINCT device_id) FROM daily_counts "
                    "WHERE day >= $1 AND day <= $2 GROUP BY day, metric, dimension ORDER BY day, metric, dimension",
                    {fromDay, toDay}));
    std::string out = "day,metric,dimension,total,devices\n";
    for (const auto& r : *rows)
        out += r.text(0) + "," + r.text(1) + "," + csvField(r.text(2)) + "," + r.text(3) + "," + r.text(4) + "\n";
    return out;
}

Expected<sync::PushResponse> CentralService::push(const std::string& deviceId, const sync::PushRequest& request) {
    auto c = m_pool.acquire();
    const int64_t at = now();
    // One transaction per batch (one disk flush), a savepoint per record: a record that fails is
    // undone alone and answered "rejected"; the others go through.
    return transaction<sync::PushResponse>(*c, [&]() -> Expected<sync::PushResponse> {
        sync::PushResponse response;
        for (const auto& record : request.records) {
            DC_CHECK(c->query("SAVEPOINT record"));
            DC_TRY(fresh,
                   c->query("INSERT INTO received (id, device_id, kind, outcome, received_at) "
                            "VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (id) DO NOTHING RETURNING id",
                            {record.id, deviceId, record.kind, at}));
            if (fresh->empty()) {
                DC_CHECK(c->query("RELEASE SAVEPOINT record"));
                DC_TRY(old, c->query("SELECT outcome, result, reason, device_id FROM received WHERE id = $1", {record.id}));
                if (!old->empty() && (*old)[0].text(3) != deviceId) {
                    // Another device's record id: nothing of that device's answer is told.
                    response.answers.push_back(
                        {record.id, sync::Outcome::Rejected, "{}", "this record id was used by another device"});
                    continue;
                }
                const bool rejected = !old->empty() && (*old)[0].text(0) == "rejected";
                response.answers.push_back({record.id, rejected ? sync::Outcome::Rejected : sync::Outcome::Duplicate,
                                            old->empty() ? "{}" : (*old)[0].text(1), old->empty() ? "" : (*old)[0].text(2)});
                continue;
            }
            DC_TRY(verdict, takeRecord(*c, deviceId, record, at));
            if (verdict->outcome == sync::Outcome::Rejected) {
                DC_CHECK(c->query("ROLLBACK TO SAVEPOINT record"));
                // Remember the refusal, so a retry is answered the same way.
                DC_CHECK(
                    c->query("INSERT INTO received (id, device_id, kind, outcome, reason, received_at) "
                             "VALUES ($1, $2, $3, 'rejected', $4, $5)",
                             {record.id, deviceId, record.kind.substr(0, 64), verdict->reason, at}));
            } else {
                DC_CHECK(c->query("UPDATE received SET outcome = 'accepted', result = $2 WHERE id = $1",
                                  {record.id, verdict->result}));
            }
            DC_CHECK(c->query("RELEASE SAVEPOINT record"));
            response.answers.push_back({record.id, verdict->outcome, verdict->result, verdict->reason});
        }
        return response;
    });
}

Expected<PullPage> CentralService::pull(const std::string& cursorText, size_t limit) {
    const auto cursor = sync::parseCursor(cursorText);
    if (!cursor) return fail(ErrorCode::InvalidInput, "the cursor is not one this server gives out");
    limit = std::clamp<size_t>(limit, 1, sync::kMaxPullLimit);
    auto c = m_pool.acquire();
    DC_TRY(meta, c->query("SELECT key, value FROM meta WHERE key IN ('epoch', 'horizon') ORDER BY key"));
    if (meta->size() != 2) return fail(ErrorCode::Internal, "the server's schema is not prepared");
    const std::string epoch = (*meta)[0].text(1);
    const int64_t horizon = (*meta)[1].integer(1);
    const bool full = cursor->epoch.empty();
    if (!full && (cursor->epoch != epoch || cursor->seq < horizon))
        return fail(ErrorCode::NotFound, "the server no longer knows this cursor: start a full resync");
    // A full pull (from nothing) needs no tombstones: the device removes what the snapshot lacks.
    DC_TRY(rows,
           c->query(full ? "SELECT seq, body FROM catalog WHERE seq > $1 AND deleted = 0 ORDER BY seq LIMIT $2"
                         : "SELECT seq, body FROM catalog WHERE seq > $1 ORDER BY seq LIMIT $2",
                    {cursor->seq, static_cast<int64_t>(limit)}));
    PullPage page;
    int64_t last = cursor->seq;
    for (const auto& r : *rows) {
        last = r.integer(0);
        page.body += r.text(1);
        page.body += '\n';
    }
    page.count = rows->size();
    page.more = rows->size() == limit;
    page.nextCursor = sync::toString(sync::Cursor{epoch, last});
    return page;
}

}  // namespace dc::server
