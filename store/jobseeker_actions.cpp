#include "store/jobseeker_actions.hpp"

#include <sodium.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string_view>

#include <nlohmann/json.hpp>

#include "store/attachments.hpp"
#include "store/daily_counts.hpp"
#include "common/hex.hpp"
#include "store/outbox.hpp"
#include "store/sqlite_statement.hpp"
#include "common/dates.hpp"
#include "common/utf8.hpp"

namespace dc::store {
namespace {

constexpr char kCodeAlphabet[] = "ACDEFGHJKMNPQRTUVWXY34679";

// A letter of the code alphabet, drawn uniformly. With DC_FIXED_REFERENCE_CODES=1 in the
// environment the draws come from a fixed seed, so a scripted run shows the same codes every time
// (scripts/screenshots.sh: a refreshed screenshot changes only when its screen did). Never set on
// a kiosk: codes must not be guessable there.
char codeLetter() {
    static const bool fixed = [] {
        const char* v = std::getenv("DC_FIXED_REFERENCE_CODES");
        return v && std::string_view(v) == "1";
    }();
    constexpr uint32_t n = sizeof kCodeAlphabet - 1;
    if (!fixed) return kCodeAlphabet[randombytes_uniform(n)];
    static std::mutex mutex;
    static uint64_t draw = 0;
    std::lock_guard lock(mutex);
    unsigned char seed[randombytes_SEEDBYTES] = {'d', 'c'};
    std::memcpy(seed + 2, &draw, sizeof draw);
    ++draw;
    uint32_t value = 0;
    randombytes_buf_deterministic(&value, sizeof value, seed);
    return kCodeAlphabet[value % n];
}

std::string randomCode() {
    std::string code;
    for (int i = 0; i < 6; ++i) {
        if (i == 3) code += '-';
        code += codeLetter();
    }
    return code;
}

Expected<bool> exists(const Database& db, const char* sql, const std::string& value) {
    auto stmt = Statement::prepare(db, sql);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind(1, value);
    const int rc = stmt->step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return std::unexpected(db.lastError("checking a record"));
    return rc == SQLITE_ROW;
}

Expected<std::string> uniqueCode(const Database& db) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        std::string code = randomCode();
        auto taken = exists(db,
                            "SELECT 1 FROM applications WHERE reference_code = ?1 UNION ALL "
                            "SELECT 1 FROM enrollments WHERE reference_code = ?1 UNION ALL "
                            "SELECT 1 FROM registrations WHERE reference_code = ?1",
                            code);
        if (!taken) return std::unexpected(taken.error());
        if (!*taken) return code;
    }
    return fail(ErrorCode::IoError, "could not find a free reference code");
}

// Plain checks a person can act on; messages never repeat what was typed.
Expected<void> checkPerson(const Profile& p, bool consent) {
    if (!consent) return fail(ErrorCode::InvalidInput, "consent is needed before anything is sent");
    if (p.name.find_first_not_of(" \t") == std::string::npos)
        return fail(ErrorCode::InvalidInput, "a name is needed");
    size_t digits = 0;
    for (char c : p.phone) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')')
            return fail(ErrorCode::InvalidInput, "a phone number may hold only digits, spaces and + - ( )");
    }
    if (digits < 6 || digits > 15) return fail(ErrorCode::InvalidInput, "a phone number has 6 to 15 digits");
    if (!p.email.empty() && (p.email.find('@') == std::string::npos || p.email.find(' ') != std::string::npos))
        return fail(ErrorCode::InvalidInput, "the e-mail address does not look right");
    return {};
}

