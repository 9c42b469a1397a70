#pragma once
#include <filesystem>

namespace dc::store {

// $XDG_DATA_HOME/digital-citizen-kiosk, else ~/.local/share/digital-citizen-kiosk, else ./kiosk-data.
std::filesystem::path defaultDataDir();

inline constexpr const char* kDatabaseFileName = "kiosk.db";

// Where the device key is read. Under systemd with the key sealed (images/systemd/seal-device-key,
// dc-kiosk-key.service), systemd opens it for this run only: $CREDENTIALS_DIRECTORY/device.key,
// never made by the kiosk. Otherwise `device.key` in the data folder, made on first start.
struct DeviceKeyLocation {
    std::filesystem::path file;
    bool sealed = false;  // a systemd credential
};
DeviceKeyLocation deviceKeyLocation(const std::filesystem::path& dataDir);

}  // namespace dc::store
