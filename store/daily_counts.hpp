#pragma once
// Anonymous usage counts for the program's reports: how many sessions, searches, applications
// and enrollments a kiosk saw each day, in total and by language or course target group. No
// person, record id or search text is ever part of a count.
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace dc::store {

inline constexpr const char* kCountedMetrics[] = {"sessions", "searches", "applications", "enrollments"};

// Adds one to `metric` for today (UTC), in total and under each dimension ("lang=ka").
// Runs inside the caller's transaction when there is one.
Expected<void> countEvent(Database& db, const std::string& metric, const std::vector<std::string>& dimensions);

struct DailyCount {
    std::string day, metric, dimension;
    int64_t n = 0;
};
// Every count of the days (at most `maxDays`, oldest first) where something is not yet reported.
Expected<std::vector<DailyCount>> unreportedCounts(const Database& db, size_t maxDays);
// Marks these values as reported; a count that grew since it was read stays unreported.
Expected<void> markReported(Database& db, const std::vector<DailyCount>& counts);

}  // namespace dc::store
