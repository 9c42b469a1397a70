// dc-test-seed-outcomes DB: eight weeks of a program's life in an office's database, for the
// console's reports page in the browser test (and the README's picture of it). Kiosks of three
// offices send applications and course requests through the same service the sync API uses,
// backdated week by week; a coordinator hires some and records completed courses. Deterministic.
#include <cstdio>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "sync/server/central_service.hpp"
#include "sync/server/office/office_service.hpp"
#include "sync/server/office/reports.hpp"

using namespace dc;
using nlohmann::json;

namespace {

[[noreturn]] void die(const std::string& what, const Error& e) {
    std::fprintf(stderr, "dc-test-seed-outcomes: %s: %s\n", what.c_str(), e.message().c_str());
    std::exit(1);
}

template <class T>
T must(Expected<T> r, const std::string& what) {
    if (!r) die(what, r.error());
    return std::move(*r);
}

void must(Expected<void> r, const std::string& what) {
    if (!r) die(what, r.error());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return std::fprintf(stderr, "usage: dc-test-seed-outcomes DB\n"), 2;
    auto pool = must(server::ConnectionPool::open(argv[1], 1), "opening the database");
    const int64_t today = static_cast<int64_t>(std::time(nullptr));
    int64_t clock = today - 8 * 7 * 86400;
    server::CentralService central(*pool, [&clock] { return clock; });
    server::office::OfficeService office(*pool, [&clock] { return clock; });
    server::office::ReportService reports(*pool, [&clock] { return clock; });
    must(central.prepareSchema(), "preparing the database");
    auto giorgi = must(office.login("Giorgi", "giorgi password 1"), "signing in").session;

    std::vector<std::string> devices;
    for (const char* site : {"Kutaisi", "Batumi", "Minsk"}) {
        auto token = must(central.issueToken("seed", 3600, site), "a token");
        devices.push_back(
            must(central.enroll({token, std::string("seed-") + site, std::string("kiosk ") + site, "0.2"}), "enrolling")
                .deviceId);
    }
    std::vector<std::string> jobs, sessions;
    {
        auto c = pool->acquire();
        for (const auto& r :
             must(c->query("SELECT id FROM catalog WHERE kind = 'job' AND deleted = 0 ORDER BY id LIMIT 20"), "jobs"))
            jobs.push_back(r.text(0));
        for (const auto& r : must(c->query("SELECT id FROM sessions ORDER BY id LIMIT 12"), "sessions"))
            sessions.push_back(r.text(0));
    }
    if (jobs.empty() || sessions.empty()) return std::fprintf(stderr, "dc-test-seed-outcomes: the catalog is empty\n"), 1;

    std::mt19937 rng(2027);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const char* languages[] = {"ka", "ka", "ka", "ru", "ru", "be", "en"};
    const char* births[] = {"2003-04-11", "1999-09-30", "1987-01-15", "1975-06-02", "2006-12-24", "1992-03-08"};
    int n = 0;
    for (int week = 0; week < 8; ++week) {
        clock = today - (7 - week) * 7 * 86400 - 3 * 3600;
        const int applications = 20 + week * 6 + pick(10);
        for (int i = 0; i < applications; ++i, ++n) {
            const std::string id = "seed-app-" + std::to_string(n);
            const size_t device = static_cast<size_t>(pick(3));
            sync::PushRequest push;
            push.records.push_back({"rec-" + id, "application",
                                    json{{"applicationId", id},
                                         {"referenceCode", "S" + std::to_string(10000 + n)},
                                         {"jobId", jobs[static_cast<size_t>(pick(static_cast<int>(jobs.size())))]},
                                         {"person",
                                          {{"name", "Seed person " + std::to_string(n)},
                                           {"phone", "+995 555 00 00 00"},
                                           {"birthDate", births[pick(6)]},
                                           {"language", device == 2 ? (pick(3) ? "ru" : "be") : languages[pick(7)]}}}}
                                        .dump()});
            must(central.push(devices[device], push), "an application");
            if (pick(4) == 0) {
                auto v = must(office.open(server::office::RecordKind::Application, id, giorgi), "opening");
                must(office.decide(server::office::RecordKind::Application, id, v.version, "hired", "", "", giorgi), "hiring");
            }
        }
        const int places = 6 + week * 2 + pick(6);
        for (int i = 0; i < places; ++i, ++n) {
            const std::string id = "seed-enr-" + std::to_string(n);
            sync::PushRequest push;
            push.records.push_back({"rec-" + id, "enrollment",
                                    json{{"enrollmentId", id},
                                         {"referenceCode", "S" + std::to_string(10000 + n)},
                                         {"sessionId", sessions[static_cast<size_t>(pick(static_cast<int>(sessions.size())))]},
                                         {"person",
                                          {{"name", "Seed person " + std::to_string(n)},
                                           {"phone", "+995 555 00 00 00"},
                                           {"language", languages[pick(7)]}}}}
                                        .dump()});
            must(central.push(devices[static_cast<size_t>(pick(3))], push), "a course request");
            if (week < 5 && pick(3) > 0) (void)reports.markCompleted(id, giorgi);  // a waitlisted one is not completed
        }
    }
    std::printf("%d records over 8 weeks\n", n);
    return 0;
}
