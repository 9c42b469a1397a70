// Job feeds: uploaded or fetched on a schedule, each run reported (added, changed, closed with why,
// refused with why), postings past their closing date withdrawn from the kiosks, feeds kept apart;
// the console's pages, roles, and hostile uploads, names and addresses.
#include "sync/console_fixture.hpp"
#include "catalog/catalog_json.hpp"
#include "sync/server/office/feeds.hpp"
#include "sync/server/office/multipart.hpp"

using namespace dc;
using namespace dc::server;
using test::ConsoleFixture;

namespace {

// The fixture's clock is 2027-01-15.
std::string posting(const std::string& id, const std::string& title, const std::string& validThrough = "2027-03-01") {
    return R"({"@context":"https://schema.org","@type":"JobPosting","identifier":")" + id + R"(","title":")" + title +
        R"(","hiringOrganization":"Kutaisi Bakery","validThrough":")" + validThrough + R"("})";
}

std::string list(std::initializer_list<std::string> items) {
    std::string out = "[";
    for (const auto& i : items) out += (out.size() > 1 ? "," : "") + i;
    return out + "]";
}

// What the kiosks' pull says of each job id now: its title, or "" for a tombstone.
std::map<std::string, std::string> pulledJobs(test::ServerFixture& f) {
    auto page = f.service->pull("", 5000);
    REQUIRE(page);
    std::map<std::string, std::string> out;
    auto batch = catalog::parseJsonLines(page->body);
    REQUIRE(batch);
    for (const auto& j : batch->jobUpserts) out[j.id] = j.title;
    return out;
}

size_t count(const office::FeedRun& run, const std::string& outcome) {
    return static_cast<size_t>(std::count_if(run.items.begin(), run.items.end(), [&](auto& i) { return i.outcome == outcome; }));
}

const office::FeedItem* item(const office::FeedRun& run, const std::string& outcome, const std::string& title) {
    for (const auto& i : run.items)
        if (i.outcome == outcome && i.title == title) return &i;
    return nullptr;
}

