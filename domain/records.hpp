#pragma once
// Catalog records as stored and exchanged with the server. Field names follow schema.org
// JobPosting and Course where one exists (title, hiringOrganization -> employer, datePosted, ...).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dc::domain {

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
    std::string salaryPeriod;  // HOUR, DAY, WEEK, MONTH or YEAR, as the employer pays; empty: MONTH
    std::string employmentType;  // FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY
    std::string datePosted;  // ISO 8601 date
    std::string validThrough;  // ISO 8601 date, may be empty: the last day the posting is offered
    std::string isco;  // ISCO-08 occupation code (2 to 4 digits), may be empty
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

const char* workModeText(WorkMode mode);
std::optional<WorkMode> workModeFromText(std::string_view text);

}  // namespace dc::domain
