#include "domain/course_filter.hpp"

#include <algorithm>
#include <map>

namespace dc::domain {
namespace {

bool inCity(const CourseRecord& c, const std::string& city) {
    if (c.city == city) return true;
    return std::any_of(c.sessions.begin(), c.sessions.end(), [&](const auto& s) { return s.city == city; });
}

std::vector<std::string> citiesOf(const CourseRecord& c) {
    std::vector<std::string> out;
    if (!c.city.empty()) out.push_back(c.city);
    for (const auto& s : c.sessions)
        if (!s.city.empty() && std::find(out.begin(), out.end(), s.city) == out.end()) out.push_back(s.city);
    return out;
}

std::vector<std::pair<std::string, int>> ranked(const std::map<std::string, int>& counts, size_t most) {
    std::vector<std::pair<std::string, int>> out(counts.begin(), counts.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (out.size() > most) out.resize(most);
    return out;
}

}  // namespace

bool matches(const CourseRecord& c, const CourseFilter& f) {
    if (!f.format.empty() && c.format != f.format) return false;
    if (!f.group.empty() && std::find(c.targetGroups.begin(), c.targetGroups.end(), f.group) == c.targetGroups.end())
        return false;
    if (!f.city.empty() && !inCity(c, f.city)) return false;
    if (f.flexibleOnly && std::none_of(c.sessions.begin(), c.sessions.end(), [](const auto& s) { return s.flexibleSchedule; }))
        return false;
    return true;
}

std::vector<size_t> matchingCourses(const std::vector<CourseRecord>& courses, const CourseFilter& filter) {
    std::vector<size_t> out;
    for (size_t i = 0; i < courses.size(); ++i)
        if (matches(courses[i], filter)) out.push_back(i);
    return out;
}

CourseChoices courseChoices(const std::vector<CourseRecord>& courses, const CourseFilter& filter, size_t maxCities) {
    std::map<std::string, int> formats, groups, cities;
    int flexible = 0;
    for (const auto& c : courses) {
        CourseFilter f = filter;
        f.format.clear();
        if (!c.format.empty() && matches(c, f)) ++formats[c.format];
        f = filter;
        f.group.clear();
        if (matches(c, f))
            for (const auto& g : c.targetGroups) ++groups[g];
        f = filter;
        f.city.clear();
        if (matches(c, f))
            for (const auto& city : citiesOf(c)) ++cities[city];
        f = filter;
        f.flexibleOnly = true;
        flexible += matches(c, f) ? 1 : 0;
    }
    return {ranked(formats, 16), ranked(groups, 16), ranked(cities, maxCities), flexible};
}

}  // namespace dc::domain
