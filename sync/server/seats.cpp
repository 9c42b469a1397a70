// Seat accounting: a place cancelled, moved or promoted, and every seat freed given to whoever has
// waited longest on that session's waiting list, in the caller's transaction (so it stays exact
// over PostgreSQL and several servers).
#include "sync/server/central_service.hpp"
#include "sync/server/change_log.hpp"

namespace dc::server {

namespace {
// The seat an enrollment held in `sessionId` is free: whoever has waited longest on that session's
// waitlist gets it (their enrollment id in *promoted), or the session has one more free seat.
Expected<void> releaseSeat(SqlConnection& c, const std::string& sessionId, const std::string& courseId, std::string* promoted) {
    // Under PostgreSQL's read committed, a transaction freeing a seat at the same moment may take
    // the same first person: the outer "still waitlisted" makes the later one find nobody, and it
    // looks again (it sees the other's commit then), so no seat is lost or given twice.
    for (int attempt = 0; attempt < 16; ++attempt) {
        DC_TRY(next,
               c.query(
                   "UPDATE enrollments SET status = 'confirmed', waitlist_position = NULL WHERE id = (SELECT id FROM enrollments "
                   "WHERE session_id = $1 AND status = 'waitlisted' ORDER BY waitlist_position LIMIT 1) "
                   "AND status = 'waitlisted' RETURNING id",
                   {sessionId}));
        if (!next->empty()) {
            DC_CHECK(noteStatusUpdate(c, (*next)[0].text(0), "confirmed", std::nullopt));
            if (promoted) *promoted = (*next)[0].text(0);
            return {};
        }
        DC_TRY(waiting, c.query("SELECT count(*) FROM enrollments WHERE session_id = $1 AND status = 'waitlisted'", {sessionId}));
        if ((*waiting)[0].integer(0) == 0) break;
    }
    DC_CHECK(c.query("UPDATE sessions SET seats_taken = seats_taken - 1 WHERE id = $1 AND seats_taken > 0", {sessionId}));
    return republishCourse(c, courseId);
}

// A place that still holds something: a seat (confirmed) or a place on the waitlist.
struct HeldPlace {
    std::string sessionId, courseId;
    bool seat = false;
};
Expected<std::optional<HeldPlace>> heldPlace(SqlConnection& c, const std::string& id) {
    DC_TRY(rows,
           c.query("SELECT session_id, course_id, status FROM enrollments WHERE id = $1 AND status IN ('confirmed','waitlisted')",
                   {id}));
    if (rows->empty()) return std::optional<HeldPlace>();
    return std::optional<HeldPlace>(HeldPlace{(*rows)[0].text(0), (*rows)[0].text(1), (*rows)[0].text(2) == "confirmed"});
}
}  // namespace

Expected<std::string> cancelEnrollmentInTransaction(SqlConnection& c, const std::string& id, std::string* promoted) {
    DC_TRY(place, heldPlace(c, id));
    if (!*place) return fail(ErrorCode::NotFound, "no confirmed or waitlisted enrollment has this id");
    const std::string sessionId = (*place)->sessionId, courseId = (*place)->courseId;
    const bool hadSeat = (*place)->seat;
    DC_CHECK(c.query("UPDATE enrollments SET status = 'cancelled', waitlist_position = NULL WHERE id = $1", {id}));
    DC_CHECK(noteStatusUpdate(c, id, "cancelled", std::nullopt));
    if (!hadSeat) return std::string("cancelled a place on the waitlist");
    std::string next;
    DC_CHECK(releaseSeat(c, sessionId, courseId, &next));
    if (promoted) *promoted = next;
    if (next.empty()) return std::string("cancelled; the seat is free again");
    DC_TRY(code, c.query("SELECT reference_code FROM enrollments WHERE id = $1", {next}));
    return "cancelled; the seat went to " + (code->empty() ? next : (*code)[0].text(0)) + " from the waitlist";
}

Expected<std::string> moveEnrollmentInTransaction(SqlConnection& c, const std::string& id, const std::string& toSession,
                                                  std::string* promoted) {
    DC_TRY(place, heldPlace(c, id));
    if (!*place) return fail(ErrorCode::NotFound, "only a confirmed or waitlisted place can move to another session");
    const std::string from = (*place)->sessionId, courseId = (*place)->courseId;
    const bool hadSeat = (*place)->seat;
    if (toSession == from) return fail(ErrorCode::InvalidInput, "the place is in this session already: choose another one");
    DC_TRY(target, c.query("SELECT course_id FROM sessions WHERE id = $1", {toSession}));
    if (target->empty() || (*target)[0].text(0) != courseId)
        return fail(ErrorCode::InvalidInput, "choose another session of the same course");
    // The new session first (one statement takes a seat, as for a kiosk's request), then the old one's seat is freed.
    DC_TRY(seat,
           c.query("UPDATE sessions SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity "
                   "RETURNING seats_taken",
                   {toSession}));
    std::string status = "confirmed";
    SqlValue position = std::monostate{};
    if (seat->empty()) {
        DC_TRY(queued,
               c.query("UPDATE sessions SET waitlisted = waitlisted + 1 WHERE id = $1 RETURNING waitlisted", {toSession}));
        status = "waitlisted";
        position = (*queued)[0].integer(0);
    }
    DC_CHECK(c.query("UPDATE enrollments SET session_id = $2, status = $3, waitlist_position = $4 WHERE id = $1",
                     {id, toSession, status, position}));
    if (hadSeat) DC_CHECK(releaseSeat(c, from, courseId, promoted));
    if (!seat->empty()) DC_CHECK(republishCourse(c, courseId));
    return status;
}

Expected<void> promoteEnrollmentInTransaction(SqlConnection& c, const std::string& id) {
    DC_TRY(rows, c.query("SELECT session_id, course_id FROM enrollments WHERE id = $1 AND status = 'waitlisted'", {id}));
    if (rows->empty()) return fail(ErrorCode::InvalidInput, "only a place on the waiting list can be promoted");
    const std::string sessionId = (*rows)[0].text(0), courseId = (*rows)[0].text(1);
    DC_TRY(seat,
           c.query("UPDATE sessions SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity "
                   "RETURNING seats_taken",
                   {sessionId}));
    if (seat->empty())
        return fail(ErrorCode::InvalidInput,
                    "the session has no free seat: cancel a place or move someone to another session first");
    DC_TRY(
        taken,
        c.query("UPDATE enrollments SET status = 'confirmed', waitlist_position = NULL WHERE id = $1 AND status = 'waitlisted' "
                "RETURNING id",
                {id}));
    if (taken->empty()) return fail(ErrorCode::Conflict, "this place got a seat a moment ago");  // the caller rolls back the seat
    return republishCourse(c, courseId);
}

Expected<std::string> CentralService::cancelEnrollment(const std::string& referenceCode) {
    auto c = m_pool.acquire();
    return inTransaction<std::string>(*c, [&]() -> Expected<std::string> {
        DC_TRY(rows,
               c->query("SELECT id FROM enrollments WHERE reference_code = $1 "
                        "AND status IN ('confirmed','waitlisted') ORDER BY received_at LIMIT 1",
                        {referenceCode}));
        if (rows->empty()) return fail(ErrorCode::NotFound, "no confirmed or waitlisted enrollment has this code");
        return cancelEnrollmentInTransaction(*c, (*rows)[0].text(0), nullptr);
    });
}

}  // namespace dc::server
