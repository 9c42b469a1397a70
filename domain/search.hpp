#pragma once
// What the kiosk's job search takes and gives: filters, a page of small rows, the filter chips'
// counts, where the next page starts (store/job_search.cpp answers it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/records.hpp"

namespace dc::domain {

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
    int minSalaryBand = 0;  // 0 means any; k means a stated maximum of at least kSalaryBandFloor[k]
    std::string postedSince;  // ISO date; empty means any
    bool any() const { return !region.empty() || workMode || !category.empty() || minSalaryBand > 0 || !postedSince.empty(); }
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
    std::optional<JobCursor> after;  // next page after this cursor
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

// A course session offered for skills a job asks for (store: coursesTeaching).
struct CourseOffer {
    CourseRecord course;  // with only the session offered
    int teachesMissing = 0;  // how many of the wanted skills it teaches
    bool nearby = false;  // in the searcher's city
};

}  // namespace dc::domain