// The outbox record sync delivers. Its payload names the person, so it is sealed like a profile.
Expected<void> enqueue(Database& db, const FieldCipher& cipher, const std::string& kind, const std::string& subject,
                       const nlohmann::json& body, std::string* idOut = nullptr) {
    const std::string id = randomHex(16);  // the idempotency key the server deduplicates on
    if (idOut) *idOut = id;
    auto sealed = cipher.seal("outbox:" + id, body.dump());
    if (!sealed) return std::unexpected(sealed.error());
    auto stmt = Statement::prepare(db, "INSERT INTO outbox (id, kind, payload, subject) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind(1, id);
    stmt->bind(2, kind);
    stmt->bind(3, *sealed);
    stmt->bind(4, subject);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("queueing for delivery"));
    return {};
}

Expected<void> audit(Database& db, const std::string& action, const std::string& subject,
                     const std::string& actor = "jobseeker") {
    auto stmt = Statement::prepare(db, "INSERT INTO audit_log (actor, action, subject) VALUES (?3, ?1, ?2)");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind(1, action);
    stmt->bind(2, subject);
    stmt->bind(3, actor);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("writing the audit log"));
    return {};
}

// An ID photo is a JPEG, and not a large one: a crop of a camera frame.
Expected<void> checkIdPhoto(const std::string& photo) {
    if (photo.empty()) return {};
    if (photo.size() > kMaxIdPhotoBytes) return fail(ErrorCode::InvalidInput, "the picture of the document is too large");
    if (photo.size() < 4 || static_cast<unsigned char>(photo[0]) != 0xFF || static_cast<unsigned char>(photo[1]) != 0xD8)
        return fail(ErrorCode::InvalidInput, "the picture of the document is not a JPEG");
    return {};
}

// The document's picture, sealed beside the record and named in its body. The file is written
// before the commit: when the transaction fails, the caller removes `photoId`'s file too.
Expected<void> attachIdPhoto(Database& db, const FieldCipher& cipher, const std::string& recordId, const std::string& photo,
                             nlohmann::json& body, std::string& photoId) {
    if (photo.empty()) return {};
    auto a = queueAttachment(db, cipher, "id-photo", recordId, photo);
    if (!a) return std::unexpected(a.error());
    photoId = a->id;
    body["attachments"] = nlohmann::json::array({{{"id", a->id}, {"kind", a->kind}, {"sha256", a->sha256}}});
    return {};
}

nlohmann::json personJson(const Profile& p) {
    return {{"profileId", p.id}, {"name", p.name},     {"phone", p.phone},   {"email", p.email},
            {"skills", p.skills}, {"language", p.language}};
}

// The language a person chose, as a report dimension: two lower-case letters or "unknown".
std::string languageOf(const Profile& p) {
    const bool code = p.language.size() == 2 && std::islower(static_cast<unsigned char>(p.language[0])) &&
                      std::islower(static_cast<unsigned char>(p.language[1]));
    return code ? p.language : "unknown";
}


}  // namespace

Expected<void> checkDocument(const Profile& p) {
    if (!p.documentNumber.empty()) {
        if (p.documentNumber.size() < 5 || p.documentNumber.size() > 20)
            return fail(ErrorCode::InvalidInput, "a document number has 5 to 20 letters and digits");
        for (char c : p.documentNumber)
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                return fail(ErrorCode::InvalidInput, "a document number holds only capital letters A-Z and digits");
    }
    if (!p.birthDate.empty() && !dates::parseDay(p.birthDate, 1900, 2100))
        return fail(ErrorCode::InvalidInput, "the date of birth is not a real date (YYYY-MM-DD)");
    return {};
}

ActionStatus actionStatusFromText(const std::string& text) {
    for (ActionStatus s : {ActionStatus::Submitted, ActionStatus::Accepted, ActionStatus::Rejected, ActionStatus::Confirmed,
                           ActionStatus::Waitlisted, ActionStatus::Cancelled, ActionStatus::Forwarded, ActionStatus::Invited,
                           ActionStatus::Hired, ActionStatus::NotSelected, ActionStatus::Withdrawn})
        if (text == actionStatusText(s)) return s;
    return ActionStatus::Pending;
}

