// dc-bench-catalog: import and search figures for the local store, printed as a table.
//   dc-bench-catalog [--jobs N] [--queries N] [--chunk N] [--dir DIR] [--keep] [--search-only]
// Quick mode runs in the test suite (small N); the README's figures come from a full run by hand.
// It asserts nothing about time: performance is read from the table, not enforced by tests.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <utility>
#include <string>
#include <vector>

#include "catalog/catalog_generator.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "common/utf8.hpp"

using namespace dc;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

size_t tokens(const std::string& s) {
    size_t n = 0;
    bool inWord = false;
    for (unsigned char c : s) {
        const bool word = c >= 0x80 || std::isalnum(c);
        n += word && !inWord;
        inWord = word;
    }
    return n;
}

std::string indexedText(const domain::JobRecord& j) {
    std::string skills;
    for (const auto& s : j.skills) skills += s + " ";
    return j.title + " " + j.employer + " " + j.city + " " + skills + j.description;
}

long peakRssKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

// The physical reference: the same text into a bare FTS5 table in one transaction.
double bareFtsLoadMs(const std::filesystem::path& file, const std::vector<domain::JobRecord>& jobs, const std::string& options) {
    ::sync();  // earlier runs' dirty pages are written now, not during this measurement
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    const std::string sql =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;"
        "CREATE VIRTUAL TABLE t USING fts5(title, employer, city, skills, description,"
        " tokenize='unicode61 remove_diacritics 2'" +
        options + ");";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    if (!options.empty())
        sqlite3_exec(db,
                     "INSERT INTO t(t, rank) VALUES ('automerge', 16); INSERT INTO t(t, rank) VALUES ('crisismerge', 64);"
                     "INSERT INTO t(t, rank) VALUES ('pgsz', 16000);",
                     nullptr, nullptr, nullptr);
    const auto start = Clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, nullptr);
    for (const auto& j : jobs) {
        std::string skills;
        for (const auto& s : j.skills) skills += s + " ";
        sqlite3_bind_text(stmt, 1, j.title.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, j.employer.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, j.city.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, skills.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 5, j.description.c_str(), -1, SQLITE_STATIC);
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double elapsed = ms(Clock::now() - start);
    sqlite3_close(db);
    return elapsed;
}

struct Query {
    std::string text;
    domain::JobFilters filters;
};

