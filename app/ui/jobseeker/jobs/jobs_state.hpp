#pragma once
// Finding a job: the search, its filter chips and pages, the job opened and the courses that
// teach what it asks for.
#include <optional>
#include <string>
#include <vector>

#include "app/ui/kit/loadable.hpp"
#include "domain/records.hpp"
#include "domain/search.hpp"

namespace dc::ui {

struct JobsState {
    domain::JobFilters filters;  // the filter chips chosen on the Jobs screen
    Loadable<domain::JobPage> jobs;
    bool moreJobsLoading = false;  // the next page of the list is on its way
    Loadable<domain::JobRecord> job;
    Loadable<std::vector<domain::CourseOffer>> jobCourses;  // courses teaching the job's skills
};

struct JobsActions {
    std::optional<std::string> openJob;
    bool searchChanged = false;
    std::optional<domain::JobFilters> filters;  // a chip was touched: search with these
    bool moreJobs = false;  // the list is near its end: fetch the next page
};

}  // namespace dc::ui
