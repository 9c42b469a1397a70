// dc-bench-catalog: import and search figures for the local store, printed as a table.
//   dc-bench-catalog [--jobs N] [--queries N] [--dir DIR]
// Quick mode runs in the test suite (small N); the README's figures come from a full run by hand.
// It asserts nothing about time: performance is read from the table, not enforced by tests.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/core/catalog_generator.hpp"
#include "app/store/catalog_import.hpp"
#include "app/store/catalog_queries.hpp"

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

std::string indexedText(const store::JobRecord& j) {
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
double bareFtsLoadMs(const std::filesystem::path& file, const std::vector<store::JobRecord>& jobs) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;"
                     "CREATE VIRTUAL TABLE t USING fts5(title, employer, city, skills, description,"
                     " tokenize='unicode61 remove_diacritics 2');", nullptr, nullptr, nullptr);
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

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    size_t jobCount = 100000, queryCount = 1000;
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "dc-bench";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--jobs") jobCount = std::stoul(argv[i + 1]);
        else if (arg == "--queries") queryCount = std::stoul(argv[i + 1]);
        else if (arg == "--dir") dir = argv[i + 1];
    }
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    const auto batch = core::generateCatalog({.seed = 1, .jobs = jobCount, .courses = 0});
    size_t tokenCount = 0;
    for (const auto& j : batch.jobUpserts) tokenCount += tokens(indexedText(j));

    auto db = store::Database::open(dir / "kiosk.db");
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().message().c_str());
        return 1;
    }
    // Import in chunks of 50,000, each one transaction: the way sync applies pulled pages.
    const auto importStart = Clock::now();
    for (size_t from = 0; from < batch.jobUpserts.size(); from += 50000) {
        store::CatalogBatch chunk;
        chunk.jobUpserts.assign(batch.jobUpserts.begin() + static_cast<long>(from),
                                batch.jobUpserts.begin() + static_cast<long>(std::min(from + 50000, batch.jobUpserts.size())));
        if (auto r = store::applyCatalogBatch(*db, chunk); !r) {
            std::fprintf(stderr, "%s\n", r.error().message().c_str());
            return 1;
        }
    }
    const double importMs = ms(Clock::now() - importStart);
    const double bareMs = bareFtsLoadMs(dir / "bare.db", batch.jobUpserts);

    // Queries a person would type: prefixes of titles and cities in every script, 1-3 words.
    const char* prefixes[] = {"бух", "ბუღ", "прогр", "праграм", "tester", "driver", "Минск", "თბილ", "Kutaisi",
                              "офиц", "менедж", "web", "sales", "ექთ", "швея", "Гомель", "remote", "a", "те", "excel"};
    std::vector<double> latencies;
    const auto nPrefixes = std::size(prefixes);
    for (size_t q = 0; q < queryCount; ++q) {
        std::string text = prefixes[q % nPrefixes];
        if (q % 3 == 1) text += std::string(" ") + prefixes[(q * 7) % nPrefixes];
        const auto start = Clock::now();
        auto page = store::searchJobs(*db, {.text = text, .limit = 50});
        latencies.push_back(ms(Clock::now() - start));
        if (!page) {
            std::fprintf(stderr, "query '%s': %s\n", text.c_str(), page.error().message().c_str());
            return 1;
        }
    }
    (void)db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const double dbMb = static_cast<double>(std::filesystem::file_size(dir / "kiosk.db")) / 1e6;

    std::printf("| Measure (%zu jobs, %zu queries) | Value |\n|---|---|\n", jobCount, queryCount);
    std::printf("| Import through applyCatalogBatch | %.0f jobs/s, %.2f M tokens/s |\n", jobCount / (importMs / 1000),
                static_cast<double>(tokenCount) / (importMs / 1000) / 1e6);
    std::printf("| Bare FTS5 load of the same text | %.0f jobs/s |\n", jobCount / (bareMs / 1000));
    std::printf("| Import rate / bare rate | %.0f%% |\n", 100.0 * bareMs / importMs);
    std::printf("| Search p50 / p95 / p99 | %.2f / %.2f / %.2f ms |\n", percentile(latencies, 0.5),
                percentile(latencies, 0.95), percentile(latencies, 0.99));
    std::printf("| Database size | %.1f MB (%.0f bytes/job) |\n", dbMb, dbMb * 1e6 / static_cast<double>(jobCount));
    std::printf("| Peak RSS | %.1f MB |\n", static_cast<double>(peakRssKb()) / 1024);
    std::filesystem::remove_all(dir);
    return 0;
}
