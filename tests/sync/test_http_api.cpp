// The HTTP side of protocol v1 without sockets: authentication, clock skew, routes, and clear
// JSON errors for malformed and hostile requests.
#include <nlohmann/json.hpp>

#include "sync/protocol/signing.hpp"
#include "sync/server/http_api.hpp"
#include "sync/server_fixture.hpp"

using namespace dc;

namespace {

struct ApiFixture : test::ServerFixture {
    server::Api api{*service};
    sync::EnrollResponse device = enroll();

    server::HttpRequest signedRequest(const std::string& method, const std::string& target, const std::string& body, int64_t at) {
        server::HttpRequest r;
        r.method = method;
        r.target = target;
        r.path = target.substr(0, target.find('?'));
        if (const size_t q = target.find('?'); q != std::string::npos) {
            std::string rest = target.substr(q + 1);
            size_t p = 0;
            while (p <= rest.size()) {
                const size_t amp = std::min(rest.find('&', p), rest.size());
                const std::string kv = rest.substr(p, amp - p);
                const size_t eq = kv.find('=');
                if (eq != std::string::npos) r.query[kv.substr(0, eq)] = kv.substr(eq + 1);
                p = amp + 1;
            }
        }
        r.body = body;
        r.headers = {{"dc-device", device.deviceId},
                     {"dc-timestamp", std::to_string(at)},
                     {"dc-signature", sync::signRequest(device.secret, method, target, at, body)}};
        return r;
    }
    std::string errorCode(const server::HttpResponse& res) {
        auto e = sync::parseErrorBody(res.body);
        return e ? e->error : "(not an error body: " + res.body + ")";
    }
};

}  // namespace

TEST_CASE("a signed heartbeat is accepted and recorded", "[sync][api]") {
    ApiFixture f;
    auto res =
        f.api.handle(f.signedRequest("POST", "/v1/heartbeat", sync::toJson(sync::Heartbeat{"0.1", 7, 30, 1, "", 5}), f.clock));
    CHECK(res.status == 200);
    auto devices = f.service->devices();
    CHECK(devices->at(0).queueDepth == 7);
    CHECK(devices->at(0).lastSeen == f.clock);
}

TEST_CASE("requests without a valid signature are refused with 401", "[sync][api]") {
    ApiFixture f;
    const std::string body = sync::toJson(sync::Heartbeat{});
    auto good = f.signedRequest("POST", "/v1/heartbeat", body, f.clock);

    auto unsignedReq = good;
    unsignedReq.headers.erase("dc-signature");
    CHECK(f.api.handle(unsignedReq).status == 401);

    auto tampered = good;
    tampered.body = sync::toJson(sync::Heartbeat{"evil", 0, 0, 0, "", 0});
    CHECK(f.api.handle(tampered).status == 401);

    auto stranger = good;
    stranger.headers["dc-device"] = "d-unknown";
    auto res = f.api.handle(stranger);
    CHECK(res.status == 401);
    CHECK(f.errorCode(res) == "unauthorized");

    auto badStamp = good;
    badStamp.headers["dc-timestamp"] = "yesterday";
    CHECK(f.api.handle(badStamp).status == 401);
}

TEST_CASE("a device clock off by more than the window gets clock_skew with the server's time", "[sync][api]") {
    ApiFixture f;
    auto res = f.api.handle(f.signedRequest("POST", "/v1/heartbeat", "{}", f.clock - 3600));
    CHECK(res.status == 401);
    auto e = sync::parseErrorBody(res.body);
    REQUIRE(e);
    CHECK(e->error == "clock_skew");
    CHECK(e->serverTime == f.clock);
    // Inside the window is fine.
    CHECK(f.api.handle(f.signedRequest("POST", "/v1/heartbeat", "{}", f.clock + 200)).status == 200);
}

TEST_CASE("routes, methods and bodies get clear JSON errors", "[sync][api]") {
    ApiFixture f;
    CHECK(f.api.handle({"GET", "/v1/health", "/v1/health", {}, {}, ""}).status == 200);
    auto missing = f.api.handle({"GET", "/v1/nothing", "/v1/nothing", {}, {}, ""});
    CHECK(missing.status == 404);
    CHECK(f.errorCode(missing) == "not_found");
    CHECK(f.api.handle({"GET", "/v1/push", "/v1/push", {}, {}, ""}).status == 405);
    CHECK(f.api.handle({"GET", "/v1/enroll", "/v1/enroll", {}, {}, ""}).status == 405);

    auto badJson = f.api.handle(f.signedRequest("POST", "/v1/push", "{\"records\":[", f.clock));
    CHECK(badJson.status == 400);
    CHECK(f.errorCode(badJson) == "bad_request");
    CHECK(f.api.handle(f.signedRequest("GET", "/v1/pull?cursor=nonsense&limit=5", "", f.clock)).status == 400);
    CHECK(f.api.handle(f.signedRequest("GET", "/v1/pull?cursor=&limit=-5", "", f.clock)).status == 400);
    CHECK(f.api.handle(f.signedRequest("GET", "/v1/pull?cursor=&limit=99999999999999999999", "", f.clock)).status == 400);
    auto expired = f.api.handle(f.signedRequest("GET", "/v1/pull?cursor=00ff.5&limit=5", "", f.clock));
    CHECK(expired.status == 410);
    CHECK(f.errorCode(expired) == "cursor_expired");

    auto enrollBad = f.api.handle({"POST", "/v1/enroll", "/v1/enroll", {}, {}, R"({"token":"x"})"});
    CHECK(enrollBad.status == 400);
    auto enrollUsed = f.api.handle(
        {"POST", "/v1/enroll", "/v1/enroll", {}, {}, sync::toJson(sync::EnrollRequest{"0000", "0123456789abcdef", "", ""})});
    CHECK(enrollUsed.status == 403);

    // A path that is not UTF-8 is echoed in the answer: it used to throw out of the handler (found
    // by the API fuzz target), which takes down the whole server; now the byte is replaced.
    const std::string hostile = "/v1/\xff\xfe";
    auto odd = f.api.handle({"GET", hostile, hostile, {}, {}, ""});
    CHECK(odd.status == 404);
    CHECK_FALSE(nlohmann::json::parse(odd.body, nullptr, false).is_discarded());
    CHECK(f.errorCode(odd) == "not_found");
}

TEST_CASE("a pull answers JSON Lines with its cursor, count and whether more follows", "[sync][api]") {
    ApiFixture f;
    auto res = f.api.handle(f.signedRequest("GET", "/v1/pull?cursor=&limit=10", "", f.clock));
    REQUIRE(res.status == 200);
    std::map<std::string, std::string> h(res.headers.begin(), res.headers.end());
    CHECK(h["DC-Count"] == "10");
    CHECK(h["DC-More"] == "1");
    CHECK(sync::parseCursor(h["DC-Cursor"]));
    CHECK(std::count(res.body.begin(), res.body.end(), '\n') == 10);
}
