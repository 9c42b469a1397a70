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
#include "domain/actions.hpp"
#include "store/profiles.hpp"

namespace dc::store {
using namespace ::dc::domain;

Expected<ActionReceipt> submitApplication(Database& db, const FieldCipher& cipher, const ApplicationDraft& draft);
// A seat when the session has one as last known, otherwise a place on its waitlist.
Expected<ActionReceipt> requestEnrollment(Database& db, const FieldCipher& cipher, const EnrollmentDraft& draft);
// Document number: 5-20 of A-Z 0-9 (as the MRZ writes it); date of birth: a real YYYY-MM-DD.
Expected<ActionReceipt> registerJobseeker(Database& db, const FieldCipher& cipher, const RegistrationDraft& draft);

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
