#pragma once
// Calendar days as people and protocols write them ("2026-12-03"): one rule for what is a real
// date, used by every form, protocol field and filter that takes one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dc::dates {

struct Day {
    int year = 0, month = 0, day = 0;
};

// YYYY-MM-DD, digits and dashes only, a day that exists (29 February only in leap years), the year
// within [minYear, maxYear]; nullopt otherwise.
std::optional<Day> parseDay(std::string_view text, int minYear = 1900, int maxYear = 2100);

// 00:00 UTC of that day, in Unix seconds.
int64_t unixSeconds(const Day& day);

// A moment (Unix seconds) written in UTC with strftime's `format` ("%Y-%m-%d %H:%M", "%G-W%V").
std::string utcText(int64_t unixSeconds, const char* format);
// Its day, "YYYY-MM-DD" (UTC).
inline std::string utcDay(int64_t unixSeconds) { return utcText(unixSeconds, "%Y-%m-%d"); }

}  // namespace dc::dates
