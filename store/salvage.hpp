#pragma once
// What was waiting in a database that had to be moved aside as damaged ("kiosk.db.corrupt-<time>",
// see database.hpp) is put back into the kiosk's fresh database, so it still reaches the office:
// the outbox records that had not been delivered (their payloads stay sealed with the device key,
// which lives outside the database, so they are copied as they are) and the attachments waiting
// with them (rows whose sealed file is still in attachments/). The device's sync identity is kept
// outside the database already (SyncClient's identity file).
//
// The pages are read by page_reader.hpp, so a destroyed header or schema page costs only what was
// on those pages. The outbox's pending index is a second copy of which records were waiting: any
// of them not found is counted as lost, and the report says so in plain words.
//
// Each moved-aside file is salvaged once (a setting names it, written in the same transaction as
// what was saved) and is never changed or deleted.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace dc::store {

struct SalvageReport {
    std::filesystem::path file;
    int64_t recordsSaved = 0, recordsLost = 0;  // outbox records that were waiting
    int64_t attachmentsSaved = 0, attachmentsLost = 0;
    int64_t unreadableCells = 0;  // rows of any table that could not be put together
    std::string sentence() const;  // for the log and the office
};

// Salvages every moved-aside copy of `db`'s file not salvaged before. Returns one report per file.
Expected<std::vector<SalvageReport>> salvageMovedAside(Database& db);
// The moved-aside copies not yet salvaged (leftover attachment files are kept while there are any).
std::vector<std::filesystem::path> unsalvagedCopies(const Database& db);

}  // namespace dc::store
