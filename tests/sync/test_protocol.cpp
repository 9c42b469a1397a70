// Protocol v1 messages and signing: the signature matches an independent implementation
// (OpenSSL's, computed once by hand), and every parser refuses malformed and hostile input.
#include <catch2/catch.hpp>

#include "sync/protocol/messages.hpp"
#include "sync/protocol/signing.hpp"

using namespace dc;

namespace {
const std::string kKey = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
}

TEST_CASE("request signatures agree with OpenSSL's HMAC-SHA256", "[sync][protocol]") {
    // printf 'POST\n/v1/push\n1700000000\n<sha256 of {}>' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<kKey>
    CHECK(sync::sha256Hex("{}") == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    const std::string sig = sync::signRequest(kKey, "POST", "/v1/push", 1700000000, "{}");
    CHECK(sig == "3b89c1727642fc207d8e195ddad9ad52614e1fa3a0823c586acbc34b4a5c5aec");
    CHECK(sync::signatureMatches(kKey, "POST", "/v1/push", 1700000000, "{}", sig));
}

TEST_CASE("a signature covers method, target, time and body", "[sync][protocol]") {
    const std::string sig = sync::signRequest(kKey, "GET", "/v1/pull?cursor=&limit=10", 1700000000, "");
    CHECK_FALSE(sync::signatureMatches(kKey, "POST", "/v1/pull?cursor=&limit=10", 1700000000, "", sig));
    CHECK_FALSE(sync::signatureMatches(kKey, "GET", "/v1/pull?cursor=&limit=11", 1700000000, "", sig));
    CHECK_FALSE(sync::signatureMatches(kKey, "GET", "/v1/pull?cursor=&limit=10", 1700000001, "", sig));
    CHECK_FALSE(sync::signatureMatches(kKey, "GET", "/v1/pull?cursor=&limit=10", 1700000000, " ", sig));
    std::string otherKey = kKey;
    otherKey[0] = '9';
    CHECK_FALSE(sync::signatureMatches(otherKey, "GET", "/v1/pull?cursor=&limit=10", 1700000000, "", sig));
    // Malformed secrets and signatures never match and never crash.
    CHECK(sync::signRequest("zz", "GET", "/", 0, "").empty());
    CHECK_FALSE(sync::signatureMatches("", "GET", "/", 0, "", ""));
    CHECK_FALSE(sync::signatureMatches(kKey, "GET", "/v1/pull?cursor=&limit=10", 1700000000, "", sig.substr(1)));
    CHECK_FALSE(sync::signatureMatches(kKey, "GET", "/v1/pull?cursor=&limit=10", 1700000000, "", std::string(5000, 'a')));
}

TEST_CASE("hex encoding round-trips and refuses what is not hex", "[sync][protocol]") {
    const std::vector<uint8_t> bytes{0, 1, 0xab, 0xff};
    CHECK(sync::hexEncode(bytes) == "0001abff");
    CHECK(sync::hexDecode("0001abff") == bytes);
    CHECK_FALSE(sync::hexDecode("0g"));
    CHECK_FALSE(sync::hexDecode("abc"));
    CHECK(sync::hexDecode("")->empty());
}

TEST_CASE("push requests: shape is checked, record content is left to the server", "[sync][protocol]") {
    sync::PushRequest request{{{"0123456789abcdef", "application", R"({"a":1})"}, {"fedcba9876543210", "unknown", "{}"}}};
    auto parsed = sync::parsePushRequest(sync::toJson(request));
    REQUIRE(parsed);
    REQUIRE(parsed->records.size() == 2);
    CHECK(parsed->records[0].body == R"({"a":1})");
    CHECK(parsed->records[1].kind == "unknown");  // answered "rejected" alone, not the whole batch

    for (const char* bad :
         {"", "null", "[]", "{", R"({"records":{}})", R"({"records":[1]})", R"({"records":[{"id":"short","kind":"x"}]})",
          R"({"records":[{"id":"0123456789abcdef"}]})", R"({"records":[{"id":"0123456789abcdef","kind":""}]})",
          R"({"records":[{"id":"0123456789abcdef\u0000","kind":"x"}]})", R"({"records":[{"id":"../../etc/passwd","kind":"x"}]})",
          R"({"records":[{"id":12345678,"kind":"x"}]})"}) {
        INFO(bad);
        auto r = sync::parsePushRequest(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().code() == ErrorCode::InvalidInput);
    }
    std::string many = R"({"records":[)";
    for (size_t i = 0; i <= sync::kMaxPushRecords; ++i)
        many += (i ? "," : "") + std::string(R"({"id":"0123456789abcdef","kind":"x"})");
    many += "]}";
    CHECK_FALSE(sync::parsePushRequest(many));
    // Deep nesting is refused without exhausting the stack, also inside a record's body (which
    // the server would otherwise copy and print, one stack frame per level).
    CHECK_FALSE(sync::parsePushRequest(std::string(100000, '[') + std::string(100000, ']')));
    auto deep = sync::parsePushRequest(R"({"records":[{"id":"0123456789abcdef","kind":"x","body":)" + std::string(500000, '[') +
                                       std::string(500000, ']') + "}]}");
    REQUIRE_FALSE(deep);
    CHECK(deep.error().message().find("deeper") != std::string::npos);
    // Brackets inside strings are text, not nesting.
    CHECK(sync::parsePushRequest(R"({"records":[{"id":"0123456789abcdef","kind":"x","body":{"note":")" + std::string(1000, '[') +
                                 R"("}}]})"));
}

