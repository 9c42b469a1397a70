// Course search and reading. Courses number in the hundreds, not millions: plain SQL with their
// sessions read per course is fast enough, and clearer than anything cleverer.
#include <algorithm>

#include "store/catalog_queries.hpp"
#include "store/fts_query.hpp"
#include "catalog/json_list.hpp"
#include "store/sqlite_statement.hpp"

namespace dc::store {
using namespace ::dc::domain;
using namespace ::dc::catalog;
namespace {

constexpr const char* kCourseColumns =
    "c.id, c.name, c.provider, c.description, c.format, c.city, c.target_groups, c.skills_taught, c.language, "
    "c.start_date, c.level, c.cost, c.cost_currency";

CourseRecord courseFrom(const Statement& row) {
    CourseRecord c;
    c.id = row.text(0);
    c.name = row.text(1);
    c.provider = row.text(2);
    c.description = row.text(3);
    c.format = row.text(4);
    c.city = row.text(5);
    c.targetGroups = listFromJson(row.text(6));
    c.skillsTaught = listFromJson(row.text(7));
    c.language = row.text(8);
    c.startDate = row.text(9);
    c.level = row.text(10);
    c.cost = row.optionalInteger(11);
    c.costCurrency = row.text(12);
    return c;
}

constexpr const char* kSessionColumns =
    "s.id, s.center, s.city, s.starts_at, s.ends_at, s.schedule_note, s.flexible_schedule, s.capacity, "
    "s.seats_taken, s.accessible_venue";

CourseSession sessionFrom(const Statement& row, int first) {
    CourseSession s;
    s.id = row.text(first);
    s.center = row.text(first + 1);
    s.city = row.text(first + 2);
    s.startsAt = row.text(first + 3);
    s.endsAt = row.text(first + 4);
    s.scheduleNote = row.text(first + 5);
    s.flexibleSchedule = row.integer(first + 6) != 0;
    s.capacity = row.integer(first + 7);
    s.seatsTaken = row.integer(first + 8);
    s.accessibleVenue = row.integer(first + 9) != 0;
    return s;
}

Expected<void> readSessions(const Database& db, CourseRecord& course) {
    DC_TRY(stmt,
           Statement::prepare(db,
                              std::string("SELECT ") + kSessionColumns +
                                  " FROM course_sessions s WHERE s.course_id = ?1 ORDER BY s.starts_at, s.id"));
    stmt->bind(1, course.id);
    DC_CHECK(stmt->eachRow(db, "reading course sessions", [&] { course.sessions.push_back(sessionFrom(*stmt, 0)); }));
    return {};
}

}  // namespace

Expected<std::vector<CourseRecord>> searchCourses(const Database& db, const CourseSearch& search) {
    const FtsQuery fts = buildFtsQuery(search.text);
    if (fts.kind == FtsQuery::Kind::Nothing) return std::vector<CourseRecord>{};
    std::string sql = std::string("SELECT ") + kCourseColumns + " FROM courses c WHERE 1 = 1";
    if (fts.kind == FtsQuery::Kind::Match)
        sql += " AND c.rowid IN (SELECT rowid FROM courses_fts WHERE courses_fts MATCH :match)";
    if (!search.targetGroup.empty()) sql += " AND EXISTS (SELECT 1 FROM json_each(c.target_groups) WHERE value = :group)";
    if (!search.format.empty()) sql += " AND c.format = :format";
    if (!search.startsFrom.empty())
        sql +=
            " AND (EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.starts_at >= :from)"
            " OR (NOT EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id)"
            "     AND c.start_date >= :from))";
    // Soonest first: the first session still ahead, or the course's own start date.
    sql +=
        " ORDER BY coalesce((SELECT min(s.starts_at) FROM course_sessions s WHERE s.course_id = c.id"
        " AND s.starts_at >= coalesce(:from, '')), c.start_date), c.rowid LIMIT :limit";
    DC_TRY(stmt, Statement::prepare(db, sql));
    if (fts.kind == FtsQuery::Kind::Match) stmt->bindNamed(":match", fts.expression);
    stmt->bindNamed(":group", search.targetGroup);
    stmt->bindNamed(":format", search.format);
    if (!search.startsFrom.empty()) stmt->bindNamed(":from", search.startsFrom);
    stmt->bindNamed(":limit", static_cast<int64_t>(std::clamp(search.limit, 1, 1000)));
    std::vector<CourseRecord> out;
    DC_CHECK(stmt->eachRow(db, "searching courses", [&] { out.push_back(courseFrom(*stmt)); }));
    for (auto& course : out)
        if (auto r = readSessions(db, course); !r) return std::unexpected(r.error());
    return out;
}

Expected<std::vector<CourseRecord>> listCourses(const Database& db, int limit) { return searchCourses(db, {.limit = limit}); }

Expected<CourseRecord> getCourse(const Database& db, const std::string& id) {
    DC_TRY(stmt, Statement::prepare(db, std::string("SELECT ") + kCourseColumns + " FROM courses c WHERE c.id = ?1"));
    stmt->bind(1, id);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return fail(ErrorCode::NotFound, "no course with id '" + id.substr(0, 64) + "'");
    if (rc != SQLITE_ROW) return std::unexpected(db.lastError("reading a course"));
    CourseRecord course = courseFrom(*stmt);
    if (auto r = readSessions(db, course); !r) return std::unexpected(r.error());
    return course;
}

}  // namespace dc::store
