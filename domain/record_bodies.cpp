#include "domain/record_bodies.hpp"

#include <nlohmann/json.hpp>

namespace dc::domain {
namespace {

using json = nlohmann::json;

// An identifier or code: present, a string, 1..maxBytes, no control characters.
Expected<std::string> idField(const json& obj, const char* key, size_t maxBytes) {
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is missing");
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > maxBytes)
        return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" is empty or too long");
    for (unsigned char ch : s)
        if (ch < 0x20 || ch == 0x7F)
            return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" holds control characters");
    return s;
}

// An optional string; a value of another type is refused (it would be read as empty otherwise).
Expected<std::string> textField(const json& obj, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::string();
    if (!it->is_string()) return fail(ErrorCode::InvalidInput, std::string("\"") + key + "\" must be text");
    return it->get<std::string>();
}

Expected<void> asExpected(const std::optional<FieldProblem>& problem) {
    if (problem) return fail(ErrorCode::InvalidInput, problem->message);
    return {};
}

json attachmentsJson(const std::vector<AttachmentRef>& refs) {
    json out = json::array();
    for (const auto& a : refs) out.push_back({{"id", a.id}, {"kind", a.kind}, {"sha256", a.sha256}});
    return out;
}

Expected<std::vector<AttachmentRef>> readAttachments(const json& body) {
    std::vector<AttachmentRef> out;
    const auto it = body.find("attachments");
    if (it == body.end()) return out;
    if (!it->is_array() || it->size() > 8) return fail(ErrorCode::InvalidInput, "\"attachments\" must be a short list");
    for (const auto& a : *it) {
        if (!a.is_object()) return fail(ErrorCode::InvalidInput, "an attachment must be an object");
        DC_TRY(id, idField(a, "id", 64));
        DC_TRY(kind, idField(a, "kind", 32));
        DC_TRY(sha, idField(a, "sha256", 64));
        out.push_back({*id, *kind, *sha});
    }
    return out;
}

// The body's "person", read by the person's rules.
Expected<PersonBody> personOf(const json& body) {
    const auto person = body.find("person");
    if (person == body.end()) return fail(ErrorCode::InvalidInput, "\"person\" is missing");
    return readPersonBody(*person);
}

}  // namespace

json toJson(const PersonBody& person) {
    const Profile& p = person.profile;
    json out = {{"profileId", p.id}, {"name", p.name},     {"phone", p.phone},
                {"email", p.email},  {"skills", p.skills}, {"language", p.language}};
    if (person.sms) out["sms"] = true;
    if (!p.documentNumber.empty()) out["documentNumber"] = p.documentNumber;
    if (!p.birthDate.empty()) out["birthDate"] = p.birthDate;
    return out;
}

json toJson(const ApplicationBody& body) {
    json out = {{"applicationId", body.applicationId},
                {"referenceCode", body.referenceCode},
                {"jobId", body.jobId},
                {"person", toJson(body.person)},
                {"note", body.note}};
    if (!body.attachments.empty()) out["attachments"] = attachmentsJson(body.attachments);
    return out;
}

json toJson(const EnrollmentBody& body) {
    return {{"enrollmentId", body.enrollmentId}, {"referenceCode", body.referenceCode}, {"courseId", body.courseId},
            {"sessionId", body.sessionId},       {"waitlist", body.waitlist},           {"person", toJson(body.person)}};
}

json toJson(const RegistrationBody& body) {
    json out = {{"registrationId", body.registrationId},
                {"referenceCode", body.referenceCode},
                {"person", toJson(body.person)},
                {"assistedBy", body.assistedBy}};
    if (!body.attachments.empty()) out["attachments"] = attachmentsJson(body.attachments);
    return out;
}

Expected<PersonBody> readPersonBody(const json& person) {
    if (!person.is_object()) return fail(ErrorCode::InvalidInput, "\"person\" must be an object");
    PersonBody out;
    Profile& p = out.profile;
    DC_TRY(id, textField(person, "profileId"));
    DC_TRY(name, textField(person, "name"));
    DC_TRY(phone, textField(person, "phone"));
    DC_TRY(email, textField(person, "email"));
    DC_TRY(document, textField(person, "documentNumber"));
    DC_TRY(birth, textField(person, "birthDate"));
    DC_TRY(language, textField(person, "language"));
    p.id = *id;
    p.name = *name;
    p.phone = *phone;
    p.email = *email;
    p.documentNumber = *document;
    p.birthDate = *birth;
    p.language = *language;
    if (p.id.size() > 128 || p.language.size() > 8)
        return fail(ErrorCode::InvalidInput, "\"profileId\" or \"language\" is too long");
    if (const auto it = person.find("skills"); it != person.end()) {
        if (!it->is_array() || it->size() > 64) return fail(ErrorCode::InvalidInput, "\"skills\" must be a list of at most 64");
        for (const auto& s : *it) {
            if (!s.is_string() || s.get_ref<const std::string&>().size() > 200)
                return fail(ErrorCode::InvalidInput, "a skill must be short text");
            p.skills.push_back(s.get<std::string>());
        }
    }
    if (const auto it = person.find("sms"); it != person.end()) out.sms = it->is_boolean() && it->get<bool>();
    DC_CHECK(asExpected(firstProblem(p)));
    return out;
}

Expected<ApplicationBody> readApplicationBody(const json& body) {
    if (!body.is_object()) return fail(ErrorCode::InvalidInput, "the record's body must be a JSON object");
    ApplicationBody out;
    DC_TRY(id, idField(body, "applicationId", 64));
    DC_TRY(code, idField(body, "referenceCode", 16));
    DC_TRY(job, idField(body, "jobId", 200));
    DC_TRY(who, personOf(body));
    DC_TRY(note, textField(body, "note"));
    DC_CHECK(asExpected(checkNote(*note)));
    DC_TRY(attachments, readAttachments(body));
    out.applicationId = *id;
    out.referenceCode = *code;
    out.jobId = *job;
    out.person = std::move(*who);
    out.note = *note;
    out.attachments = std::move(*attachments);
    return out;
}

Expected<EnrollmentBody> readEnrollmentBody(const json& body) {
    if (!body.is_object()) return fail(ErrorCode::InvalidInput, "the record's body must be a JSON object");
    EnrollmentBody out;
    DC_TRY(id, idField(body, "enrollmentId", 64));
    DC_TRY(code, idField(body, "referenceCode", 16));
    DC_TRY(session, idField(body, "sessionId", 200));
    DC_TRY(who, personOf(body));
    DC_TRY(course, textField(body, "courseId"));
    out.courseId = course->substr(0, 200);
    if (const auto it = body.find("waitlist"); it != body.end()) out.waitlist = it->is_boolean() && it->get<bool>();
    out.enrollmentId = *id;
    out.referenceCode = *code;
    out.sessionId = *session;
    out.person = std::move(*who);
    return out;
}

Expected<RegistrationBody> readRegistrationBody(const json& body) {
    if (!body.is_object()) return fail(ErrorCode::InvalidInput, "the record's body must be a JSON object");
    RegistrationBody out;
    DC_TRY(id, idField(body, "registrationId", 64));
    DC_TRY(code, idField(body, "referenceCode", 16));
    DC_TRY(who, personOf(body));
    DC_TRY(assisted, textField(body, "assistedBy"));
    DC_TRY(attachments, readAttachments(body));
    out.registrationId = *id;
    out.referenceCode = *code;
    out.person = std::move(*who);
    if (!assisted->empty()) out.assistedBy = assisted->substr(0, 32);
    out.attachments = std::move(*attachments);
    return out;
}

}  // namespace dc::domain
