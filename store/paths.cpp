#include "store/paths.hpp"

#include <cstdlib>

namespace dc::store {

std::filesystem::path defaultDataDir() {
    constexpr const char* kAppDir = "digital-citizen-kiosk";
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') return std::filesystem::path(xdg) / kAppDir;
    if (const char* home = std::getenv("HOME"); home && *home == '/')
        return std::filesystem::path(home) / ".local" / "share" / kAppDir;
    return std::filesystem::path("kiosk-data");
}

}  // namespace dc::store
