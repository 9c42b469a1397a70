#include <catch2/catch.hpp>

#include <set>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "app/ui/kit/place_names.hpp"
#include "common/utf8.hpp"

using namespace dc;
using namespace dc::ui;

namespace {

// True when every letter of `text` is in [from, to] (spaces, hyphens and the like aside).
bool lettersIn(const std::string& text, char32_t from, char32_t to) {
    std::vector<char32_t> points;
    if (!utf8::decode(text, points)) return false;
    bool any = false;
    for (char32_t c : points) {
        if (c == U' ' || c == U'-') continue;
        if (c < from || c > to) return false;
        any = true;
    }
    return any;
}

}  // namespace

TEST_CASE("every region the catalogs use reads in each language's own script", "[ui][format]") {
    std::set<std::string> regions;
    for (const auto& job : catalog::generateCatalog({.seed = 7, .jobs = 3000, .courses = 0}).jobUpserts)
        regions.insert(job.region);
    for (const auto& job : catalog::kioskSeedCatalog().jobUpserts) regions.insert(job.region);
    regions.erase("");  // remote work has no region
    REQUIRE(regions.size() >= 10);
    for (const std::string& key : regions) {
        INFO(key);
        CHECK(regionName(Language::English, key) == key);
        const std::string ka = regionName(Language::Georgian, key), ru = regionName(Language::Russian, key),
                          be = regionName(Language::Belarusian, key);
        CHECK(lettersIn(ka, 0x10D0, 0x10FF));  // Mkhedruli
        CHECK(lettersIn(ru, 0x0400, 0x04FF));
        CHECK(lettersIn(be, 0x0400, 0x04FF));
    }
    // Belarusian is its own language, not Russian spelled again.
    CHECK(regionName(Language::Russian, "Brest Region") == "Брестская область");
    CHECK(regionName(Language::Belarusian, "Brest Region") == "Брэсцкая вобласць");
    CHECK(regionName(Language::Georgian, "Imereti") == "იმერეთი");
}

TEST_CASE("a region not in the table is shown as the catalog gave it, whatever it holds", "[ui][format]") {
    for (const std::string& key : {std::string(), std::string("Lapland"), std::string("brest region"), std::string(5000, 'x'),
                                   std::string("\xff\xfe bad bytes"), std::string("Brest Region\0evil", 17)}) {
        for (Language language : kAllLanguages) CHECK(regionName(language, key) == key);
    }
}
