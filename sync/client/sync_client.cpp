#include "sync/client/sync_client.hpp"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

#include "store/catalog_import.hpp"
#include "catalog/catalog_json.hpp"
#include "store/catalog_queries.hpp"
#include "store/daily_counts.hpp"
#include "store/retention.hpp"
#include "store/salvage.hpp"
#include "common/log.hpp"
#include "common/files.hpp"
#include "common/utf8.hpp"
#include "sync/protocol/messages.hpp"
#include "sync/protocol/signing.hpp"

namespace dc::sync {
namespace {

constexpr const char* kCatalogStream = "catalog";
constexpr const char* kResyncPrefix = "resync:";  // the stored cursor while a full resync is under way

int64_t systemClock() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// An answer that is not 2xx, as an Error in plain words: Transient when waiting may help.
Error statusError(const HttpResult& r, const char* doing) {
    auto body = parseErrorBody(r.body);
    const std::string said = body ? body->message : std::string();
    const std::string what = std::string(doing) + ": ";
    if (r.status == 429 || r.status == 503)
        return Error(ErrorCode::Transient, what + "the server is busy" + (said.empty() ? "" : " (" + said + ")"));
    if (r.status >= 500) return Error(ErrorCode::Transient, what + "the server had a problem (" + std::to_string(r.status) + ")");
    if (r.status == 401) return Error(ErrorCode::Refused, what + "the server does not accept this kiosk: " + said);
    return Error(ErrorCode::Refused, what + "the server refused: " + (said.empty() ? std::to_string(r.status) : said));
}

int64_t diskFreeBytes(const std::filesystem::path& file) {
    struct statvfs s {};
    if (statvfs(file.parent_path().empty() ? "." : file.parent_path().c_str(), &s) != 0) return 0;
    return static_cast<int64_t>(s.f_bavail) * static_cast<int64_t>(s.f_frsize);
}

}  // namespace

SyncClient::SyncClient(store::Database& db, const store::FieldCipher& cipher, HttpTransport& http, SyncConfig config, Clock clock)
    : m_db(db), m_cipher(cipher), m_http(http), m_config(std::move(config)), m_clock(clock ? std::move(clock) : systemClock) {
    m_config.serverUrl = trimSlash(m_config.serverUrl);
    (void)loadIdentity();
}

int64_t SyncClient::now() const { return m_clock() + m_clockOffset; }

bool SyncClient::enrolled() const { return !m_deviceId.empty() && !m_secret.empty(); }

Expected<void> SyncClient::writeIdentityFile(const std::string& deviceId, const std::string& sealedHex) const {
    const std::string text = deviceId + "\n" + sealedHex + "\n";
    const std::string tmp = identityFile().string() + ".new";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return fail(ErrorCode::IoError, "cannot write " + tmp + ": " + std::strerror(errno));
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(tmp.c_str(), identityFile().c_str()) != 0) {
        ::unlink(tmp.c_str());
        return fail(ErrorCode::IoError, "cannot write " + identityFile().string());
    }
    return {};
}

