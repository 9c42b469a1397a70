#pragma once
// The catalog a fresh kiosk shows before its first sync: the generator's realistic catalog
// (seeded, so every kiosk and test sees the same one) plus a few hand-written showcase postings
// that lead the list and that tests and screenshots can name.
#include <cstddef>
#include <cstdint>

#include "domain/records.hpp"

namespace dc::catalog {

inline constexpr uint64_t kSeedCatalogSeed = 2026;
inline constexpr size_t kSeedCatalogJobs = 3000;

// The 16 showcase jobs and 5 courses alone.
domain::CatalogBatch demoCatalog();
// What the kiosk imports into an empty database.
domain::CatalogBatch kioskSeedCatalog();

}  // namespace dc::catalog