std::string multipart(const std::string& boundary, const std::vector<std::tuple<std::string, std::string, std::string>>& parts) {
    std::string body;
    for (const auto& [name, filename, value] : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
        if (!filename.empty()) body += "; filename=\"" + filename + "\"\r\nContent-Type: application/ld+json";
        body += "\r\n\r\n" + value + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

}  // namespace

TEST_CASE("feeds: an upload adds postings, the next one changes, closes the expired and refuses the broken, saying why",
          "[sync][office][feeds]") {
    ConsoleFixture f;
    office::FeedService feeds(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    auto first = feeds.importUpload("bakery", list({posting("1", "Baker"), posting("2", "Cashier")}), giorgi);
    REQUIRE(first);
    CHECK(first->added == 2);
    CHECK(first->summary() == "2 added, 0 changed, 0 closed, 0 refused");
    CHECK(pulledJobs(f).at("ld-bakery-2") == "Cashier");

    // The cashier's closing date has passed, a third posting has no title, the baker is renamed.
    auto second = feeds.importUpload(
        "bakery",
        list({posting("1", "Head baker"), posting("2", "Cashier", "2027-01-10"), R"({"@type":"JobPosting","identifier":"3"})"}),
        giorgi);
    REQUIRE(second);
    CHECK(second->changed == 1);
    CHECK(second->closed == 1);
    CHECK(second->refused == 1);
    REQUIRE(item(*second, "changed", "Head baker"));
    const auto* closed = item(*second, "closed", "Cashier");
    REQUIRE(closed);
    CHECK(closed->reason == "its closing date 2027-01-10 has passed");
    REQUIRE(count(*second, "refused") == 1);
    CHECK(second->items.front().reason == "it has no title");
    CHECK(second->items.front().index == 3);
    const auto now = pulledJobs(f);
    CHECK(now.at("ld-bakery-1") == "Head baker");
    CHECK_FALSE(now.count("ld-bakery-2"));  // gone from the kiosks' catalog

    // The report is kept: the console shows it again, and the audit log has the run.
    auto again = feeds.run(second->seq, giorgi);
    REQUIRE(again);
    CHECK(again->items.size() == second->items.size());
    auto runs = feeds.runs("bakery", giorgi, 10);
    REQUIRE(runs);
    CHECK(runs->size() == 2);
    auto audit = f.office->audit(0, 50);
    REQUIRE(audit);
    CHECK(std::any_of(audit->begin(), audit->end(), [](auto& a) { return a.action == "feed.import" && a.subject == "bakery"; }));
}

TEST_CASE("feeds: a posting gone from its feed is closed, except when nothing in the file could be read",
          "[sync][office][feeds]") {
    ConsoleFixture f;
    office::FeedService feeds(*f.pool, [&f] { return f.clock; });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    REQUIRE(feeds.importUpload("bakery", list({posting("1", "Baker"), posting("2", "Cashier")}), giorgi));
    // A download that came back as nonsense postings closes nothing.
    auto broken = feeds.importUpload("bakery", R"([{"@type":"JobPosting"},{"@type":"JobPosting"}])", giorgi);
    REQUIRE(broken);
    CHECK(broken->refused == 2);
    CHECK(broken->closed == 0);
    CHECK(pulledJobs(f).count("ld-bakery-2") == 1);
    // A file that is not JSON at all is a failed run, and closes nothing either.
    auto garbage = feeds.importUpload("bakery", "<html>502 Bad Gateway</html>", giorgi);
    REQUIRE(garbage);
    CHECK_FALSE(garbage->error.empty());
    CHECK(pulledJobs(f).count("ld-bakery-2") == 1);
    // The next good file is the feed's whole list.
    auto shrunk = feeds.importUpload("bakery", list({posting("1", "Baker")}), giorgi);
    REQUIRE(shrunk);
    CHECK(shrunk->closed == 1);
    CHECK(item(*shrunk, "closed", "")->reason == "no longer in the feed");
    CHECK_FALSE(pulledJobs(f).count("ld-bakery-2"));
    // Another feed numbering from 1 has its own postings, and closing one feed's leaves the other's.
    REQUIRE(feeds.importUpload("remote-market", list({posting("1", "Remote translator")}), giorgi));
    const auto both = pulledJobs(f);
    CHECK(both.at("ld-bakery-1") == "Baker");
    CHECK(both.at("ld-remote-market-1") == "Remote translator");
}

TEST_CASE("feeds: fetched on their schedule, a failed fetch is reported and waits its turn", "[sync][office][feeds]") {
    ConsoleFixture f;
    std::string served = list({posting("9", "Driver")});
    bool down = false;
    int fetched = 0;
    office::FeedService feeds(
        *f.pool, [&f] { return f.clock; },
        [&](const std::string& url) -> Expected<std::string> {
            CHECK(url == "https://jobs.example.ge/feed.jsonld");
            ++fetched;
            if (down) return fail(ErrorCode::Transient, "the feed's server answered 503");
            return served;
        });
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    REQUIRE(feeds.saveFeed("example", "https://jobs.example.ge/feed.jsonld", 24, giorgi));
    CHECK(*feeds.runDue() == 1);  // a new schedule runs at once
    CHECK(pulledJobs(f).at("ld-example-9") == "Driver");
    CHECK(*feeds.runDue() == 0);
    f.clock += 23 * 3600;
    CHECK(*feeds.runDue() == 0);
    f.clock += 3600;
    down = true;
    CHECK(*feeds.runDue() == 1);
    auto list1 = feeds.feeds(giorgi);
    REQUIRE(list1);
    REQUIRE(list1->size() == 1);
    CHECK(list1->at(0).lastError == "the feed's server answered 503");
    CHECK(pulledJobs(f).count("ld-example-9") == 1);  // a failed fetch closes nothing
    CHECK(*feeds.runDue() == 0);  // and is not retried in a loop
    down = false;
    auto now = feeds.runNow("example", giorgi);  // "Fetch now"
    REQUIRE(now);
    CHECK(now->unchanged == 1);
    CHECK(fetched == 3);
}

TEST_CASE("feeds: jobs past their closing date leave the kiosks by the server's sweep, whatever brought them",
          "[sync][office][feeds]") {
    ConsoleFixture f;
    office::FeedService feeds(*f.pool, [&f] { return f.clock; });
    // Imported without a feed (dc-server import), closing on 2027-01-20.
    auto run = feeds.importText("", list({posting("5", "Seasonal picker", "2027-01-20")}), "test");
    REQUIRE(run);
    REQUIRE(run->added == 1);
    const std::string id = "ld-kutaisi-bakery-5";
    CHECK(pulledJobs(f).count(id) == 1);
    auto first = feeds.withdrawExpired();  // the generated catalog's jobs that closed before today
    REQUIRE(first);
    for (const auto& gone : *first) {
        const auto& jobs = f.catalog.jobUpserts;
        const auto it = std::find_if(jobs.begin(), jobs.end(), [&](auto& j) { return j.id == gone; });
        REQUIRE(it != jobs.end());
        CHECK(it->validThrough < "2027-01-15");
    }
    CHECK(feeds.withdrawExpired()->empty());
    f.clock += 5 * 86400;  // 2027-01-20: its last day
    CHECK(feeds.withdrawExpired()->empty());
    f.clock += 86400;
    auto gone = feeds.withdrawExpired();
    REQUIRE(gone);
    CHECK(*gone == std::vector<std::string>{id});
    CHECK_FALSE(pulledJobs(f).count(id));
    CHECK(feeds.withdrawExpired()->empty());
}

TEST_CASE("feeds: caseworkers may not, names, addresses and schedules out of range are refused", "[sync][office][feeds]") {
    ConsoleFixture f;
    office::FeedService feeds(*f.pool, [&f] { return f.clock; });
    auto nino = f.office->login("Nino", "nino password 1")->session;
    auto giorgi = f.office->login("Giorgi", "giorgi password 1")->session;
    CHECK(feeds.feeds(nino).error().code() == ErrorCode::Refused);
    CHECK(feeds.importUpload("bakery", list({posting("1", "Baker")}), nino).error().code() == ErrorCode::Refused);
    CHECK(feeds.saveFeed("bakery", "", 0, nino).error().code() == ErrorCode::Refused);
    struct Case {
        std::string name, url;
        int64_t every;
        const char* says;
    };
    for (const Case& c :
         {Case{"", "", 0, "1 to 32"}, Case{"Bakery", "", 0, "small letters"}, Case{std::string(33, 'a'), "", 0, "1 to 32"},
          Case{"a/b", "", 0, "dashes"}, Case{"ok", "file:///etc/passwd", 24, "http"},
          Case{"ok", "ftp://example.ge/f", 24, "http"}, Case{"ok", "https://user:pw@example.ge/f", 24, "password"},
          Case{"ok", "not a url", 24, "not a URL"}, Case{"ok", "https://example.ge/f", 745, "744"},
          Case{"ok", "https://example.ge/f", -1, "744"}, Case{"ok", "", 24, "needs its address"},
          Case{"ok", "https://example.ge/" + std::string(2000, 'x'), 24, "2000"}}) {
        INFO(c.name << " " << c.url << " " << c.every);
        auto r = feeds.saveFeed(c.name, c.url, c.every, giorgi);
        REQUIRE_FALSE(r);
        CHECK(r.error().code() == ErrorCode::InvalidInput);
        CHECK(r.error().message().find(c.says) != std::string::npos);
    }
    CHECK(feeds.importUpload("../x", "[]", giorgi).error().code() == ErrorCode::InvalidInput);
    // An office's coordinator does not see or feed another office's.
    REQUIRE(f.office->addUser("Tamar", office::Role::Coordinator, "tamar password 1", "Batumi"));
    REQUIRE(f.office->addUser("Olga", office::Role::Coordinator, "olga password 1", "Minsk"));
    auto tamar = f.office->login("Tamar", "tamar password 1")->session;
    auto olga = f.office->login("Olga", "olga password 1")->session;
    REQUIRE(feeds.importUpload("batumi-port", list({posting("1", "Crane operator")}), tamar));
    CHECK(feeds.feeds(olga)->empty());
    CHECK(feeds.importUpload("batumi-port", list({posting("1", "Crane operator")}), olga).error().code() == ErrorCode::Refused);
    CHECK(feeds.feeds(tamar)->size() == 1);
    // A feed every office shares is replaced only by a coordinator of every office.
    REQUIRE(feeds.importUpload("national", list({posting("1", "Statistician")}), giorgi));
    CHECK(feeds.importUpload("national", list({posting("2", "Clerk")}), tamar).error().code() == ErrorCode::Refused);
    CHECK(feeds.saveFeed("national", "https://jobs.example.ge/f", 24, tamar).error().code() == ErrorCode::Refused);
}

TEST_CASE("feeds console: a file uploaded through the page, the report names what was refused, escaped",
          "[sync][office][feeds]") {
    ConsoleFixture f;
    auto [cookie, csrf] = f.signIn("Giorgi", "giorgi%20password%201");
    const std::string file = list(
        {posting("1", "Baker"),
         R"({"@type":"JobPosting","identifier":"x","title":")" + std::string("<b>hot</b>") + R"(","validThrough":"<script>"})"});
    HttpRequest r;
    r.method = "POST";
    r.path = r.target = "/office/feeds/upload";
    r.headers["cookie"] = cookie;
    r.headers["content-type"] = "multipart/form-data; boundary=----dcBoundary7";
    r.body = multipart("----dcBoundary7", {{"csrf", "", csrf}, {"name", "", "bakery"}, {"file", "feed.jsonld", file}});
    const HttpResponse done = f.console->handle(r);
    REQUIRE(done.status == 303);
    const std::string report = test::headerOf(done, "Location");
    CHECK(report.starts_with("/office/feeds/run?seq="));
    const HttpResponse shown = f.request("GET", report, "", cookie);
    CHECK(shown.status == 200);
    CHECK(shown.body.find("Refused") != std::string::npos);
    CHECK(shown.body.find("is not a date") != std::string::npos);
    CHECK(shown.body.find("<script>") == std::string::npos);
    CHECK(shown.body.find("&lt;script&gt;") != std::string::npos);
    const HttpResponse listPage = f.request("GET", "/office/feeds", "", cookie);
    CHECK(listPage.status == 200);
    CHECK(listPage.body.find("1 added, 0 changed, 0 closed, 1 refused") != std::string::npos);

    // Without the CSRF token, the upload is refused; a multipart form elsewhere too.
    r.body = multipart("----dcBoundary7", {{"name", "", "bakery"}, {"file", "feed.jsonld", file}});
    CHECK(f.console->handle(r).status == 403);
    r.path = r.target = "/office/catalog/save";
    CHECK(f.console->handle(r).status == 415);
    // A caseworker sees no feeds page.
    auto [ninoCookie, ninoCsrf] = f.signIn("Nino", "nino%20password%201");
    CHECK(f.request("GET", "/office/feeds", "", ninoCookie).status == 403);
    CHECK(f.request("POST", "/office/feeds/save", "csrf=" + ninoCsrf + "&name=x&url=&every=0", ninoCookie).status == 403);
    // Forms out of range come back with the reason.
    const HttpResponse bad =
        f.request("POST", "/office/feeds/save", "csrf=" + csrf + "&name=x&url=file%3A%2F%2F%2Fetc&every=1", cookie);
    CHECK(bad.status == 400);
    CHECK(bad.body.find("http") != std::string::npos);
    CHECK(f.request("GET", "/office/feeds/run?seq=banana", "", cookie).status == 404);
    CHECK(f.request("GET", "/office/feeds/run?seq=99999999999999999999999", "", cookie).status == 404);
}

TEST_CASE("multipart forms: what a browser sends is read, malformed and hostile ones are refused, saying why",
          "[sync][office][feeds]") {
    const std::string type = "multipart/form-data; boundary=\"b-1\"";
    auto ok = office::parseMultipart(
        type, "preamble\r\n" + multipart("b-1", {{"a", "", "one"}, {"f", "x.json", std::string("\0\xff", 2)}}));
    REQUIRE(ok);
    CHECK(ok->at("a").value == "one");
    CHECK_FALSE(ok->at("a").isFile);
    CHECK(ok->at("f").value == std::string("\0\xff", 2));  // a file's bytes as they came
    CHECK(ok->at("f").filename == "x.json");
    struct Case {
        std::string contentType, body, says;
    };
    const std::string good = multipart("b-1", {{"a", "", "1"}});
    std::vector<std::tuple<std::string, std::string, std::string>> many;
    for (int i = 0; i < 33; ++i) many.emplace_back("f" + std::to_string(i), "", "v");
    for (const Case& c :
         {Case{"application/json", good, "not multipart"}, Case{"multipart/form-data", good, "boundary"},
          Case{"multipart/form-data; boundary=" + std::string(71, 'x'), good, "boundary"}, Case{type, "", "no parts"},
          Case{type, "--b-1\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", "closing"},
          Case{type, "--b-1\r\nContent-Disposition: form-data; name=\"a\"", "headers do not end"},
          Case{type, "--b-1xx", "line break"}, Case{type, multipart("b-1", {{"", "", "1"}}), "no name"},
          Case{type, multipart("b-1", {{"a", "", "1"}, {"a", "", "2"}}), "twice"},
          Case{type, multipart("b-1", {{"a", "", "\xc3\x28"}}), "not valid text"}, Case{type, multipart("b-1", many), "32 parts"},
          Case{type, "--b-1\r\nno colon here\r\n\r\nv\r\n--b-1--", "malformed header"},
          Case{type, "--b-1\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--b-1--", "not form-data"},
          Case{type, "--b-1\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--b-1--", "no name"}}) {
        INFO(c.contentType << " | " << c.body.substr(0, 80));
        auto r = office::parseMultipart(c.contentType, c.body);
        REQUIRE_FALSE(r);
        CHECK(r.error().message().find(c.says) != std::string::npos);
    }
}