Expected<void> SyncClient::loadIdentity() {
    auto id = store::readSetting(m_db, "sync.device_id");
    auto sealed = store::readSetting(m_db, "sync.secret");
    if (!id) return std::unexpected(id.error());
    if (!sealed) return std::unexpected(sealed.error());
    if (id->empty() || sealed->empty()) {
        // A fresh database: the identity kept beside it, when there is one, carries on.
        auto kept = files::readRegularFile(identityFile().string(), 4096);
        if (!kept) return {};
        const size_t nl = kept->find('\n');
        if (nl == std::string::npos) return fail(ErrorCode::StoreCorrupt, "this kiosk's saved sync identity is damaged");
        *id = kept->substr(0, nl);
        *sealed = kept->substr(nl + 1);
        while (!sealed->empty() && (sealed->back() == '\n' || sealed->back() == '\r')) sealed->pop_back();
        if (id->empty() || sealed->empty()) return fail(ErrorCode::StoreCorrupt, "this kiosk's saved sync identity is damaged");
        const auto blob = hexDecode(*sealed);
        if (!blob || !m_cipher.open("setting:sync.secret", *blob))
            return fail(ErrorCode::StoreCorrupt, "this kiosk's saved sync identity is damaged");
        auto restored = m_db.transaction([&]() -> Expected<void> {
            if (auto r = store::writeSetting(m_db, "sync.device_id", *id); !r) return r;
            return store::writeSetting(m_db, "sync.secret", *sealed);
        });
        if (!restored) return restored;
    } else if (!std::filesystem::exists(identityFile())) {
        (void)writeIdentityFile(*id, *sealed);  // a kiosk enrolled before the file existed
    }
    const auto blob = hexDecode(*sealed);
    if (!blob) return fail(ErrorCode::StoreCorrupt, "this kiosk's saved sync identity is damaged");
    auto secret = m_cipher.open("setting:sync.secret", *blob);
    if (!secret) return std::unexpected(secret.error().withContext("reading this kiosk's sync identity"));
    m_deviceId = *id;
    m_secret = *secret;
    return {};
}

Expected<HttpResult> SyncClient::call(const std::string& method, const std::string& target, const std::string& body, bool sign) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        HttpCall c{method, m_config.serverUrl + target, {{"Content-Type", "application/json"}}, body};
        if (sign) {
            const int64_t stamp = now();
            c.headers.emplace_back("DC-Device", m_deviceId);
            c.headers.emplace_back("DC-Timestamp", std::to_string(stamp));
            c.headers.emplace_back("DC-Signature", signRequest(m_secret, method, target, stamp, body));
        }
        auto result = m_http.send(c);
        m_noAnswer = !result;
        if (!result) return result;
        m_retryAfter.reset();
        if (result->status == 429 || result->status == 503) {
            const std::string ra = result->header("retry-after");
            if (!ra.empty() && ra.find_first_not_of("0123456789") == std::string::npos && ra.size() < 7)
                m_retryAfter = std::chrono::seconds(std::stoll(ra));
        }
        // A wrong device clock: take the server's time and sign again, once.
        if (result->status == 401 && sign && attempt == 0) {
            auto e = parseErrorBody(result->body);
            if (e && e->error == "clock_skew" && e->serverTime) {
                m_clockOffset += *e->serverTime - now();
                continue;
            }
        }
        return result;
    }
    return fail(ErrorCode::Transient, "the device clock could not be matched to the server's");
}

Expected<void> SyncClient::ensureEnrolled() {
    if (enrolled()) return {};
    if (auto r = loadIdentity(); !r) return r;
    if (enrolled()) return {};
    if (m_config.enrollToken.empty())
        return fail(ErrorCode::Refused, "this kiosk is not enrolled with the server yet and has no enrollment token");
    // The request id is saved before it is sent: if the answer is lost, asking again with the
    // same id gets the same identity instead of "token already used".
    auto requestId = store::readSetting(m_db, "sync.enroll_request");
    if (!requestId) return std::unexpected(requestId.error());
    if (requestId->empty()) {
        *requestId = randomHex(16);
        if (auto r = store::writeSetting(m_db, "sync.enroll_request", *requestId); !r) return r;
    }
    const std::string body = toJson(EnrollRequest{m_config.enrollToken, *requestId, m_config.deviceName, m_config.version});
    auto result = call("POST", "/v1/enroll", body, false);
    if (!result) return std::unexpected(result.error().withContext("enrolling with the server"));
    if (result->status != 200) return std::unexpected(statusError(*result, "enrolling with the server"));
    auto answer = parseEnrollResponse(result->body);
    if (!answer) return std::unexpected(answer.error().withContext("enrolling: the server's answer"));
    auto sealed = m_cipher.seal("setting:sync.secret", answer->secret);
    if (!sealed) return std::unexpected(sealed.error());
    const std::string hex = hexEncode(*sealed);
    auto saved = m_db.transaction([&]() -> Expected<void> {
        if (auto r = store::writeSetting(m_db, "sync.device_id", answer->deviceId); !r) return r;
        return store::writeSetting(m_db, "sync.secret", hex);
    });
    if (!saved) return saved;
    if (auto r = writeIdentityFile(answer->deviceId, hex); !r) return r;
    m_deviceId = answer->deviceId;
    m_secret = answer->secret;
    return {};
}

