#pragma once
// Personal details leave the kiosk: once the office has confirmed a record, it keeps the person's
// details only for the site's retention window (privacy.retention_days, for a clerk's reprint).
// Then the record's sealed payload and note are erased, its link to the person's profile is cut,
// and the profile itself is deleted when no record still waiting needs it. The reference code,
// what it was for and its status stay: the person can still check it at any kiosk. SQLite's
// secure_delete overwrites what is freed, and the WAL is checkpointed and truncated, so the bytes
// are gone from the files too, not only from the tables.
#include <cstdint>
#include <string>

#include "common/error.hpp"
#include "store/database.hpp"

namespace dc::store {

struct Forgotten {
    int64_t records = 0;  // delivered records whose details were erased
    int64_t profiles = 0;  // profiles deleted
};

// Erases what was delivered more than `days` days before `now` ("YYYY-MM-DDTHH:MM:SSZ"; empty:
// SQLite's clock). Safe to run at any time and again: what is erased stays erased.
Expected<Forgotten> forgetDelivered(Database& db, int64_t days, const std::string& now = {});

}  // namespace dc::store
