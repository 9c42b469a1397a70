#include "catalog/catalog_json.hpp"

#include <nlohmann/json.hpp>

#include "common/json_depth.hpp"

namespace dc::catalog {
using namespace ::dc::domain;
namespace {

using nlohmann::json;

const char* workModeName(WorkMode m) { return m == WorkMode::Remote ? "remote" : m == WorkMode::Hybrid ? "hybrid" : "onsite"; }

json jobJson(const JobRecord& j) {
    json r = {{"id", j.id},
              {"title", j.title},
              {"hiringOrganization", j.employer},
              {"description", j.description},
              {"region", j.region},
              {"city", j.city},
              {"workMode", workModeName(j.workMode)},
              {"occupationalCategory", j.category},
              {"skills", j.skills},
              {"salaryCurrency", j.salaryCurrency},
              {"employmentType", j.employmentType},
              {"datePosted", j.datePosted},
              {"validThrough", j.validThrough}};
    if (j.salaryMin) r["salaryMin"] = *j.salaryMin;
    if (j.salaryMax) r["salaryMax"] = *j.salaryMax;
    // Only when set, so catalogs written before these fields read back byte for byte.
    if (!j.salaryPeriod.empty()) r["salaryPeriod"] = j.salaryPeriod;
    if (!j.isco.empty()) r["isco"] = j.isco;
    return r;
}

json sessionJson(const CourseSession& s) {
    return {{"id", s.id},
            {"location", s.center},
            {"city", s.city},
            {"startDate", s.startsAt},
            {"endDate", s.endsAt},
            {"courseSchedule", s.scheduleNote},
            {"flexibleSchedule", s.flexibleSchedule},
            {"maximumAttendeeCapacity", s.capacity},
            {"seatsTaken", s.seatsTaken},
            {"accessibleVenue", s.accessibleVenue}};
}

json courseJson(const CourseRecord& c) {
    json r = {{"id", c.id},
              {"name", c.name},
              {"provider", c.provider},
              {"description", c.description},
              {"format", c.format},
              {"city", c.city},
              {"audience", c.targetGroups},
              {"teaches", c.skillsTaught},
              {"inLanguage", c.language},
              {"startDate", c.startDate},
              {"educationalLevel", c.level},
              {"priceCurrency", c.costCurrency},
              {"hasCourseInstance", json::array()}};
    if (c.cost) r["price"] = *c.cost;
    for (const auto& s : c.sessions) r["hasCourseInstance"].push_back(sessionJson(s));
    return r;
}

// Reads fields with type checks; the first problem is kept and reported with its line.
class Reader {
public:
    Reader(const json& object, int line) : m_object(object), m_line(line) {}

    std::string text(const char* key, bool required = false) {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) {
            if (required) problem(std::string("\"") + key + "\" is missing");
            return {};
        }
        if (!it->is_string()) {
            problem(std::string("\"") + key + "\" must be a string");
            return {};
        }
        return it->get<std::string>();
    }
    std::optional<int64_t> integer(const char* key) {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) return std::nullopt;
        if (!it->is_number_integer()) {
            problem(std::string("\"") + key + "\" must be a whole number");
            return std::nullopt;
        }
        return it->get<int64_t>();
    }
    std::vector<std::string> list(const char* key) {
        std::vector<std::string> out;
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) return out;
        if (!it->is_array()) {
            problem(std::string("\"") + key + "\" must be a list of strings");
            return out;
        }
        for (const auto& item : *it) {
            if (!item.is_string()) {
                problem(std::string("\"") + key + "\" must be a list of strings");
                return {};
            }
            out.push_back(item.get<std::string>());
        }
        return out;
    }
    bool flag(const char* key) {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) return false;
        if (!it->is_boolean()) {
            problem(std::string("\"") + key + "\" must be true or false");
            return false;
        }
        return it->get<bool>();
    }
    void problem(const std::string& what) {
        if (m_error.empty()) m_error = "line " + std::to_string(m_line) + ": " + what;
    }
    const std::string& error() const { return m_error; }

private:
    const json& m_object;
    int m_line;
    std::string m_error;
};

}  // namespace

std::string toJsonLines(const CatalogBatch& batch) {
    std::string out;
    auto line = [&](const json& j) { out += j.dump(-1, ' ', false, json::error_handler_t::replace) + '\n'; };
    for (const auto& j : batch.jobUpserts) line({{"kind", "job"}, {"op", "upsert"}, {"record", jobJson(j)}});
    for (const auto& id : batch.jobTombstones) line({{"kind", "job"}, {"op", "delete"}, {"id", id}});
    for (const auto& c : batch.courseUpserts) line({{"kind", "course"}, {"op", "upsert"}, {"record", courseJson(c)}});
    for (const auto& id : batch.courseTombstones) line({{"kind", "course"}, {"op", "delete"}, {"id", id}});
    return out;
}

