// The program's reports: applications, hires, course places and completions by target group,
// language, region and week; small groups never shown; nothing personal on the page or in the
// CSV; roles, offices, and days out of range.
#include "sync/console_fixture.hpp"
#include "sync/server/office/reports.hpp"

using namespace dc;
using namespace dc::server;
using nlohmann::json;
using test::ConsoleFixture;

namespace {

// Applications of people born on `birthDate`, using the kiosk in `language`.
void applyMany(ConsoleFixture& f, int n, const std::string& prefix, const std::string& birthDate, const std::string& language) {
    sync::PushRequest push;
    for (int i = 0; i < n; ++i) {
        const std::string id = prefix + std::to_string(i);
        push.records.push_back({"rec-" + id, "application",
                                json{{"applicationId", id},
                                     {"referenceCode", "R" + id},
                                     {"jobId", f.jobId},
                                     {"person",
                                      {{"name", "Secret Name " + id},
                                       {"phone", "+995 555 99 88 77"},
                                       {"birthDate", birthDate},
                                       {"language", language}}}}
                                    .dump()});
    }
    REQUIRE(f.service->push(f.kiosk.deviceId, push));
}

std::string sessionForYouth(ConsoleFixture& f, int64_t capacity) {
    auto course = f.catalog.courseUpserts.at(0);
    course.targetGroups = {"youth", "parental_leave"};
    course.sessions.resize(1);
    course.sessions[0].id = "youth-session";
    course.sessions[0].capacity = capacity;
    course.sessions[0].seatsTaken = 0;
    REQUIRE(f.service->importCatalog({.courseUpserts = {course}}));
    return "youth-session";
}

void enrollMany(ConsoleFixture& f, int n, const std::string& session) {
    sync::PushRequest push;
    for (int i = 0; i < n; ++i) {
        const std::string id = "enr-" + std::to_string(i);
        push.records.push_back(
            {"rec-" + id, "enrollment",
             json{{"enrollmentId", id},
                  {"referenceCode", "E" + std::to_string(i)},
                  {"sessionId", session},
                  {"person", {{"name", "Secret Name " + id}, {"phone", "+375 29 111 22 33"}, {"language", "ru"}}}}
                 .dump()});
    }
    REQUIRE(f.service->push(f.kiosk.deviceId, push));
}

int64_t count(const office::ProgramReport& r, office::Dimension d, const std::string& key, office::Measure m) {
    const auto& map = r.of(d);
    const auto it = map.find(key);
    return it == map.end() ? 0 : it->second[m];
}

}  // namespace

