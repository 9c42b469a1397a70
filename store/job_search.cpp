// Job search: text, filters, facet counts and keyset pages, designed for a million jobs on a
// two-core box. Two paths:
//  - browsing (no text, no date filter): the total and the chip counts come from
//    job_facet_counts (exact, a few thousand rows), the rows from the newest rowids down;
//  - searching: one pass over at most kMaxCountedMatches + 1 matches, newest first, which gives
//    the count, the chip counts and the candidates. When the pass is not cut short, every match
//    is ranked (where the words were found, recency, the searcher's skills); when it is, the match is broad and the
//    newest come first, paged by rowid, because ranking a broad match would read all of it.
#include <algorithm>
#include <cctype>
#include <map>

#include "store/catalog_queries.hpp"
#include "store/fts_query.hpp"
#include "catalog/json_list.hpp"
#include "store/sqlite_statement.hpp"
#include "common/utf8.hpp"

namespace dc::store {
using namespace ::dc::domain;
using namespace ::dc::catalog;
namespace {

// Two-letter prefixes only look in these (see buildFtsQuery).
constexpr const char* kJobShortColumns = "title employer city skills";

constexpr const char* kSummaryColumns =
    "j.rowid, j.id, j.title, j.employer, j.city, j.work_mode, j.salary_min, j.salary_max, j.salary_currency, "
    "j.date_posted, j.region, j.category, j.skills, j.salary_period";

struct Candidate {
    JobSummary summary;
    std::string region, category, skills;
    int band = 0;
    double score = 0;
};

Candidate candidateFrom(const Statement& row, bool wantSkills, const std::vector<std::string>& mySkills) {
    Candidate c;
    JobSummary& s = c.summary;
    s.rowid = row.integer(0);
    s.id = row.text(1);
    s.title = row.text(2);
    s.employer = row.text(3);
    s.city = row.text(4);
    s.workMode = workModeFromText(row.text(5)).value_or(WorkMode::OnSite);
    s.salaryMin = row.optionalInteger(6);
    s.salaryMax = row.optionalInteger(7);
    s.salaryCurrency = row.text(8);
    s.salaryPeriod = row.text(13);
    s.datePosted = row.text(9);
    c.region = row.text(10);
    c.category = row.text(11);
    c.band = salaryBand(monthlyAmount(s.salaryMax, s.salaryPeriod));
    c.skills = row.text(12);
    if (wantSkills)
        for (const std::string& skill : listFromJson(c.skills))
            for (const std::string& mine : mySkills)
                if (skillKey(skill) == skillKey(mine)) ++s.matchingSkills;
    return c;
}

std::string filterClause(const JobFilters& f, bool onFacetTable) {
    std::string sql;
    if (!f.region.empty()) sql += onFacetTable ? " AND region = :region" : " AND j.region = :region";
    if (f.workMode) sql += onFacetTable ? " AND work_mode = :mode" : " AND j.work_mode = :mode";
    if (!f.category.empty()) sql += onFacetTable ? " AND category = :category" : " AND j.category = :category";
    // The monthly amount, as monthlyAmount() computes it (records.cpp).
    if (f.minSalaryBand > 0)
        sql += onFacetTable ? " AND salary_band >= :band"
                            : " AND (CASE j.salary_period WHEN 'HOUR' THEN j.salary_max * 174 WHEN 'DAY' THEN "
                              "j.salary_max * 87 / 4 WHEN 'WEEK' THEN j.salary_max * 52 / 12 WHEN 'YEAR' THEN "
                              "j.salary_max / 12 ELSE j.salary_max END) >= :salary";
    if (!f.postedSince.empty() && !onFacetTable) sql += " AND j.date_posted >= :since";
    return sql;
}

void bindFilters(Statement& stmt, const JobFilters& f) {
    const int band = std::clamp(f.minSalaryBand, 0, kSalaryBands - 1);
    stmt.bindNamed(":region", f.region);
    if (f.workMode) stmt.bindNamed(":mode", std::string_view(workModeText(*f.workMode)));
    stmt.bindNamed(":category", f.category);
    stmt.bindNamed(":band", static_cast<int64_t>(band));
    stmt.bindNamed(":salary", kSalaryBandFloor[band]);
    stmt.bindNamed(":since", f.postedSince);
}

std::vector<FacetCount> sortedCounts(const std::map<std::string, int64_t>& counts) {
    std::vector<FacetCount> out;
    for (const auto& [value, n] : counts) out.push_back({value, n});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    return out;
}

struct FacetTally {
    std::map<std::string, int64_t> regions, modes, categories, bands;
    void add(const std::string& region, const std::string& mode, const std::string& category, int band, int64_t n) {
        if (!region.empty()) regions[region] += n;
        modes[mode] += n;
        if (!category.empty()) categories[category] += n;
        bands[std::to_string(band)] += n;
    }
    JobFacets result(bool sampled) const {
        return {sortedCounts(regions), sortedCounts(modes), sortedCounts(categories), sortedCounts(bands), sampled};
    }
};

// Days since 1970-01-01 for an ISO date, or -1 if it is not one.
int64_t daysFromIsoDate(const std::string& iso) {
    int y = 0, m = 0, d = 0;
    if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1) return -1;
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// Does a word of `field` start with (or, for one letter, equal) `word`? Both are case-folded.
bool fieldHas(const std::string& field, const std::string& word, bool prefix) {
    size_t i = 0;
    while (i < field.size()) {
        while (i < field.size() && static_cast<unsigned char>(field[i]) < 0x80 &&
               !std::isalnum(static_cast<unsigned char>(field[i])))
            ++i;
        size_t end = i;
        while (end < field.size() &&
               (static_cast<unsigned char>(field[end]) >= 0x80 || std::isalnum(static_cast<unsigned char>(field[end]))))
            ++end;
        const std::string_view found(field.data() + i, end - i);
        if (prefix ? found.starts_with(word) : found == word) return true;
        i = end;
    }
    return false;
}

// Where the words were found, as a person judges a list: in the title counts most, then the
// skills, the employer, the city; a word found only in the description counts least. It uses only
// the rows the search already read. FTS5's bm25 was measured as a second pass over the matches
// (at 1,000,000 jobs: search p95 17.8 -> 30.3 ms, p99 29 -> 82 ms, worse with a filter chip) and
// inside the first pass it costs on every broad search too; for two-to-five-letter prefixes it
// also ranks by word rarity, which is not what a person typing "кух" means.
double relevance(const Candidate& c, const FtsQuery& fts) {
    if (fts.words.empty()) return 1.0;
    const std::string title = utf8::foldCase(c.summary.title), skills = utf8::foldCase(c.skills),
                      employer = utf8::foldCase(c.summary.employer), city = utf8::foldCase(c.summary.city);
    double score = 0;
    for (size_t i = 0; i < fts.words.size(); ++i) {
        const std::string& w = fts.words[i];
        const bool p = fts.isPrefix[i];
        score += fieldHas(title, w, p) ? 10.0
            : fieldHas(skills, w, p)   ? 4.0
            : fieldHas(employer, w, p) ? 3.0
            : fieldHas(city, w, p)     ? 2.0
                                       : 1.0;
    }
    return score;
}

// Relevance, then freshness (a month-old posting counts half), then the searcher's skills.
// `skillsFirst` puts the number of matched skills before everything else.
void rank(std::vector<Candidate>& all, const FtsQuery& fts, bool skillsFirst) {
    for (auto& c : all) c.score = relevance(c, fts);
    int64_t newest = -1;
    for (const auto& c : all) newest = std::max(newest, daysFromIsoDate(c.summary.datePosted));
    for (auto& c : all) {
        const int64_t day = daysFromIsoDate(c.summary.datePosted);
        const double age = day < 0 || newest < 0 ? 60.0 : static_cast<double>(newest - day);
        c.score = c.score / (1.0 + age / 30.0) * (1.0 + 0.5 * c.summary.matchingSkills);
        // Scores above stay far below 1e6 (at most 8 words x 10 x 17), so this is a strict tier.
        if (skillsFirst) c.score += 1e6 * c.summary.matchingSkills;
    }
    std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
        return a.score != b.score ? a.score > b.score : a.summary.rowid > b.summary.rowid;
    });
}

