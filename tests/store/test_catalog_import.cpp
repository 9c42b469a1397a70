#include <catch2/catch.hpp>

#include "catalog/demo_catalog.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "catalog/json_list.hpp"
#include "support/temp_dir.hpp"

using namespace dc;

namespace {

domain::JobRecord makeJob(std::string id, std::string title) {
    domain::JobRecord j;
    j.id = std::move(id);
    j.title = std::move(title);
    j.datePosted = "2026-11-01";
    return j;
}

}  // namespace

TEST_CASE("importing the same batch twice changes nothing the second time", "[store][import]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    const auto batch = catalog::demoCatalog();
    auto first = store::applyCatalogBatch(*db, batch);
    REQUIRE(first);
    CHECK(first->jobsUpserted == batch.jobUpserts.size());
    CHECK(first->coursesUpserted == batch.courseUpserts.size());
    auto second = store::applyCatalogBatch(*db, batch);
    REQUIRE(second);
    CHECK(second->jobsUpserted == 0);
    CHECK(second->coursesUpserted == 0);
    CHECK(*store::countJobs(*db) == static_cast<int64_t>(batch.jobUpserts.size()));
}

TEST_CASE("upserts update in place and tombstones delete, also from search", "[store][import]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    domain::CatalogBatch add;
    add.jobUpserts = {makeJob("a", "Baker"), makeJob("b", "Plumber")};
    REQUIRE(store::applyCatalogBatch(*db, add));

    domain::CatalogBatch change;
    change.jobUpserts = {makeJob("a", "Pastry chef")};
    change.jobTombstones = {"b", "never-existed"};
    auto counts = store::applyCatalogBatch(*db, change);
    REQUIRE(counts);
    CHECK(counts->jobsUpserted == 1);
    CHECK(counts->jobsDeleted == 1);
    CHECK(store::getJob(*db, "a")->title == "Pastry chef");
    CHECK(store::getJob(*db, "b").error().code() == ErrorCode::NotFound);
    CHECK(store::searchJobs(*db, {.text = "baker"})->totalMatches == 0);
    CHECK(store::searchJobs(*db, {.text = "plumber"})->totalMatches == 0);
    CHECK(store::searchJobs(*db, {.text = "pastry"})->totalMatches == 1);
    // The search index matches the table exactly (FTS5 compares its index with the content).
    CHECK(db->exec("INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_CASE("the search index stays exact through repeated, changed and deleted imports", "[store][import]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    auto batch = catalog::demoCatalog();
    REQUIRE(store::applyCatalogBatch(*db, batch));
    REQUIRE(store::applyCatalogBatch(*db, batch));
    batch.jobUpserts[0].title = "Senior QA tester";
    batch.jobUpserts.resize(5);
    batch.jobTombstones = {"demo-job-010", "demo-job-011"};
    REQUIRE(store::applyCatalogBatch(*db, batch));
    CHECK(db->exec("INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 1)"));
    CHECK(store::searchJobs(*db, {.text = "senior"})->totalMatches == 1);
    CHECK(store::searchJobs(*db, {.text = "junior"})->totalMatches == 0);
    CHECK(store::searchJobs(*db, {.text = "колл"})->totalMatches == 0);
}

TEST_CASE("a batch with one bad record is refused whole and writes nothing", "[store][import]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);

    struct Case {
        const char* name;
        domain::JobRecord bad;
        const char* expected;
    };
    domain::JobRecord longTitle = makeJob("long", std::string(5000, 'x'));
    domain::JobRecord badUtf8 = makeJob("utf", "Caf\xC3");
    domain::JobRecord noId = makeJob("", "Nobody");
    domain::JobRecord noTitle = makeJob("t", "");
    domain::JobRecord hugeDescription = makeJob("d", "Desc");
    hugeDescription.description = std::string(200 * 1024, 'd');
    domain::JobRecord manySkills = makeJob("s", "Skills");
    manySkills.skills.assign(1000, "skill");
    const Case cases[] = {
        {"oversized title", longTitle, "limit"},
        {"invalid UTF-8", badUtf8, "UTF-8"},
        {"empty id", noId, "empty id"},
        {"no title", noTitle, "no title"},
        {"huge description", hugeDescription, "limit"},
        {"too many skills", manySkills, "limit"},
    };
    for (const Case& c : cases) {
        SECTION(c.name) {
            domain::CatalogBatch batch;
            batch.jobUpserts = {makeJob("good", "Good job"), c.bad};
            auto result = store::applyCatalogBatch(*db, batch);
            REQUIRE_FALSE(result);
            CHECK(result.error().code() == ErrorCode::InvalidInput);
            CHECK_THAT(result.error().message(), Catch::Contains(c.expected));
            CHECK(*store::countJobs(*db) == 0);
        }
    }
}

TEST_CASE("skills are stored as JSON exactly as nlohmann writes it", "[store][import]") {
    const std::vector<std::vector<std::string>> lists = {
        {},
        {"Excel"},
        {"a\"b", "back\\slash", "tab\there", "line\nbreak", "\x01\x1f", "\b\f\r"},
        {"ბუღალტერია", "Ёлка", "C++", "1C"}};
    for (const auto& list : lists) CHECK(catalog::toJsonArray(list) == nlohmann::json(list).dump());
}