TEST_CASE("reports: outcomes by target group, language, region and week, small groups never shown", "[sync][office][reports]") {
    using office::Dimension;
    using office::Measure;
    ConsoleFixture f;  // clock: 2027-01-15, a Friday of ISO week 2027-W02
    office::ReportService reports(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    applyMany(f, 7, "young", "2004-06-01", "ka");  // 22 years old: youth
    applyMany(f, 3, "older", "1980-02-02", "ru");  // adults
    applyMany(f, 2, "nodate", "", "be");
    // Six of the young are hired.
    for (int i = 0; i < 6; ++i) {
        const std::string id = "young" + std::to_string(i);
        auto v = f.office->open(office::RecordKind::Application, id, giorgi);
        REQUIRE(v);
        REQUIRE(f.office->decide(office::RecordKind::Application, id, v->version, "hired", "", "", giorgi));
    }
    enrollMany(f, 8, sessionForYouth(f, 20));
    for (int i = 0; i < 5; ++i) REQUIRE(reports.markCompleted("enr-" + std::to_string(i), giorgi));

    auto r = reports.report("2027-01-01", "2027-01-31", giorgi);
    REQUIRE(r);
    CHECK(r->total[Measure::Applications] == 12);
    CHECK(r->total[Measure::Hires] == 6);
    CHECK(r->total[Measure::Places] == 8);
    CHECK(r->total[Measure::Completions] == 5);
    CHECK(count(*r, Dimension::Group, "youth", Measure::Applications) == 7);
    CHECK(count(*r, Dimension::Group, "adults", Measure::Applications) == 3);
    CHECK(count(*r, Dimension::Group, "", Measure::Applications) == 2);
    CHECK(count(*r, Dimension::Group, "youth", Measure::Places) == 8);  // the course's groups
    CHECK(count(*r, Dimension::Group, "parental_leave", Measure::Completions) == 5);
    CHECK(count(*r, Dimension::Language, "ka", Measure::Hires) == 6);
    CHECK(count(*r, Dimension::Language, "ru", Measure::Places) == 8);
    CHECK(count(*r, Dimension::Week, "2027-W02", Measure::Applications) == 12);
    CHECK(count(*r, Dimension::Region, "", Measure::Applications) == 12);  // the kiosk has no office

    // The CSV: the same numbers, 1 to 4 as "<5", and nothing personal.
    const std::string csv = office::reportCsv(*r);
    CHECK(csv.find("2027-01-01,2027-01-31,group,\"youth\",applications,7\n") != std::string::npos);
    CHECK(csv.find("2027-01-01,2027-01-31,group,\"adults\",applications,<5\n") != std::string::npos);
    CHECK(csv.find("2027-01-01,2027-01-31,total,\"\",hires,6\n") != std::string::npos);
    CHECK(csv.find("Secret") == std::string::npos);
    CHECK(csv.find("555") == std::string::npos);

    // The page: charts and tables, "fewer than 5", no names.
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi%20password%201");
    const HttpResponse page = f.request("GET", "/office/reports?from=2027-01-01&to=2027-01-31", "", cookie);
    CHECK(page.status == 200);
    CHECK(page.body.find("<svg id=\"by-week-chart\" class=\"chart\"") != std::string::npos);
    CHECK(page.body.find("fewer than 5") != std::string::npos);
    CHECK(page.body.find("Secret") == std::string::npos);
    const HttpResponse csvPage = f.request("GET", "/office/reports.csv?from=2027-01-01&to=2027-01-31", "", cookie);
    CHECK(csvPage.status == 200);
    CHECK(csvPage.body == csv);
    CHECK(test::headerOf(csvPage, "Content-Disposition").find("program-report-2027-01-01-2027-01-31.csv") != std::string::npos);

    // Outside the span, nothing.
    auto before = reports.report("2026-12-01", "2026-12-31", giorgi);
    REQUIRE(before);
    CHECK(before->total[Measure::Applications] == 0);
}

TEST_CASE("reports: completions only of confirmed places, roles, offices and days out of range", "[sync][office][reports]") {
    ConsoleFixture f;
    office::ReportService reports(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    auto nino = f.office->login("Nino", "nino password 1")->session;
    enrollMany(f, 2, sessionForYouth(f, 1));  // the second waits for a seat
    CHECK(reports.markCompleted("enr-1", giorgi).error().code() == ErrorCode::InvalidInput);
    CHECK(reports.markCompleted("no-such", giorgi).error().code() == ErrorCode::NotFound);
    CHECK(reports.markCompleted("enr-0", nino).error().code() == ErrorCode::Refused);
    REQUIRE(reports.markCompleted("enr-0", giorgi));
    REQUIRE(reports.markCompleted("enr-0", giorgi));  // twice is once
    CHECK(reports.report("", "", giorgi)->total[office::Measure::Completions] == 1);

    CHECK(reports.report("", "", nino).error().code() == ErrorCode::Refused);
    for (auto [from, to] : {std::pair{"2027-02-30", "2027-03-01"}, std::pair{"2027-01-10", "2027-01-01"},
                            std::pair{"2020-01-01", "2027-01-01"}, std::pair{"x", ""}, std::pair{"2027-01-01'--", ""}}) {
        INFO(from << " " << to);
        CHECK(reports.report(from, to, giorgi).error().code() == ErrorCode::InvalidInput);
    }
    // An office's coordinator counts only the office's kiosks (this one is of no office).
    REQUIRE(f.office->addUser("Tamar", office::Role::Coordinator, "tamar password 1", "Batumi"));
    auto tamar = f.office->login("Tamar", "tamar password 1")->session;
    CHECK(reports.report("", "", tamar)->total[office::Measure::Places] == 0);

    // Through the console: a caseworker is refused, a bad span says why, the completion form works.
    auto [ninoCookie, ninoCsrf] = f.signIn("Nino", "nino%20password%201");
    CHECK(f.request("GET", "/office/reports", "", ninoCookie).status == 403);
    CHECK(f.request("GET", "/office/reports.csv", "", ninoCookie).status == 403);
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi%20password%201");
    const HttpResponse bad = f.request("GET", "/office/reports?from=2027-02-30", "", cookie);
    CHECK(bad.status == 400);
    CHECK(bad.body.find("real dates") != std::string::npos);
    CHECK(f.request("GET", "/office/reports.csv?from=2027-02-30", "", cookie).status == 400);
    const HttpResponse record = f.request("GET", "/office/record/enrollment/enr-0", "", cookie);
    CHECK(record.body.find("/office/reports/completed") != std::string::npos);
    CHECK(f.request("POST", "/office/reports/completed", "csrf=" + csrf + "&id=enr-1", cookie).status == 400);
    CHECK(f.request("POST", "/office/reports/completed", "id=enr-0", cookie).status == 403);  // no CSRF token
}