bool isAfter(const Candidate& c, const JobCursor& cursor) {
    if (!cursor.ranked) return c.summary.rowid < cursor.rowid;
    return c.score < cursor.score || (c.score == cursor.score && c.summary.rowid < cursor.rowid);
}

void takePage(std::vector<Candidate>& all, const JobSearch& search, bool ranked, JobPage& page) {
    const size_t limit = static_cast<size_t>(std::clamp(search.limit, 1, 1000));
    const Candidate* last = nullptr;
    for (const Candidate& c : all) {
        if (search.after && !isAfter(c, *search.after)) continue;
        if (page.jobs.size() == limit) {
            page.next = JobCursor{ranked, last->score, last->summary.rowid};
            break;
        }
        page.jobs.push_back(c.summary);
        last = &c;
    }
}

// Browsing: exact totals and chip counts from job_facet_counts, rows newest first.
Expected<JobPage> browse(const Database& db, const JobSearch& search) {
    JobPage page;
    const std::string facetWhere = "WHERE 1 = 1" + filterClause(search.filters, true);
    DC_TRY(facets,
           Statement::prepare(db, "SELECT region, work_mode, category, salary_band, n FROM job_facet_counts " + facetWhere));
    bindFilters(*facets, search.filters);
    FacetTally tally;
    DC_CHECK(facets->eachRow(db, "counting jobs by filter", [&] {
        page.totalMatches += facets->integer(4);
        tally.add(facets->text(0), facets->text(1), facets->text(2), static_cast<int>(facets->integer(3)), facets->integer(4));
    }));
    if (search.withFacets) page.facets = tally.result(false);

    std::string sql = std::string("SELECT ") + kSummaryColumns + " FROM jobs j WHERE 1 = 1" + filterClause(search.filters, false);
    if (search.after) sql += " AND j.rowid < :after";
    sql += " ORDER BY j.rowid DESC LIMIT :limit";
    DC_TRY(rows, Statement::prepare(db, sql));
    bindFilters(*rows, search.filters);
    if (search.after) rows->bindNamed(":after", search.after->rowid);
    rows->bindNamed(":limit", static_cast<int64_t>(std::clamp(search.limit, 1, 1000)) + 1);
    std::vector<Candidate> all;
    const bool wantSkills = !search.mySkills.empty();
    DC_CHECK(rows->eachRow(db, "listing jobs", [&] { all.push_back(candidateFrom(*rows, wantSkills, search.mySkills)); }));
    JobSearch unpaged = search;
    unpaged.after.reset();  // the query already started after the cursor
    takePage(all, unpaged, false, page);
    return page;
}

