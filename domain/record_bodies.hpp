#pragma once
// The bodies of the records a kiosk sends (application, enrollment, registration), as one type
// each: the kiosk's store builds them, the office's server reads them, and both keep the same
// rule for every field (domain/person.hpp). The wire format is a JSON object (sync/PROTOCOL.md).
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/error.hpp"
#include "domain/person.hpp"

namespace dc::domain {

struct PersonBody {
    Profile profile;  // profileId, name, phone, email, skills, language; document and birth date optional
    bool sms = false;  // the office texts the phone when it answers
};

struct AttachmentRef {
    std::string id;
    std::string kind;  // "id-photo"
    std::string sha256;  // hex
};

struct ApplicationBody {
    std::string applicationId;  // the kiosk's id of the application
    std::string referenceCode;
    std::string jobId;
    PersonBody person;
    std::string note;
    std::vector<AttachmentRef> attachments;
};

struct EnrollmentBody {
    std::string enrollmentId;
    std::string referenceCode;
    std::string sessionId;
    std::string courseId;  // informational: the server finds the course from the session
    bool waitlist = false;  // the kiosk, as far as it knew, had no seat left
    PersonBody person;
};

struct RegistrationBody {
    std::string registrationId;
    std::string referenceCode;
    PersonBody person;
    std::string assistedBy = "clerk";
    std::vector<AttachmentRef> attachments;
};

nlohmann::json toJson(const PersonBody& person);
nlohmann::json toJson(const ApplicationBody& body);
nlohmann::json toJson(const EnrollmentBody& body);
nlohmann::json toJson(const RegistrationBody& body);

// Each reader refuses (InvalidInput, saying which field and why) a body whose ids are missing,
// empty, too long or hold control characters, or whose person breaks a rule of domain/person.hpp.
// Keys it does not know are ignored.
Expected<PersonBody> readPersonBody(const nlohmann::json& person);
Expected<ApplicationBody> readApplicationBody(const nlohmann::json& body);
Expected<EnrollmentBody> readEnrollmentBody(const nlohmann::json& body);
Expected<RegistrationBody> readRegistrationBody(const nlohmann::json& body);

}  // namespace dc::domain
