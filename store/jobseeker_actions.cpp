#include "store/jobseeker_actions.hpp"

#include "domain/record_bodies.hpp"

#include <functional>

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
using namespace ::dc::domain;
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
    DC_TRY(stmt, Statement::prepare(db, sql));
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

// Plain checks a person can act on (one rule per field: domain/person.hpp); messages never
// repeat what was typed.
Expected<void> checkPerson(const Profile& p, bool consent) {
    if (!consent) return fail(ErrorCode::InvalidInput, "consent is needed before anything is sent");
    if (const auto problem = firstProblem(p)) return fail(ErrorCode::InvalidInput, problem->message);
    return {};
}

// The outbox record sync delivers. Its payload names the person, so it is sealed like a profile.
Expected<void> enqueue(Database& db, const FieldCipher& cipher, const std::string& kind, const std::string& subject,
                       const nlohmann::json& body, std::string* idOut = nullptr) {
    const std::string id = randomHex(16);  // the idempotency key the server deduplicates on
    if (idOut) *idOut = id;
    auto sealed = cipher.seal("outbox:" + id, body.dump());
    if (!sealed) return std::unexpected(sealed.error());
    DC_TRY(stmt, Statement::prepare(db, "INSERT INTO outbox (id, kind, payload, subject) VALUES (?1, ?2, ?3, ?4)"));
    stmt->bind(1, id);
    stmt->bind(2, kind);
    stmt->bind(3, *sealed);
    stmt->bind(4, subject);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("queueing for delivery"));
    return {};
}

Expected<void> audit(Database& db, const std::string& action, const std::string& subject,
                     const std::string& actor = "jobseeker") {
    DC_TRY(stmt, Statement::prepare(db, "INSERT INTO audit_log (actor, action, subject) VALUES (?3, ?1, ?2)"));
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
                             std::vector<AttachmentRef>& refs, std::string& photoId) {
    if (photo.empty()) return {};
    auto a = queueAttachment(db, cipher, "id-photo", recordId, photo);
    if (!a) return std::unexpected(a.error());
    photoId = a->id;
    refs.push_back({a->id, a->kind, a->sha256});
    return {};
}

// The language a person chose, as a report dimension: two lower-case letters or "unknown".
std::string languageOf(const Profile& p) {
    const bool code = p.language.size() == 2 && std::islower(static_cast<unsigned char>(p.language[0])) &&
        std::islower(static_cast<unsigned char>(p.language[1]));
    return code ? p.language : "unknown";
}

}  // namespace

namespace {

// What an action does inside its transaction, once the person's profile is saved and a reference
// code is taken: writes its row and its outbox record. `photoId` names an attachment file it wrote.
using WriteAction = std::function<Expected<void>(const Profile& person, const std::string& code, std::string& photoId)>;

// The skeleton every action that records a person shares: the person's checks (and the ID
// picture's), then one transaction that saves the profile (sealed), takes a unique reference code
// and runs `write`; when the transaction fails, the attachment file it wrote is removed.
Expected<ActionReceipt> recordAction(Database& db, const FieldCipher& cipher, const Profile& draftPerson, bool consent,
                                     const std::string& idPhoto, const WriteAction& write) {
    DC_CHECK(checkPerson(draftPerson, consent));
    DC_CHECK(checkIdPhoto(idPhoto));
    ActionReceipt receipt;
    std::string photoId;
    auto done = db.transaction([&]() -> Expected<void> {
        Profile person = draftPerson;
        if (person.id.empty()) person.id = "p-" + randomHex(8);
        DC_CHECK(saveProfile(db, cipher, person));
        DC_TRY(code, uniqueCode(db));
        DC_CHECK(write(person, *code, photoId));
        receipt.referenceCode = *code;
        return {};
    });
    if (!done) {
        if (!photoId.empty()) discardAttachmentFile(db, photoId);
        return std::unexpected(done.error());
    }
    return receipt;
}

}  // namespace