Expected<void> SyncClient::pushBatch(std::vector<store::OutboxRecord>& records, RoundReport& report) {
    PushRequest request;
    std::vector<std::string> ids;
    for (auto& r : records) {
        request.records.push_back({r.id, r.kind, std::move(r.body)});
        ids.push_back(r.id);
    }
    auto result = call("POST", "/v1/push", toJson(request), true);
    if (!result) {
        (void)store::recordFailedAttempt(m_db, ids, result.error().message());
        return std::unexpected(result.error().withContext("sending applications and enrollments"));
    }
    const bool refusedWhole = result->status == 400 || result->status == 413;
    if (refusedWhole && records.size() > 1) {
        // One bad record must not hold the others: send them one by one, so only it is refused.
        for (size_t i = 0; i < request.records.size(); ++i) {
            std::vector<store::OutboxRecord> one{records[i]};
            one[0].body = request.records[i].body;
            if (auto r = pushBatch(one, report); !r) return r;
        }
        return {};
    }
    if (refusedWhole) {
        auto e = parseErrorBody(result->body);
        const std::string reason = e ? e->message : "the server refused the record (" + std::to_string(result->status) + ")";
        store::DeliveryAnswer a{.outcome = store::DeliveryAnswer::Outcome::Rejected, .id = ids[0], .reason = reason};
        if (auto r = store::recordDeliveries(m_db, {a}); !r) return r;
        ++report.setAside;
        return {};
    }
    if (result->status != 200) {
        const Error e = statusError(*result, "sending applications and enrollments");
        (void)store::recordFailedAttempt(m_db, ids, e.message());
        return std::unexpected(e);
    }
    auto response = parsePushResponse(result->body);
    if (!response) {
        (void)store::recordFailedAttempt(m_db, ids, "the server's answer could not be read");
        return fail(ErrorCode::Transient, "sending: the server's answer could not be read: " + response.error().message());
    }
    std::vector<store::DeliveryAnswer> answers;
    for (const auto& a : response->answers) {
        const ActionResult action = parseActionResult(a.result);
        store::DeliveryAnswer d{.id = a.id,
                                .status = action.status,
                                .waitlistPosition = action.waitlistPosition,
                                .reason = a.reason,
                                .resultJson = a.result};
        d.outcome = a.outcome == Outcome::Rejected ? store::DeliveryAnswer::Outcome::Rejected
            : a.outcome == Outcome::Duplicate      ? store::DeliveryAnswer::Outcome::Duplicate
                                                   : store::DeliveryAnswer::Outcome::Accepted;
        if (a.outcome == Outcome::Rejected)
            ++report.setAside;
        else
            ++report.delivered;
        answers.push_back(std::move(d));
    }
    return store::recordDeliveries(m_db, answers);
}

Expected<void> SyncClient::pushAll(RoundReport& report) {
    if (auto r = ensureEnrolled(); !r) return r;
    for (;;) {
        auto records = store::pendingOutbox(m_db, m_cipher, m_config.pushBatchRecords, m_config.pushBatchBytes);
        if (!records) return std::unexpected(records.error());
        if (records->empty()) return {};
        const size_t before = report.delivered + report.setAside;
        if (auto r = pushBatch(*records, report); !r) return r;
        // The server answered but not for any record sent: stop rather than loop on it.
        if (report.delivered + report.setAside == before)
            return fail(ErrorCode::Transient, "the server answered without taking any record");
    }
}

