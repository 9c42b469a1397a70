// The central service without sockets: enrollment, exactly-once intake, seats and waitlists,
// the change log devices pull, and admin operations.
#include <nlohmann/json.hpp>

#include "catalog/catalog_json.hpp"
#include "sync/server_fixture.hpp"

using namespace dc;
using nlohmann::json;

namespace {

sync::PushRecord application(const std::string& recordId, const std::string& jobId, const std::string& appId) {
    return {recordId, "application",
            json{{"applicationId", appId},
                 {"referenceCode", "ACD-EFG"},
                 {"jobId", jobId},
                 {"person", {{"name", "Нино Бериძე"}, {"phone", "+995 555 12 34 56"}}}}
                .dump()};
}

sync::PushRecord enrollment(const std::string& recordId, const std::string& sessionId, const std::string& id) {
    return {recordId, "enrollment",
            json{{"enrollmentId", id},
                 {"referenceCode", "K7M-" + id.substr(id.size() - 3)},
                 {"sessionId", sessionId},
                 {"person", {{"name", "Ана"}, {"phone", "+995 555 00 00 00"}}}}
                .dump()};
}

// A session with room for exactly `capacity` people, none taken yet.
std::string smallSession(test::ServerFixture& f, int64_t capacity) {
    auto course = f.catalog.courseUpserts.at(0);
    course.sessions.resize(1);
    course.sessions[0].capacity = capacity;
    course.sessions[0].seatsTaken = 0;
    course.sessions[0].id = "small-session";
    REQUIRE(f.service->importCatalog({.courseUpserts = {course}}));
    return "small-session";
}

}  // namespace

TEST_CASE("an enrollment token is good once, a retry of the same request gets the same identity", "[sync][server]") {
    test::ServerFixture f(5, 1);
    auto token = f.service->issueToken("Tbilisi office", 3600);
    REQUIRE(token);
    auto first = f.service->enroll({*token, "request-aaaaaaaa", "kiosk 1", "0.1"});
    REQUIRE(first);
    CHECK(first->secret.size() == 64);
    auto again = f.service->enroll({*token, "request-aaaaaaaa", "kiosk 1", "0.1"});
    REQUIRE(again);
    CHECK(again->deviceId == first->deviceId);
    CHECK(again->secret == first->secret);
    auto other = f.service->enroll({*token, "request-bbbbbbbb", "kiosk 2", "0.1"});
    REQUIRE_FALSE(other);
    CHECK(other.error().code() == ErrorCode::Refused);
    CHECK_FALSE(f.service->enroll({"not-a-token", "request-cccccccc", "", ""}));

    auto late = f.service->issueToken("expires", 60);
    f.clock += 61;
    CHECK_FALSE(f.service->enroll({*late, "request-dddddddd", "", ""}));
    REQUIRE(f.service->devices());
    CHECK(f.service->devices()->size() == 1);
}

TEST_CASE("each pushed record is applied exactly once, a retry is answered with the original result", "[sync][server]") {
    test::ServerFixture f;
    const auto device = f.enroll();
    const std::string jobId = f.catalog.jobUpserts.at(0).id;
    sync::PushRequest batch{{application("rec-00000001", jobId, "a-1"), application("rec-00000002", "no-such-job", "a-2")}};
    auto first = f.service->push(device.deviceId, batch);
    REQUIRE(first);
    REQUIRE(first->answers.size() == 2);
    CHECK(first->answers[0].outcome == sync::Outcome::Accepted);
    CHECK(sync::parseActionResult(first->answers[0].result).status == "submitted");
    // A job withdrawn meanwhile: the application arrives and is answered, not lost.
    CHECK(sync::parseActionResult(first->answers[1].result).status == "rejected");

    auto retry = f.service->push(device.deviceId, batch);
    REQUIRE(retry);
    CHECK(retry->answers[0].outcome == sync::Outcome::Duplicate);
    CHECK(retry->answers[0].result == first->answers[0].result);
    auto csv = f.service->exportCsv("applications");
    REQUIRE(csv);
    CHECK(std::count(csv->begin(), csv->end(), '\n') == 3);  // header + 2
    CHECK(csv->find("Нино") != std::string::npos);

    // Another device sending the same record id learns nothing of the first one's answer.
    const auto other = f.enroll("req-0000000002");
    auto stolen = f.service->push(other.deviceId, batch);
    REQUIRE(stolen);
    CHECK(stolen->answers[0].outcome == sync::Outcome::Rejected);
    CHECK(stolen->answers[0].result == "{}");
    CHECK(stolen->answers[0].reason.find("another device") != std::string::npos);
}

