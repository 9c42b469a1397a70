#include "sync/protocol/messages.hpp"

#include <cstdio>
#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "common/dates.hpp"
#include "common/json_depth.hpp"
#include "common/utf8.hpp"

namespace dc::sync {
namespace {

using nlohmann::json;

inline constexpr size_t kMaxTextBytes = 4096;

Expected<json> parseObject(std::string_view text, const char* what) {
    if (!jsonNestingWithin(text))
        return fail(ErrorCode::InvalidInput,
                    std::string(what) + " nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return fail(ErrorCode::InvalidInput, std::string(what) + " is not valid JSON");
    if (!value.is_object()) return fail(ErrorCode::InvalidInput, std::string(what) + " must be a JSON object");
    return value;
}

Expected<std::string> text(const json& obj, const char* key, bool required, size_t maxBytes = kMaxTextBytes) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is missing");
        return std::string();
    }
    if (!it->is_string()) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" must be text");
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > maxBytes) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is too long");
    if (!utf8::isValid(s)) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is not valid UTF-8");
    if (required && s.empty()) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is empty");
    return s;
}

Expected<int64_t> integer(const json& obj, const char* key, bool required, int64_t min = 0) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is missing");
        return min;
    }
    if (!it->is_number_integer()) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" must be a whole number");
    const int64_t v = it->get<int64_t>();
    if (v < min) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is out of range");
    return v;
}

Expected<std::string> objectText(const json& obj, const char* key, size_t maxBytes) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::string("{}");
    if (!it->is_object()) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" must be a JSON object");
    std::string dumped = it->dump();
    if (dumped.size() > maxBytes) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is too large");
    return dumped;
}

json objectFrom(const std::string& text) {
    if (!jsonNestingWithin(text)) return json::object();
    json v = json::parse(text, nullptr, false);
    return v.is_object() ? v : json::object();
}

}  // namespace