// What people type: 1-3 words taken from real postings (title, city, employer, skills), each cut
// to a prefix of 1 to 7 letters or left whole, in whatever script the posting used; a third of
// the queries also set filters, and one in ten is a filter with no text.
std::vector<Query> realisticQueries(const std::vector<domain::JobRecord>& jobs, size_t count) {
    std::mt19937_64 rng(42);
    auto below = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    auto words = [](const std::string& text) {
        std::vector<std::string> out;
        std::string current;
        for (unsigned char c : text + " ") {
            if (c >= 0x80 || std::isalnum(c))
                current += static_cast<char>(c);
            else if (!current.empty())
                out.push_back(std::exchange(current, {}));
        }
        return out;
    };
    auto prefix = [&](const std::string& word) {
        const auto chars = dc::utf8::characters(word);
        if (below(4) == 0) return word;
        const size_t n = std::min(chars.size(), 1 + below(7));
        std::string out;
        for (size_t i = 0; i < n; ++i) out += chars[i];
        return out;
    };
    std::vector<Query> queries;
    while (queries.size() < count) {
        const domain::JobRecord& job = jobs[below(jobs.size())];
        std::vector<std::string> pool = words(job.title);
        for (const auto* field : {&job.city, &job.employer}) {
            auto more = words(*field);
            pool.insert(pool.end(), more.begin(), more.end());
        }
        for (const auto& skill : job.skills) pool.push_back(skill);
        if (pool.empty()) continue;
        Query q;
        const size_t nWords = 1 + below(3);
        for (size_t w = 0; w < nWords; ++w) q.text += (w ? " " : "") + prefix(pool[below(pool.size())]);
        if (below(10) == 0) q.text.clear();
        if (q.text.empty() || below(3) == 0) {
            switch (below(4)) {
                case 0: q.filters.region = job.region; break;
                case 1: q.filters.workMode = job.workMode; break;
                case 2: q.filters.category = job.category; break;
                default: q.filters.minSalaryBand = static_cast<int>(1 + below(4)); break;
            }
        }
        queries.push_back(std::move(q));
    }
    return queries;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    size_t jobCount = 100000, queryCount = 1000, chunkSize = 50000;
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "dc-bench";
    bool keep = false, searchOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep") {  // leave the database behind to explore queries by hand
            keep = true;
            continue;
        }
        if (arg == "--search-only") {  // reuse a database kept by --keep: measure queries only
            searchOnly = keep = true;
            continue;
        }
        if (i + 1 >= argc) break;
        if (arg == "--jobs")
            jobCount = std::stoul(argv[i + 1]);
        else if (arg == "--queries")
            queryCount = std::stoul(argv[i + 1]);
        else if (arg == "--dir")
            dir = argv[i + 1];
        else if (arg == "--chunk")
            chunkSize = std::max<size_t>(1, std::stoul(argv[i + 1]));
        ++i;
    }
    if (!searchOnly) std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    const auto batch = catalog::generateCatalog({.seed = 1, .jobs = jobCount, .courses = 0});
    size_t tokenCount = 0;
    for (const auto& j : batch.jobUpserts) tokenCount += tokens(indexedText(j));

    auto db = store::Database::open(dir / "kiosk.db");
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().message().c_str());
        return 1;
    }
    // The reference is FTS5 as it comes (positions kept), measured before the import so neither
    // run inherits a warmer process; the second reference uses our index's options.
    const double bareMs = searchOnly ? 0 : bareFtsLoadMs(dir / "bare.db", batch.jobUpserts, "");
    // Import in chunks (default 50,000, --chunk N), each one transaction, as sync applies pulled pages. The
    // chunks are cut before the clock starts: copying records is not the store's work.
    std::vector<domain::CatalogBatch> chunks;
    for (size_t from = 0; !searchOnly && from < batch.jobUpserts.size(); from += chunkSize) {
        chunks.emplace_back();
        chunks.back().jobUpserts.assign(
            batch.jobUpserts.begin() + static_cast<long>(from),
            batch.jobUpserts.begin() + static_cast<long>(std::min(from + chunkSize, batch.jobUpserts.size())));
    }
    ::sync();
    const auto importStart = Clock::now();
    for (const auto& chunk : chunks) {
        if (auto r = store::applyCatalogBatch(*db, chunk); !r) {
            std::fprintf(stderr, "%s\n", r.error().message().c_str());
            return 1;
        }
    }
    const double importMs = ms(Clock::now() - importStart);
    chunks.clear();
    const double bareOursMs =
        searchOnly ? 0 : bareFtsLoadMs(dir / "bare-ours.db", batch.jobUpserts, ", detail=column, prefix='2', columnsize=0");
    // The reference again, after: this machine's load speed drifts within a run (page cache,
    // allocator), so the ratio uses the mean of the runs before and after the import.
    const double bareAfterMs = searchOnly ? 0 : bareFtsLoadMs(dir / "bare-after.db", batch.jobUpserts, "");

    const auto queries = realisticQueries(batch.jobUpserts, queryCount);
    std::vector<double> latencies, facetLatencies, filteredLatencies;
    std::vector<std::pair<double, std::string>> slowest;
    for (const auto& q : queries) {
        for (bool facets : {false, true}) {
            domain::JobSearch search{.text = q.text, .filters = q.filters, .limit = 50, .withFacets = facets};
            const auto start = Clock::now();
            auto page = store::searchJobs(*db, search);
            const double took = ms(Clock::now() - start);
            if (!page) {
                std::fprintf(stderr, "query '%s': %s\n", q.text.c_str(), page.error().message().c_str());
                return 1;
            }
            (facets ? facetLatencies : latencies).push_back(took);
            if (!facets && q.filters.any()) filteredLatencies.push_back(took);
            if (!facets) slowest.emplace_back(took, q.text + (q.filters.any() ? " [filtered]" : ""));
        }
    }
    (void)db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const double dbMb = static_cast<double>(std::filesystem::file_size(dir / "kiosk.db")) / 1e6;

    std::printf("| Measure (%zu jobs, %zu queries) | Value |\n|---|---|\n", jobCount, queryCount);
    std::printf("| Import through applyCatalogBatch, %zu per transaction | %.0f jobs/s, %.2f M tokens/s |\n", chunkSize,
                jobCount / (importMs / 1000), static_cast<double>(tokenCount) / (importMs / 1000) / 1e6);
    std::printf("| Bare FTS5 load of the same text (default options), before / after the import | %.0f / %.0f jobs/s |\n",
                jobCount / (bareMs / 1000), jobCount / (bareAfterMs / 1000));
    std::printf("| Import rate / bare rate (mean of both) | %.0f%% |\n", 100.0 * (bareMs + bareAfterMs) / 2 / importMs);
    std::printf("| Bare FTS5 load with our index options | %.0f jobs/s (import at %.0f%% of it) |\n",
                jobCount / (bareOursMs / 1000), 100.0 * bareOursMs / importMs);
    std::printf("| Search p50 / p95 / p99 | %.2f / %.2f / %.2f ms |\n", percentile(latencies, 0.5), percentile(latencies, 0.95),
                percentile(latencies, 0.99));
    std::printf("| Search with filters (%zu of them) p95 / p99 | %.2f / %.2f ms |\n", filteredLatencies.size(),
                percentile(filteredLatencies, 0.95), percentile(filteredLatencies, 0.99));
    std::printf("| Search with facet counts p50 / p95 / p99 | %.2f / %.2f / %.2f ms |\n", percentile(facetLatencies, 0.5),
                percentile(facetLatencies, 0.95), percentile(facetLatencies, 0.99));
    std::printf("| Database size | %.1f MB (%.0f bytes/job) |\n", dbMb, dbMb * 1e6 / static_cast<double>(jobCount));
    std::printf("| Peak RSS | %.1f MB |\n", static_cast<double>(peakRssKb()) / 1024);
    // The slowest queries say where the next design step is needed.
    std::sort(slowest.rbegin(), slowest.rend());
    slowest.erase(std::unique(slowest.begin(), slowest.end(), [](const auto& a, const auto& b) { return a.second == b.second; }),
                  slowest.end());
    std::printf("\nSlowest queries:");
    for (size_t i = 0; i < std::min<size_t>(5, slowest.size()); ++i)
        std::printf(" '%s' %.1f ms;", slowest[i].second.c_str(), slowest[i].first);
    std::printf("\n");
    if (!keep) std::filesystem::remove_all(dir);
    return 0;
}
