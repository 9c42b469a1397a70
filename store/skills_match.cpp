// Skills link the two halves of the product: what a job needs, what a person has, what a course
// teaches. These queries are the path from training to employment.
#include <algorithm>
#include <map>

#include "store/catalog_queries.hpp"
#include "catalog/json_list.hpp"
#include "store/sqlite_statement.hpp"

namespace dc::store {
using namespace ::dc::domain;
using namespace ::dc::catalog;
namespace {

bool containsFolded(const std::vector<std::string>& list, const std::string& item) {
    const std::string key = skillKey(item);
    return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return skillKey(s) == key; });
}

}  // namespace

std::vector<std::string> missingSkills(const JobRecord& job, const std::vector<std::string>& mySkills) {
    std::vector<std::string> missing;
    for (const std::string& needed : job.skills)
        if (!containsFolded(mySkills, needed) && !containsFolded(missing, needed)) missing.push_back(needed);
    return missing;
}

Expected<std::vector<CourseOffer>> coursesTeaching(const Database& db, const std::vector<std::string>& skills,
                                                   const std::string& city, const std::string& today, int limit) {
    if (skills.empty()) return std::vector<CourseOffer>{};
    std::vector<std::string> wanted(skills.begin(), skills.begin() + std::min<size_t>(skills.size(), 32));
    // Courses are few: find the upcoming sessions that qualify, then read each course once
    // (getCourse, with its sessions) and offer the one session.
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
SELECT c.id, s.id
FROM courses c JOIN course_sessions s ON s.course_id = c.id
WHERE s.starts_at >= :today
  AND EXISTS (SELECT 1 FROM json_each(c.skills_taught) t
              WHERE lower(t.value) IN (SELECT lower(value) FROM json_each(:wanted)))
LIMIT 5000)SQL"));
    stmt->bindNamed(":today", today);
    stmt->bindNamed(":wanted", toJsonArray(wanted));
    std::vector<std::pair<std::string, std::string>> rows;  // course id, session id
    DC_CHECK(stmt->eachRow(db, "finding courses for skills", [&] { rows.emplace_back(stmt->text(0), stmt->text(1)); }));

    std::vector<CourseOffer> offers;
    std::map<std::string, CourseRecord> courses;
    for (const auto& [courseId, sessionId] : rows) {
        auto known = courses.find(courseId);
        if (known == courses.end()) {
            auto course = getCourse(db, courseId);
            if (!course) return std::unexpected(course.error());
            known = courses.emplace(courseId, std::move(*course)).first;
        }
        const auto& sessions = known->second.sessions;
        const auto session =
            std::find_if(sessions.begin(), sessions.end(), [&](const CourseSession& x) { return x.id == sessionId; });
        if (session == sessions.end()) continue;
        CourseOffer offer;
        offer.course = known->second;
        offer.course.sessions = {*session};
        for (const std::string& w : wanted) offer.teachesMissing += containsFolded(offer.course.skillsTaught, w);
        offer.nearby = (!city.empty() && skillKey(session->city) == skillKey(city)) || offer.course.format == "webinar";
        offers.push_back(std::move(offer));
    }
    std::sort(offers.begin(), offers.end(), [](const CourseOffer& a, const CourseOffer& b) {
        if (a.nearby != b.nearby) return a.nearby;
        if (a.teachesMissing != b.teachesMissing) return a.teachesMissing > b.teachesMissing;
        if (a.course.sessions[0].startsAt != b.course.sessions[0].startsAt)
            return a.course.sessions[0].startsAt < b.course.sessions[0].startsAt;
        return a.course.sessions[0].id < b.course.sessions[0].id;
    });
    offers.resize(std::min(offers.size(), static_cast<size_t>(std::clamp(limit, 1, 1000))));
    return offers;
}

}  // namespace dc::store
