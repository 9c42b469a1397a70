#pragma once
// What a jobseeker does at the kiosk that must reach the server: apply for a job, ask for a seat
// in a course session (or a waitlist place when it is full). Each action is one transaction that
// writes the person's profile (sealed), the application or enrollment, and the outbox record sync
// will deliver (its payload sealed too: it carries the name and phone). Nothing is half-written.
#include <optional>
#include <string>
#include <vector>

#include "common/reference_code.hpp"
#include "store/database.hpp"
#include "store/field_cipher.hpp"
#include "store/profiles.hpp"

namespace dc::store {

struct ApplicationDraft {
    std::string jobId;
    Profile person;    // id may be empty: a new profile is made; documentNumber and birthDate optional
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

enum class ActionStatus { Pending, Submitted, Accepted, Rejected, Confirmed, Waitlisted, Cancelled,
                          // decided by the office's caseworkers (applications)
                          Forwarded, Invited, Hired, NotSelected, Withdrawn };
ActionStatus actionStatusFromText(const std::string& text);  // unknown words: Pending
const char* actionStatusText(ActionStatus status);

struct ActionReceipt {
    std::string referenceCode;  // what the person keeps: "K7M-4QX"
    ActionStatus status = ActionStatus::Pending;
    std::optional<int64_t> waitlistPosition;  // as estimated here; the server confirms
};

inline constexpr size_t kMaxNoteBytes = 1000;
inline constexpr size_t kMaxIdPhotoBytes = 4 * 1024 * 1024;

Expected<ActionReceipt> submitApplication(Database& db, const FieldCipher& cipher, const ApplicationDraft& draft);
// A seat when the session has one as last known, otherwise a place on its waitlist.
Expected<ActionReceipt> requestEnrollment(Database& db, const FieldCipher& cipher, const EnrollmentDraft& draft);
// Document number: 5-20 of A-Z 0-9 (as the MRZ writes it); date of birth: a real YYYY-MM-DD.
Expected<ActionReceipt> registerJobseeker(Database& db, const FieldCipher& cipher, const RegistrationDraft& draft);
// The document fields' own check (either may be empty): what the forms check before sending.
Expected<void> checkDocument(const Profile& p);

struct StatusAnswer {
    enum class Kind { Application, Enrollment } kind = Kind::Application;
    ActionStatus status = ActionStatus::Pending;
    std::optional<int64_t> waitlistPosition;
    std::string title;     // the job's title or the course's name, when still in the catalog
    bool delivered = false;  // the server has the action (its outbox record is done)
    std::string message;   // the office's words to the person (a caseworker's), may be empty
    // Where the answer comes from: the office itself (asked just now), or this kiosk's copy,
    // last changed at `updatedAt` ("2026-12-03T09:14:00Z").
    bool fromOffice = false;
    std::string updatedAt;
};
// "Call a clerk": an event for the office (no personal data) and a line in the audit log, in one
// transaction; sync delivers it at once. `language` is the screen's, so the clerk knows whom to send.
// Returns the call's record id, which the office's acknowledgement names.
Expected<std::string> callClerk(Database& db, const FieldCipher& cipher, const std::string& language);
// The name of the caseworker who took call `callId` at the office (empty: not yet), as the last
// heartbeat said.
Expected<std::string> whoIsComing(const Database& db, const std::string& callId);

// Looks a reference code up, forgiving case, spaces and the dash. NotFound for unknown codes.
Expected<StatusAnswer> lookUpReference(const Database& db, const std::string& typedCode);

// Reference codes use letters and digits that cannot be mistaken for each other when read aloud
// or from a printout: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. How a typed one is read is common's rule.
using ::dc::normalizeReferenceCode;

}  // namespace dc::store
