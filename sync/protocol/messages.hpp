#pragma once
// The messages of protocol v1 (sync/PROTOCOL.md) as plain structs, with strict parsers: a parser
// refuses wrong types, missing fields, oversized lists and bad ids with an error naming the field,
// and never throws. JSON handling stays inside messages.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace dc::sync {

inline constexpr int kProtocolVersion = 1;
inline constexpr size_t kMaxPushRecords = 500;
inline constexpr size_t kMaxRecordBytes = 64 * 1024;
inline constexpr size_t kMaxRequestBytes = 8 * 1024 * 1024;  // refused before it is read whole
inline constexpr size_t kMaxPullLimit = 5000;

// ---- errors: every 4xx/5xx answer has this body ----
struct ErrorBody {
    std::string error;  // a stable code: "bad_request", "unauthorized", "clock_skew", ...
    std::string message;  // plain words for logs and clerks
    std::optional<int64_t> serverTime;  // with "clock_skew": the server's clock (Unix seconds)
};
std::string toJson(const ErrorBody& e);
Expected<ErrorBody> parseErrorBody(std::string_view text);

// ---- enrollment ----
struct EnrollRequest {
    std::string token;  // one-time, from `dc-server token`
    std::string requestId;  // the device's random id for this attempt: a retry gets the same answer
    std::string name;  // a label for admins: "Tbilisi office, kiosk 2"
    std::string version;  // the kiosk's version
};
struct EnrollResponse {
    std::string deviceId;
    std::string secret;  // 64 hex digits
};
std::string toJson(const EnrollRequest& r);
Expected<EnrollRequest> parseEnrollRequest(std::string_view text);
std::string toJson(const EnrollResponse& r);
Expected<EnrollResponse> parseEnrollResponse(std::string_view text);

// ---- push ----
struct PushRecord {
    std::string id;  // idempotency key chosen by the device
    std::string kind;  // "application", "enrollment"
    std::string body;  // a JSON object, as text
};
struct PushRequest {
    std::vector<PushRecord> records;
};
enum class Outcome { Accepted, Duplicate, Rejected };
const char* outcomeText(Outcome o);
struct PushAnswer {
    std::string id;
    Outcome outcome = Outcome::Accepted;
    std::string result;  // a JSON object as text: {"status":"waitlisted","waitlistPosition":3}
    std::string reason;  // for Rejected
};
struct PushResponse {
    std::vector<PushAnswer> answers;
};
// Ids: 8 to 64 characters of letters, digits and '-'.
bool isValidRecordId(std::string_view id);
std::string toJson(const PushRequest& r);
Expected<PushRequest> parsePushRequest(std::string_view text);
std::string toJson(const PushResponse& r);
Expected<PushResponse> parsePushResponse(std::string_view text);

// What a result object says, for the kiosk's own records.
struct ActionResult {
    std::string status;
    std::optional<int64_t> waitlistPosition;
};
ActionResult parseActionResult(std::string_view resultJson);

