#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "firmware-config/device_config.hpp"

namespace dc::app {

struct KioskOptions {
    std::filesystem::path dataDir;     // empty: core::defaultDataDir()
    std::string language = "en";       // the site's default UI language
    std::filesystem::path fontDir;     // empty: ui::kDefaultFontDir
    bool fullscreen = true;
    int width = 1280, height = 800;    // with --windowed
    std::optional<std::filesystem::path> script;
    std::optional<std::filesystem::path> dumpUi;
    bool demo = true;                  // fill an empty catalog with the embedded demo data (never
                                       // once a device configuration exists: a real office's kiosk)
    bool waitForProvisioning = false;  // the appliance: no configuration -> the technician's screen
    double stepTimeoutSeconds = 20;    // automation: how long one step may wait
    int idleTimeoutSeconds = 90;       // no touch this long: warn, then wipe the session
    int attractAfterSeconds = 60;      // at rest this long: the attract screen
    // Sync with the office's server (off when serverUrl is empty).
    std::string serverUrl;
    std::string enrollToken;           // used once, to enroll this kiosk
    std::filesystem::path serverCa;    // a private CA file for the server's certificate
    int syncIntervalSeconds = 60;      // how often to look for catalog changes when all is sent
    // The device configuration (firmware-config/SCHEMA.md): --config FILE, else DATA_DIR/device.toml
    // when dc-provision wrote one. Options on the command line win over it.
    std::filesystem::path configFile;
    config::DeviceConfig device;            // staff PINs, printer, camera: only from the config
    std::filesystem::path printerPngDir;    // --printer-png: receipts as PNG files (the fake printer)
    bool showHelp = false;
    bool showVersion = false;
};

// Options on top of `base` (the defaults, or what the device configuration says).
Expected<KioskOptions> parseCommandLine(int argc, const char* const* argv, KioskOptions base = {});
// The kiosk's options from its configuration file (found as described above), then the command
// line. A configuration that exists but is not valid is an error naming file, line and key.
Expected<KioskOptions> loadKioskOptions(int argc, const char* const* argv, const std::filesystem::path& defaultDataDir);
// What the configuration says, as options (before the command line).
KioskOptions optionsFromDevice(const config::DeviceConfig& device);
// The configuration in force: the file's, with what the command line changed (the base the
// office's pushed changes go on top of, and what technician mode shows).
config::DeviceConfig effectiveDevice(const KioskOptions& options);
std::string usage();

}  // namespace dc::app
