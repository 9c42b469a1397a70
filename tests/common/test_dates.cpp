#include <catch2/catch.hpp>

#include "common/dates.hpp"

using namespace dc;

TEST_CASE("a day is a real date in YYYY-MM-DD, digits and dashes only, within the years asked", "[dates][hostile]") {
    auto d = dates::parseDay("2026-12-03");
    REQUIRE(d);
    CHECK(d->year == 2026);
    CHECK(d->month == 12);
    CHECK(d->day == 3);
    CHECK(dates::parseDay("2028-02-29"));
    CHECK(dates::parseDay("2000-02-29"));
    for (const char* bad :
         {"2027-02-29", "1900-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "9999-99-99",
          "26-12-03", "2026/12/03", "2026-12-3", "+026-12-03", " 026-12-03", "2026-1a-03", "", "2026-12-03x"})
        CHECK_FALSE(dates::parseDay(bad));
    CHECK_FALSE(dates::parseDay("1999-12-31", 2000, 2100));
    CHECK(dates::parseDay("1950-06-01", 1900, 2100));
    CHECK(dates::unixSeconds({1970, 1, 2}) == 86400);
    CHECK(dates::unixSeconds(*dates::parseDay("2026-12-03")) == 1796256000);
}
