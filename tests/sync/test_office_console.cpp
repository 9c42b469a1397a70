// The office console and its service without a browser: accounts, sessions, CSRF, roles, hostile
// input in every field that is shown, two caseworkers deciding at once, the audit log, and what a
// decision sends back to kiosks (status look-ups and heartbeats).
#include <nlohmann/json.hpp>

#include "sync/server/http_api.hpp"
#include "sync/server/office/console.hpp"
#include "sync/protocol/signing.hpp"
#include "sync/server_fixture.hpp"

using namespace dc;
using namespace dc::server;
using nlohmann::json;

namespace {

constexpr const char* kXss = "<script>alert(1)</script>\"' onmouseover=x";

struct ConsoleFixture : test::ServerFixture {
    std::unique_ptr<office::OfficeService> office;
    std::unique_ptr<office::Console> console;
    sync::EnrollResponse kiosk;
    std::string jobId;

    ConsoleFixture() {
        office = std::make_unique<office::OfficeService>(*pool, [this] { return clock; });
        console = std::make_unique<office::Console>(*office, false);
        REQUIRE(office->addUser("Nino", office::Role::Caseworker, "nino password 1"));
        REQUIRE(office->addUser("Giorgi", office::Role::Coordinator, "giorgi password 1"));
        REQUIRE(office->addUser("Admin", office::Role::Admin, "admin password 1"));
        kiosk = enroll();
        jobId = catalog.jobUpserts.at(0).id;
    }

    void apply(const std::string& appId, const std::string& code, const std::string& name, const std::string& note = "") {
        sync::PushRequest push;
        push.records.push_back({"rec-" + appId, "application",
                                json{{"applicationId", appId}, {"referenceCode", code}, {"jobId", jobId}, {"note", note},
                                     {"person", {{"name", name}, {"phone", "+995 555 12 34 56"}, {"language", "ka"}}}}
                                    .dump()});
        REQUIRE(service->push(kiosk.deviceId, push));
    }

    HttpResponse request(const std::string& method, const std::string& target, const std::string& body = "",
                         const std::string& cookie = "") {
        HttpRequest r;
        r.method = method;
        r.target = target;
        r.path = target.substr(0, target.find('?'));
        if (const size_t q = target.find('?'); q != std::string::npos) {
            auto query = office::parseForm(target.substr(q + 1));
            REQUIRE(query);
            for (auto& [k, v] : *query) r.query.emplace(k, v);
        }
        if (!cookie.empty()) r.headers.emplace("cookie", cookie);
        r.body = body;
        return console->handle(r);
    }

    // Signs in through the login form; returns the cookie header and the CSRF token.
    std::pair<std::string, std::string> signIn(const std::string& name, const std::string& password) {
        const HttpResponse res = request("POST", "/office/login", "name=" + name + "&password=" + password);
        REQUIRE(res.status == 303);
        std::string cookie;
        for (const auto& [k, v] : res.headers)
            if (k == "Set-Cookie" && v.starts_with("dc_session=")) cookie = v.substr(0, v.find(';'));
        REQUIRE_FALSE(cookie.empty());
        auto session = office->session(cookie.substr(11));
        REQUIRE(session);
        return {cookie, session->csrf};
    }
};

std::string headerOf(const HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return {};
}

}  // namespace

