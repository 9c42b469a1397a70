#pragma once
// Finding a course: the list when the Courses screen opens, its filter, a course opened with the
// jobs that ask for what it teaches.
#include <string>

#include "app/services/jobseeker_services.hpp"
#include "app/ui/jobseeker/session.hpp"

namespace dc::ui {

class CoursesController {
public:
    CoursesController(Session& session, services::JobseekerServices& services) : m_session(session), m_services(services) {}

    void apply(const CoursesActions& actions);
    // The Courses screen opened: its list is loaded.
    void listCourses();

private:
    void openCourse(const std::string& id);

    Session& m_session;
    services::JobseekerServices& m_services;
};

}  // namespace dc::ui
