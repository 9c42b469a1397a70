#include "sync/server/office/catalog_admin.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "catalog/catalog_json.hpp"
#include "domain/isco08.hpp"
#include "common/dates.hpp"
#include "common/utf8.hpp"
#include "sync/protocol/signing.hpp"

namespace dc::server::office {
namespace {

bool mayPublish(const Session& who) { return who.role == Role::Coordinator || who.role == Role::Admin; }

bool realDay(const std::string& text) { return dates::parseDay(text, 2000, 2100).has_value(); }

// Text a person reads on the kiosk: valid UTF-8, no control characters but line breaks, bounded.
std::string textProblem(const std::string& what, const std::string& value, size_t maxBytes, bool required) {
    if (required && value.empty()) return what + " is needed";
    if (value.size() > maxBytes) return what + " is at most " + std::to_string(maxBytes) + " bytes";
    if (!utf8::isValid(value)) return what + " is not valid text";
    for (unsigned char ch : value)
        if ((ch < 0x20 && ch != '\n') || ch == 0x7F) return what + " holds control characters";
    return {};
}

std::string courseProblem(const domain::CourseRecord& c) {
    for (const auto& [what, value, max, required] :
         {std::tuple{"the name", c.name, size_t{200}, true}, std::tuple{"the organiser", c.provider, size_t{200}, false},
          std::tuple{"the description", c.description, size_t{4000}, false}, std::tuple{"the city", c.city, size_t{100}, false}})
        if (auto p = textProblem(what, value, max, required); !p.empty()) return p;
    static const std::vector<std::string> formats = {"webinar", "seminar", "blended"}, languages = {"ka", "ru", "be", "en"},
                                          groups = {"youth", "adults", "children", "parental_leave", "disability"};
    if (std::find(formats.begin(), formats.end(), c.format) == formats.end())
        return "choose the format: online, in class, or both";
    if (std::find(languages.begin(), languages.end(), c.language) == languages.end()) return "choose the language of instruction";
    for (const auto& g : c.targetGroups)
        if (std::find(groups.begin(), groups.end(), g) == groups.end()) return "unknown group " + g.substr(0, 30);
    for (const auto& s : c.skillsTaught)
        if (auto p = textProblem("a skill", s, 80, true); !p.empty()) return p;
    if (c.skillsTaught.size() > 20) return "at most 20 skills";
    if (c.cost && (*c.cost < 0 || *c.cost > 10'000'000)) return "the cost is a whole amount from 0 (free) up";
    if (c.cost && *c.cost > 0 &&
        (c.costCurrency.size() != 3 || !std::all_of(c.costCurrency.begin(), c.costCurrency.end(), ::isupper)))
        return "a cost needs its currency (GEL, BYN, ...)";
    if (c.sessions.empty()) return "a course needs at least one session";
    for (const auto& s : c.sessions) {
        if (!realDay(s.startsAt)) return "a session's start is a real date (YYYY-MM-DD)";
        if (!s.endsAt.empty() && (!realDay(s.endsAt) || s.endsAt < s.startsAt)) return "a session ends on or after its start";
        if (s.capacity < 1 || s.capacity > 10'000) return "a session has 1 to 10,000 seats";
        for (const auto& [what, value] : {std::pair{"the venue", s.center}, std::pair{"the session's city", s.city},
                                          std::pair{"the schedule", s.scheduleNote}})
            if (auto p = textProblem(what, value, 200, false); !p.empty()) return p;
    }
    return {};
}

std::string jobProblem(const domain::JobRecord& j, const std::string& today) {
    for (const auto& [what, value, max, required] :
         {std::tuple{"the title", j.title, size_t{200}, true}, std::tuple{"the employer", j.employer, size_t{200}, true},
          std::tuple{"the description", j.description, size_t{4000}, false}, std::tuple{"the city", j.city, size_t{100}, false},
          std::tuple{"the region", j.region, size_t{100}, false}})
        if (auto p = textProblem(what, value, max, required); !p.empty()) return p;
    if (!domain::iscoGroupOf(j.isco)) return "choose the occupation (ISCO-08)";
    static const std::vector<std::string> types = {"", "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY"};
    if (std::find(types.begin(), types.end(), j.employmentType) == types.end())
        return "choose full time, part time, contract or temporary";
    for (const auto& s : j.skills)
        if (auto p = textProblem("a skill", s, 80, true); !p.empty()) return p;
    if (j.skills.size() > 20) return "at most 20 skills";
    for (const auto& amount : {j.salaryMin, j.salaryMax})
        if (amount && (*amount < 0 || *amount > 10'000'000)) return "pay is a whole amount from 0 up";
    if (j.salaryMin && j.salaryMax && *j.salaryMin > *j.salaryMax) return "the lowest pay is not above the highest";
    const bool paid = j.salaryMin || j.salaryMax;
    if (paid && (j.salaryCurrency.size() != 3 || !std::all_of(j.salaryCurrency.begin(), j.salaryCurrency.end(), ::isupper)))
        return "pay needs its currency (GEL, BYN, ...)";
    if (!domain::isSalaryPeriod(j.salaryPeriod)) return "pay is per hour, day, week, month or year";
    if (!j.validThrough.empty() && !realDay(j.validThrough)) return "the closing date is a real date (YYYY-MM-DD)";
    if (!j.validThrough.empty() && j.validThrough < today)
        return "the closing date has passed: choose a later one, or close the job";
    return {};
}

}  // namespace

CatalogAdmin::CatalogAdmin(ConnectionPool& pool, std::function<int64_t()> clock) : m_pool(pool), m_clock(std::move(clock)) {}

Expected<std::vector<CourseListing>> CatalogAdmin::courses(const Session& who) {
    if (!mayPublish(who)) return fail(ErrorCode::Refused, "the catalog is a coordinator's");
    auto c = m_pool.acquire();
    DC_TRY(rows, c->query("SELECT body FROM catalog WHERE kind = 'course' AND deleted = 0 ORDER BY id LIMIT 2000"));
    std::vector<CourseListing> out;
    for (const auto& r : *rows) {
        auto batch = catalog::parseJsonLines(r.text(0));
        if (!batch || batch->courseUpserts.size() != 1) continue;
        const auto& course = batch->courseUpserts[0];
        CourseListing l{course.id, course.name, course.city, course.format, course.sessions.size(), 0, 0};
        for (const auto& s : course.sessions) {
            l.seats += s.capacity;
            l.taken += s.seatsTaken;
        }
        out.push_back(std::move(l));
    }
    return out;
}

Expected<domain::CourseRecord> CatalogAdmin::course(const std::string& id, const Session& who) {
    if (!mayPublish(who)) return fail(ErrorCode::Refused, "the catalog is a coordinator's");
    auto c = m_pool.acquire();
    DC_TRY(rows, c->query("SELECT body FROM catalog WHERE kind = 'course' AND id = $1 AND deleted = 0", {id}));
    if (rows->empty()) return fail(ErrorCode::NotFound, "no course has this id");
    DC_TRY(batch, catalog::parseJsonLines((*rows)[0].text(0)));
    if (batch->courseUpserts.size() != 1) return fail(ErrorCode::Internal, "the course's catalog line is damaged");
    return batch->courseUpserts[0];
}

Expected<std::string> CatalogAdmin::saveCourse(domain::CourseRecord course, const Session& who) {
    if (!mayPublish(who)) return fail(ErrorCode::Refused, "the catalog is a coordinator's");
    if (const std::string problem = courseProblem(course); !problem.empty()) return fail(ErrorCode::InvalidInput, problem);
    const bool fresh = course.id.empty();
    if (fresh) course.id = "office-course-" + sync::randomHex(6);
    for (size_t i = 0; i < course.sessions.size(); ++i)
        if (course.sessions[i].id.empty()) course.sessions[i].id = course.id + "-s" + sync::randomHex(4);
    course.startDate = course.sessions.front().startsAt;
    for (const auto& s : course.sessions) course.startDate = std::min(course.startDate, s.startsAt);
    {
        auto c = m_pool.acquire();
        if (!fresh) {
            DC_TRY(known, c->query("SELECT 1 FROM catalog WHERE kind = 'course' AND id = $1 AND deleted = 0", {course.id}));
            if (known->empty()) return fail(ErrorCode::NotFound, "no course has this id");
        }
        for (const auto& s : course.sessions) {
            DC_TRY(taken, c->query("SELECT seats_taken, course_id FROM sessions WHERE id = $1", {s.id}));
            if (taken->empty()) continue;
            if ((*taken)[0].text(1) != course.id) return fail(ErrorCode::InvalidInput, "a session belongs to another course");
            if ((*taken)[0].integer(0) > s.capacity)
                return fail(ErrorCode::InvalidInput,
                            "a session cannot offer fewer seats (" + std::to_string(s.capacity) + ") than are taken (" +
                                std::to_string((*taken)[0].integer(0)) + ")");
        }
    }
    CentralService central(m_pool, m_clock);
    DC_CHECK(central.importCatalog({.courseUpserts = {course}}));
    auto c = m_pool.acquire();
    DC_CHECK(writeAudit(*c, m_clock(), who.user, fresh ? "course.add" : "course.edit", course.id, course.name.substr(0, 100)));
    return course.id;
}

Expected<void> CatalogAdmin::closeCourse(const std::string& id, const Session& who) {
    if (!mayPublish(who)) return fail(ErrorCode::Refused, "the catalog is a coordinator's");
    {
        auto c = m_pool.acquire();
        DC_TRY(known, c->query("SELECT 1 FROM catalog WHERE kind = 'course' AND id = $1 AND deleted = 0", {id}));
        if (known->empty()) return fail(ErrorCode::NotFound, "no course has this id");
    }
    CentralService central(m_pool, m_clock);
    DC_CHECK(central.importCatalog({.courseTombstones = {id}}));
    auto c = m_pool.acquire();
    return writeAudit(*c, m_clock(), who.user, "course.close", id);
}

Expected<std::vector<JobListing>> CatalogAdmin::jobs(const Session& who) {
    if (!mayPublish(who)) return fail(ErrorCode::Refused, "the catalog is a coordinator's");
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT body FROM catalog WHERE kind = 'job' AND deleted = 0 AND id LIKE 'office-job-%' "
                    "ORDER BY seq DESC LIMIT 2000"));
    std::vector<JobListing> out;
    for (const auto& r : *rows) {
        auto batch = catalog::parseJsonLines(r.text(0));
        if (!batch || batch->jobUpserts.size() != 1) continue;
        const auto& j = batch->jobUpserts[0];
        out.push_back({j.id, j.title, j.employer, j.city, j.isco, j.validThrough});
    }
    return out;
}

