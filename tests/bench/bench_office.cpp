// dc-bench-office: the office console's figures at scale, measured at the server (in process, no
// network), printed as a table.
//   dc-bench-office [--applications N] [--sessions N] [--requests N] [--kiosks N] [--dir DIR]
// Fills a SQLite database with N applications from 40 kiosks over a catalog of 2,000 jobs, signs
// in `sessions` staff sessions, then times, each over `requests` tries spread over the sessions:
// an inbox page (newest, deep in the list, by status, by job, by date) rendered by the console;
// a kiosk's signed status look-up of a code; a decision; and the heartbeat that carries it to
// the kiosk; the kiosks page and /metrics with `kiosks` kiosks. Baseline in the same run: the same
// look-up on an empty database. Quick mode runs in
// the suite; the README's figures come from a full run by hand. No timing is asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "catalog/catalog_generator.hpp"
#include "support/temp_dir.hpp"
#include "sync/protocol/signing.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server/http_api.hpp"
#include "sync/server/office/console.hpp"
#include "sync/server/office/office_service.hpp"

using namespace dc;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "dc-bench-office: %s\n", what.c_str());
    std::exit(1);
}

template <class T>
T must(Expected<T> value, const char* what) {
    if (!value) die(std::string(what) + ": " + value.error().message());
    return std::move(*value);
}
void must(Expected<void> value, const char* what) {
    if (!value) die(std::string(what) + ": " + value.error().message());
}

struct Figures {
    double p50 = 0, p95 = 0, max = 0;
};
Figures figuresOf(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * static_cast<double>(ms.size())))]; };
    return {at(0.5), at(0.95), ms.back()};
}

