#pragma once
// The regions of Georgia and Belarus in each language. The catalog names a job's region by a key
// in English ("Imereti", "Brest Region"), which is also what a filter matches on; a person reading
// Georgian or Belarusian sees their own words for it.
#include <string>

#include "app/ui/kit/i18n.hpp"

namespace dc::ui {

// The region's name in `language`; a region not in the table is shown as the catalog gave it.
std::string regionName(Language language, const std::string& key);

}  // namespace dc::ui
