#pragma once
// The program's outcomes, as its sponsors measure them: applications, hires, course places and
// completions, by target group, language, region and week, over a span of days. Nothing personal
// leaves here: only counts, and a count from 1 to 4 is never shown (kFewer: "fewer than 5"), so no
// one is picked out of a small group.
//
// Where the dimensions come from: an application's target group from the person's age on the day
// it came (children under 15, youth 15-29, adults 30 and over; "not stated" without a birth date),
// a course place's from the course's own groups (a place on a course for youth and for parents
// counts in both); the language the person used at the kiosk; the region (office) of the kiosk it
// came from; the ISO week it came in (UTC).
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "sync/server/office/office_service.hpp"

namespace dc::server::office {

inline constexpr int64_t kSmallestShown = 5;
inline constexpr int64_t kMaxReportDays = 366 * 2;

enum class Measure { Applications, Hires, Places, Completions };
inline constexpr Measure kMeasures[] = {Measure::Applications, Measure::Hires, Measure::Places, Measure::Completions};
const char* measureName(Measure m);  // "applications", ... (the CSV's words)

struct Counts {
    int64_t n[4] = {0, 0, 0, 0};
    int64_t& operator[](Measure m) { return n[static_cast<int>(m)]; }
    int64_t operator[](Measure m) const { return n[static_cast<int>(m)]; }
};

enum class Dimension { Week, Group, Language, Region };
inline constexpr Dimension kDimensions[] = {Dimension::Week, Dimension::Group, Dimension::Language, Dimension::Region};
const char* dimensionName(Dimension d);  // "week", "group", "language", "region"

struct ProgramReport {
    std::string from, to;  // YYYY-MM-DD, both days included
    Counts total;
    std::map<std::string, Counts> by[4];  // by[Dimension]: key -> counts ("" = not stated)
    const std::map<std::string, Counts>& of(Dimension d) const { return by[static_cast<int>(d)]; }
};

// A count as a report may show it: the number, "" for none, or nullopt for 1 to 4.
std::optional<int64_t> shown(int64_t count);
// The same numbers as the page, as CSV: dimension,value,measure,count ("<5" for 1 to 4).
std::string reportCsv(const ProgramReport& report);

class ReportService {
public:
    ReportService(ConnectionPool& pool, std::function<int64_t()> clock);
    // Coordinators and admins; an office's see their office's kiosks only. `from`/`to` YYYY-MM-DD
    // (empty: the 12 weeks up to today), at most kMaxReportDays apart.
    Expected<ProgramReport> report(std::string from, std::string to, const Session& who);
    // A person finished the course their place was for (a confirmed, promoted or moved place).
    Expected<void> markCompleted(const std::string& enrollmentId, const Session& who);

private:
    ConnectionPool& m_pool;
    std::function<int64_t()> m_clock;
};

}  // namespace dc::server::office
