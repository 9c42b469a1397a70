// dc-bench-feed: importing a schema.org JobPosting JSON-LD feed into the server, against a bare
// SQLite insert of the same rows measured in the same run.
//   dc-bench-feed [--postings N] [--dir DIR]
// Makes N postings (the catalog generator's jobs, written as JSON-LD as a job board publishes
// them), then times: (1) FeedService::importText, what the console's upload and the schedule run
// (read every posting, check it as a kiosk would, write the change log, report), into a fresh
// server database; (2) the same import again, nothing changed; (3) the baseline: the same rows'
// catalog lines inserted into a table of the same shape with one prepared statement in one
// transaction, nothing read or checked. Prints postings per second and the ratio to the baseline.
// The suite runs it small; the README's figures come from a full run. No timing is asserted.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog/catalog_generator.hpp"
#include "catalog/catalog_json.hpp"
#include "support/temp_dir.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server/office/feeds.hpp"

using namespace dc;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "dc-bench-feed: %s\n", what.c_str());
    std::exit(1);
}

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

std::string jsonLd(const domain::CatalogBatch& catalog) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& j : catalog.jobUpserts) {
        nlohmann::json p = {
            {"@context", "https://schema.org/"},
            {"@type", "JobPosting"},
            {"identifier", {{"@type", "PropertyValue"}, {"name", j.employer}, {"value", j.id}}},
            {"title", j.title},
            {"description", "<p>" + j.description + "</p>"},
            {"datePosted", j.datePosted},
            {"validThrough", "2099-12-31"},
            {"employmentType", j.employmentType},
            {"hiringOrganization", {{"@type", "Organization"}, {"name", j.employer}}},
            {"jobLocation",
             {{"@type", "Place"},
              {"address", {{"@type", "PostalAddress"}, {"addressLocality", j.city}, {"addressRegion", j.region}}}}},
            {"skills", j.skills},
            {"occupationalCategory", j.category}};
        if (j.salaryMax)
            p["baseSalary"] = {{"@type", "MonetaryAmount"},
                               {"currency", j.salaryCurrency},
                               {"value",
                                {{"@type", "QuantitativeValue"},
                                 {"minValue", *j.salaryMin},
                                 {"maxValue", *j.salaryMax},
                                 {"unitText", "MONTH"}}}};
        list.push_back(std::move(p));
    }
    return list.dump();
}

}  // namespace

int main(int argc, char** argv) {
    size_t postings = 100000;
    std::string dirArg;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--postings" && i + 1 < argc)
            postings = std::stoul(argv[++i]);
        else if (a == "--dir" && i + 1 < argc)
            dirArg = argv[++i];
        else
            die("usage: dc-bench-feed [--postings N] [--dir DIR]");
    }
    test::TempDir temp;
    const std::filesystem::path dir = dirArg.empty() ? temp.path() : std::filesystem::path(dirArg);
    const auto catalog = catalog::generateCatalog({.seed = 5, .jobs = postings, .courses = 0});
    const std::string text = jsonLd(catalog);

    // (1) and (2): the feed import, into a fresh server database.
    auto pool = server::ConnectionPool::open((dir / "feed.db").string(), 1);
    if (!pool) die(pool.error().message());
    server::CentralService central(**pool);
    if (!central.prepareSchema()) die("schema");
    server::office::FeedService feeds(**pool, [] { return int64_t{1'800'000'000}; });
    auto start = Clock::now();
    auto first = feeds.importText("bench", text, "bench");
    const double importSeconds = seconds(start);
    if (!first) die(first.error().message());
    if (first->added != postings)
        die("the import added " + std::to_string(first->added) + " of " + std::to_string(postings) + ": " + first->summary() +
            (first->items.empty() ? "" : " (" + first->items.front().reason + ")"));
    start = Clock::now();
    auto again = feeds.importText("bench", text, "bench");
    const double againSeconds = seconds(start);
    if (!again || again->unchanged != postings) die("the second import changed something");

    // (3) the baseline: the same rows' catalog lines, inserted bare.
    domain::CatalogBatch read;
    start = Clock::now();
    {
        auto feed = catalog::readJobPostingFeed(text, {.source = "bench", .today = "2027-01-15"});
        if (!feed) die(feed.error().message());
        read.jobUpserts = std::move(feed->jobs);
    }
    const double readSeconds = seconds(start);
    start = Clock::now();
    std::vector<std::string> lines;
    for (const auto& j : read.jobUpserts) lines.push_back(catalog::toJsonLines({.jobUpserts = {j}}));
    const double linesSeconds = seconds(start);
    sqlite3* db = nullptr;
    if (sqlite3_open((dir / "bare.db").c_str(), &db) != SQLITE_OK) die("bare database");
    sqlite3_exec(
        db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE catalog (kind TEXT NOT NULL, id TEXT NOT NULL, "
        "seq INTEGER NOT NULL UNIQUE, deleted INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL, PRIMARY KEY (kind, id))",
        nullptr, nullptr, nullptr);
    start = Clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO catalog (kind, id, seq, body) VALUES ('job', ?1, ?2, ?3)", -1, &insert, nullptr);
    for (size_t i = 0; i < lines.size(); ++i) {
        sqlite3_bind_text(insert, 1, read.jobUpserts[i].id.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 2, static_cast<sqlite3_int64>(i + 1));
        sqlite3_bind_text(insert, 3, lines[i].c_str(), static_cast<int>(lines[i].size()), SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) die("bare insert");
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double bareSeconds = seconds(start);
    sqlite3_close(db);

    const double n = static_cast<double>(postings);
    std::printf("%zu JobPosting JSON-LD postings (%.1f MB)\n", postings, static_cast<double>(text.size()) / 1e6);
    std::printf("| what                                             | seconds | postings/s |\n");
    std::printf("|--------------------------------------------------|---------|------------|\n");
    std::printf("| feed import (read, check, change log, report)    | %7.2f | %10.0f |\n", importSeconds, n / importSeconds);
    std::printf("| the same feed again (nothing changed)            | %7.2f | %10.0f |\n", againSeconds, n / againSeconds);
    std::printf("| of which: reading the JSON-LD alone              | %7.2f | %10.0f |\n", readSeconds, n / readSeconds);
    std::printf("| of which: writing the catalog lines alone        | %7.2f | %10.0f |\n", linesSeconds, n / linesSeconds);
    std::printf("| baseline: bare SQLite insert of the same rows    | %7.2f | %10.0f |\n", bareSeconds, n / bareSeconds);
    std::printf("feed import rate / bare insert rate: %.2f (goal >= 0.50)\n", bareSeconds / importSeconds);
    return 0;
}
