#pragma once
// A small, realistic catalog embedded in the program so a fresh kiosk shows real-looking jobs and
// courses before its first sync. Issue #3's generator will replace it with a seeded, larger one.
#include "app/store/records.hpp"

namespace dc::core {

store::CatalogBatch demoCatalog();

}  // namespace dc::core
