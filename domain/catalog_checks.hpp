#pragma once
// What every catalog record must be before anything stores it: the server checks a batch before
// it enters the change log, and a kiosk checks it again before it applies it, with these same rules.
#include "domain/records.hpp"
#include "common/error.hpp"

namespace dc::domain {

// Rejects records that would break the catalog (empty id or title, invalid UTF-8, absurd sizes)
// before anything is written. Returns the first problem found, naming the record.
Expected<void> validateCatalogBatch(const CatalogBatch& batch);
// The same checks for one job.
Expected<void> validateJob(const JobRecord& job);

}  // namespace dc::domain