const char* actionStatusText(ActionStatus status) {
    switch (status) {
        case ActionStatus::Forwarded: return "forwarded";
        case ActionStatus::Invited: return "invited";
        case ActionStatus::Hired: return "hired";
        case ActionStatus::NotSelected: return "not_selected";
        case ActionStatus::Withdrawn: return "withdrawn";
        case ActionStatus::Submitted: return "submitted";
        case ActionStatus::Accepted: return "accepted";
        case ActionStatus::Rejected: return "rejected";
        case ActionStatus::Confirmed: return "confirmed";
        case ActionStatus::Waitlisted: return "waitlisted";
        case ActionStatus::Cancelled: return "cancelled";
        case ActionStatus::Pending: break;
    }
    return "pending";
}

Expected<ActionReceipt> submitApplication(Database& db, const FieldCipher& cipher, const ApplicationDraft& draft) {
    if (auto r = checkPerson(draft.person, draft.consent); !r) return std::unexpected(r.error());
    if (auto r = checkDocument(draft.person); !r) return std::unexpected(r.error());
    if (auto r = checkIdPhoto(draft.idPhoto); !r) return std::unexpected(r.error());
    if (draft.note.size() > kMaxNoteBytes || !utf8::isValid(draft.note))
        return fail(ErrorCode::InvalidInput, "the note is too long (at most " + std::to_string(kMaxNoteBytes) + " bytes)");
    ActionReceipt receipt;
    std::string photoId;
    auto done = db.transaction([&]() -> Expected<void> {
        auto known = exists(db, "SELECT 1 FROM jobs WHERE id = ?1", draft.jobId);
        if (!known) return std::unexpected(known.error());
        if (!*known) return fail(ErrorCode::NotFound, "this job is no longer offered");
        Profile person = draft.person;
        if (person.id.empty()) person.id = "p-" + randomHex(8);
        if (auto r = saveProfile(db, cipher, person); !r) return r;
        auto code = uniqueCode(db);
        if (!code) return std::unexpected(code.error());
        const std::string id = "a-" + randomHex(8);
        auto note = draft.note.empty() ? Expected<Blob>(Blob{}) : cipher.seal("application:" + id + ":note", draft.note);
        if (!note) return std::unexpected(note.error());
        auto stmt = Statement::prepare(
            db, "INSERT INTO applications (id, reference_code, job_id, profile_id, note_enc) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!stmt) return std::unexpected(stmt.error());
        stmt->bind(1, id);
        stmt->bind(2, *code);
        stmt->bind(3, draft.jobId);
        stmt->bind(4, person.id);
        if (note->empty()) stmt->bindNull(5);
        else stmt->bind(5, *note);
        if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving the application"));
        nlohmann::json who = personJson(person);
        if (draft.smsOptIn) who["sms"] = true;  // the office texts the phone above when it answers
        if (!person.documentNumber.empty()) who["documentNumber"] = person.documentNumber;
        if (!person.birthDate.empty()) who["birthDate"] = person.birthDate;
        nlohmann::json body = {{"applicationId", id}, {"referenceCode", *code}, {"jobId", draft.jobId},
                               {"person", who}, {"note", draft.note}};
        if (auto r = attachIdPhoto(db, cipher, id, draft.idPhoto, body, photoId); !r) return r;
        if (auto r = enqueue(db, cipher, "application", id, body); !r) return r;
        if (auto r = audit(db, "application.submitted", *code); !r) return r;
        if (auto r = countEvent(db, "applications", {"lang=" + languageOf(person)}); !r) return r;
        receipt.referenceCode = *code;
        return {};
    });
    if (!done) {
        if (!photoId.empty()) discardAttachmentFile(db, photoId);
        return std::unexpected(done.error());
    }
    return receipt;
}

Expected<ActionReceipt> registerJobseeker(Database& db, const FieldCipher& cipher, const RegistrationDraft& draft) {
    if (auto r = checkPerson(draft.person, draft.consent); !r) return std::unexpected(r.error());
    if (auto r = checkDocument(draft.person); !r) return std::unexpected(r.error());
    if (auto r = checkIdPhoto(draft.idPhoto); !r) return std::unexpected(r.error());
    ActionReceipt receipt;
    std::string photoId;
    auto done = db.transaction([&]() -> Expected<void> {
        Profile person = draft.person;
        if (person.id.empty()) person.id = "p-" + randomHex(8);
        if (auto r = saveProfile(db, cipher, person); !r) return r;
        auto code = uniqueCode(db);
        if (!code) return std::unexpected(code.error());
        const std::string id = "r-" + randomHex(8);
        auto stmt = Statement::prepare(db, "INSERT INTO registrations (id, reference_code, profile_id) VALUES (?1, ?2, ?3)");
        if (!stmt) return std::unexpected(stmt.error());
        stmt->bind(1, id);
        stmt->bind(2, *code);
        stmt->bind(3, person.id);
        if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving the registration"));
        nlohmann::json who = personJson(person);
        who["documentNumber"] = person.documentNumber;
        who["birthDate"] = person.birthDate;
        nlohmann::json body = {{"registrationId", id}, {"referenceCode", *code}, {"person", who}, {"assistedBy", "clerk"}};
        if (auto r = attachIdPhoto(db, cipher, id, draft.idPhoto, body, photoId); !r) return r;
        if (auto r = enqueue(db, cipher, "registration", id, body); !r) return r;
        if (auto r = audit(db, "registration.submitted", *code, "clerk"); !r) return r;
        receipt.referenceCode = *code;
        return {};
    });
    if (!done) {
        if (!photoId.empty()) discardAttachmentFile(db, photoId);
        return std::unexpected(done.error());
    }
    return receipt;
}

Expected<ActionReceipt> requestEnrollment(Database& db, const FieldCipher& cipher, const EnrollmentDraft& draft) {
    if (auto r = checkPerson(draft.person, draft.consent); !r) return std::unexpected(r.error());
    ActionReceipt receipt;
    auto done = db.transaction([&]() -> Expected<void> {
        // Seats as last known from the server, less the requests made here and not yet answered.
        auto seats = Statement::prepare(db, R"SQL(
SELECT s.course_id, s.capacity - s.seats_taken -
       (SELECT count(*) FROM enrollments e WHERE e.session_id = s.id AND e.status = 'pending'),
       (SELECT count(*) FROM enrollments e WHERE e.session_id = s.id AND e.status = 'waitlisted')
FROM course_sessions s WHERE s.id = ?1)SQL");
        if (!seats) return std::unexpected(seats.error());
        seats->bind(1, draft.sessionId);
        const int rc = seats->step();
        if (rc == SQLITE_DONE) return fail(ErrorCode::NotFound, "this course session is no longer offered");
        if (rc != SQLITE_ROW) return std::unexpected(db.lastError("reading the course session"));
        const std::string courseId = seats->text(0);
        const bool seatFree = seats->integer(1) > 0;
        const int64_t waiting = seats->integer(2);

        Profile person = draft.person;
        if (person.id.empty()) person.id = "p-" + randomHex(8);
        if (auto r = saveProfile(db, cipher, person); !r) return r;
        auto code = uniqueCode(db);
        if (!code) return std::unexpected(code.error());
        const std::string id = "e-" + randomHex(8);
        receipt.referenceCode = *code;
        receipt.status = seatFree ? ActionStatus::Pending : ActionStatus::Waitlisted;
        if (!seatFree) receipt.waitlistPosition = waiting + 1;
        auto stmt = Statement::prepare(db, R"SQL(
INSERT INTO enrollments (id, reference_code, course_id, session_id, profile_id, status, waitlist_position)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))SQL");
        if (!stmt) return std::unexpected(stmt.error());
        stmt->bind(1, id);
        stmt->bind(2, *code);
        stmt->bind(3, courseId);
        stmt->bind(4, draft.sessionId);
        stmt->bind(5, person.id);
        stmt->bind(6, std::string_view(actionStatusText(receipt.status)));
        stmt->bind(7, receipt.waitlistPosition);
        if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving the enrollment"));
        nlohmann::json who = personJson(person);
        if (draft.smsOptIn) who["sms"] = true;
        const nlohmann::json body = {{"enrollmentId", id},      {"referenceCode", *code},
                                     {"courseId", courseId},    {"sessionId", draft.sessionId},
                                     {"waitlist", !seatFree},   {"person", who}};
        if (auto r = enqueue(db, cipher, "enrollment", id, body); !r) return r;
        if (auto r = audit(db, seatFree ? "enrollment.requested" : "enrollment.waitlisted", *code); !r) return r;
        std::vector<std::string> dimensions{"lang=" + languageOf(person)};
        auto groups = Statement::prepare(db, "SELECT value FROM courses, json_each(courses.target_groups) WHERE courses.id = ?1");
        if (!groups) return std::unexpected(groups.error());
        groups->bind(1, courseId);
        while (groups->step() == SQLITE_ROW) dimensions.push_back("group=" + groups->text(0));
        if (auto r = countEvent(db, "enrollments", dimensions); !r) return r;
        return {};
    });
    if (!done) return std::unexpected(done.error());
    return receipt;
}