Expected<ActionReceipt> submitApplication(Database& db, const FieldCipher& cipher, const ApplicationDraft& draft) {
    if (const auto problem = checkNote(draft.note)) return fail(ErrorCode::InvalidInput, problem->message);
    return recordAction(
        db, cipher, draft.person, draft.consent, draft.idPhoto,
        [&](const Profile& person, const std::string& code, std::string& photoId) -> Expected<void> {
            DC_TRY(known, exists(db, "SELECT 1 FROM jobs WHERE id = ?1", draft.jobId));
            if (!*known) return fail(ErrorCode::NotFound, "this job is no longer offered");
            const std::string id = "a-" + randomHex(8);
            DC_TRY(note, draft.note.empty() ? Expected<Blob>(Blob{}) : cipher.seal("application:" + id + ":note", draft.note));
            DC_TRY(
                stmt,
                Statement::prepare(
                    db,
                    "INSERT INTO applications (id, reference_code, job_id, profile_id, note_enc) VALUES (?1, ?2, ?3, ?4, ?5)"));
            stmt->bind(1, id);
            stmt->bind(2, code);
            stmt->bind(3, draft.jobId);
            stmt->bind(4, person.id);
            if (note->empty())
                stmt->bindNull(5);
            else
                stmt->bind(5, *note);
            if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving the application"));
            // The office texts the phone when it answers, if the person asked (smsOptIn).
            ApplicationBody body{.applicationId = id,
                                 .referenceCode = code,
                                 .jobId = draft.jobId,
                                 .person = {person, draft.smsOptIn},
                                 .note = draft.note};
            DC_CHECK(attachIdPhoto(db, cipher, id, draft.idPhoto, body.attachments, photoId));
            DC_CHECK(enqueue(db, cipher, "application", id, toJson(body)));
            DC_CHECK(audit(db, "application.submitted", code));
            return countEvent(db, "applications", {"lang=" + languageOf(person)});
        });
}

Expected<ActionReceipt> registerJobseeker(Database& db, const FieldCipher& cipher, const RegistrationDraft& draft) {
    return recordAction(
        db, cipher, draft.person, draft.consent, draft.idPhoto,
        [&](const Profile& person, const std::string& code, std::string& photoId) -> Expected<void> {
            const std::string id = "r-" + randomHex(8);
            DC_TRY(stmt,
                   Statement::prepare(db, "INSERT INTO registrations (id, reference_code, profile_id) VALUES (?1, ?2, ?3)"));
            stmt->bind(1, id);
            stmt->bind(2, code);
            stmt->bind(3, person.id);
            if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving the registration"));
            RegistrationBody body{.registrationId = id, .referenceCode = code, .person = {person, false}};
            DC_CHECK(attachIdPhoto(db, cipher, id, draft.idPhoto, body.attachments, photoId));
            DC_CHECK(enqueue(db, cipher, "registration", id, toJson(body)));
            return audit(db, "registration.submitted", code, "clerk");
        });
}

Expected<ActionReceipt> requestEnrollment(Database& db, const FieldCipher& cipher, const EnrollmentDraft& draft) {
    if (auto r = checkPerson(draft.person, draft.consent); !r) return std::unexpected(r.error());
    ActionReceipt receipt;
    auto done = db.transaction([&]() -> Expected<void> {
        // Seats as last known from the server, less the requests made here and not yet answered.
        DC_TRY(seats, Statement::prepare(db, R"SQL(
SELECT s.course_id, s.capacity - s.seats_taken -
       (SELECT count(*) FROM enrollments e WHERE e.session_id = s.id AND e.status = 'pending'),
       (SELECT count(*) FROM enrollments e WHERE e.session_id = s.id AND e.status = 'waitlisted')
FROM course_sessions s WHERE s.id = ?1)SQL"));
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
        DC_TRY(stmt, Statement::prepare(db, R"SQL(
INSERT INTO enrollments (id, reference_code, course_id, session_id, profile_id, status, waitlist_position)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))SQL"));
        stmt->bind(1, id);
        stmt->bind(2, *code);
        stmt->bind(3, courseId);
        stmt->bind(4, draft.sessionId);
        stmt->bind(5, person.id);
        stmt->bind(6, std::string_view(actionStatusText(receipt.status)));
        stmt->bind(7, receipt.waitlistPosition);
        if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving the enrollment"));
        const EnrollmentBody body{.enrollmentId = id,
                                  .referenceCode = *code,
                                  .sessionId = draft.sessionId,
                                  .courseId = courseId,
                                  .waitlist = !seatFree,
                                  .person = {person, draft.smsOptIn}};
        if (auto r = enqueue(db, cipher, "enrollment", id, toJson(body)); !r) return r;
        if (auto r = audit(db, seatFree ? "enrollment.requested" : "enrollment.waitlisted", *code); !r) return r;
        std::vector<std::string> dimensions{"lang=" + languageOf(person)};
        DC_TRY(groups,
               Statement::prepare(db, "SELECT value FROM courses, json_each(courses.target_groups) WHERE courses.id = ?1"));
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
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
SELECT 'application', a.status, NULL, coalesce(j.title, ''), a.id, a.office_message, a.updated_at FROM applications a
  LEFT JOIN jobs j ON j.id = a.job_id WHERE a.reference_code = ?1
UNION ALL
SELECT 'enrollment', e.status, e.waitlist_position, coalesce(c.name, ''), e.id, e.office_message, e.updated_at
  FROM enrollments e LEFT JOIN courses c ON c.id = e.course_id WHERE e.reference_code = ?1)SQL"));
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