TEST_CASE("console: staff accounts refuse weak passwords and bad names, lock after wrong passwords, and hash", "[sync][office]") {
    ConsoleFixture f;
    CHECK(f.office->addUser("X", office::Role::Admin, "short").error().code() == ErrorCode::InvalidInput);
    CHECK(f.office->addUser("<b>", office::Role::Admin, "long enough password").error().code() == ErrorCode::InvalidInput);
    CHECK(f.office->addUser("Nino", office::Role::Admin, "long enough password").error().code() == ErrorCode::Conflict);
    // The database holds an argon2id hash, never the password.
    {
        auto c = f.pool->acquire();  // the only connection of a SQLite pool: give it back before logging in
        auto rows = c->query("SELECT password_hash FROM staff_users WHERE name = 'Nino'");
        REQUIRE(rows);
        CHECK((*rows)[0].text(0).starts_with("$argon2id$"));
        CHECK((*rows)[0].text(0).find("nino password 1") == std::string::npos);
    }

    for (int i = 0; i < office::kMaxFailedLogins; ++i) CHECK_FALSE(f.office->login("Nino", "wrong password!"));
    auto locked = f.office->login("Nino", "nino password 1");
    REQUIRE_FALSE(locked);
    CHECK(locked.error().message().find("locked") != std::string::npos);
    f.clock += office::kLockSeconds + 1;
    CHECK(f.office->login("Nino", "nino password 1"));
    // A disabled account cannot sign in, and its sessions end.
    REQUIRE(f.office->setDisabled("Giorgi", true));
    CHECK_FALSE(f.office->login("Giorgi", "giorgi password 1"));
}

