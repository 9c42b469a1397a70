#include <catch2/catch.hpp>

#include <set>

#include "catalog/catalog_generator.hpp"
#include "store/catalog_import.hpp"
#include "catalog/catalog_json.hpp"
#include "store/catalog_queries.hpp"
#include "common/utf8.hpp"
#include "support/temp_dir.hpp"

using namespace dc;

TEST_CASE("the generator is deterministic per seed", "[core][generator]") {
    const auto a = catalog::toJsonLines(catalog::generateCatalog({.seed = 42, .jobs = 300, .courses = 20}));
    const auto b = catalog::toJsonLines(catalog::generateCatalog({.seed = 42, .jobs = 300, .courses = 20}));
    const auto c = catalog::toJsonLines(catalog::generateCatalog({.seed = 43, .jobs = 300, .courses = 20}));
    CHECK(a == b);
    CHECK(a != c);
}

TEST_CASE("generated records are valid and span both countries and all four languages", "[core][generator]") {
    const auto batch = catalog::generateCatalog({.seed = 1, .jobs = 2000, .courses = 100});
    REQUIRE(batch.jobUpserts.size() == 2000);
    REQUIRE(batch.courseUpserts.size() == 100);
    REQUIRE(domain::validateCatalogBatch(batch));

    std::set<std::string> ids, regions, currencies;
    bool georgianScript = false, cyrillic = false, belarusianLetter = false, remote = false;
    for (const auto& j : batch.jobUpserts) {
        ids.insert(j.id);
        regions.insert(j.region);
        currencies.insert(j.salaryCurrency);
        remote |= j.workMode == domain::WorkMode::Remote;
        REQUIRE(j.salaryMin);
        CHECK(*j.salaryMin <= *j.salaryMax);
        CHECK(j.datePosted.size() == 10);
        std::vector<char32_t> cps;
        REQUIRE(utf8::decode(j.title + j.description, cps));
        for (char32_t c : cps) {
            georgianScript |= c >= 0x10D0 && c <= 0x10FF;
            cyrillic |= c >= 0x0400 && c <= 0x04FF;
            belarusianLetter |= c == U'ў' || c == U'і';
        }
    }
    CHECK(ids.size() == 2000);
    CHECK(regions.count("Tbilisi") == 1);
    CHECK(regions.count("Gomel Region") == 1);
    CHECK(currencies == std::set<std::string>{"BYN", "GEL", "USD"});
    CHECK(georgianScript);
    CHECK(cyrillic);
    CHECK(belarusianLetter);
    CHECK(remote);
}

TEST_CASE("a generated catalog imports and is searchable in every script", "[core][generator]") {
    dc::test::TempDir dir;
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    const auto batch = catalog::generateCatalog({.seed = 3, .jobs = 3000, .courses = 30});
    REQUIRE(store::applyCatalogBatch(*db, batch));
    CHECK(*store::countJobs(*db) == 3000);
    for (const char* query : {"ბუღალტ", "бухгалт", "праграм", "tester", "Кутаиси", "Tbilisi"}) {
        INFO(query);
        auto page = store::searchJobs(*db, {.text = query, .limit = 20});
        REQUIRE(page);
        CHECK(page->totalMatches > 0);
        CHECK(page->totalMatches < 3000);
    }
}
