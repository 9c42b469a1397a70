// The console's kiosks page: the fleet with silent kiosks, settings pushed with the kiosk's own
// refusals and a history, enrollment tokens and revoked kiosks, roles and offices, and /metrics.
#include "sync/console_fixture.hpp"
#include "sync/server/request_metrics.hpp"
#include "sync/server/office/fleet.hpp"
#include "sync/server_process.hpp"

using namespace dc;
using namespace dc::server;
using nlohmann::json;
using test::ConsoleFixture;

namespace {

sync::Heartbeat beatEvery(int64_t seconds) {
    sync::Heartbeat beat;
    beat.version = "0.9.1";
    beat.queueDepth = 3;
    beat.quarantined = 1;
    beat.lastError = "<b>network down</b>";
    beat.syncIntervalSeconds = seconds;
    beat.osVersion = "Debian GNU/Linux 12 (bookworm), Linux 6.1.0-28-amd64";
    beat.databaseBytes = 48 * 1024 * 1024;
    beat.printer = "not connected: /dev/usb/lp0";
    beat.camera = "v4l2: <i>camera found</i>";
    return beat;
}

}  // namespace

TEST_CASE("fleet: every kiosk with its state, silent after three of its intervals unheard, only for coordinators and admins",
          "[sync][office][fleet]") {
    ConsoleFixture f;
    office::FleetService fleet(*f.pool, [&f] { return f.clock; });
    REQUIRE(f.service->heartbeat(f.kiosk.deviceId, beatEvery(20)));
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    auto nino = f.office->login("Nino", "nino password 1")->session;
    CHECK(fleet.kiosks(nino).error().code() == ErrorCode::Refused);
    auto seen = fleet.kiosks(giorgi);
    REQUIRE(seen);
    REQUIRE(seen->size() == 1);
    CHECK_FALSE((*seen)[0].silent);
    CHECK((*seen)[0].version == "0.9.1");
    CHECK((*seen)[0].queueDepth == 3);
    CHECK((*seen)[0].printer == "not connected: /dev/usb/lp0");
    CHECK((*seen)[0].databaseBytes == 48 * 1024 * 1024);
    CHECK((*seen)[0].setAsideWhy.empty());
    // A record the server refuses: the page says why records of that kiosk were set aside.
    sync::PushRequest bad;
    for (const char* id : {"rec-bad-1", "rec-bad-2"})
        bad.records.push_back(
            {id, "application", json{{"applicationId", std::string("a-") + id}, {"referenceCode", "BAD-0001"}}.dump()});
    REQUIRE(f.service->push(f.kiosk.deviceId, bad));
    const auto why = (*fleet.kiosks(giorgi))[0].setAsideWhy;
    CHECK(why.find("(2)") != std::string::npos);
    CHECK_FALSE(why.empty());
    f.clock += 60;  // exactly three intervals: not yet
    CHECK_FALSE((*fleet.kiosks(giorgi))[0].silent);
    f.clock += 1;
    CHECK((*fleet.kiosks(giorgi))[0].silent);
    // The page says so, and escapes what a kiosk reported; a caseworker gets 403.
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi+password+1");
    const auto page = f.request("GET", "/office/fleet", "", cookie);
    REQUIRE(page.status == 200);
    CHECK(page.body.find("Silent") != std::string::npos);
    CHECK(page.body.find("<b>network down</b>") == std::string::npos);
    CHECK(page.body.find("&lt;b&gt;network down") != std::string::npos);
    CHECK(page.body.find("not connected: /dev/usb/lp0") != std::string::npos);
    CHECK(page.body.find("Debian GNU/Linux 12 (bookworm)") != std::string::npos);
    CHECK(page.body.find("database 48 MB") != std::string::npos);
    CHECK(page.body.find("<i>camera") == std::string::npos);
    CHECK(page.body.find("class=\"why\"") != std::string::npos);
    auto [ninoCookie, ninoCsrf] = f.signIn("Nino", "nino+password+1");
    CHECK(f.request("GET", "/office/fleet", "", ninoCookie).status == 403);
    CHECK(
        f.request("POST", "/office/fleet/config", "csrf=" + ninoCsrf + "&target=*&key=kiosk.idle_timeout_s&value=45", ninoCookie)
            .status == 403);
    (void)csrf;
}

