#include "domain/catalog_checks.hpp"

#include "domain/isco08.hpp"
#include "common/utf8.hpp"

namespace dc::domain {
namespace {

constexpr size_t kMaxIdBytes = 128;
constexpr size_t kMaxTitleBytes = 1024;
constexpr size_t kMaxDescriptionBytes = 64 * 1024;
constexpr size_t kMaxListItems = 64;

Expected<void> checkText(const std::string& what, const std::string& id, const std::string& text, size_t maxBytes) {
    if (text.size() > maxBytes)
        return fail(ErrorCode::InvalidInput,
                    what + " of record '" + id.substr(0, 64) + "' is " + std::to_string(text.size()) + " bytes; the limit is " +
                        std::to_string(maxBytes));
    if (!utf8::isValid(text))
        return fail(ErrorCode::InvalidInput, what + " of record '" + id.substr(0, 64) + "' is not valid UTF-8");
    return {};
}

Expected<void> checkId(const std::string& kind, const std::string& id) {
    if (id.empty()) return fail(ErrorCode::InvalidInput, "a " + kind + " record has an empty id");
    return checkText(kind + " id", id, id, kMaxIdBytes);
}

Expected<void> checkList(const std::string& what, const std::string& id, const std::vector<std::string>& items) {
    if (items.size() > kMaxListItems)
        return fail(ErrorCode::InvalidInput,
                    what + " of record '" + id + "' has " + std::to_string(items.size()) + " items; the limit is " +
                        std::to_string(kMaxListItems));
    for (const auto& item : items)
        if (auto r = checkText(what, id, item, kMaxTitleBytes); !r) return r;
    return {};
}

}  // namespace

Expected<void> validateJob(const JobRecord& job) {
    if (auto r = checkId("job", job.id); !r) return r;
    if (job.title.empty()) return fail(ErrorCode::InvalidInput, "job '" + job.id + "' has no title");
    for (const auto* field : {&job.title, &job.employer, &job.region, &job.city, &job.category, &job.salaryCurrency,
                              &job.employmentType, &job.datePosted, &job.validThrough, &job.isco})
        if (auto r = checkText("a field", job.id, *field, kMaxTitleBytes); !r) return r;
    if (auto r = checkText("the description", job.id, job.description, kMaxDescriptionBytes); !r) return r;
    if (auto r = checkList("the skills", job.id, job.skills); !r) return r;
    if (!isSalaryPeriod(job.salaryPeriod)) return fail(ErrorCode::InvalidInput, "job '" + job.id + "' has an unknown pay period");
    if (!job.isco.empty() && !iscoGroupOf(job.isco))
        return fail(ErrorCode::InvalidInput, "job '" + job.id + "' has an occupation code that is not ISCO-08");
    return {};
}

Expected<void> validateCatalogBatch(const CatalogBatch& batch) {
    for (const JobRecord& job : batch.jobUpserts)
        if (auto r = validateJob(job); !r) return r;
    for (const CourseRecord& course : batch.courseUpserts) {
        if (auto r = checkId("course", course.id); !r) return r;
        if (course.name.empty()) return fail(ErrorCode::InvalidInput, "course '" + course.id + "' has no name");
        for (const auto* field :
             {&course.name, &course.provider, &course.format, &course.city, &course.language, &course.startDate})
            if (auto r = checkText("a field", course.id, *field, kMaxTitleBytes); !r) return r;
        if (auto r = checkText("the description", course.id, course.description, kMaxDescriptionBytes); !r) return r;
        if (auto r = checkList("the target groups", course.id, course.targetGroups); !r) return r;
        if (auto r = checkList("the skills", course.id, course.skillsTaught); !r) return r;
        for (const auto* field : {&course.level, &course.costCurrency})
            if (auto r = checkText("a field", course.id, *field, kMaxTitleBytes); !r) return r;
        if (course.cost && *course.cost < 0)
            return fail(ErrorCode::InvalidInput, "course '" + course.id + "' has a negative cost");
        if (course.sessions.size() > kMaxListItems)
            return fail(ErrorCode::InvalidInput, "course '" + course.id + "' has too many sessions");
        for (const CourseSession& s : course.sessions) {
            if (auto r = checkId("course session", s.id); !r) return r;
            for (const auto* field : {&s.center, &s.city, &s.startsAt, &s.endsAt, &s.scheduleNote})
                if (auto r = checkText("a session field", s.id, *field, kMaxTitleBytes); !r) return r;
            if (s.capacity < 0 || s.seatsTaken < 0)
                return fail(ErrorCode::InvalidInput, "course session '" + s.id + "' has a negative seat count");
        }
    }
    for (const auto* ids : {&batch.jobTombstones, &batch.courseTombstones})
        for (const auto& id : *ids)
            if (auto r = checkId("tombstone", id); !r) return r;
    return {};
}

}  // namespace dc::domain
