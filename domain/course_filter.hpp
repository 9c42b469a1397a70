#pragma once
// Browsing courses by what people ask for: format (webinar, seminar, blended), who it is for
// (youth, adults, children, parents on leave, people with disabilities), where (the city of a
// centre) and flexible hours. Courses are few (hundreds), so the kiosk holds them and filters in
// memory; each choice comes with how many courses it would leave, the other choices kept.
#include <string>
#include <utility>
#include <vector>

#include "domain/records.hpp"

namespace dc::domain {

struct CourseFilter {
    std::string format;  // empty = any
    std::string group;
    std::string city;  // of the course or of any of its sessions
    bool flexibleOnly = false;
    bool any() const { return !format.empty() || !group.empty() || !city.empty() || flexibleOnly; }
    bool operator==(const CourseFilter&) const = default;
};

bool matches(const CourseRecord& course, const CourseFilter& filter);
// Positions in `courses` of those that match, in order.
std::vector<size_t> matchingCourses(const std::vector<CourseRecord>& courses, const CourseFilter& filter);

struct CourseChoices {
    std::vector<std::pair<std::string, int>> formats, groups, cities;  // value, courses it would leave
    int flexible = 0;
};
// Every value present, most courses first (cities: at most `maxCities`), counted as if chosen
// with the rest of `filter` kept.
CourseChoices courseChoices(const std::vector<CourseRecord>& courses, const CourseFilter& filter, size_t maxCities = 4);

}  // namespace dc::domain