Expected<void> SyncClient::pullAll(RoundReport& report) {
    if (auto r = ensureEnrolled(); !r) return r;
    for (int pages = 0; pages < 100000; ++pages) {
        auto stored = store::readCursor(m_db, kCatalogStream);
        if (!stored) return std::unexpected(stored.error());
        // No cursor yet is a full resync too: what the kiosk had before (a demo seed) is replaced.
        // An empty catalog has nothing to replace, so it skips the bookkeeping.
        bool resync = stored->starts_with(kResyncPrefix);
        if (stored->empty()) {
            auto jobs = store::countJobs(m_db);
            auto courses = store::listCourses(m_db, 1);
            if (!jobs) return std::unexpected(jobs.error());
            if (!courses) return std::unexpected(courses.error());
            resync = *jobs > 0 || !courses->empty();
        }
        const std::string cursor = stored->starts_with(kResyncPrefix) ? stored->substr(7) : *stored;
        if (!parseCursor(cursor)) return fail(ErrorCode::Internal, "the saved sync cursor is damaged");
        const std::string target = "/v1/pull?cursor=" + cursor + "&limit=" + std::to_string(m_config.pullLimit);
        auto result = call("GET", target, "", true);
        if (!result) return std::unexpected(result.error().withContext("fetching jobs and courses"));
        if (result->status == 410) {
            // The server forgot our place (rebuilt, or tombstones purged): start over from nothing,
            // keeping everything until the snapshot is complete.
            report.resynced = true;
            store::PullPosition restart{.stream = kCatalogStream, .cursor = kResyncPrefix};
            if (auto r = store::applyCatalogBatch(m_db, {}, &restart); !r) return std::unexpected(r.error());
            continue;
        }
        if (result->status != 200) return std::unexpected(statusError(*result, "fetching jobs and courses"));
        const std::string next = result->header("dc-cursor");
        const bool more = result->header("dc-more") == "1";
        if (!parseCursor(next) || next.empty())
            return fail(ErrorCode::Transient, "fetching: the server's answer has no usable cursor");
        auto batch = catalog::parseJsonLines(result->body);
        if (!batch) return fail(ErrorCode::Transient, "fetching: the changes could not be read: " + batch.error().message());
        const size_t count =
            batch->jobUpserts.size() + batch->jobTombstones.size() + batch->courseUpserts.size() + batch->courseTombstones.size();
        if (result->header("dc-count") != std::to_string(count))
            return fail(ErrorCode::Transient, "fetching: the answer was incomplete");
        store::PullPosition position{.stream = kCatalogStream,
                                     .cursor = (resync && more ? kResyncPrefix : "") + next,
                                     .fullResync = resync,
                                     .firstOfResync = resync && cursor.empty(),
                                     .lastOfResync = resync && !more};
        auto applied = store::applyCatalogBatch(m_db, *batch, &position);
        if (!applied) return std::unexpected(applied.error());
        report.pulled += count;
        if (!more) return {};
    }
    return fail(ErrorCode::Internal, "fetching: too many pages");
}

