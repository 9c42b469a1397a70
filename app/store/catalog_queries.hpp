#pragma once
// Read queries over the catalog. All are bounded (LIMIT) so their cost does not grow with the
// catalog beyond what the indexes give.
#include <vector>

#include "app/store/database.hpp"
#include "app/store/records.hpp"

namespace dc::store {

Expected<JobPage> searchJobs(const Database& db, const JobSearch& search);
Expected<JobRecord> getJob(const Database& db, const std::string& id);
Expected<std::vector<CourseRecord>> listCourses(const Database& db, int limit);
Expected<int64_t> countJobs(const Database& db);

}  // namespace dc::store
