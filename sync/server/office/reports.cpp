#include "sync/server/office/reports.hpp"

#include <ctime>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.hpp"
#include "common/dates.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server/sql.hpp"

namespace dc::server::office {
namespace {

using nlohmann::json;

bool mayReport(const Session& who) { return who.role == Role::Coordinator || who.role == Role::Admin; }

// The target group by age on the day the record came: children, youth (15-29), adults.
std::string ageGroup(const std::string& birthDate, int64_t at) {
    const auto born = dates::parseDay(birthDate);
    if (!born) return {};
    const std::string day = dates::utcText(at, "%Y-%m-%d");
    const auto then = dates::parseDay(day);
    if (!then) return {};
    int age = then->year - born->year;
    if (then->month < born->month || (then->month == born->month && then->day < born->day)) --age;
    if (age < 0) return {};
    return age < 15 ? "children" : age < 30 ? "youth" : "adults";
}

struct Tally {
    ProgramReport& r;
    void add(Dimension d, const std::string& key, Measure m) { ++r.by[static_cast<int>(d)][key][m]; }
    void add(const std::string& week, const std::vector<std::string>& groups, const std::string& language,
             const std::string& region, Measure m) {
        ++r.total[m];
        add(Dimension::Week, week, m);
        if (groups.empty()) add(Dimension::Group, "", m);
        for (const auto& g : groups) add(Dimension::Group, g, m);
        add(Dimension::Language, language, m);
        add(Dimension::Region, region, m);
    }
};

}  // namespace

const char* measureName(Measure m) {
    static const char* names[] = {"applications", "hires", "course_places", "completions"};
    return names[static_cast<int>(m)];
}

const char* dimensionName(Dimension d) {
    static const char* names[] = {"week", "group", "language", "region"};
    return names[static_cast<int>(d)];
}

std::optional<int64_t> shown(int64_t count) {
    if (count > 0 && count < kSmallestShown) return std::nullopt;
    return count;
}

std::string reportCsv(const ProgramReport& report) {
    std::string out = "from,to,dimension,value,measure,count\n";
    auto line = [&](const std::string& dimension, const std::string& value, const Counts& c) {
        for (Measure m : kMeasures) {
            const auto n = shown(c[m]);
            out += report.from + "," + report.to + "," + dimension + "," + csvField(value) + "," + measureName(m) + "," +
                (n ? std::to_string(*n) : "<5") + "\n";
        }
    };
    line("total", "", report.total);
    for (Dimension d : kDimensions)
        for (const auto& [key, counts] : report.of(d)) line(dimensionName(d), key.empty() ? "not stated" : key, counts);
    return out;
}

ReportService::ReportService(ConnectionPool& pool, std::function<int64_t()> clock) : m_pool(pool), m_clock(std::move(clock)) {}

Expected<ProgramReport> ReportService::report(std::string from, std::string to, const Session& who) {
    if (!mayReport(who)) return fail(ErrorCode::Refused, "reports are a coordinator's");
    const int64_t now = m_clock();
    if (to.empty()) to = dates::utcText(now, "%Y-%m-%d");
    if (from.empty()) from = dates::utcText(now - 83 * 86400, "%Y-%m-%d");  // 12 weeks, today included
    const auto fromDay = dates::parseDay(from, 2000, 2100), toDay = dates::parseDay(to, 2000, 2100);
    if (!fromDay || !toDay) return fail(ErrorCode::InvalidInput, "the days are real dates (YYYY-MM-DD)");
    const int64_t start = dates::unixSeconds(*fromDay), end = dates::unixSeconds(*toDay) + 86400;
    if (end <= start) return fail(ErrorCode::InvalidInput, "the report ends on or after the day it starts");
    if (end - start > kMaxReportDays * 86400) return fail(ErrorCode::InvalidInput, "a report spans at most two years");

    ProgramReport r;
    r.from = from;
    r.to = to;
    Tally tally{r};
    auto c = m_pool.acquire();
    // Applications and hires.
    DC_TRY(apps,
           c->query("SELECT a.person, a.status, a.received_at, coalesce(d.office, '') FROM applications a "
                    "LEFT JOIN devices d ON d.id = a.device_id WHERE a.received_at >= $1 AND a.received_at < $2 "
                    "AND ($3 = '' OR d.office = $3)",
                    {start, end, who.office}));
    for (const auto& row : *apps) {
        const json person = json::parse(row.text(0), nullptr, false);
        const int64_t at = row.integer(2);
        const std::string group = person.is_object() ? ageGroup(person.value("birthDate", std::string()), at) : "";
        const std::string language = person.is_object() ? person.value("language", std::string()) : "";
        const std::vector<std::string> groups = group.empty() ? std::vector<std::string>{} : std::vector<std::string>{group};
        const std::string week = dates::utcText(at, "%G-W%V");
        tally.add(week, groups, language, row.text(3), Measure::Applications);
        if (row.text(1) == "hired") tally.add(week, groups, language, row.text(3), Measure::Hires);
    }
    // Course places (a seat held) and completions, in the groups of the course they are for.
    std::unordered_map<std::string, std::vector<std::string>> courseGroups;
    DC_TRY(courses, c->query("SELECT id, body FROM catalog WHERE kind = 'course'"));
    for (const auto& row : *courses) {
        auto batch = catalog::parseJsonLines(row.text(1));
        if (batch && batch->courseUpserts.size() == 1) courseGroups[row.text(0)] = batch->courseUpserts[0].targetGroups;
    }
    DC_TRY(places,
           c->query("SELECT e.person, e.course_id, e.received_at, coalesce(d.office, ''), "
                    "CASE WHEN k.enrollment_id IS NULL THEN 0 ELSE 1 END FROM enrollments e "
                    "LEFT JOIN devices d ON d.id = e.device_id LEFT JOIN completions k ON k.enrollment_id = e.id "
                    "WHERE e.status = 'confirmed' AND e.received_at >= $1 AND e.received_at < $2 "
                    "AND ($3 = '' OR d.office = $3)",
                    {start, end, who.office}));
    for (const auto& row : *places) {
        const json person = json::parse(row.text(0), nullptr, false);
        const std::string language = person.is_object() ? person.value("language", std::string()) : "";
        const std::string week = dates::utcText(row.integer(2), "%G-W%V");
        const auto& groups = courseGroups[row.text(1)];
        tally.add(week, groups, language, row.text(3), Measure::Places);
        if (row.integer(4)) tally.add(week, groups, language, row.text(3), Measure::Completions);
    }
    return r;
}

Expected<void> ReportService::markCompleted(const std::string& enrollmentId, const Session& who) {
    if (!mayReport(who)) return fail(ErrorCode::Refused, "completions are a coordinator's to record");
    auto c = m_pool.acquire();
    return inTransaction<void>(*c, [&]() -> Expected<void> {
        DC_TRY(rows,
               c->query("SELECT e.status, coalesce(d.office, '') FROM enrollments e LEFT JOIN devices d ON "
                        "d.id = e.device_id WHERE e.id = $1",
                        {enrollmentId}));
        if (rows->empty() || (!who.office.empty() && (*rows)[0].text(1) != who.office))
            return fail(ErrorCode::NotFound, "no such course place");
        if ((*rows)[0].text(0) != "confirmed") return fail(ErrorCode::InvalidInput, "only a confirmed place can be completed");
        DC_CHECK(
            c->query("INSERT INTO completions (enrollment_id, at, by_user) VALUES ($1, $2, $3) "
                     "ON CONFLICT (enrollment_id) DO NOTHING",
                     {enrollmentId, m_clock(), who.user}));
        return writeAudit(*c, m_clock(), who.user, "course.completed", "enrollment:" + enrollmentId);
    });
}

}  // namespace dc::server::office