Expected<void> SyncClient::heartbeat(const std::string& roundProblem) {
    if (auto r = ensureEnrolled(); !r) return r;
    // The office hears from a kiosk whatever is wrong with it: a damaged outbox still lets the
    // heartbeat go, with what went wrong as its last error.
    auto stats = store::outboxStats(m_db);
    if (!stats) stats = store::OutboxStats{.lastError = "the outbox cannot be read: " + stats.error().message()};
    if (!roundProblem.empty()) stats->lastError = roundProblem.substr(0, 900);
    auto after = store::readSetting(m_db, "sync.updates_after");
    if (!after) return std::unexpected(after.error());
    int64_t updatesAfter = 0;
    std::from_chars(after->data(), after->data() + after->size(), updatesAfter);
    const DeviceState device = m_config.deviceState ? m_config.deviceState() : DeviceState{};
    std::error_code sizeError;
    const auto databaseBytes = std::filesystem::file_size(m_db.path(), sizeError);
    auto clip = [](const std::string& s) { return utf8::truncate(s, 120); };
    const Heartbeat beat{m_config.version,
                         stats->pending,
                         stats->oldestPendingAgeSeconds,
                         stats->quarantined,
                         stats->lastError,
                         diskFreeBytes(m_db.path()),
                         updatesAfter,
                         m_config.syncIntervalSeconds,
                         clip(device.osVersion),
                         sizeError ? 0 : static_cast<int64_t>(databaseBytes),
                         clip(device.printer),
                         clip(device.camera)};
    auto result = call("POST", "/v1/heartbeat", toJson(beat), true);
    if (!result) return std::unexpected(result.error().withContext("reporting to the server"));
    if (result->status != 200) return std::unexpected(statusError(*result, "reporting to the server"));
    auto answer = parseHeartbeatResponse(result->body);
    if (!answer) return fail(ErrorCode::Transient, "the heartbeat answer could not be read");
    std::vector<store::OfficeUpdate> updates;
    int64_t last = updatesAfter;
    for (const auto& u : answer->updates) {
        if (u.seq <= last) continue;  // an answer out of order must not move us back
        updates.push_back({u.subject, u.status, u.waitlistPosition, u.message});
        last = u.seq;
    }
    nlohmann::json calls = nlohmann::json::object();
    for (const auto& c : answer->calls) calls[c.recordId] = c.by;
    return store::applyOfficeUpdates(m_db, updates, last, answer->config, calls.dump());
}

Expected<StatusResponse> SyncClient::lookUpStatus(const std::vector<std::string>& codes) {
    if (auto r = ensureEnrolled(); !r) return std::unexpected(r.error());
    auto result = call("POST", "/v1/status", toJson(StatusRequest{codes}), true);
    if (!result) return std::unexpected(result.error().withContext("asking the office about a reference code"));
    if (result->status != 200) return std::unexpected(statusError(*result, "asking the office about a reference code"));
    auto answer = parseStatusResponse(result->body);
    if (!answer) return fail(ErrorCode::Transient, "the office's answer could not be read");
    return answer;
}

Expected<void> SyncClient::uploadOne(const store::AttachmentRecord& a, RoundReport& report) {
    auto bytes = store::readAttachment(m_db, m_cipher, a);
    if (!bytes) return store::quarantineAttachment(m_db, a.id, "cannot be read on this kiosk: " + bytes.error().message());
    const std::string base = "/v1/attachments/" + a.id;
    auto fail = [&](const Error& e) -> Expected<void> {
        (void)store::attachmentAttemptFailed(m_db, a.id, e.message());
        return std::unexpected(e.withContext("sending an attachment"));
    };
    // Ask first how much the server already has: a resumed upload sends only the rest.
    auto status = call("GET", base, "", true);
    if (!status) return fail(status.error());
    int64_t offset = 0;
    if (status->status == 200) {
        auto s = parseAttachmentStatus(status->body);
        if (!s) return fail(Error(ErrorCode::Transient, "the server's answer could not be read"));
        if (s->complete) return store::attachmentDelivered(m_db, a.id);
        offset = std::clamp<int64_t>(s->received, 0, a.size);
    } else if (status->status != 404) {
        return fail(statusError(*status, "asking about an attachment"));
    }
    int restarts = 0;
    while (offset < a.size) {
        const size_t length = std::min<size_t>(m_config.attachmentChunkBytes, static_cast<size_t>(a.size - offset));
        const std::string chunk = bytes->substr(static_cast<size_t>(offset), length);
        const std::string target = base + "?offset=" + std::to_string(offset) + "&size=" + std::to_string(a.size) +
            "&sha256=" + a.sha256 + "&kind=" + a.kind + "&record=" + a.recordId;
        auto put = call("PUT", target, chunk, true);
        report.attachmentBytesSent += length;
        if (!put) return fail(put.error());
        if (put->status == 200 || put->status == 409) {
            // 409: the server's bytes end elsewhere (an earlier answer was lost): go on from there.
            auto s = parseAttachmentStatus(put->body);
            if (!s) return fail(Error(ErrorCode::Transient, "the server's answer could not be read"));
            if (s->complete) break;
            offset = std::clamp<int64_t>(s->received, 0, a.size);
            continue;
        }
        if (put->status == 422 && restarts++ == 0) {  // the bytes did not add up: once more from the start
            offset = 0;
            continue;
        }
        const Error e = statusError(*put, "sending an attachment");
        if (e.code() == ErrorCode::Refused || put->status == 422) return store::quarantineAttachment(m_db, a.id, e.message());
        return fail(e);
    }
    ++report.attachmentsDone;
    return store::attachmentDelivered(m_db, a.id);
}