template <class F>
Figures timeIt(int requests, F&& one) {
    std::vector<double> ms;
    for (int i = 0; i < requests; ++i) {
        const auto start = Clock::now();
        one(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return figuresOf(std::move(ms));
}

void row(const char* what, const Figures& f, const char* goal) {
    std::printf("| %-46s | %8.2f | %8.2f | %8.2f | %-10s |\n", what, f.p50, f.p95, f.max, goal);
}

struct Office {
    std::unique_ptr<server::ConnectionPool> pool;
    std::unique_ptr<server::CentralService> central;
    std::unique_ptr<server::office::OfficeService> office;
    std::unique_ptr<server::office::Console> console;
    std::unique_ptr<server::Api> api;
    sync::EnrollResponse kiosk;

    explicit Office(const std::string& file) {
        pool = must(server::ConnectionPool::open(file, 4), "opening the database");
        central = std::make_unique<server::CentralService>(*pool);
        must(central->prepareSchema(), "the schema");
        office = std::make_unique<server::office::OfficeService>(*pool);
        console = std::make_unique<server::office::Console>(*office, false);
        api = std::make_unique<server::Api>(*central, office.get());
        const auto token = must(central->issueToken("bench", 3600), "a token");
        kiosk = must(central->enroll({token, "req-bench-00001", "bench kiosk", "0.1"}), "enrolling a kiosk");
    }

    int lookUp(const std::string& code) {
        const std::string body = "{\"codes\":[\"" + code + "\"]}";
        const int64_t now = office->now();
        server::HttpRequest r{"POST", "/v1/status", "/v1/status", {}, {}, body, "127.0.0.1"};
        r.headers = {{"dc-device", kiosk.deviceId},
                     {"dc-timestamp", std::to_string(now)},
                     {"dc-signature", sync::signRequest(kiosk.secret, "POST", "/v1/status", now, body)}};
        return api->handle(r).status;
    }
};

std::string codeOf(int64_t i) {
    char out[16];
    std::snprintf(out, sizeof out, "%03llX-%03llX", static_cast<unsigned long long>(i / 4096),
                  static_cast<unsigned long long>(i % 4096));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    int64_t applications = 1'000'000;
    int sessions = 200, requests = 400, kiosks = 5000;
    std::string where;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--applications")
            applications = std::stoll(v);
        else if (k == "--sessions")
            sessions = std::stoi(v);
        else if (k == "--requests")
            requests = std::stoi(v);
        else if (k == "--kiosks")
            kiosks = std::stoi(v);
        else if (k == "--dir")
            where = v;
        else
            die("unknown option " + k);
    }
    if (applications < 1000 || applications > 4096LL * 4096 || sessions < 1 || requests < 10) die("numbers out of range");
    test::TempDir temp;
    const std::string dir = where.empty() ? temp.path().string() : where;
    std::filesystem::create_directories(dir);
    std::filesystem::remove(dir + "/office-bench.db");
    std::filesystem::remove(dir + "/office-empty.db");

    // Baseline: a status look-up with nothing in the database.
    Office empty(dir + "/office-empty.db");
    const Figures lookUpEmpty = timeIt(requests, [&](int i) { (void)empty.lookUp(codeOf(i)); });

    Office o(dir + "/office-bench.db");
    const auto catalog = catalog::generateCatalog({.seed = 5, .jobs = 2000, .courses = 0});
    must(o.central->importCatalog(catalog), "importing the catalog");
    const auto fillStart = Clock::now();
    {
        auto c = o.pool->acquire();
        must(c->script("CREATE TEMP TABLE bench_jobs (k INTEGER PRIMARY KEY, id TEXT)"), "bench_jobs");
        must(c->script(
                 "INSERT INTO bench_jobs (k, id) SELECT row_number() OVER (ORDER BY id) - 1, id FROM catalog WHERE kind = 'job'"),
             "bench_jobs rows");
        const int64_t base = o.office->now() - applications;
        must(c->script("BEGIN"), "begin");
        must(c->query(
                 "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1) "
                 "INSERT INTO applications (id, record_id, device_id, reference_code, job_id, person, note, status, received_at) "
                 "SELECT printf('a-%010d', i), printf('rec-%010d', i), printf('d-bench-%02d', i % 40), "
                 "printf('%03X-%03X', i / 4096, i % 4096), j.id, "
                 "json_object('name', 'Person ' || i, 'phone', '+995555' || printf('%06d', i), 'language', 'ka'), '', "
                 "CASE WHEN i % 50 = 0 THEN 'invited' WHEN i % 20 = 0 THEN 'forwarded' ELSE 'submitted' END, $2 + i "
                 "FROM n JOIN bench_jobs j ON j.k = i % 2000",
                 {applications, base}),
             "filling applications");
        // What the kiosks' pushes leave beside each application: /metrics counts these.
        must(c->script("INSERT INTO received (id, device_id, kind, outcome, received_at) "
                       "SELECT record_id, device_id, 'application', 'accepted', received_at FROM applications"),
             "filling received");
        must(c->script("COMMIT"), "commit");
        must(c->script("ANALYZE"), "analyze");
    }
    const double fillSeconds = std::chrono::duration<double>(Clock::now() - fillStart).count();
    {
        // The fleet: kiosks heard from at various times, some silent.
        auto c = o.pool->acquire();
        const int64_t now = o.office->now();
        must(c->query(
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) "
                 "INSERT INTO devices (id, name, secret, enrolled_at, last_seen, version, queue_depth, sync_interval, office) "
                 "SELECT printf('d-fleet-%05d', i), printf('Kiosk %d', i), 'x', $2 - 86400, $2 - (i % 400), '0.9.1', i % 7, 60, "
                 "printf('Office %d', i % 20) FROM n",
                 {int64_t{kiosks}, now}),
             "filling the fleet");
    }

    // Staff sessions: one cookie each, used in turn by the requests.
    std::vector<std::string> cookies;
    must(o.office->addUser("bench-user", server::office::Role::Coordinator, "bench password 1"), "a user");
    for (int i = 0; i < sessions; ++i)
        cookies.push_back("dc_session=" + must(o.office->login("bench-user", "bench password 1"), "login").token);
    auto page = [&](int i, const std::string& target) {
        server::HttpRequest r;
        r.method = "GET";
        r.target = target;
        r.path = target.substr(0, target.find('?'));
        if (const size_t q = target.find('?'); q != std::string::npos)
            for (auto& [k, v] : must(server::office::parseForm(target.substr(q + 1)), "query")) r.query.emplace(k, v);
        r.headers.emplace("cookie", cookies[static_cast<size_t>(i) % cookies.size()]);
        const auto res = o.console->handle(r);
        if (res.status != 200) die("the inbox answered " + std::to_string(res.status) + " for " + target);
    };
    std::mt19937_64 random(7);
    const int64_t deepTime = o.office->now() - applications / 2;
    const Figures newest = timeIt(requests, [&](int i) { page(i, "/office/?kind=application"); });
    const Figures deep = timeIt(requests, [&](int i) {
        page(i, "/office/?kind=application&before=" + std::to_string(deepTime - static_cast<int64_t>(random() % 1000)) + ":a-9");
    });
    const Figures byStatus = timeIt(requests, [&](int i) { page(i, "/office/?kind=application&status=invited"); });
    const Figures byJob = timeIt(requests, [&](int i) {
        page(i, "/office/?kind=application&subject=" + catalog.jobUpserts[random() % catalog.jobUpserts.size()].id);
    });
    const Figures byDate =
        timeIt(requests, [&](int i) { page(i, "/office/?kind=application&from=2020-01-01&to=2020-01-31&status=hired"); });
    const Figures lookUp = timeIt(requests, [&](int i) {
        if (o.lookUp(codeOf(static_cast<int64_t>(random() % static_cast<uint64_t>(applications)))) != 200)
            die("a look-up failed");
        (void)i;
    });
    // A decision, then the heartbeat of the kiosk that made the application: what the person's
    // kiosk does at its next sync (the round trip adds the kiosk's sync interval, 60 s by default).
    auto who = must(o.office->login("bench-user", "bench password 1"), "login").session;
    std::vector<double> decideMs, beatMs;
    for (int i = 0; i < std::min(requests, 200); ++i) {
        const std::string id = "a-" + std::string(10 - std::to_string(i * 7 + 1).size(), '0') + std::to_string(i * 7 + 1);
        auto start = Clock::now();
        must(o.office->decide(server::office::RecordKind::Application, id, 0, "invited", "Bring your passport.", "Monday 10:00",
                              who),
             "a decision");
        decideMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        start = Clock::now();
        sync::Heartbeat beat;
        beat.updatesAfter = 0;
        (void)must(o.central->heartbeat(o.kiosk.deviceId, beat), "a heartbeat");
        beatMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }

    const Figures fleetPage = timeIt(std::max(10, requests / 10), [&](int i) { page(i, "/office/fleet"); });
    const Figures metrics = timeIt(std::max(10, requests / 10), [&](int) {
        server::HttpRequest r;
        r.method = "GET";
        r.path = r.target = "/metrics";
        if (o.console->handle(r).status != 200) die("/metrics failed");
    });

    std::printf(
        "office console at the server: %lld applications (filled in %.1f s), %d staff sessions, %d kiosks, %d requests each\n\n",
        static_cast<long long>(applications), fillSeconds, sessions, kiosks, requests);
    std::printf("| %-46s | %8s | %8s | %8s | %-10s |\n", "what", "p50 ms", "p95 ms", "max ms", "goal p95");
    std::printf("|%s|%s|%s|%s|%s|\n", std::string(48, '-').c_str(), std::string(10, '-').c_str(), std::string(10, '-').c_str(),
                std::string(10, '-').c_str(), std::string(12, '-').c_str());
    row("inbox page, newest 50", newest, "<= 100");
    row("inbox page, half way down the list", deep, "<= 100");
    row("inbox page, by status (invited)", byStatus, "<= 100");
    row("inbox page, by job", byJob, "<= 100");
    row("inbox page, by dates with nothing in them", byDate, "<= 100");
    row("status look-up from a kiosk (signed)", lookUp, "<= 50");
    row("status look-up, empty database (baseline)", lookUpEmpty, "");
    row("decision (saved with history, update, audit)", figuresOf(decideMs), "");
    row("heartbeat carrying the decision to its kiosk", figuresOf(beatMs), "");
    row("kiosks page, every kiosk", fleetPage, "<= 150");
    row("/metrics", metrics, "<= 20");
    std::printf("\nstatus look-up p95 / empty-database p95: %.2f\n", lookUp.p95 / std::max(lookUpEmpty.p95, 0.001));
    std::printf("decision round trip, worst case: sync interval + %.0f ms (decision p95 + heartbeat p95)\n",
                figuresOf(decideMs).p95 + figuresOf(beatMs).p95);
    return 0;
}
