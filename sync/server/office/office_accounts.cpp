// Staff accounts and their sessions: argon2id passwords (libsodium), five wrong passwords lock an
// account for a while, a session is a random token kept only as its SHA-256.
#include <sodium.h>

#include "common/utf8.hpp"
#include "sync/protocol/signing.hpp"
#include "sync/server/office/office_service.hpp"

namespace dc::server::office {
namespace {

// An argon2id hash (libsodium's interactive limits) of an acceptable password.
Expected<std::string> hashPassword(const std::string& password) {
    if (password.size() < 10 || password.size() > 200) return fail(ErrorCode::InvalidInput, "a password is 10 to 200 characters");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return fail(ErrorCode::Internal, "not enough memory to hash the password");
    return std::string(hash);
}

}  // namespace

// ---- accounts ----
Expected<void> OfficeService::addUser(const std::string& name, Role role, const std::string& password,
                                      const std::string& office) {
    if (name.empty() || name.size() > 64 || !utf8::isValid(name) || name.find_first_of("\r\n\t<>\"'&") != std::string::npos)
        return fail(ErrorCode::InvalidInput, "a name is 1 to 64 characters, without line breaks, quotes or < > &");
    if (office.size() > 64 || !utf8::isValid(office) || office.find_first_of("\r\n\t<>\"'&") != std::string::npos)
        return fail(ErrorCode::InvalidInput, "an office's name is at most 64 characters, without line breaks, quotes or < > &");
    DC_TRY(hash, hashPassword(password));
    auto c = m_pool.acquire();
    DC_TRY(added,
           c->query("INSERT INTO staff_users (name, role, password_hash, created_at, office) VALUES ($1, $2, $3, $4, $5) "
                    "ON CONFLICT (name) DO NOTHING RETURNING name",
                    {name, std::string(roleName(role)), *hash, now(), office}));
    if (added->empty()) return fail(ErrorCode::Conflict, "a user named " + name + " exists already");
    return writeAudit(*c, now(), "(command line)", "user.add", name, roleName(role));
}

Expected<void> OfficeService::setPassword(const std::string& name, const std::string& password) {
    DC_TRY(hash, hashPassword(password));
    auto c = m_pool.acquire();
    DC_TRY(changed,
           c->query("UPDATE staff_users SET password_hash = $2, failed_logins = 0, locked_until = 0 "
                    "WHERE name = $1 RETURNING name",
                    {name, *hash}));
    if (changed->empty()) return fail(ErrorCode::NotFound, "no user is named " + name);
    // A new password ends every session of the old one.
    DC_CHECK(c->query("DELETE FROM staff_sessions WHERE user_name = $1", {name}));
    return writeAudit(*c, now(), "(command line)", "user.reset", name);
}

Expected<void> OfficeService::setDisabled(const std::string& name, bool disabled) {
    auto c = m_pool.acquire();
    DC_TRY(changed,
           c->query("UPDATE staff_users SET disabled = $2 WHERE name = $1 RETURNING name", {name, int64_t{disabled ? 1 : 0}}));
    if (changed->empty()) return fail(ErrorCode::NotFound, "no user is named " + name);
    if (disabled) DC_CHECK(c->query("DELETE FROM staff_sessions WHERE user_name = $1", {name}));
    return writeAudit(*c, now(), "(command line)", disabled ? "user.disable" : "user.enable", name);
}

Expected<std::vector<StaffUser>> OfficeService::users() {
    auto c = m_pool.acquire();
    DC_TRY(rows, c->query("SELECT name, role, disabled, locked_until, office FROM staff_users ORDER BY name"));
    std::vector<StaffUser> out;
    for (const auto& r : *rows)
        out.push_back(
            {r.text(0), roleFromName(r.text(1)).value_or(Role::Caseworker), r.integer(2) != 0, r.integer(3), r.text(4)});
    return out;
}

// ---- sessions ----
Expected<LoginResult> OfficeService::login(const std::string& name, const std::string& password) {
    const Error refused(ErrorCode::Refused, "wrong name or password");
    if (name.size() > 64 || password.size() > 200) return std::unexpected(refused);
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT password_hash, role, disabled, failed_logins, locked_until, office FROM staff_users WHERE name = $1",
                    {name}));
    if (rows->empty()) {
        // The same work as a real check, so timing does not tell which names exist.
        (void)hashPassword("the same work as checking one");
        return std::unexpected(refused);
    }
    const SqlRow& user = (*rows)[0];
    if (user.integer(2) != 0) return std::unexpected(refused);
    if (user.integer(4) > now())
        return fail(ErrorCode::Refused,
                    "too many wrong passwords: this account is locked for " +
                        std::to_string((user.integer(4) - now() + 59) / 60) + " minutes");
    const std::string hash = user.text(0);
    if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0) {
        const int64_t failed = user.integer(3) + 1;
        const int64_t lockedUntil = failed >= kMaxFailedLogins ? now() + kLockSeconds : 0;
        DC_CHECK(c->query("UPDATE staff_users SET failed_logins = $2, locked_until = $3 WHERE name = $1",
                          {name, failed >= kMaxFailedLogins ? int64_t{0} : failed, lockedUntil}));
        DC_CHECK(writeAudit(*c, now(), name, lockedUntil ? "login.locked" : "login.failed", name));
        return std::unexpected(refused);
    }
    LoginResult result;
    result.token = sync::randomHex(32);
    result.session = {name, roleFromName(user.text(1)).value_or(Role::Caseworker), sync::randomHex(16), user.text(5)};
    DC_CHECK(c->query("UPDATE staff_users SET failed_logins = 0, locked_until = 0 WHERE name = $1", {name}));
    DC_CHECK(c->query("DELETE FROM staff_sessions WHERE last_seen < $1", {now() - kIdleSeconds}));
    DC_CHECK(
        c->query("INSERT INTO staff_sessions (token_hash, user_name, csrf, created_at, last_seen) VALUES ($1, $2, $3, $4, $4)",
                 {sync::sha256Hex(result.token), name, result.session.csrf, now()}));
    DC_CHECK(writeAudit(*c, now(), name, "login", name));
    return result;
}

Expected<Session> OfficeService::session(const std::string& token) {
    if (token.size() != 64) return fail(ErrorCode::NotFound, "not signed in");
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT s.user_name, u.role, s.csrf, s.last_seen, u.disabled, u.office FROM staff_sessions s "
                    "JOIN staff_users u ON u.name = s.user_name WHERE s.token_hash = $1",
                    {sync::sha256Hex(token)}));
    if (rows->empty()) return fail(ErrorCode::NotFound, "not signed in");
    const SqlRow& r = (*rows)[0];
    if (r.integer(4) != 0 || r.integer(3) < now() - kIdleSeconds) {
        DC_CHECK(c->query("DELETE FROM staff_sessions WHERE token_hash = $1", {sync::sha256Hex(token)}));
        return fail(ErrorCode::NotFound, "signed out after a while without use");
    }
    if (r.integer(3) < now() - 30)  // not every request writes
        DC_CHECK(c->query("UPDATE staff_sessions SET last_seen = $2 WHERE token_hash = $1", {sync::sha256Hex(token), now()}));
    return Session{r.text(0), roleFromName(r.text(1)).value_or(Role::Caseworker), r.text(2), r.text(5)};
}

Expected<void> OfficeService::logout(const std::string& token) {
    auto c = m_pool.acquire();
    DC_CHECK(c->query("DELETE FROM staff_sessions WHERE token_hash = $1", {sync::sha256Hex(token)}));
    return {};
}

}  // namespace dc::server::office