TEST_CASE("push answers, heartbeats, enrollment and errors parse strictly", "[sync][protocol]") {
    sync::PushResponse response{
        {{"0123456789abcdef", sync::Outcome::Duplicate, R"({"status":"waitlisted","waitlistPosition":3})", ""},
         {"fedcba9876543210", sync::Outcome::Rejected, "{}", "unknown kind"}}};
    auto back = sync::parsePushResponse(sync::toJson(response));
    REQUIRE(back);
    REQUIRE(back->answers.size() == 2);
    CHECK(back->answers[0].outcome == sync::Outcome::Duplicate);
    CHECK(back->answers[1].reason == "unknown kind");
    const auto action = sync::parseActionResult(back->answers[0].result);
    CHECK(action.status == "waitlisted");
    CHECK(action.waitlistPosition == 3);
    CHECK_FALSE(sync::parsePushResponse(R"({"answers":[{"id":"0123456789abcdef","outcome":"maybe"}]})"));
    CHECK_FALSE(sync::parsePushResponse(R"({"answers":[{"id":"0123456789abcdef","outcome":"accepted","result":[]}]})"));
    CHECK(sync::parseActionResult("not json").status.empty());
    CHECK_FALSE(sync::parseActionResult(R"({"status":"waitlisted","waitlistPosition":-4})").waitlistPosition);

    CHECK(sync::parseHeartbeat(sync::toJson(sync::Heartbeat{"0.1", 3, 60, 1, "offline", 1 << 20}))->queueDepth == 3);
    CHECK_FALSE(sync::parseHeartbeat(R"({"queueDepth":-1})"));
    CHECK(sync::parseHeartbeat(sync::toJson(sync::Heartbeat{.syncIntervalSeconds = 45}))->syncIntervalSeconds == 45);
    CHECK(sync::parseHeartbeat("{}")->syncIntervalSeconds == 0);  // an older kiosk says nothing of it
    const auto device = sync::parseHeartbeat(sync::toJson(
        sync::Heartbeat{.osVersion = "Debian 12", .databaseBytes = 5 << 20, .printer = "ready", .camera = "v4l2: camera found"}));
    REQUIRE(device);
    CHECK(device->osVersion == "Debian 12");
    CHECK(device->databaseBytes == 5 << 20);
    CHECK(device->printer == "ready");
    CHECK(device->camera == "v4l2: camera found");
    CHECK(sync::parseHeartbeat("{}")->printer.empty());
    CHECK_FALSE(sync::parseHeartbeat(R"({"databaseBytes":-1})"));
    CHECK_FALSE(sync::parseHeartbeat(R"({"printer":7})"));
    CHECK_FALSE(sync::parseHeartbeat(R"({"osVersion":")" + std::string(121, 'x') + "\"}"));
    CHECK_FALSE(sync::parseHeartbeat("{\"camera\":\"\xc3\x28\"}"));
    CHECK_FALSE(sync::parseHeartbeat(R"({"syncIntervalSeconds":-5})"));
    CHECK_FALSE(sync::parseHeartbeat(R"({"syncIntervalSeconds":100000})"));
    CHECK_FALSE(sync::parseHeartbeat(R"({"syncIntervalSeconds":"60"})"));
    CHECK_FALSE(sync::parseHeartbeat(R"({"queueDepth":"3"})"));
    CHECK_FALSE(sync::parseHeartbeat(R"({"lastError":")" + std::string(2000, 'x') + "\"}"));
    CHECK_FALSE(sync::parseHeartbeat("{\"version\":\"\xff\xfe\"}"));

    CHECK(sync::parseEnrollRequest(sync::toJson(sync::EnrollRequest{"tok", "0123456789abcdef", "kiosk", "0.1"})));
    CHECK_FALSE(sync::parseEnrollRequest(R"({"token":"tok","requestId":"x"})"));
    CHECK_FALSE(sync::parseEnrollRequest(R"({"token":"","requestId":"0123456789abcdef"})"));
    CHECK_FALSE(sync::parseEnrollResponse(R"({"deviceId":"d-1","secret":"not-hex"})"));

    auto e = sync::parseErrorBody(sync::toJson(sync::ErrorBody{"clock_skew", "late", 1700000000}));
    REQUIRE(e);
    CHECK(e->serverTime == 1700000000);
    CHECK_FALSE(sync::parseErrorBody("<html>502 Bad Gateway</html>"));
}

