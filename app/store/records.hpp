#pragma once
// Catalog records as stored and exchanged with the server. Field names follow schema.org
// JobPosting and Course where one exists (title, hiringOrganization -> employer, datePosted, ...).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dc::store {

enum class WorkMode { OnSite, Remote, Hybrid };

struct JobRecord {
    std::string id;  // server-assigned identifier, stable across syncs
    std::string title;
    std::string employer;
    std::string description;
    std::string region;
    std::string city;
    WorkMode workMode = WorkMode::OnSite;
    std::string category;
    std::vector<std::string> skills;
    std::optional<int64_t> salaryMin;  // whole currency units per salaryPeriod
    std::optional<int64_t> salaryMax;
    std::string salaryCurrency;  // ISO 4217: GEL, BYN, USD
    std::string salaryPeriod;    // HOUR, DAY, WEEK, MONTH or YEAR, as the employer pays; empty: MONTH
    std::string employmentType;  // FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY
    std::string datePosted;      // ISO 8601 date
    std::string validThrough;    // ISO 8601 date, may be empty: the last day the posting is offered
    std::string isco;            // ISCO-08 occupation code (2 to 4 digits), may be empty
};

// The pay periods a salary may be stated in, and what one of them comes to in a month (a month
// of 21.75 working days of 8 hours), so salaries are compared and banded on one scale.
bool isSalaryPeriod(std::string_view period);
std::optional<int64_t> monthlyAmount(std::optional<int64_t> amount, std::string_view period);

// One run of a course at a center (schema.org CourseInstance).
struct CourseSession {
    std::string id;
    std::string center;  // the tech skills center or venue
    std::string city;
    std::string startsAt;  // ISO 8601 date or date-time
    std::string endsAt;
    std::string scheduleNote;  // "Tue and Thu 18:00-20:00"
    bool flexibleSchedule = false;
    int64_t capacity = 0;
    int64_t seatsTaken = 0;  // as last known from the server
    bool accessibleVenue = false;
    bool operator==(const CourseSession&) const = default;
};

struct CourseRecord {
    std::string id;
    std::string name;
    std::string provider;  // tech skills center or organisation
    std::string description;
    std::string format;  // webinar, seminar, blended
    std::string city;
    std::vector<std::string> targetGroups;  // youth, adults, children, parental_leave, disability
    std::vector<std::string> skillsTaught;
    std::string language;  // ISO 639-1 of instruction
    std::string startDate;
    std::string level;  // beginner, intermediate, advanced
    std::optional<int64_t> cost;  // 0 = free; absent = not stated
    std::string costCurrency;
    std::vector<CourseSession> sessions;
};

// One unit of catalog change, as import and sync apply it: all in one transaction, idempotent.
struct CatalogBatch {
    std::vector<JobRecord> jobUpserts;
    std::vector<std::string> jobTombstones;
    std::vector<CourseRecord> courseUpserts;
    std::vector<std::string> courseTombstones;
};

// What a job list row needs: small, so a long list costs little memory.
struct JobSummary {
    int64_t rowid = 0;  // local; orders arrival and keys pagination
    std::string id;
    std::string title;
    std::string employer;
    std::string city;
    WorkMode workMode = WorkMode::OnSite;
    std::optional<int64_t> salaryMin;
    std::optional<int64_t> salaryMax;
    std::string salaryCurrency;
    std::string salaryPeriod;
    std::string datePosted;
    int matchingSkills = 0;  // how many of the searcher's skills the job asks for
};

inline constexpr int64_t kMaxCountedMatches = 1000;

// Salary bands for the filter chips, by the most a job offers per month in its own currency
// (GEL and BYN are close enough in size for one set of steps). 0 means "not stated".
inline constexpr int64_t kSalaryBandFloor[] = {0, 1, 500, 1000, 2000};
inline constexpr int kSalaryBands = 5;
inline int salaryBand(std::optional<int64_t> salaryMax) {
    if (!salaryMax || *salaryMax <= 0) return 0;
    int band = 1;
    while (band + 1 < kSalaryBands && *salaryMax >= kSalaryBandFloor[band + 1]) ++band;
    return band;
}

struct JobFilters {
    std::string region;  // exact region name; empty means any
    std::optional<WorkMode> workMode;
    std::string category;
    int minSalaryBand = 0;    // 0 means any; k means a stated maximum of at least kSalaryBandFloor[k]
    std::string postedSince;  // ISO date; empty means any
    bool any() const {
        return !region.empty() || workMode || !category.empty() || minSalaryBand > 0 || !postedSince.empty();
    }
};

// Where the previous page ended. Ranked pages order by score, newest-first pages by rowid.
struct JobCursor {
    bool ranked = false;
    double score = 0;
    int64_t rowid = 0;
};

struct JobSearch {
    std::string text;  // what the person typed; untrusted
    JobFilters filters;
    std::vector<std::string> mySkills;  // the searcher's skills: matching jobs rank higher
    std::optional<JobCursor> after;     // next page after this cursor
    int limit = 50;
    bool withFacets = true;
};

struct FacetCount {
    std::string value;  // region name, work mode text, category, or salary band number
    int64_t count = 0;
    bool operator==(const FacetCount&) const = default;
};

// How many results each filter chip would leave, within the filters already chosen.
struct JobFacets {
    std::vector<FacetCount> regions, workModes, categories, salaryBands;
    // Counted over the first kMaxCountedMatches matches only (a broad text search).
    bool sampled = false;
};

struct JobPage {
    // Exact up to kMaxCountedMatches; beyond that the count stops and `totalIsLowerBound` is set,
    // because counting a broad prefix over a million jobs costs more than a person gains.
    int64_t totalMatches = 0;
    bool totalIsLowerBound = false;
    std::vector<JobSummary> jobs;
    std::optional<JobCursor> next;  // set when there are more results
    JobFacets facets;
    // Set with an empty answer when the kiosk holds no job at all (its first catalog has not
    // arrived): the screen says so instead of "no job matches".
    bool catalogEmpty = false;
};

const char* workModeText(WorkMode mode);
std::optional<WorkMode> workModeFromText(std::string_view text);

}  // namespace dc::store
