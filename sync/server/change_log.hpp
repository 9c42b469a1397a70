#pragma once
// Inside the central service (its .cpp files only): the catalog's change log and the status
// updates kiosks pick up with their heartbeat, written in the caller's transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "sync/server/sql.hpp"

namespace dc::server {

// `count` new places in the change log; returns the first.
Expected<int64_t> nextSeq(SqlConnection& c, int64_t count);
// Writes the sessions' current seat counts into a course's catalog line and gives it a new place
// in the change log, so devices pull the new numbers.
Expected<void> republishCourse(SqlConnection& c, const std::string& courseId);
// Records a change to a device's record, for that device's next heartbeat.
Expected<void> noteStatusUpdate(SqlConnection& c, const std::string& enrollmentId, const std::string& status,
                                std::optional<int64_t> position);

}  // namespace dc::server
