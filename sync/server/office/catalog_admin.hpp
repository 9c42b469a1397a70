#pragma once
// The catalog a coordinator publishes from the console: jobs and courses added, edited and closed, each
// change flowing to the kiosks through the catalog's change log (CentralService::importCatalog),
// with the same seat accounting as everywhere, and a line in the audit log.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/records.hpp"
#include "common/error.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server/office/office_service.hpp"

namespace dc::server::office {

inline constexpr size_t kMaxConsoleSessions = 6;  // sessions the course form offers

struct CourseListing {
    std::string id, name, city, format;
    size_t sessions = 0;
    int64_t seats = 0, taken = 0;
};

struct JobListing {
    std::string id, title, employer, city, isco, validThrough;
};

class CatalogAdmin {
public:
    CatalogAdmin(ConnectionPool& pool, std::function<int64_t()> clock);

    Expected<std::vector<CourseListing>> courses(const Session& who);
    // A course as published (NotFound for one closed or never there).
    Expected<domain::CourseRecord> course(const std::string& id, const Session& who);
    // Checks every field (plain words for the first problem) and publishes: a new course when
    // `course.id` is empty (its id made here), otherwise a new version of that course. A session
    // may not offer fewer seats than it has taken. Returns the course's id.
    Expected<std::string> saveCourse(domain::CourseRecord course, const Session& who);
    // Withdraws the course from every kiosk (its places stay on record).
    Expected<void> closeCourse(const std::string& id, const Session& who);

    // The jobs the office published itself (feeds' jobs are the feeds'), newest first.
    Expected<std::vector<JobListing>> jobs(const Session& who);
    Expected<domain::JobRecord> job(const std::string& id, const Session& who);
    // Checks every field (an ISCO-08 occupation on every job, a closing date not yet passed, pay
    // with its currency and period) and publishes; a new job when `job.id` is empty.
    Expected<std::string> saveJob(domain::JobRecord job, const Session& who);
    Expected<void> closeJob(const std::string& id, const Session& who);

private:
    ConnectionPool& m_pool;
    std::function<int64_t()> m_clock;
};

}  // namespace dc::server::office
