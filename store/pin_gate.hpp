#pragma once
// The PINs of clerk and technician modes. Stored only as argon2id hashes (libsodium); a wrong PIN
// counts, and after a few in a row the mode is locked for a while that doubles with each further
// failure (30 s, 1 min, 2 min, ... at most an hour). The count and the lock live in the store, so
// switching the kiosk off and on does not reset them; while locked, no PIN is even checked.
#include <functional>
#include <string>

#include "domain/staff.hpp"
#include "store/database.hpp"

namespace dc::store {
using domain::PinAttempt;
using domain::PinRole;
using domain::toString;

struct PinPolicy {
    int freeAttempts = 3;  // wrong PINs before the first lock
    double firstLockSeconds = 30;
    double longestLockSeconds = 3600;
};

// 4 to 12 digits, nothing else: a PIN typed on the kiosk's number pad.
Expected<void> checkPinShape(const std::string& pin);
// An argon2id hash of a PIN of the right shape ("$argon2id$v=19$..."), for config and the server.
Expected<std::string> hashPin(const std::string& pin);

class PinGate {
public:
    // `now` returns wall-clock seconds (a lock must survive a restart); tests pass their own.
    PinGate(store::Database& db, PinPolicy policy = {}, std::function<double()> now = {});

    Expected<void> setPin(PinRole role, const std::string& pin);
    // A hash provisioned by config or the server; refused unless it is an argon2id hash. A new
    // hash clears the failures and the lock; the hash already in force changes nothing.
    Expected<void> setPinHash(PinRole role, const std::string& hash);
    Expected<bool> hasPin(PinRole role) const;
    Expected<PinAttempt> attempt(PinRole role, const std::string& pin);

private:
    store::Database& m_db;
    PinPolicy m_policy;
    std::function<double()> m_now;
};

}  // namespace dc::store