Expected<std::string> callClerk(Database& db, const FieldCipher& cipher, const std::string& language) {
    const std::string lang = languageOf(Profile{.language = language});
    std::string id;
    auto done = db.transaction([&]() -> Expected<void> {
        if (auto r = enqueue(db, cipher, "event", "", {{"what", "clerk-called"}, {"language", lang}}, &id); !r) return r;
        return audit(db, "clerk.called", "lang=" + lang);
    });
    if (!done) return std::unexpected(done.error());
    return id;
}

Expected<std::string> whoIsComing(const Database& db, const std::string& callId) {
    auto taken = readSetting(db, "sync.calls_taken");
    if (!taken) return std::unexpected(taken.error());
    const auto calls = nlohmann::json::parse(*taken, nullptr, false);
    if (!calls.is_object()) return std::string();
    const auto it = calls.find(callId);
    if (it == calls.end() || !it->is_string()) return std::string();
    return it->template get<std::string>();
}

Expected<StatusAnswer> lookUpReference(const Database& db, const std::string& typedCode) {
    const std::string code = normalizeReferenceCode(typedCode);
    if (code.empty()) return fail(ErrorCode::InvalidInput, "a reference code has 6 letters and digits");
    auto stmt = Statement::prepare(db, R"SQL(
SELECT 'application', a.status, NULL, coalesce(j.title, ''), a.id, a.office_message, a.updated_at FROM applications a
  LEFT JOIN jobs j ON j.id = a.job_id WHERE a.reference_code = ?1
UNION ALL
SELECT 'enrollment', e.status, e.waitlist_position, coalesce(c.name, ''), e.id, e.office_message, e.updated_at
  FROM enrollments e LEFT JOIN courses c ON c.id = e.course_id WHERE e.reference_code = ?1)SQL");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind(1, code);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return fail(ErrorCode::NotFound, "no application or enrollment has this code");
    if (rc != SQLITE_ROW) return std::unexpected(db.lastError("looking up a reference code"));
    StatusAnswer answer;
    answer.kind = stmt->text(0) == "enrollment" ? StatusAnswer::Kind::Enrollment : StatusAnswer::Kind::Application;
    answer.status = actionStatusFromText(stmt->text(1));
    answer.waitlistPosition = stmt->optionalInteger(2);
    answer.title = stmt->text(3);
    answer.message = stmt->text(5);
    answer.updatedAt = stmt->text(6);
    // Delivered once the server has answered for the outbox record that reports it.
    auto waiting = exists(db, "SELECT 1 FROM outbox WHERE subject = ?1 AND state <> 'done'", stmt->text(4));
    if (!waiting) return std::unexpected(waiting.error());
    answer.delivered = !*waiting;
    return answer;
}

}  // namespace dc::store
