#include "app/ui/jobseeker/jobs/jobs_controller.hpp"

#include <ctime>

#include "common/dates.hpp"

namespace dc::ui {

void JobsController::apply(const JobsActions& actions) {
    JobsState& s = m_session.state;
    if (actions.filters) s.filters = *actions.filters;
    if (actions.searchChanged || actions.filters) search();
    if (actions.openJob) openJob(*actions.openJob);
    if (actions.moreJobs) moreJobs();
}

void JobsController::search() {
    JobsState& s = m_session.state;
    // For the reports, typing "ju", "jun", "junior" is one search: a new one starts when the
    // text is no longer a continuation (or a shortening) of the last one counted.
    const std::string& text = m_session.edit.search;
    const bool continues = !m_countedSearch.empty() && (text.starts_with(m_countedSearch) || m_countedSearch.starts_with(text));
    if (!text.empty() && !continues)
        m_services.countEvent("searches", {std::string("lang=") + languageCode(m_session.language())});
    if (!text.empty()) m_countedSearch = text;
    // Searches coalesce on the worker too; here an answer overtaken by newer typing is dropped.
    s.moreJobsLoading = false;
    const uint64_t request = s.jobs.start();
    m_services.searchJobs({.text = text, .filters = s.filters, .limit = 200},
                          m_session.guard([this, request](Expected<domain::JobPage> result) {
                              if (!result) logLoadError("the jobs", result.error());
                              m_session.state.jobs.accept(request, std::move(result));
                          }));
}

void JobsController::openJob(const std::string& id) {
    JobsState& s = m_session.state;
    s.job.value.reset();
    s.jobCourses.value.reset();
    const uint64_t request = s.job.start();
    m_services.getJob(id, m_session.guard([this, request](Expected<domain::JobRecord> result) {
        JobsState& st = m_session.state;
        if (!result) logLoadError("a job", result.error());
        if (result && st.job.request == request) {
            const uint64_t coursesRequest = st.jobCourses.start();
            m_services.coursesTeaching(result->skills, result->city, dates::utcDay(std::time(nullptr)),
                                       m_session.guard([this, coursesRequest](Expected<std::vector<domain::CourseOffer>> offers) {
                                           if (!offers) logLoadError("courses for a job", offers.error());
                                           m_session.state.jobCourses.accept(coursesRequest, std::move(offers));
                                       }));
        }
        st.job.accept(request, std::move(result));
    }));
    m_session.open(Screen::JobDetail);
}

void JobsController::moreJobs() {
    JobsState& s = m_session.state;
    if (s.moreJobsLoading || !s.jobs.value || !s.jobs.value->next) return;
    // The list goes on as far as the person scrolls: the next page joins the rows already there.
    s.moreJobsLoading = true;
    const uint64_t request = s.jobs.request;
    m_services.nextJobs(
        {.text = m_session.edit.search, .filters = s.filters, .after = s.jobs.value->next, .limit = 200, .withFacets = false},
        m_session.guard([this, request](Expected<domain::JobPage> page) {
            JobsState& st = m_session.state;
            if (st.jobs.request != request || !st.jobs.value) return;  // a new search since
            st.moreJobsLoading = false;
            if (!page) {
                logLoadError("more jobs", page.error());
                return;
            }
            auto& rows = st.jobs.value->jobs;
            rows.insert(rows.end(), std::make_move_iterator(page->jobs.begin()), std::make_move_iterator(page->jobs.end()));
            st.jobs.value->next = page->next;
        }));
}

void JobsController::catalogChanged() {
    // An empty list (the kiosk's first catalog had not arrived, or not the part that matches) fills
    // by itself; a list with jobs is left alone while the person reads it.
    const KioskState& s = m_session.state;
    if (s.screen == Screen::Jobs && s.jobs.value && s.jobs.value->jobs.empty() && !s.jobs.loading) search();
}

}  // namespace dc::ui
