// Filters, chip counts, keyset pages and skills matching, checked against brute force over the
// generated catalog: what the store answers must equal what a plain scan of the records says.
#include <catch2/catch.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>
#include <set>

#include "catalog/catalog_generator.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "common/utf8.hpp"
#include "support/temp_dir.hpp"

using namespace dc;
using domain::JobSearch;

namespace {

struct GeneratedDb {
    dc::test::TempDir dir;
    domain::CatalogBatch batch = catalog::generateCatalog({.seed = 11, .jobs = 3000, .courses = 40});
    store::Database db;
    GeneratedDb() : db(std::move(*store::Database::open(dir / "kiosk.db"))) { REQUIRE(store::applyCatalogBatch(db, batch)); }
    int64_t countWhere(const std::function<bool(const domain::JobRecord&)>& pred) const {
        return std::count_if(batch.jobUpserts.begin(), batch.jobUpserts.end(), pred);
    }
};

int64_t facet(const std::vector<domain::FacetCount>& counts, const std::string& value) {
    for (const auto& c : counts)
        if (c.value == value) return c.count;
    return 0;
}

// Every page after the first, following the cursors to the end.
std::vector<domain::JobSummary> allPages(const store::Database& db, JobSearch search) {
    std::vector<domain::JobSummary> out;
    for (int guard = 0; guard < 1000; ++guard) {
        auto page = store::searchJobs(db, search);
        REQUIRE(page);
        out.insert(out.end(), page->jobs.begin(), page->jobs.end());
        if (!page->next) break;
        search.after = page->next;
    }
    return out;
}

}  // namespace

TEST_CASE("browsing counts and chip counts equal a scan of the records", "[store][search][facets]") {
    GeneratedDb g;
    const std::string region = g.batch.jobUpserts[0].region.empty() ? "Minsk" : g.batch.jobUpserts[0].region;
    auto page = store::searchJobs(g.db, {.filters = {.region = region}, .limit = 20});
    REQUIRE(page);
    CHECK(page->totalMatches == g.countWhere([&](auto& j) { return j.region == region; }));
    CHECK_FALSE(page->totalIsLowerBound);
    REQUIRE(page->jobs.size() == 20);
    // Newest first, and every row passes the filter.
    for (size_t i = 1; i < page->jobs.size(); ++i) CHECK(page->jobs[i - 1].rowid > page->jobs[i].rowid);
    for (const auto& j : page->jobs) CHECK(store::getJob(g.db, j.id)->region == region);
    // Chip counts within the region: remote jobs have no region, so none are counted here.
    CHECK(facet(page->facets.workModes, "onsite") ==
          g.countWhere([&](auto& j) { return j.region == region && j.workMode == domain::WorkMode::OnSite; }));
    CHECK(facet(page->facets.regions, region) == page->totalMatches);

    auto remote = store::searchJobs(g.db, {.filters = {.workMode = domain::WorkMode::Remote, .minSalaryBand = 2}});
    REQUIRE(remote);
    CHECK(remote->totalMatches ==
          g.countWhere([](auto& j) { return j.workMode == domain::WorkMode::Remote && j.salaryMax && *j.salaryMax >= 500; }));
}

TEST_CASE("chip counts stay exact through changed and deleted jobs", "[store][search][facets]") {
    GeneratedDb g;
    domain::CatalogBatch change;
    for (size_t i = 0; i < 50; ++i) {
        auto job = g.batch.jobUpserts[i];
        job.region = "Guria";
        job.salaryMax = 5000;
        change.jobUpserts.push_back(job);
    }
    for (size_t i = 50; i < 80; ++i) change.jobTombstones.push_back(g.batch.jobUpserts[i].id);
    REQUIRE(store::applyCatalogBatch(g.db, change));
    REQUIRE(store::applyCatalogBatch(g.db, change));  // twice: idempotent counts too
    // The count table equals a GROUP BY over the jobs.
    auto scan = store::searchJobs(g.db, {.filters = {.postedSince = "0000-01-01"}, .limit = 1});  // sample path
    auto browse = store::searchJobs(g.db, {.limit = 1});
    REQUIRE(browse);
    CHECK(browse->totalMatches == 3000 - 30);
    auto guria = store::searchJobs(g.db, {.filters = {.region = "Guria", .minSalaryBand = 4}});
    REQUIRE(guria);
    CHECK(guria->totalMatches >= 50);
    CHECK(facet(guria->facets.salaryBands, "4") == guria->totalMatches);
    REQUIRE(scan);
    CHECK(scan->totalIsLowerBound);  // 2,970 rows is past the sampling cap
}