TEST_CASE("cursors are epoch.seq and nothing else", "[sync][protocol]") {
    CHECK(sync::parseCursor("")->epoch.empty());
    auto c = sync::parseCursor("0a1b2c3d.42");
    REQUIRE(c);
    CHECK(c->seq == 42);
    CHECK(sync::toString(*c) == "0a1b2c3d.42");
    for (const char* bad : {".1", "abc", "ab.", "ab.-1", "ab.1x", "AB.1", "ab.99999999999999999999", "ab.1.2", "a b.1"})
        CHECK_FALSE(sync::parseCursor(bad));
}

TEST_CASE("reports carry counts only, and strictly", "[sync][protocol]") {
    sync::Report r{{{"2026-11-23", "sessions", "", 4}, {"2026-11-23", "enrollments", "group=parental_leave", 1}}};
    auto back = sync::parseReport(sync::toJson(r));
    REQUIRE(back);
    CHECK(back->counts.size() == 2);
    CHECK(back->counts[1].dimension == "group=parental_leave");
    for (const char* bad :
         {R"({"counts":[{"day":"23.11.2026","metric":"sessions","n":1}]})",
          R"({"counts":[{"day":"9999-99-99","metric":"sessions","n":1}]})",
          R"({"counts":[{"day":"2026-02-30","metric":"sessions","n":1}]})",
          R"({"counts":[{"day":"2027-02-29","metric":"sessions","n":1}]})",
          R"({"counts":[{"day":"2026-11-23","metric":"passwords","n":1}]})",
          R"({"counts":[{"day":"2026-11-23","metric":"sessions","dimension":"name=Nino Beridze","n":1}]})",
          R"({"counts":[{"day":"2026-11-23","metric":"sessions","n":-1}]})",
          R"({"counts":[{"day":"2026-11-23","metric":"sessions","n":99999999999}]})", R"({"counts":{}})", "[]"}) {
        INFO(bad);
        CHECK_FALSE(sync::parseReport(bad));
    }
}

TEST_CASE("heartbeat answers carry configuration and the office's status updates, strictly", "[sync][protocol]") {
    sync::HeartbeatResponse r{
        1795000000, R"({"idleTimeoutSeconds":120})", {{7, "e-1234", "confirmed", std::nullopt}, {8, "e-5678", "waitlisted", 2}}};
    auto back = sync::parseHeartbeatResponse(sync::toJson(r));
    REQUIRE(back);
    CHECK(back->config == R"({"idleTimeoutSeconds":120})");
    REQUIRE(back->updates.size() == 2);
    CHECK(back->updates[1].waitlistPosition == 2);
    CHECK_FALSE(sync::parseHeartbeatResponse(R"({"serverTime":1,"updates":{}})"));
    CHECK_FALSE(sync::parseHeartbeatResponse(R"({"serverTime":1,"updates":[{"seq":0,"subject":"e-1","status":"x"}]})"));
    CHECK_FALSE(sync::parseHeartbeatResponse(R"({"serverTime":1,"updates":[{"seq":3,"status":"x"}]})"));
    CHECK_FALSE(sync::parseHeartbeatResponse(R"({"serverTime":1,"config":"idle=5"})"));
    CHECK(sync::parseHeartbeat(sync::toJson(sync::Heartbeat{.updatesAfter = 42}))->updatesAfter == 42);
}
