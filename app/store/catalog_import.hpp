#pragma once
// Applies a catalog batch (upserts and tombstones) in one transaction. This is the code path the
// demo seed, the catalog generator and sync all use. Idempotent: applying the same batch twice
// leaves the database as after the first time.
#include "app/store/database.hpp"
#include "app/store/records.hpp"

namespace dc::store {

struct ImportCounts {
    size_t jobsUpserted = 0, jobsDeleted = 0, coursesUpserted = 0, coursesDeleted = 0;
};

Expected<ImportCounts> applyCatalogBatch(Database& db, const CatalogBatch& batch);

// Rejects records that would break the catalog (empty id or title, invalid UTF-8, absurd sizes)
// before anything is written. Returns the first problem found, naming the record.
Expected<void> validateCatalogBatch(const CatalogBatch& batch);

}  // namespace dc::store