// Searching: one capped pass gives count, chip counts and candidates.
// `alwaysRank` ranks even a cut-short pass (its newest kMaxCountedMatches), for lists where the
// order matters more than reaching old postings ("jobs for my skills").
Expected<JobPage> searchMatches(const Database& db, const JobSearch& search, const FtsQuery& fts, bool alwaysRank = false) {
    const bool text = fts.kind == FtsQuery::Kind::Match;
    // A broad match pages by rowid; a ranked one re-ranks its (at most 1,000) matches each time.
    const bool rowidPage = search.after && !search.after->ranked && !alwaysRank;
    std::string sql = std::string("SELECT ") + kSummaryColumns +
        (text ? " FROM jobs_fts f JOIN jobs j ON j.rowid = f.rowid WHERE jobs_fts MATCH :match" : " FROM jobs j WHERE 1 = 1") +
        filterClause(search.filters, false);
    if (rowidPage) sql += " AND j.rowid < :after";
    sql += text ? " ORDER BY f.rowid DESC" : " ORDER BY j.rowid DESC";
    sql += " LIMIT " + std::to_string(kMaxCountedMatches + 1);

    DC_TRY(stmt, Statement::prepare(db, sql));
    if (text) stmt->bindNamed(":match", fts.expression);
    bindFilters(*stmt, search.filters);
    if (rowidPage) stmt->bindNamed(":after", search.after->rowid);

    std::vector<Candidate> all;
    const bool wantSkills = !search.mySkills.empty();
    DC_CHECK(stmt->eachRow(db, "searching jobs", [&] { all.push_back(candidateFrom(*stmt, wantSkills, search.mySkills)); }));

    JobPage page;
    page.totalIsLowerBound = static_cast<int64_t>(all.size()) > kMaxCountedMatches;
    if (page.totalIsLowerBound) all.resize(static_cast<size_t>(kMaxCountedMatches));
    page.totalMatches = static_cast<int64_t>(all.size());
    if (search.withFacets) {
        FacetTally tally;
        for (const auto& c : all) tally.add(c.region, workModeText(c.summary.workMode), c.category, c.band, 1);
        page.facets = tally.result(page.totalIsLowerBound);
    }
    const bool ranked = text && (alwaysRank || !page.totalIsLowerBound) && !rowidPage;
    if (ranked) rank(all, fts, alwaysRank);
    JobSearch paging = search;
    if (rowidPage) paging.after.reset();  // the query already started after the cursor
    takePage(all, paging, ranked, page);
    return page;
}

}  // namespace

Expected<JobPage> searchJobs(const Database& db, const JobSearch& search) {
    const FtsQuery fts = buildFtsQuery(search.text, kJobShortColumns);
    Expected<JobPage> page = JobPage{};
    if (fts.kind == FtsQuery::Kind::Everything && search.filters.postedSince.empty())
        page = browse(db, search);
    else if (fts.kind != FtsQuery::Kind::Nothing)
        page = searchMatches(db, search, fts);
    if (page && page->jobs.empty() && !search.after) {
        DC_TRY(any, Statement::prepare(db, "SELECT EXISTS (SELECT 1 FROM jobs)"));
        if (any->step() != SQLITE_ROW) return std::unexpected(db.lastError("checking for any job"));
        page->catalogEmpty = any->integer(0) == 0;
    }
    return page;
}

Expected<JobPage> jobsMatchingSkills(const Database& db, const JobSearch& search) {
    FtsQuery fts;
    for (size_t i = 0; i < search.mySkills.size() && i < 32; ++i) {
        const std::string phrase = ftsAllWords(search.mySkills[i]);
        if (phrase.empty()) continue;
        fts.expression += (fts.expression.empty() ? "" : " OR ") + phrase;
    }
    if (fts.expression.empty()) return JobPage{};
    fts.kind = FtsQuery::Kind::Match;
    fts.expression = "{skills} : (" + fts.expression + ")";
    return searchMatches(db, search, fts, /*alwaysRank=*/true);
}

}  // namespace dc::store
