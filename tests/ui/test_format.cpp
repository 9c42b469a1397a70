#include <catch2/catch.hpp>

#include <limits>

#include "app/ui/format.hpp"

using namespace dc::ui;

TEST_CASE("numbers use each language's thousands separator", "[ui][format]") {
    CHECK(formatNumber(Language::English, 0) == "0");
    CHECK(formatNumber(Language::English, 999) == "999");
    CHECK(formatNumber(Language::English, 1000) == "1,000");
    CHECK(formatNumber(Language::English, 1234567) == "1,234,567");
    CHECK(formatNumber(Language::Russian, 12345) == "12\u00A0345");
    CHECK(formatNumber(Language::English, -1500) == "-1,500");
    CHECK(formatNumber(Language::English, std::numeric_limits<int64_t>::min()) == "-9,223,372,036,854,775,808");
}

TEST_CASE("salary ranges read naturally and missing bounds are handled", "[ui][format]") {
    CHECK(formatSalary(Language::English, 1800, 2400, "GEL") == "1,800–2,400 GEL");
    CHECK(formatSalary(Language::English, 900, 900, "BYN") == "900 BYN");
    CHECK(formatSalary(Language::English, 900, std::nullopt, "BYN") == "900 BYN");
    CHECK(formatSalary(Language::English, std::nullopt, 1500, "USD") == "1,500 USD");
    CHECK(formatSalary(Language::English, std::nullopt, std::nullopt, "USD").empty());
}