namespace {

// One job line's record (schema.org JobPosting names).
Expected<JobRecord> readJob(const json& record, int lineNo) {
    Reader r(record, lineNo);
    JobRecord j;
    j.id = r.text("id", true);
    j.title = r.text("title", true);
    j.employer = r.text("hiringOrganization");
    j.description = r.text("description");
    j.region = r.text("region");
    j.city = r.text("city");
    const std::string mode = r.text("workMode");
    if (mode == "remote")
        j.workMode = WorkMode::Remote;
    else if (mode == "hybrid")
        j.workMode = WorkMode::Hybrid;
    else if (mode.empty() || mode == "onsite")
        j.workMode = WorkMode::OnSite;
    else
        r.problem("unknown workMode \"" + mode.substr(0, 20) + "\"");
    j.category = r.text("occupationalCategory");
    j.skills = r.list("skills");
    j.salaryMin = r.integer("salaryMin");
    j.salaryMax = r.integer("salaryMax");
    j.salaryCurrency = r.text("salaryCurrency");
    j.salaryPeriod = r.text("salaryPeriod");
    if (!isSalaryPeriod(j.salaryPeriod)) r.problem("unknown salaryPeriod \"" + j.salaryPeriod.substr(0, 20) + "\"");
    j.isco = r.text("isco");
    j.employmentType = r.text("employmentType");
    j.datePosted = r.text("datePosted");
    j.validThrough = r.text("validThrough");
    if (!r.error().empty()) return fail(ErrorCode::InvalidInput, r.error());
    return j;
}

// One course line's record (schema.org Course names), with its sessions (CourseInstance).
Expected<CourseRecord> readCourse(const json& record, int lineNo) {
    Reader r(record, lineNo);
    CourseRecord c;
    c.id = r.text("id", true);
    c.name = r.text("name", true);
    c.provider = r.text("provider");
    c.description = r.text("description");
    c.format = r.text("format");
    c.city = r.text("city");
    c.targetGroups = r.list("audience");
    c.skillsTaught = r.list("teaches");
    c.language = r.text("inLanguage");
    c.startDate = r.text("startDate");
    c.level = r.text("educationalLevel");
    c.cost = r.integer("price");
    c.costCurrency = r.text("priceCurrency");
    const auto sessions = record.find("hasCourseInstance");
    if (sessions != record.end() && !sessions->is_null()) {
        if (!sessions->is_array() || sessions->size() > kMaxSessionsPerCourse)
            return fail(ErrorCode::InvalidInput,
                        "line " + std::to_string(lineNo) + ": \"hasCourseInstance\" must be a list of at most " +
                            std::to_string(kMaxSessionsPerCourse) + " sessions");
        for (const json& item : *sessions) {
            if (!item.is_object())
                return fail(ErrorCode::InvalidInput,
                            "line " + std::to_string(lineNo) + ": each course session must be an object");
            Reader sr(item, lineNo);
            CourseSession session;
            session.id = sr.text("id", true);
            session.center = sr.text("location");
            session.city = sr.text("city");
            session.startsAt = sr.text("startDate");
            session.endsAt = sr.text("endDate");
            session.scheduleNote = sr.text("courseSchedule");
            session.flexibleSchedule = sr.flag("flexibleSchedule");
            session.capacity = sr.integer("maximumAttendeeCapacity").value_or(0);
            session.seatsTaken = sr.integer("seatsTaken").value_or(0);
            session.accessibleVenue = sr.flag("accessibleVenue");
            if (!sr.error().empty()) return fail(ErrorCode::InvalidInput, sr.error());
            c.sessions.push_back(std::move(session));
        }
    }
    if (!r.error().empty()) return fail(ErrorCode::InvalidInput, r.error());
    return c;
}

}  // namespace

Expected<CatalogBatch> parseJsonLines(std::string_view text) {
    CatalogBatch batch;
    int lineNo = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view raw = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        const auto where = [&](const std::string& what) {
            return fail(ErrorCode::InvalidInput, "line " + std::to_string(lineNo) + ": " + what);
        };
        if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        if (raw.size() > kMaxBatchLineBytes)
            return where("the line is longer than " + std::to_string(kMaxBatchLineBytes) + " bytes");
        if (!jsonNestingWithin(raw)) return where("nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        const json entry = json::parse(raw, nullptr, /*allow_exceptions=*/false);
        if (entry.is_discarded()) return where("not valid JSON");
        if (!entry.is_object()) return where("each line must be a JSON object");

        Reader head(entry, lineNo);
        const std::string kind = head.text("kind", true);
        const std::string op = head.text("op", true);
        if (!head.error().empty()) return fail(ErrorCode::InvalidInput, head.error());
        if (kind != "job" && kind != "course") return where("unknown kind \"" + kind.substr(0, 20) + "\"");
        if (op == "delete") {
            const std::string id = head.text("id", true);
            if (!head.error().empty()) return fail(ErrorCode::InvalidInput, head.error());
            (kind == "job" ? batch.jobTombstones : batch.courseTombstones).push_back(id);
            continue;
        }
        if (op != "upsert") return where("unknown op \"" + op.substr(0, 20) + "\"");
        const auto record = entry.find("record");
        if (record == entry.end() || !record->is_object()) return where("\"record\" must be an object");

        if (kind == "job") {
            DC_TRY(job, readJob(*record, lineNo));
            batch.jobUpserts.push_back(std::move(*job));
        } else {
            DC_TRY(course, readCourse(*record, lineNo));
            batch.courseUpserts.push_back(std::move(*course));
        }
    }
    return batch;
}

}  // namespace dc::catalog
