#include <catch2/catch.hpp>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "support/temp_dir.hpp"

using namespace dc;

namespace {

struct DemoDb {
    dc::test::TempDir dir;
    store::Database db;
    DemoDb() : db(std::move(*store::Database::open(dir / "kiosk.db"))) {
        REQUIRE(store::applyCatalogBatch(db, catalog::demoCatalog()));
    }
};

std::vector<std::string> titles(const domain::JobPage& page) {
    std::vector<std::string> out;
    for (const auto& j : page.jobs) out.push_back(j.title);
    return out;
}

}  // namespace

TEST_CASE("an empty search lists every job, newest first", "[store][search]") {
    DemoDb demo;
    auto page = store::searchJobs(demo.db, {});
    REQUIRE(page);
    CHECK(page->totalMatches == static_cast<int64_t>(catalog::demoCatalog().jobUpserts.size()));
    REQUIRE(page->jobs.size() == static_cast<size_t>(page->totalMatches));
    CHECK(page->jobs.front().id != page->jobs.back().id);
}

TEST_CASE("search finds by prefix in Latin, Georgian and Cyrillic", "[store][search]") {
    DemoDb demo;
    CHECK_THAT(titles(*store::searchJobs(demo.db, {.text = "teste"})), Catch::VectorContains(std::string("Junior QA tester")));
    CHECK_THAT(titles(*store::searchJobs(demo.db, {.text = "ბუღალ"})), Catch::VectorContains(std::string("ბუღალტერი")));
    CHECK_THAT(titles(*store::searchJobs(demo.db, {.text = "офиц"})), Catch::VectorContains(std::string("Официант")));
    // Case-folded: capitals typed on the keyboard still match.
    CHECK(store::searchJobs(demo.db, {.text = "ОФИЦИАНТ"})->totalMatches == 1);
    // Words from the employer and the city count too.
    CHECK(store::searchJobs(demo.db, {.text = "silknet"})->totalMatches == 2);
}

TEST_CASE("all words must match", "[store][search]") {
    DemoDb demo;
    CHECK(store::searchJobs(demo.db, {.text = "tester silknet"})->totalMatches == 1);
    CHECK(store::searchJobs(demo.db, {.text = "tester minsk"})->totalMatches == 0);
}

TEST_CASE("hostile search text never errors and never matches everything", "[store][search]") {
    DemoDb demo;
    const std::string hostile[] = {"\"",
                                   "*",
                                   "-",
                                   "NEAR(a b)",
                                   "OR",
                                   "a OR b",
                                   "(((",
                                   "') DROP TABLE jobs; --",
                                   "\xC3\x28",
                                   std::string(10000, 'x'),
                                   std::string(10000, '*'),
                                   "title:tester",
                                   std::string("\0x", 2)};
    for (const std::string& text : hostile) {
        INFO(text.substr(0, 40));
        auto page = store::searchJobs(demo.db, {.text = text});
        REQUIRE(page);
        CHECK(page->totalMatches < static_cast<int64_t>(catalog::demoCatalog().jobUpserts.size()));
    }
    CHECK(*store::countJobs(demo.db) == static_cast<int64_t>(catalog::demoCatalog().jobUpserts.size()));
}

TEST_CASE("the result list is bounded by the limit while the total counts all", "[store][search]") {
    DemoDb demo;
    auto page = store::searchJobs(demo.db, {.text = "", .limit = 3});
    REQUIRE(page);
    CHECK(page->jobs.size() == 3);
    CHECK(page->totalMatches > 3);
}

TEST_CASE("job detail carries every field and the skills list", "[store]") {
    DemoDb demo;
    auto job = store::getJob(demo.db, "demo-job-001");
    REQUIRE(job);
    CHECK(job->title == "Junior QA tester");
    CHECK(job->employer == "Silknet");
    CHECK(job->workMode == domain::WorkMode::Hybrid);
    CHECK(job->salaryMin == 1800);
    CHECK(job->salaryMax == 2400);
    CHECK(job->skills == std::vector<std::string>{"software testing", "attention to detail", "English"});
    CHECK(store::getJob(demo.db, "no-such-job").error().code() == ErrorCode::NotFound);
}

TEST_CASE("courses are listed by start date", "[store]") {
    DemoDb demo;
    auto courses = store::listCourses(demo.db, 100);
    REQUIRE(courses);
    REQUIRE(courses->size() == catalog::demoCatalog().courseUpserts.size());
    for (size_t i = 1; i < courses->size(); ++i) CHECK((*courses)[i - 1].startDate <= (*courses)[i].startDate);
}

TEST_CASE("broad searches stop counting at the cap and still return the newest rows", "[store][search]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    const auto batch = catalog::generateCatalog({.seed = 5, .jobs = 4000, .courses = 0});
    REQUIRE(store::applyCatalogBatch(*db, batch));

    // Browsing counts exactly, from the filter count table, whatever the size.
    auto everything = store::searchJobs(*db, {.limit = 10});
    REQUIRE(everything);
    CHECK_FALSE(everything->totalIsLowerBound);
    CHECK(everything->totalMatches == 4000);

    // A prefix in the opening line of every Russian posting (about 38% of them).
    auto broad = store::searchJobs(*db, {.text = "компан", .limit = 50});
    REQUIRE(broad);
    REQUIRE(broad->totalIsLowerBound);
    CHECK(broad->totalMatches == domain::kMaxCountedMatches);
    REQUIRE(broad->jobs.size() == 50);
    // Newest arrivals first: ids were generated in arrival order.
    CHECK(broad->jobs.front().id > broad->jobs.back().id);

    auto narrow = store::searchJobs(*db, {.text = "Салігорск", .limit = 50});
    REQUIRE(narrow);
    CHECK_FALSE(narrow->totalIsLowerBound);
    CHECK(narrow->totalMatches > 0);
    CHECK(narrow->totalMatches < domain::kMaxCountedMatches);
}
