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

DeviceKeyLocation deviceKeyLocation(const std::filesystem::path& dataDir) {
    if (const char* credentials = std::getenv("CREDENTIALS_DIRECTORY"); credentials && *credentials == '/') {
        const std::filesystem::path sealed = std::filesystem::path(credentials) / "device.key";
        std::error_code ec;
        if (std::filesystem::exists(sealed, ec)) return {sealed, true};
    }
    return {dataDir / "device.key", false};
}

}  // namespace dc::store