TEST_CASE("text search with filters returns only matching rows and counts them", "[store][search]") {
    GeneratedDb g;
    auto page = store::searchJobs(g.db, {.text = "excel", .filters = {.category = "Office"}, .limit = 1000});
    REQUIRE(page);
    // Brute force: a word starting with "excel" in any indexed field, and the category.
    const auto expected = g.countWhere([](auto& j) {
        std::string all = j.title + " " + j.employer + " " + j.city + " " + j.description;
        for (const auto& s : j.skills) all += " " + s;
        all = " " + utf8::foldCase(all);
        return all.find(" excel") != std::string::npos && j.category == "Office";
    });
    REQUIRE(expected > 0);
    CHECK(page->totalMatches == expected);
    CHECK(static_cast<int64_t>(page->jobs.size()) == std::min<int64_t>(expected, 1000));
    CHECK(facet(page->facets.categories, "Office") == page->totalMatches);
}

TEST_CASE("keyset pages cover every match exactly once, ranked and newest-first alike", "[store][search]") {
    GeneratedDb g;
    for (const JobSearch& search : {JobSearch{.text = "tbil", .limit = 37},  // ranked (few matches)
                                    JobSearch{.text = "com", .limit = 90},  // broad: by rowid
                                    JobSearch{.filters = {.region = "Tbilisi"}, .limit = 55}}) {  // browsing
        INFO(search.text);
        auto first = store::searchJobs(g.db, search);
        REQUIRE(first);
        const auto rows = allPages(g.db, search);
        std::set<int64_t> seen;
        for (const auto& r : rows) CHECK(seen.insert(r.rowid).second);
        if (!first->totalIsLowerBound)
            CHECK(static_cast<int64_t>(rows.size()) == first->totalMatches);
        else
            CHECK(static_cast<int64_t>(rows.size()) > domain::kMaxCountedMatches);
    }
}

TEST_CASE("a title match ranks above a description-only match, my skills lift a job", "[store][search]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    domain::CatalogBatch batch;
    auto job = [](std::string id, std::string title, std::string description, std::vector<std::string> skills) {
        domain::JobRecord j;
        j.id = std::move(id);
        j.title = std::move(title);
        j.description = std::move(description);
        j.skills = std::move(skills);
        j.datePosted = "2026-11-20";
        return j;
    };
    batch.jobUpserts = {job("a", "Cook", "Kitchen work for a welder's canteen", {"cooking"}),
                        job("b", "Welder", "Metal work", {"welding"}),
                        job("c", "Welder assistant", "Metal work", {"welding", "forklift"})};
    REQUIRE(store::applyCatalogBatch(*db, batch));
    auto page = store::searchJobs(*db, {.text = "weld"});
    REQUIRE(page);
    REQUIRE(page->jobs.size() == 3);
    CHECK(page->jobs.back().id == "a");  // found only in its description
    auto withSkills = store::searchJobs(*db, {.text = "weld", .mySkills = {"FORKLIFT"}});
    REQUIRE(withSkills);
    CHECK(withSkills->jobs.front().id == "c");
    CHECK(withSkills->jobs.front().matchingSkills == 1);
}

TEST_CASE("jobs matching my skills, and the skills a job needs that I lack", "[store][skills]") {
    GeneratedDb g;
    const std::vector<std::string> mine = {"Excel", "attention to detail"};
    auto page = store::jobsMatchingSkills(g.db, {.mySkills = mine, .limit = 1000});
    REQUIRE(page);
    REQUIRE_FALSE(page->jobs.empty());
    for (const auto& j : page->jobs) CHECK(j.matchingSkills >= 1);
    for (size_t i = 1; i < page->jobs.size(); ++i) CHECK(page->jobs[i - 1].matchingSkills >= page->jobs[i].matchingSkills);
    // Nothing to match with: an empty answer, not every job.
    CHECK(store::jobsMatchingSkills(g.db, {.mySkills = {"***"}})->jobs.empty());

    domain::JobRecord job;
    job.skills = {"Excel", "1C", "accounting", "excel"};
    CHECK(store::missingSkills(job, {"EXCEL"}) == std::vector<std::string>{"1C", "accounting"});
    CHECK(store::missingSkills(job, {}).size() == 3);
}

TEST_CASE("courses teaching the missing skills: nearby soonest first, only upcoming sessions", "[store][skills]") {
    GeneratedDb g;
    const std::string today = "2026-12-15";
    const auto& anyCourse = g.batch.courseUpserts.front();
    auto offers = store::coursesTeaching(g.db, {anyCourse.skillsTaught.front()}, anyCourse.city, today, 50);
    REQUIRE(offers);
    REQUIRE_FALSE(offers->empty());
    bool seenFar = false;
    for (size_t i = 0; i < offers->size(); ++i) {
        const auto& o = (*offers)[i];
        REQUIRE(o.course.sessions.size() == 1);
        CHECK(o.course.sessions[0].startsAt >= today);
        CHECK(o.teachesMissing >= 1);
        if (!o.nearby)
            seenFar = true;
        else
            CHECK_FALSE(seenFar);  // every nearby offer comes before any far one
        if (i > 0 && o.nearby == (*offers)[i - 1].nearby && o.teachesMissing == (*offers)[i - 1].teachesMissing)
            CHECK((*offers)[i - 1].course.sessions[0].startsAt <= o.course.sessions[0].startsAt);
    }
    CHECK(store::coursesTeaching(g.db, {}, "", today, 10)->empty());
    CHECK(store::coursesTeaching(g.db, {"underwater basket weaving"}, "", today, 10)->empty());
}

