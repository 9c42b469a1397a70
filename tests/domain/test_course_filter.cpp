// Browsing courses by format, group, city and flexible hours, with the count each choice leaves.
#include <catch2/catch.hpp>

#include "catalog/catalog_generator.hpp"
#include "domain/course_filter.hpp"

using namespace dc;

TEST_CASE("course filters narrow the list and count what each choice would leave", "[core][courses]") {
    const auto courses = catalog::generateCatalog({.seed = 12, .jobs = 0, .courses = 80}).courseUpserts;
    REQUIRE(courses.size() == 80);
    CHECK(domain::matchingCourses(courses, {}).size() == 80);

    const auto all = domain::courseChoices(courses, {});
    REQUIRE_FALSE(all.formats.empty());
    REQUIRE_FALSE(all.groups.empty());
    CHECK(all.cities.size() <= 4);
    // Each count is what choosing it gives, computed by brute force.
    for (const auto& [format, n] : all.formats)
        CHECK(static_cast<int>(domain::matchingCourses(courses, {.format = format}).size()) == n);
    for (const auto& [group, n] : all.groups)
        CHECK(static_cast<int>(domain::matchingCourses(courses, {.group = group}).size()) == n);
    for (const auto& [city, n] : all.cities)
        CHECK(static_cast<int>(domain::matchingCourses(courses, {.city = city}).size()) == n);
    CHECK(static_cast<int>(domain::matchingCourses(courses, {.flexibleOnly = true}).size()) == all.flexible);
    // Most courses first.
    for (size_t i = 1; i < all.groups.size(); ++i) CHECK(all.groups[i - 1].second >= all.groups[i].second);

    // With a group chosen, format counts keep the group.
    const domain::CourseFilter youth{.group = all.groups.front().first};
    const auto withGroup = domain::courseChoices(courses, youth);
    for (const auto& [format, n] : withGroup.formats) {
        domain::CourseFilter both = youth;
        both.format = format;
        CHECK(static_cast<int>(domain::matchingCourses(courses, both).size()) == n);
        for (size_t i : domain::matchingCourses(courses, both)) CHECK(courses[i].format == format);
    }
    CHECK(domain::matchingCourses(courses, {.group = "no-such-group"}).empty());
    CHECK(domain::matchingCourses(courses, {.city = "Atlantis"}).empty());
}
