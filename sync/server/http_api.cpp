#include "sync/server/http_api.hpp"

#include "common/log.hpp"

#include <charconv>
#include <cstdio>

#include "sync/protocol/signing.hpp"

namespace dc::server {
namespace {

std::string header(const HttpRequest& r, const char* name) {
    const auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string() : it->second;
}

// Errors the device can act on keep their words; failures inside the server do not leak details.
HttpResponse fromError(const Error& e, const char* doing) {
    switch (e.code()) {
        case ErrorCode::InvalidInput: return errorResponse(400, "bad_request", e.message());
        case ErrorCode::Refused: return errorResponse(403, "forbidden", e.message());
        case ErrorCode::NotFound: return errorResponse(404, "not_found", e.message());
        case ErrorCode::Conflict: return errorResponse(409, "conflict", e.message());
        default:
            logLine(std::string(doing) + ": " + e.message());
            return errorResponse(500, "internal", std::string("the server failed while ") + doing + "; try again later");
    }
}

HttpResponse json(std::string body) { return HttpResponse{200, "application/json", std::move(body), {}}; }

}  // namespace

HttpResponse errorResponse(int status, const std::string& code, const std::string& message) {
    return HttpResponse{status, "application/json", sync::toJson(sync::ErrorBody{code, message, std::nullopt}), {}};
}

std::variant<std::string, HttpResponse> Api::authenticate(const HttpRequest& r) {
    const std::string device = header(r, "dc-device"), stamp = header(r, "dc-timestamp"), signature = header(r, "dc-signature");
    if (device.empty() || stamp.empty() || signature.empty())
        return errorResponse(401, "unauthorized", "this request needs the DC-Device, DC-Timestamp and DC-Signature headers");
    int64_t timestamp = 0;
    const auto [end, ec] = std::from_chars(stamp.data(), stamp.data() + stamp.size(), timestamp);
    if (ec != std::errc() || end != stamp.data() + stamp.size())
        return errorResponse(401, "unauthorized", "DC-Timestamp must be Unix seconds");
    const int64_t now = m_service.now();
    if (timestamp < now - sync::kReplayWindowSeconds || timestamp > now + sync::kReplayWindowSeconds) {
        HttpResponse res{401,
                         "application/json",
                         sync::toJson(sync::ErrorBody{"clock_skew",
                                                      "the device clock differs from the server's by more "
                                                      "than five minutes",
                                                      now}),
                         {}};
        return res;
    }
    auto secret = m_service.deviceSecret(device);
    if (!secret) {
        if (secret.error().code() == ErrorCode::NotFound)
            return errorResponse(401, "unauthorized", "this device is not enrolled here");
        return fromError(secret.error(), "checking the device");
    }
    if (!sync::signatureMatches(*secret, r.method, r.target, timestamp, r.body, signature))
        return errorResponse(401, "unauthorized", "the request signature does not match");
    return device;
}

// The protocol's route table (sync/PROTOCOL.md): one branch per endpoint, each parsing its request
// and handing off to CentralService.
HttpResponse Api::handle(const HttpRequest& r) {
    if (r.path == "/v1/health" && r.method == "GET")
        return json(R"({"ok":true,"protocol":)" + std::to_string(sync::kProtocolVersion) + "}");

    if (r.path == "/v1/enroll") {
        if (r.method != "POST") return errorResponse(405, "method_not_allowed", "use POST");
        auto request = sync::parseEnrollRequest(r.body);
        if (!request) return errorResponse(400, "bad_request", request.error().message());
        auto answer = m_service.enroll(*request);
        if (!answer) return fromError(answer.error(), "enrolling a device");
        return json(sync::toJson(*answer));
    }

    static constexpr std::string_view kAttachments = "/v1/attachments/";
    const bool attachment = r.path.starts_with(kAttachments);
    const bool known = attachment || r.path == "/v1/push" || r.path == "/v1/pull" || r.path == "/v1/heartbeat" ||
        r.path == "/v1/report" || r.path == "/v1/status";
    if (!known) return errorResponse(404, "not_found", "no such endpoint: " + r.path.substr(0, 100));
    if (attachment) {
        if (r.method != "GET" && r.method != "PUT") return errorResponse(405, "method_not_allowed", "use GET or PUT");
    } else {
        const char* method = r.path == "/v1/pull" ? "GET" : "POST";
        if (r.method != method) return errorResponse(405, "method_not_allowed", std::string("use ") + method);
    }

    auto who = authenticate(r);
    if (auto* refusal = std::get_if<HttpResponse>(&who)) return *refusal;
    const std::string& device = std::get<std::string>(who);

    if (r.path == "/v1/push") {
        auto request = sync::parsePushRequest(r.body);
        if (!request) return errorResponse(400, "bad_request", request.error().message());
        auto answer = m_service.push(device, *request);
        if (!answer) return fromError(answer.error(), "taking pushed records");
        return json(sync::toJson(*answer));
    }
    if (attachment) {
        const std::string id = r.path.substr(kAttachments.size());
        if (!sync::isValidRecordId(id))
            return errorResponse(400, "bad_request", "an attachment id is 8 to 64 letters, digits and '-'");
        if (r.method == "GET") {
            auto status = m_service.attachmentStatus(device, id);
            if (!status) return fromError(status.error(), "reading an attachment's progress");
            return json(sync::toJson(*status));
        }
        auto number = [&](const char* key, int64_t& out) {
            const auto it = r.query.find(key);
            if (it == r.query.end()) return false;
            const auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), out);
            return ec == std::errc() && end == it->second.data() + it->second.size();
        };
        ChunkUpload chunk{.deviceId = device, .id = id, .bytes = r.body};
        if (!number("offset", chunk.offset) || !number("size", chunk.size))
            return errorResponse(400, "bad_request", "a chunk needs offset and size (whole numbers)");
        chunk.sha256 = r.query.count("sha256") ? r.query.at("sha256") : "";
        chunk.kind = r.query.count("kind") ? r.query.at("kind").substr(0, 64) : "";
        chunk.recordId = r.query.count("record") ? r.query.at("record").substr(0, 64) : "";
        auto answer = m_service.putChunk(chunk);
        if (!answer) return fromError(answer.error(), "taking an attachment chunk");
        if (answer->offsetMismatch) {
            HttpResponse res = json(sync::toJson(answer->status));
            res.status = 409;  // the body says where the server's bytes end: continue from there
            return res;
        }
        if (answer->checksumFailed)
            return errorResponse(422, "checksum_mismatch",
                                 "the attachment's bytes do not match its SHA-256; send it again from the start");
        return json(sync::toJson(answer->status));
    }
    if (r.path == "/v1/status") {
        // Any kiosk of the office may ask about any code: a person checks at whichever kiosk is free.
        auto request = sync::parseStatusRequest(r.body);
        if (!request) return errorResponse(400, "bad_request", request.error().message());
        if (!m_office) return json(sync::toJson(sync::StatusResponse{}));
        auto answers = m_office->statusOf(request->codes, device);
        if (!answers) return fromError(answers.error(), "looking up reference codes");
        return json(sync::toJson(sync::StatusResponse{std::move(*answers)}));
    }
    if (r.path == "/v1/report") {
        auto report = sync::parseReport(r.body);
        if (!report) return errorResponse(400, "bad_request", report.error().message());
        if (auto done = m_service.report(device, *report); !done) return fromError(done.error(), "recording a report");
        return json("{}");
    }
    if (r.path == "/v1/heartbeat") {
        auto beat = sync::parseHeartbeat(r.body);
        if (!beat) return errorResponse(400, "bad_request", beat.error().message());
        auto answer = m_service.heartbeat(device, *beat);
        if (!answer) return fromError(answer.error(), "recording a heartbeat");
        return json(sync::toJson(*answer));
    }
    // pull
    size_t limit = 1000;
    if (auto it = r.query.find("limit"); it != r.query.end()) {
        const auto& t = it->second;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), limit);
        if (ec != std::errc() || end != t.data() + t.size() || limit == 0)
            return errorResponse(400, "bad_request", "limit must be a positive whole number");
    }
    const auto cursor = r.query.count("cursor") ? r.query.at("cursor") : std::string();
    auto page = m_service.pull(cursor, limit);
    if (!page) {
        if (page.error().code() == ErrorCode::NotFound) return errorResponse(410, "cursor_expired", page.error().message());
        return fromError(page.error(), "reading catalog changes");
    }
    HttpResponse res{200, "application/x-ndjson", std::move(page->body), {}};
    res.headers = {
        {"DC-Cursor", page->nextCursor}, {"DC-More", page->more ? "1" : "0"}, {"DC-Count", std::to_string(page->count)}};
    return res;
}

}  // namespace dc::server
