#pragma once
// Finding a course: the list and its filter, the course opened and the jobs it leads to.
#include <optional>
#include <string>
#include <vector>

#include "app/ui/kit/loadable.hpp"
#include "domain/course_filter.hpp"
#include "domain/records.hpp"
#include "domain/search.hpp"

namespace dc::ui {

struct CoursesState {
    Loadable<std::vector<domain::CourseRecord>> courses;
    Loadable<domain::CourseRecord> course;
    Loadable<domain::JobPage> courseJobs;  // jobs asking for what the course teaches
    domain::CourseFilter courseFilter;
};

struct CoursesActions {
    std::optional<std::string> openCourse;
    std::optional<domain::CourseFilter> courseFilter;
};

}  // namespace dc::ui
