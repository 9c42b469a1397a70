// Skills link the two halves of the product: what a job needs, what a person has, what a course
// teaches. These queries are the path from training to employment.
#include <algorithm>
#include <cctype>
#include <map>

#include "app/store/catalog_queries.hpp"
#include "app/store/json_list.hpp"
#include "app/store/sqlite_statement.hpp"

namespace dc::store {
namespace {

std::string folded(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool containsFolded(const std::vector<std::string>& list, const std::string& item) {
    const std::string key = folded(item);
    return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return folded(s) == key; });
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
    // Courses are few; the candidate sessions are read once and ordered here.
    auto stmt = Statement::prepare(db, R"SQL(
SELECT c.id, s.id, s.center, s.city, s.starts_at, s.ends_at, s.schedule_note, s.flexible_schedule, s.capacity,
       s.seats_taken, s.accessible_venue
FROM courses c JOIN course_sessions s ON s.course_id = c.id
WHERE s.starts_at >= :today
  AND EXISTS (SELECT 1 FROM json_each(c.skills_taught) t
              WHERE lower(t.value) IN (SELECT lower(value) FROM json_each(:wanted)))
LIMIT 5000)SQL");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bindNamed(":today", today);
    stmt->bindNamed(":wanted", toJsonArray(wanted));
    struct Row {
        std::string courseId;
        CourseSession session;
    };
    std::vector<Row> rows;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        Row row{stmt->text(0), {}};
        row.session.id = stmt->text(1);
        row.session.center = stmt->text(2);
        row.session.city = stmt->text(3);
        row.session.startsAt = stmt->text(4);
        row.session.endsAt = stmt->text(5);
        row.session.scheduleNote = stmt->text(6);
        row.session.flexibleSchedule = stmt->integer(7) != 0;
        row.session.capacity = stmt->integer(8);
        row.session.seatsTaken = stmt->integer(9);
        row.session.accessibleVenue = stmt->integer(10) != 0;
        rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) return std::unexpected(db.lastError("finding courses for skills"));

    std::vector<CourseOffer> offers;
    std::map<std::string, CourseRecord> courses;
    for (Row& row : rows) {
        auto known = courses.find(row.courseId);
        if (known == courses.end()) {
            auto course = getCourse(db, row.courseId);
            if (!course) return std::unexpected(course.error());
            known = courses.emplace(row.courseId, std::move(*course)).first;
        }
        CourseOffer offer;
        offer.course = known->second;
        offer.course.sessions = {row.session};
        for (const std::string& w : wanted) offer.teachesMissing += containsFolded(offer.course.skillsTaught, w);
        offer.nearby = (!city.empty() && folded(row.session.city) == folded(city)) || offer.course.format == "webinar";
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