TEST_CASE("course search filters by group, format, start and text, and reads sessions", "[store][courses]") {
    GeneratedDb g;
    auto all = store::searchCourses(g.db, {.limit = 1000});
    REQUIRE(all);
    CHECK(all->size() == g.batch.courseUpserts.size());
    auto forParents = store::searchCourses(g.db, {.targetGroup = "parental_leave", .format = "webinar", .limit = 1000});
    REQUIRE(forParents);
    const auto expected = std::count_if(g.batch.courseUpserts.begin(), g.batch.courseUpserts.end(), [](auto& c) {
        return c.format == "webinar" &&
            std::find(c.targetGroups.begin(), c.targetGroups.end(), "parental_leave") != c.targetGroups.end();
    });
    CHECK(static_cast<long>(forParents->size()) == expected);
    for (const auto& c : *all) {
        const auto& source =
            *std::find_if(g.batch.courseUpserts.begin(), g.batch.courseUpserts.end(), [&](auto& x) { return x.id == c.id; });
        CHECK(c.sessions == source.sessions);
    }
    CHECK(store::searchCourses(g.db, {.text = "\" * ( ) -"})->empty());  // no words: nothing, not everything
    CHECK(store::searchCourses(g.db, {.text = "NEAR(\"x\" OR"}));  // words, never syntax errors
    CHECK(store::searchCourses(g.db, {.startsFrom = "2099-01-01"})->empty());
}

TEST_CASE("a course upsert replaces its sessions, a delete removes them", "[store][courses]") {
    GeneratedDb g;
    auto course = g.batch.courseUpserts.front();
    REQUIRE_FALSE(course.sessions.empty());
    course.sessions.resize(1);
    course.sessions[0].seatsTaken = 0;
    domain::CatalogBatch change;
    change.courseUpserts = {course};
    auto counts = store::applyCatalogBatch(g.db, change);
    REQUIRE(counts);
    CHECK(counts->coursesUpserted == (g.batch.courseUpserts.front().sessions == course.sessions ? 0 : 1));
    CHECK(store::getCourse(g.db, course.id)->sessions == course.sessions);
    CHECK(store::applyCatalogBatch(g.db, change)->coursesUpserted == 0);  // idempotent

    domain::CatalogBatch drop;
    drop.courseTombstones = {course.id};
    REQUIRE(store::applyCatalogBatch(g.db, drop));
    CHECK(store::getCourse(g.db, course.id).error().code() == ErrorCode::NotFound);
    const auto remaining = store::coursesTeaching(g.db, course.skillsTaught, "", "2000-01-01", 1000);
    REQUIRE(remaining);
    CHECK_FALSE(remaining->empty());
    for (const auto& o : *remaining) CHECK(o.course.id != course.id);
}

TEST_CASE("hostile filters and cursors never error and never widen the search", "[store][search]") {
    GeneratedDb g;
    const std::string hostile[] = {"' OR 1=1 --", std::string(10000, 'x'), "\xC3\x28", std::string("\0a", 2)};
    for (const std::string& text : hostile) {
        INFO(text.substr(0, 20));
        auto page = store::searchJobs(g.db, {.filters = {.region = text, .category = text, .postedSince = text}});
        REQUIRE(page);
        CHECK(page->totalMatches == 0);
    }
    for (int band : {-5, 0, 4, 99}) {
        auto page = store::searchJobs(g.db, {.filters = {.minSalaryBand = band}});
        REQUIRE(page);
        CHECK(page->totalMatches <= 3000);
    }
    for (const domain::JobCursor cursor : {domain::JobCursor{true, std::nan(""), 5}, domain::JobCursor{false, 0, -1},
                                           domain::JobCursor{true, -1e308, INT64_MAX}}) {
        CHECK(store::searchJobs(g.db, {.text = "tbil", .after = cursor}));
        CHECK(store::searchJobs(g.db, {.after = cursor}));
    }
    CHECK(store::searchJobs(g.db, {.limit = -3})->jobs.size() == 1);
    CHECK(store::searchJobs(g.db, {.limit = 1 << 30})->jobs.size() == 1000);
}

TEST_CASE("accents and letter case are folded both ways", "[store][search]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    domain::CatalogBatch batch;
    domain::JobRecord j;
    j.id = "cafe";
    j.title = "Café barista";
    j.employer = "Ёлка";
    batch.jobUpserts = {j};
    REQUIRE(store::applyCatalogBatch(*db, batch));
    for (const char* typed : {"cafe", "CAFÉ", "caf", "ёлка", "елка", "ЁЛ"}) {
        INFO(typed);
        CHECK(store::searchJobs(*db, {.text = typed})->totalMatches == 1);
    }
}