TEST_CASE("control characters in a person's name or phone are refused, not stored and exported", "[sync][server][hostile]") {
    test::ServerFixture f;
    const auto device = f.enroll();
    const std::string jobId = f.catalog.jobUpserts.at(0).id;
    for (const std::string& name :
         {std::string("Nino\0Beridze", 13), std::string("Nino\x1b[31mRed"), std::string("Nino\nBeridze")}) {
        sync::PushRecord r{"rec-ctl-" + std::to_string(name.size()) + std::to_string(static_cast<int>(name[4])), "application",
                           nlohmann::json{{"applicationId", "a-ctl-" + std::to_string(static_cast<int>(name[4]))},
                                          {"referenceCode", "CTL-AAA"},
                                          {"jobId", jobId},
                                          {"person", {{"name", name}, {"phone", "+995555000000"}}}}
                               .dump()};
        auto answer = f.service->push(device.deviceId, {{r}});
        REQUIRE(answer);
        CHECK(answer->answers[0].outcome == sync::Outcome::Rejected);
    }
    const auto csv = f.service->exportCsv("applications");
    REQUIRE(csv);
    CHECK(std::count(csv->begin(), csv->end(), '\n') == 1);  // the header only
}

TEST_CASE("a poison record is rejected alone, the records around it go through", "[sync][server]") {
    test::ServerFixture f;
    const auto device = f.enroll();
    const std::string jobId = f.catalog.jobUpserts.at(1).id;
    sync::PushRequest batch{{application("rec-00000011", jobId, "a-11"),
                             {"rec-00000012", "application", R"({"applicationId":"a-12"})"},
                             {"rec-00000013", "teleport", "{}"},
                             {"rec-00000014", "application", std::string(R"({"note":")") + std::string(70000, 'x') + "\"}"},
                             application("rec-00000015", jobId, "a-15")}};
    auto answer = f.service->push(device.deviceId, batch);
    REQUIRE(answer);
    REQUIRE(answer->answers.size() == 5);
    CHECK(answer->answers[0].outcome == sync::Outcome::Accepted);
    CHECK(answer->answers[1].outcome == sync::Outcome::Rejected);
    CHECK(answer->answers[1].reason.find("referenceCode") != std::string::npos);  // which field is missing
    CHECK(answer->answers[2].outcome == sync::Outcome::Rejected);
    CHECK(answer->answers[3].outcome == sync::Outcome::Rejected);
    CHECK(answer->answers[4].outcome == sync::Outcome::Accepted);
    // Asked again, a refusal stays a refusal, and nothing of it was written.
    auto again = f.service->push(device.deviceId, {{batch.records[1]}});
    CHECK(again->answers[0].outcome == sync::Outcome::Rejected);
    auto csv = f.service->exportCsv("applications");
    CHECK(std::count(csv->begin(), csv->end(), '\n') == 3);
}

TEST_CASE("registrations, consents and events are kept as sent, once", "[sync][server]") {
    test::ServerFixture f(3, 0);
    const auto device = f.enroll();
    // A registration keeps the person's rules (domain/person.hpp), as the clerk's form does.
    for (
        const char* bad :
        {R"({"registrationId":"r-1","referenceCode":"ACD-EFG","person":{"name":"Lela","phone":"12"}})",
         R"({"registrationId":"r-1","referenceCode":"ACD-EFG","person":{"name":" ","phone":"+995 555 123 456"}})",
         R"({"registrationId":"r-1","referenceCode":"ACD-EFG","person":{"name":"Lela","phone":"+995 555 123 456","documentNumber":"ab"}})",
         R"({"profileId":"p-1","name":"Lela"})"}) {
        auto refused = f.service->push(device.deviceId, {{{"reg-bad", "registration", bad}}});
        REQUIRE(refused);
        CHECK(refused->answers.at(0).outcome == sync::Outcome::Rejected);
    }
    sync::PushRequest batch{
        {{"reg-00000001", "registration",
          R"({"registrationId":"r-1","referenceCode":"ACD-EFG","person":{"profileId":"p-1","name":"Lela","phone":"+995 555 123 456","documentNumber":"AB123456","birthDate":"1990-02-03"}})"},
         {"con-00000001", "consent", R"({"profileId":"p-1","given":true})"},
         {"evt-00000001", "event", R"({"what":"printer-jam"})"}}};
    auto first = f.service->push(device.deviceId, batch);
    REQUIRE(first);
    for (const auto& a : first->answers) {
        CHECK(a.outcome == sync::Outcome::Accepted);
        CHECK(sync::parseActionResult(a.result).status == "received");
    }
    auto again = f.service->push(device.deviceId, batch);
    for (const auto& a : again->answers) CHECK(a.outcome == sync::Outcome::Duplicate);
    auto c = f.pool->acquire();
    CHECK((*c->query("SELECT count(*) FROM intake"))[0].integer(0) == 3);
}