// ---- errors ----
std::string toJson(const ErrorBody& e) {
    json j = {{"error", e.error}, {"message", e.message}};
    if (e.serverTime) j["serverTime"] = *e.serverTime;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<ErrorBody> parseErrorBody(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the error answer"));
    DC_TRY(code, text(*obj, "error", true));
    DC_TRY(message, text(*obj, "message", false));
    ErrorBody e{*code, *message, std::nullopt};
    if (obj->contains("serverTime")) {
        DC_TRY(t, integer(*obj, "serverTime", true));
        e.serverTime = *t;
    }
    return e;
}

// ---- enrollment ----
std::string toJson(const EnrollRequest& r) {
    return json{{"token", r.token}, {"requestId", r.requestId}, {"name", r.name}, {"version", r.version}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
}

Expected<EnrollRequest> parseEnrollRequest(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the enrollment request"));
    DC_TRY(token, text(*obj, "token", true, 128));
    DC_TRY(requestId, text(*obj, "requestId", true, 64));
    DC_TRY(name, text(*obj, "name", false, 200));
    DC_TRY(version, text(*obj, "version", false, 64));
    if (!isValidRecordId(*requestId)) return fail(ErrorCode::InvalidInput, "\"requestId\" must be 8 to 64 letters and digits");
    return EnrollRequest{*token, *requestId, *name, *version};
}

std::string toJson(const EnrollResponse& r) {
    return json{{"deviceId", r.deviceId}, {"secret", r.secret}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<EnrollResponse> parseEnrollResponse(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the enrollment answer"));
    DC_TRY(id, text(*obj, "deviceId", true, 64));
    DC_TRY(secret, text(*obj, "secret", true, 64));
    if (secret->size() != 64 || secret->find_first_not_of("0123456789abcdef") != std::string::npos)
        return fail(ErrorCode::InvalidInput, "the device secret must be 64 hex digits");
    return EnrollResponse{*id, *secret};
}

// ---- push ----
bool isValidRecordId(std::string_view id) {
    if (id.size() < 8 || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
    return true;
}

const char* outcomeText(Outcome o) {
    switch (o) {
        case Outcome::Accepted: return "accepted";
        case Outcome::Duplicate: return "duplicate";
        case Outcome::Rejected: return "rejected";
    }
    return "rejected";
}

std::string toJson(const PushRequest& r) {
    // Written by hand around the bodies, which are JSON text already: no parse and re-dump.
    std::string out = R"({"records":[)";
    for (size_t i = 0; i < r.records.size(); ++i) {
        const auto& rec = r.records[i];
        if (i) out += ',';
        out += R"({"id":)" + json(rec.id).dump(-1, ' ', false, json::error_handler_t::replace) + R"(,"kind":)" +
            json(rec.kind).dump(-1, ' ', false, json::error_handler_t::replace) + R"(,"body":)";
        out += rec.body.empty() ? std::string("{}") : rec.body;
        out += '}';
    }
    return out + "]}";
}

Expected<PushRequest> parsePushRequest(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the push request"));
    const auto it = obj->find("records");
    if (it == obj->end() || !it->is_array()) return fail(ErrorCode::InvalidInput, "\"records\" must be a list");
    if (it->size() > kMaxPushRecords)
        return fail(ErrorCode::InvalidInput, "at most " + std::to_string(kMaxPushRecords) + " records per push");
    PushRequest request;
    request.records.reserve(it->size());
    // Records are checked for shape only here: a record whose content is wrong is answered
    // "rejected" on its own, and must not make the server refuse the whole batch.
    for (size_t i = 0; i < it->size(); ++i) {
        const json& rec = (*it)[i];
        const std::string where = "record " + std::to_string(i + 1) + ": ";
        if (!rec.is_object()) return fail(ErrorCode::InvalidInput, where + "must be a JSON object");
        auto id = text(rec, "id", true, 64);
        if (!id || !isValidRecordId(*id))
            return fail(ErrorCode::InvalidInput, where + "\"id\" must be 8 to 64 letters, digits and '-'");
        auto kind = text(rec, "kind", true, 64);
        if (!kind) return std::unexpected(kind.error().withContext(where));
        const auto b = rec.find("body");
        PushRecord out{*id, *kind, "{}"};
        if (b != rec.end() && !b->is_null()) out.body = b->dump();
        request.records.push_back(std::move(out));
    }
    return request;
}

std::string toJson(const PushResponse& r) {
    json answers = json::array();
    for (const auto& a : r.answers) {
        json j = {{"id", a.id}, {"outcome", outcomeText(a.outcome)}, {"result", objectFrom(a.result)}};
        if (!a.reason.empty()) j["reason"] = a.reason;
        answers.push_back(std::move(j));
    }
    return json{{"answers", std::move(answers)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<PushResponse> parsePushResponse(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the push answer"));
    const auto it = obj->find("answers");
    if (it == obj->end() || !it->is_array()) return fail(ErrorCode::InvalidInput, "\"answers\" must be a list");
    if (it->size() > kMaxPushRecords) return fail(ErrorCode::InvalidInput, "too many answers");
    PushResponse response;
    for (const json& a : *it) {
        if (!a.is_object()) return fail(ErrorCode::InvalidInput, "an answer must be a JSON object");
        DC_TRY(id, text(a, "id", true, 64));
        DC_TRY(outcome, text(a, "outcome", true, 32));
        DC_TRY(result, objectText(a, "result", kMaxRecordBytes));
        DC_TRY(reason, text(a, "reason", false));
        PushAnswer answer{*id, Outcome::Accepted, *result, *reason};
        if (*outcome == "accepted")
            answer.outcome = Outcome::Accepted;
        else if (*outcome == "duplicate")
            answer.outcome = Outcome::Duplicate;
        else if (*outcome == "rejected")
            answer.outcome = Outcome::Rejected;
        else
            return fail(ErrorCode::InvalidInput, "unknown outcome \"" + *outcome + "\"");
        response.answers.push_back(std::move(answer));
    }
    return response;
}

ActionResult parseActionResult(std::string_view resultJson) {
    ActionResult r;
    if (!jsonNestingWithin(resultJson)) return r;
    json v = json::parse(resultJson, nullptr, false);
    if (!v.is_object()) return r;
    if (auto s = text(v, "status", false, 32)) r.status = *s;
    if (auto it = v.find("waitlistPosition"); it != v.end() && it->is_number_integer() && it->get<int64_t>() > 0)
        r.waitlistPosition = it->get<int64_t>();
    return r;
}

// ---- heartbeat ----
std::string toJson(const Heartbeat& h) {
    return json{{"version", h.version},
                {"queueDepth", h.queueDepth},
                {"oldestPendingAgeSeconds", h.oldestPendingAgeSeconds},
                {"quarantined", h.quarantined},
                {"lastError", h.lastError},
                {"diskFreeBytes", h.diskFreeBytes},
                {"updatesAfter", h.updatesAfter},
                {"syncIntervalSeconds", h.syncIntervalSeconds},
                {"osVersion", h.osVersion},
                {"databaseBytes", h.databaseBytes},
                {"printer", h.printer},
                {"camera", h.camera}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<Heartbeat> parseHeartbeat(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the heartbeat"));
    DC_TRY(version, text(*obj, "version", false, 64));
    DC_TRY(depth, integer(*obj, "queueDepth", false));
    DC_TRY(age, integer(*obj, "oldestPendingAgeSeconds", false));
    DC_TRY(quarantined, integer(*obj, "quarantined", false));
    DC_TRY(lastError, text(*obj, "lastError", false, 1000));
    DC_TRY(disk, integer(*obj, "diskFreeBytes", false));
    DC_TRY(after, integer(*obj, "updatesAfter", false));
    DC_TRY(interval, integer(*obj, "syncIntervalSeconds", false));
    if (*interval < 0 || *interval > 86400) return fail(ErrorCode::InvalidInput, "syncIntervalSeconds is 0 to 86400");
    // Told by newer kiosks only: an older one's heartbeat leaves them out.
    DC_TRY(os, text(*obj, "osVersion", false, 120));
    DC_TRY(dbBytes, integer(*obj, "databaseBytes", false));
    DC_TRY(printer, text(*obj, "printer", false, 120));
    DC_TRY(camera, text(*obj, "camera", false, 120));
    return Heartbeat{*version, *depth,    *age, *quarantined, *lastError, *disk,
                     *after,   *interval, *os,  *dbBytes,     *printer,   *camera};
}

std::string toJson(const HeartbeatResponse& r) {
    json updates = json::array();
    for (const auto& u : r.updates) {
        json j = {{"seq", u.seq}, {"subject", u.subject}, {"status", u.status}};
        if (u.waitlistPosition) j["waitlistPosition"] = *u.waitlistPosition;
        if (!u.message.empty()) j["message"] = u.message;
        updates.push_back(std::move(j));
    }
    json calls = json::array();
    for (const auto& c : r.calls) calls.push_back({{"recordId", c.recordId}, {"by", c.by}, {"at", c.at}});
    return json{{"serverTime", r.serverTime},
                {"config", objectFrom(r.config)},
                {"updates", std::move(updates)},
                {"calls", std::move(calls)}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<HeartbeatResponse> parseHeartbeatResponse(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the heartbeat answer"));
    DC_TRY(time, integer(*obj, "serverTime", true));
    DC_TRY(config, objectText(*obj, "config", kMaxRecordBytes));
    HeartbeatResponse response{*time, *config, {}};
    if (const auto it = obj->find("updates"); it != obj->end() && !it->is_null()) {
        if (!it->is_array() || it->size() > kMaxStatusUpdates)
            return fail(ErrorCode::InvalidInput, "\"updates\" must be a list of at most 500");
        for (const json& u : *it) {
            if (!u.is_object()) return fail(ErrorCode::InvalidInput, "an update must be a JSON object");
            DC_TRY(seq, integer(u, "seq", true, 1));
            DC_TRY(subject, text(u, "subject", true, 64));
            DC_TRY(status, text(u, "status", true, 32));
            DC_TRY(message, text(u, "message", false, 2000));
            StatusUpdate update{*seq, *subject, *status, std::nullopt, *message};
            if (u.contains("waitlistPosition")) {
                DC_TRY(position, integer(u, "waitlistPosition", true, 1));
                update.waitlistPosition = *position;
            }
            response.updates.push_back(std::move(update));
        }
    }
    if (const auto it = obj->find("calls"); it != obj->end() && !it->is_null()) {
        if (!it->is_array() || it->size() > kMaxCallAcks)
            return fail(ErrorCode::InvalidInput, "\"calls\" must be a list of at most 50");
        for (const json& c : *it) {
            if (!c.is_object()) return fail(ErrorCode::InvalidInput, "a call must be a JSON object");
            DC_TRY(record, text(c, "recordId", true, 64));
            DC_TRY(by, text(c, "by", true, 100));
            DC_TRY(at, integer(c, "at", false));
            response.calls.push_back({*record, *by, *at});
        }
    }
    return response;
}

// ---- status ----
std::string toJson(const StatusRequest& r) {
    return json{{"codes", r.codes}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<StatusRequest> parseStatusRequest(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the status request"));
    const auto it = obj->find("codes");
    if (it == obj->end() || !it->is_array() || it->empty() || it->size() > kMaxStatusCodes)
        return fail(ErrorCode::InvalidInput, "\"codes\" must be a list of 1 to 20 reference codes");
    StatusRequest request;
    for (const json& c : *it) {
        if (!c.is_string() || c.get_ref<const std::string&>().size() > 32 || !utf8::isValid(c.get_ref<const std::string&>()))
            return fail(ErrorCode::InvalidInput, "a reference code is text of at most 32 bytes");
        request.codes.push_back(c.get<std::string>());
    }
    return request;
}

std::string toJson(const StatusResponse& r) {
    json answers = json::array();
    for (const auto& a : r.answers) {
        json j = {{"code", a.code},     {"kind", a.kind},   {"status", a.status},      {"message", a.message},
                  {"detail", a.detail}, {"title", a.title}, {"updatedAt", a.updatedAt}};
        if (a.waitlistPosition) j["waitlistPosition"] = *a.waitlistPosition;
        answers.push_back(std::move(j));
    }
    return json{{"answers", std::move(answers)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<StatusResponse> parseStatusResponse(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the status answer"));
    const auto it = obj->find("answers");
    if (it == obj->end() || !it->is_array() || it->size() > kMaxStatusCodes)
        return fail(ErrorCode::InvalidInput, "\"answers\" must be a list of at most 20");
    StatusResponse response;
    for (const json& a : *it) {
        if (!a.is_object()) return fail(ErrorCode::InvalidInput, "an answer must be a JSON object");
        StatusAnswerItem item;
        DC_TRY(code, text(a, "code", true, 32));
        DC_TRY(kind, text(a, "kind", true, 32));
        DC_TRY(status, text(a, "status", true, 32));
        DC_TRY(message, text(a, "message", false, 2000));
        DC_TRY(detail, text(a, "detail", false, 600));
        DC_TRY(title, text(a, "title", false, 400));
        DC_TRY(updated, integer(a, "updatedAt", false));
        item = {*code, *kind, *status, *message, *detail, *title, std::nullopt, *updated};
        if (a.contains("waitlistPosition")) {
            DC_TRY(position, integer(a, "waitlistPosition", true, 1));
            item.waitlistPosition = *position;
        }
        response.answers.push_back(std::move(item));
    }
    return response;
}

// ---- reports ----
std::string toJson(const Report& r) {
    json counts = json::array();
    for (const auto& c : r.counts)
        counts.push_back({{"day", c.day}, {"metric", c.metric}, {"dimension", c.dimension}, {"n", c.n}});
    return json{{"counts", std::move(counts)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<Report> parseReport(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the report"));
    const auto it = obj->find("counts");
    if (it == obj->end() || !it->is_array()) return fail(ErrorCode::InvalidInput, "\"counts\" must be a list");
    if (it->size() > kMaxReportCounts)
        return fail(ErrorCode::InvalidInput, "at most " + std::to_string(kMaxReportCounts) + " counts per report");
    Report report;
    for (const json& c : *it) {
        if (!c.is_object()) return fail(ErrorCode::InvalidInput, "a count must be a JSON object");
        DC_TRY(day, text(c, "day", true, 10));
        DC_TRY(metric, text(c, "metric", true, 32));
        DC_TRY(dimension, text(c, "dimension", false, 64));
        DC_TRY(n, integer(c, "n", true));
        if (!dates::parseDay(*day, 2000, 2100)) return fail(ErrorCode::InvalidInput, "\"day\" must be YYYY-MM-DD");
        bool known = false;
        for (const char* m : {"sessions", "searches", "applications", "enrollments"}) known = known || *metric == m;
        if (!known) return fail(ErrorCode::InvalidInput, "unknown metric \"" + *metric + "\"");
        for (char ch : *dimension)
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '=' || ch == '_' || ch == '-'))
                return fail(ErrorCode::InvalidInput, "a dimension holds lower-case letters, digits, = _ - only");
        if (*n > 1'000'000'000) return fail(ErrorCode::InvalidInput, "\"n\" is out of range");
        report.counts.push_back({*day, *metric, *dimension, *n});
    }
    return report;
}

// ---- attachments ----
std::string toJson(const AttachmentStatus& s) {
    return json{{"received", s.received}, {"size", s.size}, {"complete", s.complete}}.dump(-1, ' ', false,
                                                                                           json::error_handler_t::replace);
}

Expected<AttachmentStatus> parseAttachmentStatus(std::string_view body) {
    DC_TRY(obj, parseObject(body, "the attachment status"));
    DC_TRY(received, integer(*obj, "received", true));
    DC_TRY(size, integer(*obj, "size", false));
    const auto it = obj->find("complete");
    if (it != obj->end() && !it->is_boolean()) return fail(ErrorCode::InvalidInput, "\"complete\" must be true or false");
    return AttachmentStatus{*received, *size, it != obj->end() && it->get<bool>()};
}

// ---- cursors ----
std::string toString(const Cursor& c) { return c.epoch.empty() ? std::string() : c.epoch + "." + std::to_string(c.seq); }

std::optional<Cursor> parseCursor(std::string_view t) {
    if (t.empty()) return Cursor{};
    const size_t dot = t.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 32 || t.size() - dot - 1 > 19) return std::nullopt;
    Cursor c{std::string(t.substr(0, dot)), 0};
    for (char ch : c.epoch)
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return std::nullopt;
    const auto digits = t.substr(dot + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), c.seq);
    if (ec != std::errc() || end != digits.data() + digits.size() || c.seq < 0) return std::nullopt;
    return c;
}

}  // namespace dc::sync
