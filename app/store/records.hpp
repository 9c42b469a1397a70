#pragma once
// Catalog records as stored and exchanged with the server. Field names follow schema.org
// JobPosting and Course where one exists (title, hiringOrganization -> employer, datePosted, ...).
#include <cstdint>
#include <optional>
#include <string>
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
    std::optional<int64_t> salaryMin;  // whole currency units per month
    std::optional<int64_t> salaryMax;
    std::string salaryCurrency;  // ISO 4217: GEL, BYN, USD
    std::string employmentType;  // FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY
    std::string datePosted;      // ISO 8601 date
    std::string validThrough;    // ISO 8601 date, may be empty
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
    std::string id;
    std::string title;
    std::string employer;
    std::string city;
    WorkMode workMode = WorkMode::OnSite;
    std::optional<int64_t> salaryMin;
    std::optional<int64_t> salaryMax;
    std::string salaryCurrency;
};

inline constexpr int64_t kMaxCountedMatches = 1000;

struct JobSearch {
    std::string text;  // what the person typed; untrusted
    int limit = 200;
};

struct JobPage {
    // Exact up to kMaxCountedMatches; beyond that the count stops and `totalIsLowerBound` is set,
    // because counting a broad prefix over a million jobs costs more than a person gains.
    int64_t totalMatches = 0;
    bool totalIsLowerBound = false;
    std::vector<JobSummary> jobs;
};

}  // namespace dc::store