Expected<void> SyncClient::uploadAttachments(RoundReport& report) {
    if (auto r = ensureEnrolled(); !r) return r;
    (void)store::removeLeftoverAttachmentFiles(m_db);
    auto pending = store::pendingAttachments(m_db, 100);
    if (!pending) return std::unexpected(pending.error());
    for (const auto& a : *pending)
        if (auto r = uploadOne(a, report); !r) return r;
    return {};
}

Expected<void> SyncClient::report() {
    if (auto r = ensureEnrolled(); !r) return r;
    auto counts = store::unreportedCounts(m_db, 31);
    if (!counts) return std::unexpected(counts.error());
    if (counts->empty()) return {};
    Report report;
    for (const auto& c : *counts) report.counts.push_back({c.day, c.metric, c.dimension, c.n});
    auto result = call("POST", "/v1/report", toJson(report), true);
    if (!result) return std::unexpected(result.error().withContext("sending the usage counts"));
    if (result->status != 200) return std::unexpected(statusError(*result, "sending the usage counts"));
    return store::markReported(m_db, *counts);
}

Expected<RoundReport> SyncClient::runRound() {
    RoundReport report;
    // What was waiting in a database moved aside as damaged is put back first, and goes out now.
    if (auto salvaged = store::salvageMovedAside(m_db); !salvaged) {
        m_salvageNote = "saving what waited in a damaged database failed: " + salvaged.error().message();
    } else {
        for (const auto& s : *salvaged) {
            logLine(s.sentence());
            m_salvageNote = s.sentence();
            report.salvaged += s.recordsSaved;
        }
    }
    if (auto r = ensureEnrolled(); !r) return std::unexpected(r.error());
    // A step that fails here, on the kiosk (not the network), still lets the heartbeat tell the
    // office: otherwise one local fault would leave the fleet page with nothing but "last seen".
    Expected<void> step = pushAll(report);
    if (step) step = uploadAttachments(report);
    if (step) step = this->report();
    if (step) step = pullAll(report);
    if (!step) {
        if (step.error().code() != ErrorCode::Transient) (void)heartbeat(step.error().message());
        return std::unexpected(step.error());
    }
    // The office hears once what a damaged database cost (and whether saving from it failed).
    if (auto r = heartbeat(m_salvageNote); !r) return std::unexpected(r.error());
    m_salvageNote.clear();
    // What the office confirmed long enough ago leaves the kiosk (privacy.retention_days).
    if (m_config.retentionDays >= 0) {
        auto forgotten = store::forgetDelivered(m_db, m_config.retentionDays);
        if (!forgotten) return std::unexpected(forgotten.error().withContext("erasing delivered personal details"));
        report.forgotten = static_cast<size_t>(forgotten->records);
    }
    return report;
}

}  // namespace dc::sync
