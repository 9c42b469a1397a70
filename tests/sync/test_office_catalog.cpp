// The courses a coordinator publishes from the console: checked field by field, sent to kiosks
// through the change log, changed without selling seats that are taken, closed; roles and hostile
// forms.
#include <functional>

#include "sync/console_fixture.hpp"
#include "catalog/catalog_json.hpp"
#include "sync/server/office/catalog_admin.hpp"

using namespace dc;
using namespace dc::server;
using test::ConsoleFixture;

namespace {

domain::CourseRecord sampleCourse() {
    domain::CourseRecord c;
    c.name = "Digital skills for parents on leave";
    c.provider = "Kutaisi Digital Centre";
    c.format = "blended";
    c.city = "Kutaisi";
    c.language = "ka";
    c.targetGroups = {"parental_leave", "adults"};
    c.skillsTaught = {"email", "online forms"};
    c.cost = 0;
    for (const char* day : {"2027-02-01", "2027-03-01"}) {
        domain::CourseSession s;
        s.startsAt = day;
        s.center = "Rustaveli Ave 12, room 4";
        s.city = "Kutaisi";
        s.capacity = 12;
        s.accessibleVenue = true;
        c.sessions.push_back(s);
    }
    return c;
}

}  // namespace

TEST_CASE("catalog: a coordinator adds a course with two sessions, it reaches the kiosks' pull, changes and closes",
          "[sync][office][catalog]") {
    ConsoleFixture f;
    office::CatalogAdmin catalog(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    auto nino = f.office->login("Nino", "nino password 1")->session;
    CHECK(catalog.saveCourse(sampleCourse(), nino).error().code() == ErrorCode::Refused);
    auto id = catalog.saveCourse(sampleCourse(), giorgi);
    REQUIRE(id);
    // The kiosks' pull carries it, with both sessions and their seats.
    auto page = f.service->pull("", 5000);
    REQUIRE(page);
    auto batch = catalog::parseJsonLines(page->body);
    REQUIRE(batch);
    const domain::CourseRecord* pulled = nullptr;
    for (const auto& c : batch->courseUpserts)
        if (c.id == *id) pulled = &c;
    REQUIRE(pulled);
    CHECK(pulled->sessions.size() == 2);
    CHECK(pulled->startDate == "2027-02-01");
    CHECK(pulled->sessions[0].accessibleVenue);

    // A kiosk's request takes a seat; the coordinator may not offer fewer seats than are taken.
    sync::PushRequest push;
    push.records.push_back({"rec-cat-1", "enrollment",
                            nlohmann::json{{"enrollmentId", "e-cat-1"},
                                           {"referenceCode", "CAT-AAA"},
                                           {"sessionId", pulled->sessions[0].id},
                                           {"person", {{"name", "Nino"}, {"phone", "+995555000000"}}}}
                                .dump()});
    REQUIRE(f.service->push(f.kiosk.deviceId, push));
    auto edited = *catalog.course(*id, giorgi);
    edited.sessions[0].capacity = 0;
    CHECK_FALSE(catalog.saveCourse(edited, giorgi));
    edited.sessions[0].capacity = 20;
    edited.name = "Digital skills for parents";
    REQUIRE(catalog.saveCourse(edited, giorgi));
    auto again = catalog.course(*id, giorgi);
    REQUIRE(again);
    CHECK(again->name == "Digital skills for parents");
    CHECK(again->sessions[0].seatsTaken == 1);  // the seat stays taken through the edit
    CHECK(again->sessions[0].capacity == 20);

    // Closed: gone from the console's list and a tombstone for the kiosks; the audit has all three.
    REQUIRE(catalog.closeCourse(*id, giorgi));
    CHECK(catalog.course(*id, giorgi).error().code() == ErrorCode::NotFound);
    auto after = f.service->pull(page->nextCursor, 5000);
    REQUIRE(after);
    CHECK(after->body.find(*id) != std::string::npos);
    CHECK(catalog.closeCourse(*id, giorgi).error().code() == ErrorCode::NotFound);
    auto audit = f.office->audit(0, 50);
    std::string actions;
    for (const auto& a : *audit) actions += a.action + " ";
    CHECK(actions.find("course.add") != std::string::npos);
    CHECK(actions.find("course.edit") != std::string::npos);
    CHECK(actions.find("course.close") != std::string::npos);
}

TEST_CASE("catalog: every field of the course form is checked, and hostile forms are refused in plain words",
          "[sync][office][catalog][hostile]") {
    ConsoleFixture f;
    office::CatalogAdmin catalog(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    auto bad = [&](auto change) {
        auto c = sampleCourse();
        change(c);
        return !catalog.saveCourse(c, giorgi);
    };
    CHECK(bad([](auto& c) { c.name.clear(); }));
    CHECK(bad([](auto& c) { c.name = std::string(300, 'x'); }));
    CHECK(bad([](auto& c) { c.name = "bad\xff"; }));
    CHECK(bad([](auto& c) { c.name = std::string("nul\0x", 5); }));
    CHECK(bad([](auto& c) { c.format = "<script>"; }));
    CHECK(bad([](auto& c) { c.language = "xx"; }));
    CHECK(bad([](auto& c) { c.targetGroups.push_back("everyone'; DROP TABLE catalog; --"); }));
    CHECK(bad([](auto& c) { c.cost = -5; }));
    CHECK(bad([](auto& c) { c.cost = 50; }));  // a cost without its currency
    CHECK(bad([](auto& c) { c.sessions.clear(); }));
    CHECK(bad([](auto& c) { c.sessions[0].startsAt = "2027-02-30"; }));
    CHECK(bad([](auto& c) { c.sessions[0].endsAt = "2027-01-01"; }));  // before its start
    CHECK(bad([](auto& c) { c.sessions[0].capacity = 0; }));
    CHECK(bad([](auto& c) { c.sessions[0].capacity = 1'000'000; }));
    CHECK(bad([](auto& c) { c.id = "no-such-course"; }));  // editing what is not there

    // Through the page: a caseworker gets 403; markup comes back as text; a good form publishes.
    auto [ninoCookie, ninoCsrf] = f.signIn("Nino", "nino+password+1");
    CHECK(f.request("GET", "/office/catalog", "", ninoCookie).status == 403);
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi+password+1");
    const auto refused = f.request(
        "POST", "/office/catalog/save",
        "csrf=" + csrf + "&name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&format=webinar&language=ka&s0_start=2027-13-01&s0_seats=5",
        cookie);
    CHECK(refused.status == 400);
    CHECK(refused.body.find("<script>alert") == std::string::npos);
    CHECK(refused.body.find("&lt;script&gt;") != std::string::npos);  // the form keeps what was typed, as text
    CHECK(f.request("POST", "/office/catalog/save", "csrf=forged&name=x", cookie).status == 403);
    const auto saved = f.request(
        "POST", "/office/catalog/save",
        "csrf=" + csrf + "&name=Excel+basics&format=seminar&language=ru&group_adults=1&s0_start=2027-04-01&s0_seats=10" +
            "&s1_start=2027-05-01&s1_seats=8&s1_stepfree=1",
        cookie);
    CHECK(saved.status == 303);
    const auto list = f.request("GET", "/office/catalog", "", cookie);
    CHECK(list.body.find("Excel basics") != std::string::npos);
    CHECK(list.body.find("0 / 18") != std::string::npos);
}

namespace {

domain::JobRecord sampleJob() {
    domain::JobRecord j;
    j.title = "Night receptionist";
    j.employer = "Hotel Kolkheti";
    j.city = "Poti";
    j.region = "Samegrelo";
    j.isco = "42";
    j.employmentType = "PART_TIME";
    j.skills = {"English", "computer"};
    j.salaryMin = 6;
    j.salaryMax = 8;
    j.salaryCurrency = "GEL";
    j.salaryPeriod = "HOUR";
    j.validThrough = "2027-02-28";  // the fixture's clock is 2027-01-15
    return j;
}

const domain::JobRecord* pulledJob(test::ServerFixture& f, const std::string& id, domain::CatalogBatch& holder) {
    auto page = f.service->pull("", 5000);
    REQUIRE(page);
    auto batch = catalog::parseJsonLines(page->body);
    REQUIRE(batch);
    holder = std::move(*batch);
    for (const auto& j : holder.jobUpserts)
        if (j.id == id) return &j;
    return nullptr;
}

}  // namespace

TEST_CASE("catalog: a coordinator publishes a job with its occupation and hourly pay, changes and closes it",
          "[sync][office][catalog]") {
    ConsoleFixture f;
    office::CatalogAdmin catalog(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    auto nino = f.office->login("Nino", "nino password 1")->session;
    CHECK(catalog.saveJob(sampleJob(), nino).error().code() == ErrorCode::Refused);
    auto id = catalog.saveJob(sampleJob(), giorgi);
    REQUIRE(id);
    domain::CatalogBatch holder;
    const auto* pulled = pulledJob(f, *id, holder);
    REQUIRE(pulled);
    CHECK(pulled->isco == "42");
    CHECK(pulled->salaryPeriod == "HOUR");
    CHECK(pulled->datePosted == "2027-01-15");
    CHECK(pulled->validThrough == "2027-02-28");
    REQUIRE(catalog.jobs(giorgi)->size() == 1);

    auto changed = sampleJob();
    changed.id = *id;
    changed.title = "Night receptionist (English)";
    REQUIRE(catalog.saveJob(changed, giorgi));
    CHECK(pulledJob(f, *id, holder)->title == "Night receptionist (English)");
    REQUIRE(catalog.closeJob(*id, giorgi));
    CHECK_FALSE(pulledJob(f, *id, holder));
    CHECK(catalog.closeJob(*id, giorgi).error().code() == ErrorCode::NotFound);
    CHECK(catalog.jobs(giorgi)->empty());
}

TEST_CASE("catalog: job forms out of range are refused with the reason, and the page escapes what it shows",
          "[sync][office][catalog]") {
    ConsoleFixture f;
    office::CatalogAdmin catalog(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    struct Case {
        std::function<void(domain::JobRecord&)> change;
        const char* says;
    };
    const Case cases[] = {
        {[](auto& j) { j.title.clear(); }, "title is needed"},
        {[](auto& j) { j.employer = std::string(201, 'x'); }, "at most 200"},
        {[](auto& j) { j.isco.clear(); }, "occupation"},
        {[](auto& j) { j.isco = "99"; }, "occupation"},
        {[](auto& j) { j.validThrough = "2027-01-14"; }, "closing date has passed"},
        {[](auto& j) { j.validThrough = "2027-02-30"; }, "real date"},
        {[](auto& j) { j.salaryMin = 9; }, "not above the highest"},
        {[](auto& j) { j.salaryMax = -1; }, "whole amount"},
        {[](auto& j) { j.salaryCurrency = "lari"; }, "currency"},
        {[](auto& j) { j.salaryPeriod = "FORTNIGHT"; }, "per hour"},
        {[](auto& j) { j.employmentType = "SOMETIMES"; }, "full time"},
        {[](auto& j) { j.title = "bell\x07"; }, "control characters"},
        {[](auto& j) { j.description = "\xff"; }, "not valid text"},
    };
    for (const auto& c : cases) {
        auto j = sampleJob();
        c.change(j);
        auto r = catalog.saveJob(j, giorgi);
        INFO(c.says);
        REQUIRE_FALSE(r);
        CHECK(r.error().code() == ErrorCode::InvalidInput);
        CHECK(r.error().message().find(c.says) != std::string::npos);
    }
    auto ghost = sampleJob();
    ghost.id = "office-job-nothere";
    CHECK(catalog.saveJob(ghost, giorgi).error().code() == ErrorCode::NotFound);

    // Through the page: a hostile title is escaped, a form out of range comes back with its reason.
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi+password+1");
    const std::string form = "csrf=" + csrf +
        "&title=%3Cscript%3Ealert(1)%3C%2Fscript%3E&employer=Hotel&isco=42&mode=onsite&type=" +
        "&pay_from=6&pay_to=8&currency=GEL&period=HOUR&closes=2027-02-28";
    CHECK(f.request("POST", "/office/jobs/save", form, cookie).status == 303);
    const auto list = f.request("GET", "/office/jobs", "", cookie);
    CHECK(list.status == 200);
    CHECK(list.body.find("<script>alert") == std::string::npos);
    CHECK(list.body.find("&lt;script&gt;alert(1)") != std::string::npos);
    CHECK(list.body.find("42 · Customer services clerks") != std::string::npos);
    const auto bad = f.request("POST", "/office/jobs/save", "csrf=" + csrf + "&title=T&employer=E&isco=&pay_from=ten", cookie);
    CHECK(bad.status == 400);
    CHECK(bad.body.find("occupation") != std::string::npos);
    auto [ninoCookie, ninoCsrf] = f.signIn("Nino", "nino+password+1");
    CHECK(f.request("GET", "/office/jobs", "", ninoCookie).status == 403);
    CHECK(f.request("POST", "/office/jobs/save", "csrf=" + ninoCsrf + "&title=T", ninoCookie).status == 403);
    CHECK(f.request("GET", "/office/jobs/job/nothere", "", cookie).status == 404);
    // In Georgian, the occupations are listed in Georgian.
    const auto ka = f.request("GET", "/office/jobs?add=1&lang=ka", "", cookie);
    CHECK(ka.body.find("42 · მომხმარებელთა მომსახურების თანამშრომლები") != std::string::npos);
}
