#pragma once
// Finding a job: searches as the person types or touches a chip (counted once for the reports),
// the next page as they scroll, a job opened with the courses that teach its skills.
#include <string>

#include "app/services/jobseeker_services.hpp"
#include "app/ui/jobseeker/session.hpp"

namespace dc::ui {

class JobsController {
public:
    JobsController(Session& session, services::JobseekerServices& services) : m_session(session), m_services(services) {}

    void apply(const JobsActions& actions);
    // A new search with the text typed and the chips chosen; an older answer still on its way is dropped.
    void search();
    // The kiosk received catalog changes: an empty list (the first catalog had not arrived) fills itself.
    void catalogChanged();
    void wipe() { m_countedSearch.clear(); }

private:
    void openJob(const std::string& id);
    void moreJobs();

    Session& m_session;
    services::JobseekerServices& m_services;
    std::string m_countedSearch;  // the search text last counted for the reports
};

}  // namespace dc::ui
