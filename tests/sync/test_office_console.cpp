// The office console and its service without a browser: accounts, sessions, CSRF, roles, hostile
// input in every field that is shown, two caseworkers deciding at once, the audit log, and what a
// decision sends back to kiosks (status look-ups and heartbeats).
#include <arpa/inet.h>
#include <ctime>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/utf8.hpp"

#include "sync/server/http_api.hpp"
#include "sync/server/office/console.hpp"
#include "sync/server/office/console_page.hpp"
#include "sync/server/office/sms.hpp"
#include "sync/protocol/signing.hpp"
#include "catalog/catalog_generator.hpp"
#include "sync/console_fixture.hpp"
#include "sync/server_fixture.hpp"
#include "sync/server_process.hpp"

using namespace dc;
using namespace dc::server;
using nlohmann::json;

using test::ConsoleFixture;
using test::headerOf;
constexpr const char* kXss = test::kXss;

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

TEST_CASE("console: pages need a session, and forged CSRF, an idle session and a wrong role are refused",
          "[sync][office][hostile]") {
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
    CHECK(f.request("POST", "/office/record/enrollment/e-x/decide", "csrf=" + csrf + "&version=0&status=cancelled", cookie)
              .status == 403);
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
    REQUIRE(f.request("POST", decide, "csrf=" + csrf + "&version=0&status=invited&message=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E",
                      cookie)
                .status == 303);
    const auto after = f.request("GET", "/office/record/application/a-0000000002", "", cookie);
    CHECK(after.body.find("<img src=x") == std::string::npos);
    CHECK(after.body.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    // Hostile forms: invalid UTF-8, a bad escape, oversized, a status that does not exist, a message too long.
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&version=1&status=hired&message=%FF%FE", cookie).status == 400);
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&version=1&status=hired&message=%G1", cookie).status == 400);
    CHECK(f.request("POST", decide, "csrf=" + csrf + "&message=" + std::string(office::kMaxFormBytes, 'x'), cookie).status ==
          400);
    const auto unknown = f.request("POST", decide, "csrf=" + csrf + "&version=1&status=promoted_to_ceo", cookie);
    CHECK(unknown.status == 400);
    CHECK(unknown.body.find("does not apply") != std::string::npos);
    CHECK(
        f.request("POST", decide, "csrf=" + csrf + "&version=1&status=hired&message=" + std::string(1001, 'x'), cookie).status ==
        400);
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
    REQUIRE(f.request("POST", "/office/record/application/a-0000000004/decide", "csrf=" + csrf + "&version=0&status=forwarded",
                      cookie)
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

namespace {

// A course with two sessions of `capacity` seats each, none taken yet: {first, second}.
std::pair<std::string, std::string> twoSessions(ConsoleFixture& f, int64_t capacity) {
    auto course = f.catalog.courseUpserts.at(0);
    course.sessions.resize(2);
    for (int i = 0; i < 2; ++i) {
        course.sessions[i].id = i == 0 ? "session-a" : "session-b";
        course.sessions[i].capacity = capacity;
        course.sessions[i].seatsTaken = 0;
        course.sessions[i].startsAt = i == 0 ? "2027-01-10" : "2027-02-14";
        course.sessions[i].city = "Kutaisi";
    }
    REQUIRE(f.service->importCatalog({.courseUpserts = {course}}));
    return {"session-a", "session-b"};
}

void enrollIn(ConsoleFixture& f, const std::string& session, const std::string& id, const std::string& code, bool sms = false) {
    sync::PushRequest push;
    json person = {{"name", "Ана " + id}, {"phone", "+995 555 00 00 " + id.substr(id.size() - 2)}, {"language", "ka"}};
    if (sms) person["sms"] = true;
    push.records.push_back(
        {"rec-" + id, "enrollment",
         json{{"enrollmentId", id}, {"referenceCode", code}, {"sessionId", session}, {"person", person}}.dump()});
    REQUIRE(f.service->push(f.kiosk.deviceId, push));
}

// status and waitlist position of an enrollment, "confirmed" or "waitlisted2"
std::string placeOf(ConsoleFixture& f, const std::string& id) {
    auto c = f.pool->acquire();
    auto rows = c->query("SELECT status, waitlist_position, session_id FROM enrollments WHERE id = $1", {id});
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    return (*rows)[0].text(2) + ":" + (*rows)[0].text(0) + (*rows)[0].text(1);
}

int64_t seatsTaken(ConsoleFixture& f, const std::string& session) {
    auto c = f.pool->acquire();
    auto rows = c->query("SELECT seats_taken FROM sessions WHERE id = $1", {session});
    REQUIRE(rows);
    return (*rows)[0].integer(0);
}

}  // namespace

TEST_CASE("course places: moved, cancelled and promoted by a coordinator keep every seat counted, and the waitlist moves up",
          "[sync][office]") {
    ConsoleFixture f;
    const auto [a, b] = twoSessions(f, 2);
    enrollIn(f, a, "e-0000000001", "AAA-AA1");
    enrollIn(f, a, "e-0000000002", "AAA-AA2");
    enrollIn(f, a, "e-0000000003", "AAA-AA3");  // waits: first
    enrollIn(f, a, "e-0000000004", "AAA-AA4");  // waits: second
    CHECK(placeOf(f, "e-0000000003") == "session-a:waitlisted1");
    auto nino = f.office->login("Nino", "nino password 1");
    auto giorgi = f.office->login("Giorgi", "giorgi password 1");
    REQUIRE(giorgi);

    // A caseworker does not decide course places; the page says so too.
    CHECK(
        f.office->decide(office::RecordKind::Enrollment, "e-0000000001", 0, "cancelled", "", "", nino->session).error().code() ==
        ErrorCode::Refused);
    // Promoting needs a free seat: session a has none.
    CHECK(
        f.office->decide(office::RecordKind::Enrollment, "e-0000000003", 0, "promoted", "", "", giorgi->session).error().code() ==
        ErrorCode::InvalidInput);
    // Confirming is for a place with a seat.
    CHECK_FALSE(f.office->decide(office::RecordKind::Enrollment, "e-0000000004", 0, "confirmed", "", "", giorgi->session));
    // Moving needs another session of the same course.
    CHECK_FALSE(
        f.office->decide(office::RecordKind::Enrollment, "e-0000000001", 0, "moved", "", "", giorgi->session, "session-a"));
    CHECK_FALSE(f.office->decide(office::RecordKind::Enrollment, "e-0000000001", 0, "moved", "", "", giorgi->session, "nowhere"));
    CHECK(seatsTaken(f, a) == 2);

    // The coordinator sees the other session with its free seats, and moves the first person there:
    // they get a seat in b, and a's seat goes to the first on a's waitlist, who gets a decision too.
    auto view = f.office->open(office::RecordKind::Enrollment, "e-0000000001", giorgi->session);
    REQUIRE(view);
    REQUIRE(view->sessions.size() == 1);
    CHECK(view->sessions[0].id == "session-b");
    CHECK(view->sessions[0].freeSeats == 2);
    CHECK(view->sessions[0].label.find("2027-02-14") != std::string::npos);
    REQUIRE(f.office->decide(office::RecordKind::Enrollment, "e-0000000001", 0, "moved", "", "", giorgi->session, "session-b"));
    CHECK(placeOf(f, "e-0000000001") == "session-b:confirmed");
    CHECK(placeOf(f, "e-0000000003") == "session-a:confirmed");
    CHECK(placeOf(f, "e-0000000004") == "session-a:waitlisted2");
    CHECK(seatsTaken(f, a) == 2);
    CHECK(seatsTaken(f, b) == 1);
    auto lucky = f.office->open(office::RecordKind::Enrollment, "e-0000000003", giorgi->session);
    REQUIRE(lucky);
    REQUIRE(lucky->history.size() == 1);
    CHECK(lucky->history[0].status == "promoted");
    CHECK(lucky->version == 1);  // a coordinator who had it open must look again
    auto moved = f.office->open(office::RecordKind::Enrollment, "e-0000000001", giorgi->session);
    REQUIRE(moved->history.size() == 1);
    CHECK(moved->history[0].detail.find("2027-02-14") != std::string::npos);  // the new session, said to the person

    // Cancelling a seat promotes the next one; cancelling again is refused; a seat freed with no one
    // waiting is free again.
    REQUIRE(f.office->decide(office::RecordKind::Enrollment, "e-0000000002", 0, "cancelled", "", "", giorgi->session));
    CHECK(placeOf(f, "e-0000000004") == "session-a:confirmed");
    CHECK(seatsTaken(f, a) == 2);
    CHECK_FALSE(f.office->decide(office::RecordKind::Enrollment, "e-0000000002", 1, "cancelled", "", "", giorgi->session));
    REQUIRE(f.office->decide(office::RecordKind::Enrollment, "e-0000000003", 1, "cancelled", "", "", giorgi->session));
    CHECK(seatsTaken(f, a) == 1);

    // Every kiosk asking about the promoted code hears "confirmed"; its own kiosk got the update.
    auto answer = f.office->statusOf({"AAA-AA4"});
    REQUIRE(answer);
    REQUIRE(answer->size() == 1);
    CHECK((*answer)[0].status == "confirmed");
    auto beat = f.service->heartbeat(f.kiosk.deviceId, {});
    REQUIRE(beat);
    bool heard = false;
    for (const auto& u : beat->updates) heard |= u.subject == "e-0000000004" && u.status == "confirmed";
    CHECK(heard);

    // Through the page: a caseworker gets 403 and no decision form; the coordinator's form offers the session.
    auto [cookie, csrf] = f.signIn("Nino", "nino+password+1");
    CHECK(
        f.request("POST", "/office/record/enrollment/e-0000000004/decide", "csrf=" + csrf + "&version=1&status=cancelled", cookie)
            .status == 403);
    auto [gCookie, gCsrf] = f.signIn("Giorgi", "giorgi+password+1");
    const auto page = f.request("GET", "/office/record/enrollment/e-0000000004", "", gCookie);
    CHECK(page.body.find("name=\"session\"") != std::string::npos);
    CHECK(page.body.find("value=\"session-b\"") != std::string::npos);
    const auto bad = f.request("POST", "/office/record/enrollment/e-0000000004/decide",
                               "csrf=" + gCsrf + "&version=1&status=moved&session=%3Cscript%3E", gCookie);
    CHECK(bad.status == 400);
    CHECK(bad.body.find("<script>") == std::string::npos);
}

TEST_CASE("console: a call no one took is raised again every interval, until someone takes it", "[sync][office]") {
    ConsoleFixture f;
    f.office->setCallRaiseSeconds(120);
    sync::PushRequest push;
    push.records.push_back({"call-0000000009", "event", R"({"what":"clerk-called","language":"ru"})"});
    REQUIRE(f.service->push(f.kiosk.deviceId, push));
    CHECK((*f.office->calls(3600))[0].raised == 0);
    f.clock += 121;
    CHECK((*f.office->calls(3600))[0].raised == 1);
    f.clock += 120;
    CHECK((*f.office->calls(3600))[0].raised == 2);
    auto [cookie, csrf] = f.signIn("Nino", "nino+password+1");
    const auto board = json::parse(f.request("GET", "/office/calls.json", "", cookie).body);
    CHECK(board[0]["raised"] == 2);
    CHECK(board[0]["waitingMinutes"] == 4);
    REQUIRE(f.office->acknowledge("call-0000000009", *f.office->session(cookie.substr(11))));
    CHECK((*f.office->calls(3600))[0].raised == 0);
    (void)csrf;
}

TEST_CASE("offices: staff see only their office's records and calls, and a code is known at its own office's kiosks only",
          "[sync][office][hostile]") {
    ConsoleFixture f;
    auto kioskOf = [&](const std::string& office, const std::string& request) {
        auto token = f.service->issueToken("kiosk", 3600, office);
        REQUIRE(token);
        auto device = f.service->enroll({*token, request, "kiosk", "0.1"});
        REQUIRE(device);
        return *device;
    };
    CHECK_FALSE(f.service->issueToken("kiosk", 3600, "<script>"));
    const auto kutaisi = kioskOf("Kutaisi", "req-0000000011"), batumi = kioskOf("Batumi", "req-0000000012");
    auto applyAt = [&](const sync::EnrollResponse& kiosk, const std::string& id, const std::string& code) {
        sync::PushRequest push;
        push.records.push_back({"rec-" + id, "application",
                                json{{"applicationId", id},
                                     {"referenceCode", code},
                                     {"jobId", f.jobId},
                                     {"person", {{"name", "Person " + id}, {"phone", "+995 555 12 34 56"}}}}
                                    .dump()});
        REQUIRE(f.service->push(kiosk.deviceId, push));
        sync::PushRequest call;
        call.records.push_back({"call-" + id, "event", R"({"what":"clerk-called","language":"ka"})"});
        REQUIRE(f.service->push(kiosk.deviceId, call));
    };
    applyAt(kutaisi, "a-0000000201", "KUT-AAA");
    applyAt(batumi, "a-0000000202", "BAT-AAA");
    REQUIRE(f.office->addUser("Tamar", office::Role::Coordinator, "tamar password 1", "Kutaisi"));
    CHECK_FALSE(f.office->addUser("Eve", office::Role::Caseworker, "eve password 11", "Kutaisi\nBatumi"));
    auto tamar = f.office->login("Tamar", "tamar password 1");
    REQUIRE(tamar);
    CHECK(tamar->session.office == "Kutaisi");

    // The inbox, a record, its photo, a decision and the calls: only Kutaisi's.
    office::InboxFilter filter;
    filter.office = "Kutaisi";
    auto mine = f.office->inbox(filter);
    REQUIRE(mine);
    REQUIRE(mine->rows.size() == 1);
    CHECK(mine->rows[0].code == "KUT-AAA");
    CHECK(f.office->open(office::RecordKind::Application, "a-0000000202", tamar->session).error().code() == ErrorCode::NotFound);
    CHECK(f.office->photo(office::RecordKind::Application, "a-0000000202", tamar->session).error().code() == ErrorCode::NotFound);
    CHECK(f.office->decide(office::RecordKind::Application, "a-0000000202", 0, "hired", "", "", tamar->session).error().code() ==
          ErrorCode::NotFound);
    CHECK(f.office->acknowledge("call-a-0000000202", tamar->session).error().code() == ErrorCode::NotFound);
    auto calls = f.office->calls(3600, "Kutaisi");
    REQUIRE(calls);
    REQUIRE(calls->size() == 1);
    CHECK((*calls)[0].recordId == "call-a-0000000201");
    auto [cookie, csrf] = f.signIn("Tamar", "tamar+password+1");
    const auto inbox = f.request("GET", "/office/", "", cookie);
    CHECK(inbox.body.find("KUT-AAA") != std::string::npos);
    CHECK(inbox.body.find("BAT-AAA") == std::string::npos);
    CHECK(f.request("GET", "/office/record/application/a-0000000202", "", cookie).status == 404);
    CHECK(f.request("POST", "/office/record/application/a-0000000202/decide", "csrf=" + csrf + "&version=0&status=hired", cookie)
              .status == 404);
    CHECK(f.request("GET", "/office/calls.json", "", cookie).body.find("a-0000000202") == std::string::npos);
    // The unchanged record: no decision got through.
    auto admin = f.office->login("Admin", "admin password 1");
    auto other = f.office->open(office::RecordKind::Application, "a-0000000202", admin->session);  // an admin of every office
    REQUIRE(other);
    CHECK(other->status == "submitted");
    CHECK(f.office->calls(3600)->size() == 2);

    // Status look-ups: the office's own kiosks know its codes; another office's kiosks do not.
    CHECK(f.office->statusOf({"KUT-AAA"}, kutaisi.deviceId)->size() == 1);
    CHECK(f.office->statusOf({"BAT-AAA"}, kutaisi.deviceId)->empty());
    CHECK(f.office->statusOf({"BAT-AAA"}, batumi.deviceId)->size() == 1);
    CHECK(f.office->statusOf({"KUT-AAA", "BAT-AAA"}, f.kiosk.deviceId)->size() == 2);  // a kiosk of no office
}

TEST_CASE(
    "course places over PostgreSQL: two servers' coordinators cancelling and promoting at once lose no seat and give none twice",
    "[sync][office][postgres]") {
    test::TempDir dir;
    test::PostgresCluster pg(dir.path());
    if (!pg.available()) FAIL("PostgreSQL is needed for this test: " << pg.why());
    // Two dc-servers' worth of services, each with its own connections to the one database.
    struct Server {
        std::unique_ptr<server::ConnectionPool> pool;
        std::unique_ptr<server::CentralService> central;
        std::unique_ptr<office::OfficeService> office;
    };
    auto start = [&] {
        Server s;
        auto pool = server::ConnectionPool::open(pg.conninfo(), 2);
        REQUIRE(pool);
        s.pool = std::move(*pool);
        s.central = std::make_unique<server::CentralService>(*s.pool);
        REQUIRE(s.central->prepareSchema());
        s.office = std::make_unique<office::OfficeService>(*s.pool);
        return s;
    };
    Server a = start(), b = start();
    auto course = catalog::generateCatalog({.seed = 3, .jobs = 1, .courses = 1}).courseUpserts.at(0);
    course.sessions.resize(1);
    course.sessions[0].id = "pg-session";
    course.sessions[0].capacity = 10;
    course.sessions[0].seatsTaken = 0;
    REQUIRE(a.central->importCatalog({.courseUpserts = {course}}));
    auto token = a.central->issueToken("kiosk", 3600);
    auto kiosk = a.central->enroll({*token, "req-pg-000001", "kiosk", "0.1"});
    REQUIRE(kiosk);
    for (int i = 0; i < 30; ++i) {  // 10 seats, then 20 on the waiting list
        char id[32];
        std::snprintf(id, sizeof id, "e-pg-%06d", i);
        sync::PushRequest push;
        push.records.push_back({std::string("rec-") + id, "enrollment",
                                json{{"enrollmentId", id},
                                     {"referenceCode", "PG" + std::to_string(1000 + i).substr(1)},
                                     {"sessionId", "pg-session"},
                                     {"person", {{"name", "P"}, {"phone", "+375291112233"}}}}
                                    .dump()});
        REQUIRE(a.central->push(kiosk->deviceId, push));
    }
    REQUIRE(a.office->addUser("A", office::Role::Coordinator, "coordinator a 1"));
    REQUIRE(b.office->addUser("B", office::Role::Coordinator, "coordinator b 1"));
    const auto whoA = a.office->login("A", "coordinator a 1")->session, whoB = b.office->login("B", "coordinator b 1")->session;
    // Each coordinator cancels five of the ten seats, at the same moment, through their own server.
    auto cancel = [](Server& s, const office::Session& who, int from) {
        for (int i = from; i < from + 5; ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "e-pg-%06d", i);
            auto done = s.office->decide(office::RecordKind::Enrollment, id, 0, "cancelled", "", "", who);
            CHECK(done);
        }
    };
    std::thread ta([&] { cancel(a, whoA, 0); });
    std::thread tb([&] { cancel(b, whoB, 5); });
    ta.join();
    tb.join();
    auto c = a.pool->acquire();
    auto count = [&](const std::string& sql) {
        auto rows = c->query(sql);
        REQUIRE(rows);
        return (*rows)[0].integer(0);
    };
    // Every freed seat went to the waiting list, first come first served, once each.
    CHECK(count("SELECT seats_taken FROM sessions WHERE id = 'pg-session'") == 10);
    CHECK(count("SELECT count(*) FROM enrollments WHERE status = 'confirmed'") == 10);
    CHECK(count("SELECT count(*) FROM enrollments WHERE status = 'confirmed' AND id >= 'e-pg-000010' AND id < 'e-pg-000020'") ==
          10);
    CHECK(count("SELECT count(*) FROM enrollments WHERE status = 'waitlisted'") == 10);
    CHECK(count("SELECT count(*) FROM decisions WHERE status = 'promoted'") == 10);
    CHECK(count("SELECT count(DISTINCT record) FROM decisions WHERE status = 'promoted'") == 10);
}

TEST_CASE("inbox filters: by job and by dates, and hostile filter values are shown as text and change nothing",
          "[sync][office][hostile]") {
    ConsoleFixture f;
    f.apply("a-0000000401", "FIL-AAA", "Early Person");
    f.clock += 3 * 86400;
    f.apply("a-0000000402", "FIL-AAB", "Late Person");
    auto [cookie, csrf] = f.signIn("Nino", "nino+password+1");
    auto day = [](int64_t t) {
        char out[16];
        const std::time_t tt = static_cast<std::time_t>(t);
        std::tm tm{};
        gmtime_r(&tt, &tm);
        std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
        return std::string(out);
    };
    // From the later day on: only the later one; up to the earlier day: only the earlier one.
    const auto late = f.request("GET", "/office/?kind=application&from=" + day(f.clock), "", cookie);
    CHECK(late.body.find("FIL-AAB") != std::string::npos);
    CHECK(late.body.find("FIL-AAA") == std::string::npos);
    const auto early = f.request("GET", "/office/?kind=application&to=" + day(f.clock - 3 * 86400), "", cookie);
    CHECK(early.body.find("FIL-AAA") != std::string::npos);
    CHECK(early.body.find("FIL-AAB") == std::string::npos);
    // By job: the title links to the job's own list.
    const auto byJob = f.request("GET", "/office/?kind=application&subject=" + office::urlEncode(f.jobId), "", cookie);
    CHECK(byJob.body.find("FIL-AAA") != std::string::npos);
    CHECK(f.request("GET", "/office/?kind=application&subject=no-such-job", "", cookie).body.find("FIL-AA") == std::string::npos);
    // Nonsense dates are no filter; markup in any filter comes back as text.
    for (const char* q : {"from=9999-99-99", "to=2026-13-45", "from=%3Cscript%3E", "subject=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                          "kiosk=%27%20OR%201%3D1%20--", "before=abc:%3Cb%3E"}) {
        const auto page = f.request("GET", std::string("/office/?kind=application&") + q, "", cookie);
        INFO(q);
        CHECK(page.status == 200);
        CHECK(page.body.find("<script>") == std::string::npos);
        CHECK(page.body.find("<b>") == std::string::npos);
    }
    (void)csrf;
}