TEST_CASE("seats are counted on the server: confirmed until full, then a numbered waitlist, a cancel promotes",
          "[sync][server]") {
    test::ServerFixture f;
    const auto device = f.enroll();
    const std::string session = smallSession(f, 2);
    std::vector<std::string> statuses;
    for (int i = 1; i <= 4; ++i) {
        auto a = f.service->push(device.deviceId,
                                 {{enrollment("rec-enr-000" + std::to_string(i), session, "e-10" + std::to_string(i))}});
        REQUIRE(a);
        const auto r = sync::parseActionResult(a->answers[0].result);
        statuses.push_back(r.status + (r.waitlistPosition ? std::to_string(*r.waitlistPosition) : ""));
    }
    CHECK(statuses == std::vector<std::string>{"confirmed", "confirmed", "waitlisted1", "waitlisted2"});

    // The seat count devices see moves with it.
    auto page = f.service->pull("", 5000);
    REQUIRE(page);
    CHECK(page->body.find(R"("seatsTaken":2)") != std::string::npos);

    auto said = f.service->cancelEnrollment("K7M-101");
    REQUIRE(said);
    CHECK(said->find("K7M-103") != std::string::npos);  // the first on the waitlist got the seat
    auto csv = f.service->exportCsv("enrollments");
    CHECK(csv->find("\"K7M-103\",") != std::string::npos);
    // K7M-103 has a seat now: confirmed, and no longer a place on the waitlist (0); K7M-104 waits first.
    auto lineOf = [&](const std::string& code) {
        const size_t at = csv->find("\"" + code + "\",");
        return at == std::string::npos ? std::string() : csv->substr(at, csv->find('\n', at) - at);
    };
    CHECK(lineOf("K7M-103").find(",\"confirmed\",0,") != std::string::npos);
    CHECK(lineOf("K7M-104").find(",\"waitlisted\",2,") != std::string::npos);
    CHECK_FALSE(f.service->cancelEnrollment("K7M-101"));  // already cancelled
}

TEST_CASE("pulling pages through the change log gives every record once, then tombstones and updates", "[sync][server]") {
    test::ServerFixture f(120, 6);
    std::string cursor;
    size_t lines = 0;
    for (;;) {
        auto page = f.service->pull(cursor, 50);
        REQUIRE(page);
        lines += page->count;
        auto batch = catalog::parseJsonLines(page->body);
        REQUIRE(batch);
        cursor = page->nextCursor;
        if (!page->more) break;
    }
    CHECK(lines == 126);
    auto nothing = f.service->pull(cursor, 50);
    CHECK(nothing->count == 0);
    CHECK(nothing->nextCursor == cursor);

    // Re-importing the same catalog changes nothing; a change and a delete appear after the cursor.
    auto again = f.service->importCatalog(f.catalog);
    CHECK(again->changed == 0);
    auto job = f.catalog.jobUpserts[3];
    job.title = "Changed title";
    REQUIRE(f.service->importCatalog({.jobUpserts = {job}, .jobTombstones = {f.catalog.jobUpserts[4].id}}));
    auto changes = f.service->pull(cursor, 50);
    REQUIRE(changes);
    CHECK(changes->count == 2);
    auto batch = catalog::parseJsonLines(changes->body);
    REQUIRE(batch);
    CHECK(batch->jobUpserts.at(0).title == "Changed title");
    CHECK(batch->jobTombstones.at(0) == f.catalog.jobUpserts[4].id);
    // A full pull leaves tombstones out.
    auto full = f.service->pull("", 5000);
    CHECK(full->count == 125);
}

TEST_CASE("cursors the server does not know are refused, malformed ones are bad requests", "[sync][server]") {
    test::ServerFixture f(5, 1);
    auto page = f.service->pull("", 10);
    REQUIRE(page);
    const std::string epoch = page->nextCursor.substr(0, page->nextCursor.find('.'));
    auto stranger = f.service->pull("00000000deadbeef.3", 10);
    REQUIRE_FALSE(stranger);
    CHECK(stranger.error().code() == ErrorCode::NotFound);
    CHECK(f.service->pull("garbage", 10).error().code() == ErrorCode::InvalidInput);
    CHECK(f.service->pull(epoch + ".999999", 10)->count == 0);
}

TEST_CASE("exports defuse spreadsheet formulas and quote everything", "[sync][server]") {
    test::ServerFixture f(3, 0);
    const auto device = f.enroll();
    auto rec = application("rec-csv-0001", f.catalog.jobUpserts[0].id, "a-csv");
    auto body = json::parse(rec.body);
    body["person"]["name"] = "=HYPERLINK(\"http://evil\",\"x\")";
    body["note"] = "line one\nline \"two\"";
    rec.body = body.dump();
    REQUIRE(f.service->push(device.deviceId, {{rec}}));
    auto csv = f.service->exportCsv("applications");
    REQUIRE(csv);
    CHECK(csv->find("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"") != std::string::npos);
    CHECK(csv->find("\"line one\nline \"\"two\"\"\"") != std::string::npos);
    CHECK_FALSE(f.service->exportCsv("passwords"));
}
