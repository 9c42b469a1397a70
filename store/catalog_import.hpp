#pragma once
// Applies a catalog batch (upserts and tombstones) in one transaction. This is the code path the
// demo seed, the catalog generator and sync all use. Idempotent: applying the same batch twice
// leaves the database as after the first time.
#include <string>

#include "store/database.hpp"
#include "domain/catalog_checks.hpp"
#include "domain/records.hpp"

namespace dc::store {
using namespace ::dc::domain;

struct ImportCounts {
    size_t jobsUpserted = 0, jobsDeleted = 0, coursesUpserted = 0, coursesDeleted = 0;
};

// Where a pulled batch leaves the stream; written in the batch's transaction so the catalog and
// the cursor never disagree after a crash.
struct PullPosition {
    std::string stream;  // "catalog"
    std::string cursor;  // the server's cursor after this batch
    bool fullResync = false;  // the batch is a page of a full snapshot: remember what it held
    bool firstOfResync = false;  // ... and the first page: forget what an abandoned resync noted
    bool lastOfResync = false;  // ... and the last page: remove what the snapshot did not hold
};

Expected<ImportCounts> applyCatalogBatch(Database& db, const CatalogBatch& batch, const PullPosition* position = nullptr);

}  // namespace dc::store
