#pragma once
#include <filesystem>

namespace dc::store {

// $XDG_DATA_HOME/digital-citizen-kiosk, else ~/.local/share/digital-citizen-kiosk, else ./kiosk-data.
std::filesystem::path defaultDataDir();

inline constexpr const char* kDatabaseFileName = "kiosk.db";

}  // namespace dc::store