TEST_CASE("fleet: a setting is pushed with the kiosk's own refusals, reaches the kiosk's heartbeat, and is in the history",
          "[sync][office][fleet][hostile]") {
    ConsoleFixture f;
    office::FleetService fleet(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    // What a kiosk would refuse, the console refuses, in the kiosk's words.
    auto low = fleet.pushConfig(f.kiosk.deviceId, "kiosk.idle_timeout_s", "5", giorgi);
    REQUIRE_FALSE(low);
    CHECK(low.error().message().find("below 30") != std::string::npos);
    CHECK(fleet.pushConfig(f.kiosk.deviceId, "server.url", "http://evil.example", giorgi).error().message().find("may not") !=
          std::string::npos);
    CHECK_FALSE(fleet.pushConfig(f.kiosk.deviceId, "kiosk.idle_timeout_s", "45; DROP TABLE devices", giorgi));
    CHECK_FALSE(fleet.pushConfig(f.kiosk.deviceId, "no.such.key", "1", giorgi));
    CHECK_FALSE(fleet.pushConfig(f.kiosk.deviceId, "kiosk.idle_timeout_s", std::string(2000, '9'), giorgi));
    CHECK(fleet.pushConfig("d-nothere", "kiosk.idle_timeout_s", "45", giorgi).error().code() == ErrorCode::NotFound);

    REQUIRE(fleet.pushConfig("*", "kiosk.attract_after_s", "120", giorgi));
    REQUIRE(fleet.pushConfig(f.kiosk.deviceId, "kiosk.idle_timeout_s", "45", giorgi));
    auto beat = f.service->heartbeat(f.kiosk.deviceId, {});
    REQUIRE(beat);
    const json config = json::parse(beat->config);
    CHECK(config["kiosk.idle_timeout_s"] == 45);
    CHECK(config["kiosk.attract_after_s"] == 120);
    auto history = fleet.configHistory(giorgi, 10);
    REQUIRE(history);
    REQUIRE(history->size() == 2);
    CHECK((*history)[0].change == "kiosk.idle_timeout_s = 45");
    CHECK((*history)[0].user == "Giorgi");

    // Through the page: a bad value is a 400 with the reason; a good one a redirect.
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi+password+1");
    const auto bad = f.request("POST", "/office/fleet/config",
                               "csrf=" + csrf + "&target=" + f.kiosk.deviceId + "&key=kiosk.idle_timeout_s&value=5000", cookie);
    CHECK(bad.status == 400);
    CHECK(bad.body.find("600") != std::string::npos);
    CHECK(f.request("POST", "/office/fleet/config", "csrf=forged&target=*&key=kiosk.idle_timeout_s&value=45", cookie).status ==
          403);
    CHECK(f.request("POST", "/office/fleet/config", "csrf=" + csrf + "&target=*&key=kiosk.idle_timeout_s&value=60", cookie)
              .status == 303);
}

TEST_CASE("fleet: an admin makes an enrollment token and revokes a kiosk, which the server then refuses, and offices stay apart",
          "[sync][office][fleet]") {
    ConsoleFixture f;
    office::FleetService fleet(*f.pool, [&f] { return f.clock; });
    auto admin = f.office->login("Admin", "admin password 1")->session;
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    CHECK(fleet.issueToken("Kutaisi hall", 24, "Kutaisi", giorgi).error().code() == ErrorCode::Refused);
    CHECK_FALSE(fleet.issueToken("two\nlines", 24, "", admin));
    CHECK_FALSE(fleet.issueToken("ok", 0, "", admin));
    auto token = fleet.issueToken("Kutaisi hall", 24, "Kutaisi", admin);
    REQUIRE(token);
    auto kiosk = f.service->enroll({*token, "req-fleet-0001", "hall kiosk", "0.1"});
    REQUIRE(kiosk);
    auto tokens = fleet.tokens(admin);
    REQUIRE(tokens);
    bool listed = false;
    for (const auto& t : *tokens) listed |= t.note == "Kutaisi hall" && t.deviceId == kiosk->deviceId && t.office == "Kutaisi";
    CHECK(listed);

    // A coordinator of another office neither sees nor configures it.
    REQUIRE(f.office->addUser("Tamar", office::Role::Coordinator, "tamar password 1", "Batumi"));
    auto tamar = f.office->login("Tamar", "tamar password 1")->session;
    CHECK(fleet.kiosks(tamar)->empty());
    CHECK(fleet.pushConfig(kiosk->deviceId, "kiosk.idle_timeout_s", "45", tamar).error().code() == ErrorCode::NotFound);
    CHECK(fleet.pushConfig("*", "kiosk.idle_timeout_s", "45", tamar).error().code() == ErrorCode::Refused);
    REQUIRE(fleet.pushConfig("office:Batumi", "kiosk.idle_timeout_s", "45", tamar));
    CHECK(fleet.pushConfig("office:Kutaisi", "kiosk.idle_timeout_s", "45", tamar).error().code() == ErrorCode::NotFound);
    // An office's setting reaches its kiosks, over the fleet's and under the kiosk's own.
    REQUIRE(fleet.pushConfig("office:Kutaisi", "kiosk.attract_after_s", "200", admin));
    REQUIRE(fleet.pushConfig("*", "kiosk.attract_after_s", "100", admin));
    CHECK(json::parse(f.service->heartbeat(kiosk->deviceId, {})->config)["kiosk.attract_after_s"] == 200);
    CHECK(json::parse(f.service->heartbeat(f.kiosk.deviceId, {})->config)["kiosk.attract_after_s"] == 100);

    REQUIRE(fleet.revokeDevice(kiosk->deviceId, admin));
    CHECK_FALSE(f.service->deviceSecret(kiosk->deviceId));
    CHECK(fleet.revokeDevice("d-nothere", admin).error().code() == ErrorCode::NotFound);
    CHECK(fleet.revokeDevice(f.kiosk.deviceId, giorgi).error().code() == ErrorCode::Refused);
    auto rows = fleet.kiosks(admin);
    bool shownRevoked = false;
    for (const auto& k : *rows) shownRevoked |= k.id == kiosk->deviceId && k.revoked && !k.silent;
    CHECK(shownRevoked);

    // The page shows a new token once.
    auto [cookie, csrf] = f.signIn("Admin", "admin+password+1");
    const auto made = f.request("POST", "/office/fleet/token", "csrf=" + csrf + "&note=Hall+2&hours=48&office=Kutaisi", cookie);
    CHECK(made.status == 200);
    CHECK(made.body.find("id=\"new-token\"") != std::string::npos);

    // An unused token is revoked from the page; enrolling with it is refused from then on.
    auto spare = fleet.issueToken("spare", 24, "Kutaisi", admin);
    REQUIRE(spare);
    std::string spareId;
    const auto listedTokens = fleet.tokens(admin);
    REQUIRE(listedTokens);
    for (const auto& t : *listedTokens)
        if (t.note == "spare") spareId = t.hashPrefix;
    REQUIRE(spareId.size() == 16);
    CHECK(fleet.revokeToken(spareId, giorgi).error().code() == ErrorCode::Refused);
    CHECK(f.request("POST", "/office/fleet/revoke-token/" + spareId, "csrf=" + csrf, cookie).status == 303);
    CHECK_FALSE(f.service->enroll({*spare, "req-spare-00001", "late kiosk", "0.1"}));
    CHECK(fleet.revokeToken(spareId, admin).error().code() == ErrorCode::NotFound);  // once
    // A used token, or no such one, cannot be revoked (the kiosk is revoked instead).
    for (const auto& t : *listedTokens)
        if (!t.deviceId.empty()) CHECK(fleet.revokeToken(t.hashPrefix, admin).error().code() == ErrorCode::NotFound);
    for (const std::string bad : {"", "zzzzzzzzzzzzzzzz", "0123", "' OR 1=1 --xxxxx"})
        CHECK(fleet.revokeToken(bad, admin).error().code() == ErrorCode::NotFound);
    CHECK(f.request("POST", "/office/fleet/revoke-token/" + spareId, "csrf=" + csrf, cookie).status == 404);
}

TEST_CASE("metrics: the fleet and the office's queues in Prometheus text, without a session and without personal data",
          "[sync][office][fleet]") {
    ConsoleFixture f;
    f.apply("a-0000000301", "MET-AAA", "Nino \"Beridze\"\nX");
    REQUIRE(f.service->heartbeat(f.kiosk.deviceId, beatEvery(30)));
    server::HttpRequest r;
    r.method = "GET";
    r.path = r.target = "/metrics";
    const auto res = f.console->handle(r);
    REQUIRE(res.status == 200);
    CHECK(res.contentType.find("text/plain; version=0.0.4") == 0);
    CHECK(res.body.find("dc_kiosks{state=\"ok\"} 1") != std::string::npos);
    CHECK(res.body.find("dc_kiosk_queue_depth{kiosk=\"" + f.kiosk.deviceId + "\",office=\"\"} 3") != std::string::npos);
    CHECK(res.body.find("dc_records_received_total{kind=\"application\"} 1") != std::string::npos);
    CHECK(res.body.find("# TYPE dc_kiosks gauge") != std::string::npos);
    // Request latency: a histogram per listener, cumulative buckets.
    CHECK(res.body.find("# TYPE dc_http_request_duration_seconds histogram") != std::string::npos);
    auto countOf = [](const std::string& text, const std::string& series) -> long long {
        const size_t at = text.find(series + " ");
        return at == std::string::npos ? -1 : std::stoll(text.substr(at + series.size() + 1));
    };
    const std::string fast = "dc_http_request_duration_seconds_bucket{listener=\"office\",le=\"0.005\"}";
    const std::string slow = "dc_http_request_duration_seconds_bucket{listener=\"office\",le=\"1\"}";
    const std::string all = "dc_http_request_duration_seconds_bucket{listener=\"office\",le=\"+Inf\"}";
    const long long fastBefore = countOf(res.body, fast), slowBefore = countOf(res.body, slow),
                    allBefore = countOf(res.body, all);
    REQUIRE(fastBefore >= 0);
    server::observeRequest("office", 0.002);
    server::observeRequest("office", 0.7);
    const std::string after = f.console->handle(r).body;
    CHECK(countOf(after, fast) == fastBefore + 1);
    CHECK(countOf(after, slow) == slowBefore + 2);
    CHECK(countOf(after, all) == allBefore + 2);
    CHECK(countOf(after, "dc_http_request_duration_seconds_count{listener=\"office\"}") == allBefore + 2);
    CHECK(res.body.find("Beridze") == std::string::npos);
    // Every line is a comment or "name{labels} value" (a whole number, or seconds with a fraction).
    std::istringstream lines(after);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.starts_with("#")) continue;
        const size_t space = line.rfind(' ');
        REQUIRE(space != std::string::npos);
        const std::string value = line.substr(space + 1);
        CHECK(value.find_first_not_of("0123456789.") == std::string::npos);
        CHECK(std::count(value.begin(), value.end(), '.') <= 1);
    }
}

TEST_CASE("dc-server devices prints what kiosks sent without obeying it: no escape sequences, no direction overrides",
          "[sync][server][hostile]") {
    test::ServerFixture f;
    auto token = f.service->issueToken("t", 3600);
    REQUIRE(token);
    REQUIRE(f.service->enroll({*token, "req-hostile-01", "\x1b[2J\xe2\x80\xaehall", "0.1"}));
    auto listed = test::runServerCommand({"devices", "--db", (f.dir / "server.db").string()});
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.output.find('\x1b') == std::string::npos);
    CHECK(listed.output.find("\xe2\x80\xae") == std::string::npos);
    CHECK(listed.output.find("?[2J?hall") != std::string::npos);
}
