#pragma once
// Schema versions live in PRAGMA user_version. Each upgrade step runs in its own transaction and
// sets user_version inside it, so a crash mid-upgrade leaves the previous, consistent version.
#include "store/database.hpp"

namespace dc::store {

int latestSchemaVersion();

// Brings `db` from its version up to latestSchemaVersion(), one step at a time.
// `stopAt` (for tests) stops after that version instead of the latest.
Expected<void> migrate(Database& db, OpenReport& report, int stopAt = 0);

}  // namespace dc::store
