#pragma once
// Read queries over the catalog. All are bounded (LIMIT) so their cost does not grow with the
// catalog beyond what the indexes give.
#include <vector>

#include "store/database.hpp"
#include "domain/records.hpp"
#include "domain/search.hpp"

namespace dc::store {
using namespace ::dc::domain;

// Text, filters, chip counts and keyset pages over the jobs (job_search.cpp explains the design).
Expected<JobPage> searchJobs(const Database& db, const JobSearch& search);
// "Jobs that match my skills": jobs asking for any of search.mySkills, the most matched first
// (then relevance and freshness). search.text is ignored; filters and pages apply.
Expected<JobPage> jobsMatchingSkills(const Database& db, const JobSearch& search);

Expected<JobRecord> getJob(const Database& db, const std::string& id);
Expected<int64_t> countJobs(const Database& db);

struct CourseSearch {
    std::string text;  // untrusted, as for jobs
    std::string targetGroup;  // youth, adults, children, parental_leave, disability; empty = any
    std::string format;  // webinar, seminar, blended; empty = any
    std::string startsFrom;  // ISO date: only courses with a session starting then or later
    int limit = 100;
};
// Courses with their sessions, soonest first.
Expected<std::vector<CourseRecord>> searchCourses(const Database& db, const CourseSearch& search);
Expected<std::vector<CourseRecord>> listCourses(const Database& db, int limit);
Expected<CourseRecord> getCourse(const Database& db, const std::string& id);

// "Skills this job needs that I lack", compared without regard to letter case.
std::vector<std::string> missingSkills(const JobRecord& job, const std::vector<std::string>& mySkills);

// "Courses that teach those skills, soonest session near me first": upcoming sessions (from
// `today`) of courses teaching any of `skills`; a session in `city` or online (webinar) comes
// before one elsewhere, then more wanted skills taught, then the soonest start.
Expected<std::vector<CourseOffer>> coursesTeaching(const Database& db, const std::vector<std::string>& skills,
                                                   const std::string& city, const std::string& today, int limit);

}  // namespace dc::store