Expected<domain::JobRecord> CatalogAdmin::job(const std::string& id, const Session& who) {
    if (!mayPublish(who)) return fail(ErrorCode::Refused, "the catalog is a coordinator's");
    auto c = m_pool.acquire();
    DC_TRY(rows, c->query("SELECT body FROM catalog WHERE kind = 'job' AND id = $1 AND deleted = 0", {id}));
    if (rows->empty()) return fail(ErrorCode::NotFound, "no job has this id");
    DC_TRY(batch, catalog::parseJsonLines((*rows)[0].text(0)));
    if (batch->jobUpserts.size() != 1) return fail(ErrorCode::Internal, "the job's catalog line is damaged");
    return batch->jobUpserts[0];
}

Expected<std::string> CatalogAdmin::saveJob(domain::JobRecord job, const Session& who) {
    if (!mayPublish(who)) return fail(ErrorCode::Refused, "the catalog is a coordinator's");
    if (const std::string problem = jobProblem(job, dates::utcDay(m_clock())); !problem.empty())
        return fail(ErrorCode::InvalidInput, problem);
    const bool fresh = job.id.empty();
    if (fresh) {
        job.id = "office-job-" + sync::randomHex(6);
        job.datePosted = dates::utcDay(m_clock());
    } else {
        auto before = this->job(job.id, who);
        if (!before) return std::unexpected(before.error());
        job.datePosted = before->datePosted;
    }
    if (job.salaryPeriod == "MONTH") job.salaryPeriod.clear();
    CentralService central(m_pool, m_clock);
    DC_CHECK(central.importCatalog({.jobUpserts = {job}}));
    auto c = m_pool.acquire();
    DC_CHECK(writeAudit(*c, m_clock(), who.user, fresh ? "job.add" : "job.edit", job.id, job.title.substr(0, 100)));
    return job.id;
}

Expected<void> CatalogAdmin::closeJob(const std::string& id, const Session& who) {
    DC_CHECK(job(id, who));
    CentralService central(m_pool, m_clock);
    DC_CHECK(central.importCatalog({.jobTombstones = {id}}));
    auto c = m_pool.acquire();
    return writeAudit(*c, m_clock(), who.user, "job.close", id);
}

}  // namespace dc::server::office
