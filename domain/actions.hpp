#pragma once
// What a jobseeker asks for (an application, a seat in a course session, a clerk's registration),
// what comes back (a reference code, a status), and the words for each status as records and the
// office's server spell them.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/person.hpp"

namespace dc::domain {

struct ApplicationDraft {
    std::string jobId;
    Profile person;  // id may be empty: a new profile is made; documentNumber and birthDate optional
    std::string note;  // short, optional
    bool consent = false;  // the person agreed to their data going to the employer
    bool smsOptIn = false;  // the person asked for a text message when the office answers
    // Optional: the picture of the ID document the camera read (a JPEG), sealed into an
    // attachment of the application in the same transaction; sync uploads it.
    std::string idPhoto;
};

struct EnrollmentDraft {
    std::string sessionId;
    Profile person;
    bool consent = false;
    bool smsOptIn = false;  // as for an application
};

// A clerk registers a jobseeker at the counter, with what their ID document says.
struct RegistrationDraft {
    Profile person;  // name and phone as for an application; documentNumber and birthDate optional
    bool consent = false;
    std::string idPhoto;  // optional, as for an application
};

enum class ActionStatus {
    Pending,
    Submitted,
    Accepted,
    Rejected,
    Confirmed,
    Waitlisted,
    Cancelled,
    // decided by the office's caseworkers (applications)
    Forwarded,
    Invited,
    Hired,
    NotSelected,
    Withdrawn
};
ActionStatus actionStatusFromText(const std::string& text);  // unknown words: Pending
const char* actionStatusText(ActionStatus status);

struct ActionReceipt {
    std::string referenceCode;  // what the person keeps: "K7M-4QX"
    ActionStatus status = ActionStatus::Pending;
    std::optional<int64_t> waitlistPosition;  // as estimated here; the server confirms
};

inline constexpr size_t kMaxIdPhotoBytes = 4 * 1024 * 1024;

struct StatusAnswer {
    enum class Kind { Application, Enrollment } kind = Kind::Application;
    ActionStatus status = ActionStatus::Pending;
    std::optional<int64_t> waitlistPosition;
    std::string title;  // the job's title or the course's name, when still in the catalog
    bool delivered = false;  // the server has the action (its outbox record is done)
    std::string message;  // the office's words to the person (a caseworker's), may be empty
    // Where the answer comes from: the office itself (asked just now), or this kiosk's copy,
    // last changed at `updatedAt` ("2026-12-03T09:14:00Z").
    bool fromOffice = false;
    std::string updatedAt;
};

}  // namespace dc::domain
