#include "store/pin_gate.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "store/outbox.hpp"

namespace dc::store {
namespace {

std::string key(PinRole role, const char* what) { return std::string("pin.") + toString(role) + "." + what; }

double wallClock() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

Expected<double> readNumber(const store::Database& db, const std::string& k) {
    DC_TRY(text, store::readSetting(db, k));
    if (text->empty()) return 0.0;
    try {
        return std::stod(*text);
    } catch (const std::exception&) {
        return 0.0;  // a damaged counter counts as none; the lock's next failure sets it again
    }
}

}  // namespace

Expected<void> checkPinShape(const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 12 || !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fail(ErrorCode::InvalidInput, "a PIN is 4 to 12 digits");
    return {};
}

Expected<std::string> hashPin(const std::string& pin) {
    DC_CHECK(checkPinShape(pin));
    if (sodium_init() < 0) return fail(ErrorCode::Internal, "the cryptography library could not start");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(ErrorCode::Internal, "the PIN could not be hashed (out of memory?)");
    return std::string(out);
}

PinGate::PinGate(store::Database& db, PinPolicy policy, std::function<double()> now)
    : m_db(db), m_policy(policy), m_now(now ? std::move(now) : wallClock) {}

Expected<void> PinGate::setPin(PinRole role, const std::string& pin) {
    DC_TRY(hash, hashPin(pin));
    return setPinHash(role, *hash);
}

Expected<void> PinGate::setPinHash(PinRole role, const std::string& hash) {
    if (hash.rfind("$argon2id$", 0) != 0 || hash.size() >= crypto_pwhash_STRBYTES)
        return fail(ErrorCode::InvalidInput,
                    std::string("the ") + toString(role) + " PIN must be given as an argon2id hash, never in clear");
    // The same hash again (the kiosk hands the configured hash over before every attempt) keeps
    // the count and the lock: only a new PIN starts afresh.
    DC_TRY(current, store::readSetting(m_db, key(role, "hash")));
    if (*current == hash) return {};
    DC_CHECK(store::writeSetting(m_db, key(role, "hash"), hash));
    DC_CHECK(store::writeSetting(m_db, key(role, "failures"), "0"));
    return store::writeSetting(m_db, key(role, "locked_until"), "0");
}

Expected<bool> PinGate::hasPin(PinRole role) const {
    DC_TRY(hash, store::readSetting(m_db, key(role, "hash")));
    return !hash->empty();
}

Expected<PinAttempt> PinGate::attempt(PinRole role, const std::string& pin) {
    PinAttempt a;
    DC_TRY(failures, readNumber(m_db, key(role, "failures")));
    DC_TRY(lockedUntil, readNumber(m_db, key(role, "locked_until")));
    a.failuresInARow = static_cast<int>(*failures);
    const double now = m_now();
    if (*lockedUntil > now) {
        // A clock set back (a box without a battery, before its time is synced) must not lock
        // for longer than the longest lock.
        a.lockedForSeconds = std::min(*lockedUntil - now, m_policy.longestLockSeconds);
        return a;
    }
    DC_TRY(hash, store::readSetting(m_db, key(role, "hash")));
    if (hash->empty()) return fail(ErrorCode::NotFound, std::string("no ") + toString(role) + " PIN is set on this kiosk");
    a.granted = pin.size() <= 64 && sodium_init() >= 0 && crypto_pwhash_str_verify(hash->c_str(), pin.c_str(), pin.size()) == 0;
    if (a.granted) {
        a.failuresInARow = 0;
        DC_CHECK(store::writeSetting(m_db, key(role, "failures"), "0"));
        return a;
    }
    a.failuresInARow += 1;
    DC_CHECK(store::writeSetting(m_db, key(role, "failures"), std::to_string(a.failuresInARow)));
    if (a.failuresInARow >= m_policy.freeAttempts) {
        const int over = a.failuresInARow - m_policy.freeAttempts;
        a.lockedForSeconds = std::min(m_policy.longestLockSeconds, m_policy.firstLockSeconds * std::pow(2.0, std::min(over, 30)));
        DC_CHECK(store::writeSetting(m_db, key(role, "locked_until"), std::to_string(now + a.lockedForSeconds)));
    }
    return a;
}

}  // namespace dc::store