TEST_CASE("console: pages need a session, and forged CSRF, an idle session and a wrong role are refused", "[sync][office][hostile]") {
    ConsoleFixture f;
    f.apply("a-0000000001", "ACD-EFG", "Nino Beridze");
    CHECK(f.request("GET", "/office/").status == 303);
    CHECK(headerOf(f.request("GET", "/office/"), "Location") == "/office/login");
    CHECK(f.request("POST", "/office/login", "name=Nino&password=wrong+password").status == 401);
    // Every page carries a CSP with no inline script.
    const auto login = f.request("GET", "/office/login");
    CHECK(headerOf(login, "Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    CHECK(login.body.find("<script>") == std::string::npos);

    auto [cookie, csrf] = f.signIn("Nino", "nino%20password%201");
    CHECK(f.request("GET", "/office/", "", cookie).status == 200);
    // A decision without the token, or with another, is refused and changes nothing.
    const std::string decide = "/office/record/application/a-0000000001/decide";
    CHECK(f.request("POST", decide, "version=0&status=hired", cookie).status == 403);
    CHECK(f.request("POST", decide, "csrf=" + std::string(32, 'a') + "&version=0&status=hired", cookie).status == 403);
    CHECK(f.request("GET", "/office/record/application/a-0000000001", "", cookie).body.find("Waiting for a decision") !=
          std::string::npos);
    // A caseworker is not an administrator, nor a coordinator for photos and course places.
    CHECK(f.request("GET", "/office/audit", "", cookie).status == 403);
    CHECK(f.request("GET", "/office/audit.csv", "", cookie).status == 403);
    CHECK(f.request("POST", "/office/record/enrollment/e-x/decide", "csrf=" + csrf + "&version=0&status=cancelled", cookie).status == 403);
    // Another office's (or no) record: not found, not an error page with details.
    CHECK(f.request("GET", "/office/record/application/a-nothere000", "", cookie).status == 404);
    CHECK(f.request("GET", "/office/record/passwords/x", "", cookie).status == 404);
    // Idle for longer than the limit: signed out.
    f.clock += office::kIdleSeconds + 1;
    CHECK(f.request("GET", "/office/", "", cookie).status == 303);
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&version=0&status=hired", cookie).status == 401);
}

TEST_CASE("console: what a person sent is shown as text, never as markup, and bad forms say why", "[sync][office][hostile]") {
    ConsoleFixture f;
    f.apply("a-0000000002", "ACD-EFH", kXss, std::string("'; DROP TABLE applications; --") + kXss);
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi+password+1");
    const auto inbox = f.request("GET", "/office/", "", cookie);
    CHECK(inbox.body.find("<script>alert") == std::string::npos);
    CHECK(inbox.body.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; onmouseover=x") != std::string::npos);
    const auto record = f.request("GET", "/office/record/application/a-0000000002", "", cookie);
    REQUIRE(record.status == 200);
    CHECK(record.body.find("<script>alert") == std::string::npos);
    CHECK(record.body.find("DROP TABLE applications") != std::string::npos);  // stored and shown as the person wrote it

    const std::string decide = "/office/record/application/a-0000000002/decide";
    // A message with markup is stored as text and shown escaped.
    REQUIRE(f.request("POST", decide, "csrf=" + csrf + "&version=0&status=invited&message=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", cookie).status == 303);
    const auto after = f.request("GET", "/office/record/application/a-0000000002", "", cookie);
    CHECK(after.body.find("<img src=x") == std::string::npos);
    CHECK(after.body.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    // Hostile forms: invalid UTF-8, a bad escape, oversized, a status that does not exist, a message too long.
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&version=1&status=hired&message=%FF%FE", cookie).status == 400);
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&version=1&status=hired&message=%G1", cookie).status == 400);
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&message=" + std::string(office::kMaxFormBytes, 'x'), cookie).status == 400);
    const auto unknown = f.request("POST", decide, "csrf=" + csrf + "&version=1&status=promoted_to_ceo", cookie);
    CHECK(unknown.status == 400);
    CHECK(unknown.body.find("does not apply") != std::string::npos);
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&version=1&status=hired&message=" + std::string(1001, 'x'), cookie).status == 400);
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&version=1&status=hired&message=a%00b", cookie).status == 400);
    // Still invited: nothing above changed it.
    auto status = f.office->statusOf({"acd efh"});
    REQUIRE(status);
    REQUIRE(status->size() == 1);
    CHECK((*status)[0].status == "invited");
}

TEST_CASE("console: two caseworkers deciding the same record at once: one wins, the other is told, nothing is lost",
          "[sync][office]") {
    ConsoleFixture f;
    f.apply("a-0000000003", "ACD-EFJ", "Nino Beridze");
    auto nino = f.office->login("Nino", "nino password 1");
    auto giorgi = f.office->login("Giorgi", "giorgi password 1");
    REQUIRE(nino);
    REQUIRE(giorgi);
    // Both opened version 0.
    REQUIRE(f.office->decide(office::RecordKind::Application, "a-0000000003", 0, "invited", "Monday 10:00", "", nino->session));
    auto second = f.office->decide(office::RecordKind::Application, "a-0000000003", 0, "not_selected", "", "", giorgi->session);
    REQUIRE_FALSE(second);
    CHECK(second.error().code() == ErrorCode::Conflict);
    // Through the page: 409 with plain words and the record as it is now.
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi+password+1");
    const auto page = f.request("POST", "/office/record/application/a-0000000003/decide",
                                "csrf=" + csrf + "&version=0&status=not_selected", cookie);
    CHECK(page.status == 409);
    CHECK(page.body.find("Someone else decided") != std::string::npos);
    CHECK(page.body.find("Invited to an interview") != std::string::npos);
    // The winner's decision and message are what kiosks get, and the history has one decision.
    auto view = f.office->open(office::RecordKind::Application, "a-0000000003", giorgi->session);
    REQUIRE(view);
    CHECK(view->history.size() == 1);
    CHECK(view->version == 1);
    auto beat = f.service->heartbeat(f.kiosk.deviceId, {});
    REQUIRE(beat);
    REQUIRE(beat->updates.size() == 1);
    CHECK(beat->updates[0].status == "invited");
    CHECK(beat->updates[0].message == "Monday 10:00");
}

TEST_CASE("console: the audit log holds every decision and view, and only an admin reads and exports it", "[sync][office]") {
    ConsoleFixture f;
    f.apply("a-0000000004", "ACD-EFK", "=HYPERLINK(\"x\")");
    auto [cookie, csrf] = f.signIn("Nino", "nino+password+1");
    REQUIRE(f.request("GET", "/office/record/application/a-0000000004", "", cookie).status == 200);
    REQUIRE(f.request("POST", "/office/record/application/a-0000000004/decide", "csrf=" + csrf + "&version=0&status=forwarded", cookie)
                .status == 303);
    auto [adminCookie, adminCsrf] = f.signIn("Admin", "admin+password+1");
    const auto audit = f.request("GET", "/office/audit", "", adminCookie);
    REQUIRE(audit.status == 200);
    CHECK(audit.body.find("record.view") != std::string::npos);
    CHECK(audit.body.find("decision") != std::string::npos);
    const auto csv = f.request("GET", "/office/audit.csv", "", adminCookie);
    REQUIRE(csv.status == 200);
    CHECK(csv.body.find("\"Nino\",\"decision\",\"application:a-0000000004\",\"forwarded\"") != std::string::npos);
    (void)adminCsrf;
}

TEST_CASE("console: a call for a clerk is taken once, and the kiosk hears who is coming with its heartbeat", "[sync][office]") {
    ConsoleFixture f;
    sync::PushRequest push;
    push.records.push_back({"call-0000000001", "event", R"({"what":"clerk-called","language":"ka"})"});
    REQUIRE(f.service->push(f.kiosk.deviceId, push));
    auto calls = f.office->calls(3600);
    REQUIRE(calls);
    REQUIRE(calls->size() == 1);
    CHECK((*calls)[0].language == "ka");
    auto nino = f.office->login("Nino", "nino password 1");
    auto giorgi = f.office->login("Giorgi", "giorgi password 1");
    REQUIRE(f.office->acknowledge("call-0000000001", nino->session));
    CHECK(f.office->acknowledge("call-0000000001", giorgi->session).error().code() == ErrorCode::Conflict);
    CHECK(f.office->acknowledge("call-nothere", giorgi->session).error().code() == ErrorCode::NotFound);
    auto beat = f.service->heartbeat(f.kiosk.deviceId, {});
    REQUIRE(beat);
    REQUIRE(beat->calls.size() == 1);
    CHECK(beat->calls[0].by == "Nino");
    // Another kiosk hears nothing of it.
    const auto other = f.enroll("req-0000000002");
    CHECK(f.service->heartbeat(other.deviceId, {})->calls.empty());
}

TEST_CASE("status look-up: any kiosk asks about a code, signed, and hostile requests are refused", "[sync][office][hostile]") {
    ConsoleFixture f;
    f.apply("a-0000000005", "ACD-EFM", "Nino Beridze");
    Api api(*f.service, f.office.get());
    auto ask = [&](const std::string& body) {
        HttpRequest r{"POST", "/v1/status", "/v1/status", {}, {}, body, ""};
        r.headers = {{"dc-device", f.kiosk.deviceId}, {"dc-timestamp", std::to_string(f.clock)}};
        r.headers["dc-signature"] = sync::signRequest(f.kiosk.secret, "POST", "/v1/status", f.clock, body);
        return api.handle(r);
    };
    const auto found = ask(R"({"codes":["acd efm","NOP-QRS"]})");
    REQUIRE(found.status == 200);
    auto answer = sync::parseStatusResponse(found.body);
    REQUIRE(answer);
    REQUIRE(answer->answers.size() == 1);  // only the code the office knows
    CHECK(answer->answers[0].code == "ACD-EFM");
    CHECK(answer->answers[0].status == "submitted");
    CHECK(ask(R"({"codes":[]})").status == 400);
    CHECK(ask(R"({"codes":"ACD-EFM"})").status == 400);
    CHECK(ask(R"({"codes":[1,2]})").status == 400);
    CHECK(ask("{\"codes\":[\"" + std::string(40, 'A') + "\"]}").status == 400);
    std::string many = R"({"codes":[)";
    for (int i = 0; i < 21; ++i) many += std::string(i ? "," : "") + "\"ACD-EFM\"";
    CHECK(ask(many + "]}").status == 400);
    CHECK(ask("not json").status == 400);
    CHECK(ask("{\"codes\":[\"\xff\xfe\"]}").status == 400);
    // Unsigned: refused.
    HttpRequest unsignedRequest{"POST", "/v1/status", "/v1/status", {}, {}, R"({"codes":["ACD-EFM"]})", ""};
    CHECK(api.handle(unsignedRequest).status == 401);
}