// ---- heartbeat ----
struct Heartbeat {
    std::string version;
    int64_t queueDepth = 0;
    int64_t oldestPendingAgeSeconds = 0;
    int64_t quarantined = 0;
    std::string lastError;
    int64_t diskFreeBytes = 0;
    int64_t updatesAfter = 0;  // the last status update this device has applied
    int64_t syncIntervalSeconds = 0;  // how often it means to call when all is well (0: not said)
    // The device itself, for the office's kiosks page (each at most 120 characters; empty: not said).
    std::string osVersion;  // "Debian GNU/Linux 12 (bookworm), Linux 6.1.0-28-amd64"
    int64_t databaseBytes = 0;
    std::string printer;  // "ready", "none", "not connected: /dev/usb/lp0", "last print failed: ..."
    std::string camera;  // "v4l2: 1 camera", "v4l2: no camera", "fake"
};
// A change the office made to one of this device's records (a seat freed for someone on the
// waitlist, an enrollment cancelled): the device shows it when the person checks their code.
struct StatusUpdate {
    int64_t seq = 0;
    std::string subject;  // the application or enrollment id the device made ("e-...")
    std::string status;  // confirmed, waitlisted, cancelled, accepted, rejected, invited, ...
    std::optional<int64_t> waitlistPosition;
    std::string message;  // the caseworker's words to the person, may be empty
};
// A call for a clerk that a caseworker acknowledged: the kiosk says who is coming.
struct CallAck {
    std::string recordId;  // the event record the kiosk pushed
    std::string by;  // the caseworker's name as the office shows it
    int64_t at = 0;
};
inline constexpr size_t kMaxCallAcks = 50;
inline constexpr size_t kMaxStatusUpdates = 500;
struct HeartbeatResponse {
    int64_t serverTime = 0;
    std::string config;  // a JSON object as text: the device's configuration as the office set it
    std::vector<StatusUpdate> updates;  // after updatesAfter, oldest first, at most 500
    std::vector<CallAck> calls;  // this device's calls acknowledged in the last hour
};
std::string toJson(const Heartbeat& h);
Expected<Heartbeat> parseHeartbeat(std::string_view text);
std::string toJson(const HeartbeatResponse& r);
Expected<HeartbeatResponse> parseHeartbeatResponse(std::string_view text);

// ---- status: what the office says about reference codes, asked by any kiosk of the office ----
inline constexpr size_t kMaxStatusCodes = 20;
struct StatusRequest {
    std::vector<std::string> codes;  // as the person typed them; the server normalises
};
struct StatusAnswerItem {
    std::string code;  // "K7M-4QX"
    std::string kind;  // application | enrollment | registration
    std::string status;  // submitted, forwarded, invited, hired, not_selected, withdrawn, confirmed, ...
    std::string message;  // the caseworker's words to the person, may be empty
    std::string detail;  // an interview's date and place, may be empty
    std::string title;  // the job's title or the course's name, when the server has it
    std::optional<int64_t> waitlistPosition;
    int64_t updatedAt = 0;  // Unix seconds of the last decision (or of arrival)
};
struct StatusResponse {
    std::vector<StatusAnswerItem> answers;  // only the codes the office knows
};
std::string toJson(const StatusRequest& r);
Expected<StatusRequest> parseStatusRequest(std::string_view text);
std::string toJson(const StatusResponse& r);
Expected<StatusResponse> parseStatusResponse(std::string_view text);

// ---- reports: anonymous daily counts, each the day's total so far (sending it again is harmless) ----
struct ReportCount {
    std::string day;  // "2026-11-23" (UTC)
    std::string metric;  // sessions | searches | applications | enrollments
    std::string dimension;  // "" (total), "lang=ka", "group=youth": lower-case letters, digits, = _ -
    int64_t n = 0;
};
struct Report {
    std::vector<ReportCount> counts;
};
inline constexpr size_t kMaxReportCounts = 2000;
std::string toJson(const Report& r);
Expected<Report> parseReport(std::string_view text);

// ---- attachments: uploaded in chunks, resumable, verified by SHA-256 ----
inline constexpr size_t kMaxAttachmentBytes = 16 * 1024 * 1024;
inline constexpr size_t kMaxChunkBytes = 1024 * 1024;
struct AttachmentStatus {
    int64_t received = 0;  // bytes the server holds, from the start, in order
    int64_t size = 0;
    bool complete = false;  // all there and the SHA-256 matched
};
std::string toJson(const AttachmentStatus& s);
Expected<AttachmentStatus> parseAttachmentStatus(std::string_view text);

// ---- pull cursors: "<epoch>.<seq>"; empty = from the beginning ----
struct Cursor {
    std::string epoch;  // changes when the server's catalog is rebuilt: old cursors are refused
    int64_t seq = 0;
};
std::string toString(const Cursor& c);
// nullopt for text that is not a cursor (the server answers 400).
std::optional<Cursor> parseCursor(std::string_view text);

}  // namespace dc::sync
