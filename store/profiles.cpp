#include "store/profiles.hpp"

#include <array>

#include "catalog/json_list.hpp"
#include "store/sqlite_statement.hpp"
#include "common/utf8.hpp"

namespace dc::store {
using namespace ::dc::domain;
using namespace ::dc::catalog;
namespace {

constexpr size_t kMaxFieldBytes = 512;

struct PersonalField {
    const char* column;
    std::string Profile::*member;
};
constexpr std::array<PersonalField, 5> kPersonal = {{{"name_enc", &Profile::name},
                                                     {"phone_enc", &Profile::phone},
                                                     {"email_enc", &Profile::email},
                                                     {"document_enc", &Profile::documentNumber},
                                                     {"birth_date_enc", &Profile::birthDate}}};

// Binds a sealed value to its row and column.
std::string contextFor(const std::string& id, const char* column) { return "profile:" + id + ":" + column; }

Expected<void> validate(const Profile& p) {
    if (p.id.empty() || p.id.size() > 128 || !utf8::isValid(p.id))
        return fail(ErrorCode::InvalidInput, "a profile needs an id of 1 to 128 characters");
    for (const auto& field : kPersonal) {
        const std::string& value = p.*field.member;
        // The message names the field, never its content: it may end up in a log.
        if (value.size() > kMaxFieldBytes)
            return fail(ErrorCode::InvalidInput, std::string("the profile field ") + field.column + " is too long");
        if (!utf8::isValid(value))
            return fail(ErrorCode::InvalidInput, std::string("the profile field ") + field.column + " is not valid text");
    }
    if (p.skills.size() > 64) return fail(ErrorCode::InvalidInput, "a profile lists at most 64 skills");
    for (const auto& s : p.skills)
        if (s.size() > kMaxFieldBytes || !utf8::isValid(s))
            return fail(ErrorCode::InvalidInput, "a profile skill is too long or not valid text");
    if (p.language.size() > 8 || !utf8::isValid(p.language))
        return fail(ErrorCode::InvalidInput, "a profile language must be a short code such as \"ka\"");
    return {};
}

}  // namespace

Expected<void> saveProfile(Database& db, const FieldCipher& cipher, const Profile& profile) {
    if (auto r = validate(profile); !r) return r;
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
INSERT INTO profiles (id, name_enc, phone_enc, email_enc, document_enc, birth_date_enc, skills, language)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT(id) DO UPDATE SET name_enc=excluded.name_enc, phone_enc=excluded.phone_enc,
  email_enc=excluded.email_enc, document_enc=excluded.document_enc, birth_date_enc=excluded.birth_date_enc,
  skills=excluded.skills, language=excluded.language)SQL"));
    stmt->bind(1, profile.id);
    int index = 2;
    for (const auto& field : kPersonal) {
        const std::string& value = profile.*field.member;
        if (value.empty()) {
            stmt->bindNull(index++);  // nothing to hide; NULL says "not given"
            continue;
        }
        auto sealed = cipher.seal(contextFor(profile.id, field.column), value);
        if (!sealed) return std::unexpected(sealed.error());
        stmt->bind(index++, *sealed);
    }
    stmt->bind(7, toJsonArray(profile.skills));
    stmt->bind(8, profile.language);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving a profile"));
    return {};
}

Expected<Profile> loadProfile(const Database& db, const FieldCipher& cipher, const std::string& id) {
    DC_TRY(
        stmt,
        Statement::prepare(db,
                           "SELECT name_enc, phone_enc, email_enc, document_enc, birth_date_enc, skills, language FROM profiles "
                           "WHERE id = ?1"));
    stmt->bind(1, id);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return fail(ErrorCode::NotFound, "no such profile");
    if (rc != SQLITE_ROW) return std::unexpected(db.lastError("reading a profile"));
    Profile p;
    p.id = id;
    for (int i = 0; i < static_cast<int>(kPersonal.size()); ++i) {
        const auto& field = kPersonal[static_cast<size_t>(i)];
        const auto sealed = stmt->blob(i);
        if (!sealed) continue;
        auto plain = cipher.open(contextFor(id, field.column), *sealed);
        if (!plain) return std::unexpected(plain.error().withContext(std::string("reading the profile field ") + field.column));
        p.*field.member = std::move(*plain);
    }
    p.skills = listFromJson(stmt->text(5));
    p.language = stmt->text(6);
    return p;
}

Expected<bool> deleteProfile(Database& db, const std::string& id) {
    DC_TRY(stmt, Statement::prepare(db, "DELETE FROM profiles WHERE id = ?1"));
    stmt->bind(1, id);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("erasing a profile"));
    return sqlite3_changes(db.handle()) > 0;
}

}  // namespace dc::store
