#include "app/ui/jobseeker/courses/courses_controller.hpp"

namespace dc::ui {

void CoursesController::apply(const CoursesActions& actions) {
    if (actions.courseFilter) m_session.state.courseFilter = *actions.courseFilter;
    if (actions.openCourse) openCourse(*actions.openCourse);
}

void CoursesController::listCourses() {
    const uint64_t request = m_session.state.courses.start();
    m_services.listCourses(m_session.guard([this, request](Expected<std::vector<domain::CourseRecord>> result) {
        if (!result) logLoadError("the courses", result.error());
        m_session.state.courses.accept(request, std::move(result));
    }));
}

void CoursesController::openCourse(const std::string& id) {
    CoursesState& s = m_session.state;
    s.course.value.reset();
    const uint64_t request = s.course.start();
    s.courseJobs.value.reset();
    m_services.getCourse(id, m_session.guard([this, request](Expected<domain::CourseRecord> result) {
        CoursesState& st = m_session.state;
        if (!result) logLoadError("a course", result.error());
        if (result && st.course.request == request) {
            const uint64_t jobsRequest = st.courseJobs.start();
            m_services.jobsMatchingSkills(result->skillsTaught, 3,
                                          m_session.guard([this, jobsRequest](Expected<domain::JobPage> jobs) {
                                              if (!jobs) logLoadError("jobs for a course", jobs.error());
                                              m_session.state.courseJobs.accept(jobsRequest, std::move(jobs));
                                          }));
        }
        st.course.accept(request, std::move(result));
    }));
    m_session.open(Screen::CourseDetail);
}

}  // namespace dc::ui
