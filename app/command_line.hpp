#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "firmware-config/device_config.hpp"

namespace dc::app {

// How the kiosk runs: the device configuration (the one struct of every setting a site or the
// office may change, firmware-config/SCHEMA.md) and what only a command line says (where the
// data is, a window instead of the screen, a script). The command line's options for settings
// overlay the configuration key by key, by the schema's own rules and ranges.
struct KioskOptions {
    // The configuration in force: the file's (--config FILE, else DATA_DIR/device.toml when
    // dc-provision wrote one), with the command line on top. Without a file: a demo kiosk in English.
    config::DeviceConfig device = [] {
        config::DeviceConfig unconfigured;
        unconfigured.siteLanguage = "en";
        return unconfigured;
    }();
    std::filesystem::path configFile;  // the file it came from (empty: none)
    std::filesystem::path dataDir;  // empty: store::defaultDataDir()
    std::filesystem::path fontDir;  // empty: ui::kDefaultFontDir
    bool fullscreen = true;
    int width = 1280, height = 800;  // with --windowed
    std::optional<std::filesystem::path> script;
    std::optional<std::filesystem::path> dumpUi;
    bool demo = true;  // fill an empty catalog with the embedded demo data (never
        // once a device configuration exists: a real office's kiosk)
    bool waitForProvisioning = false;  // the appliance: no configuration -> the technician's screen
    double stepTimeoutSeconds = 20;  // automation: how long one step may wait
    std::string enrollToken;  // used once, to enroll this kiosk
    std::filesystem::path printerPngDir;  // --printer-png: receipts as PNG files (the fake printer)
    bool shortTimings = false;  // --short-timings-for-tests (the suite's; logged at start)
    bool showHelp = false;
    bool showVersion = false;

    // The attract screen's delay for the frame loop (the configuration's 0, never, as a day).
    int attractSeconds() const { return device.attractAfterSeconds == 0 ? 86400 : static_cast<int>(device.attractAfterSeconds); }
};

// Options on top of `base` (the defaults, or what the device configuration says).
Expected<KioskOptions> parseCommandLine(int argc, const char* const* argv, KioskOptions base = {});
// The kiosk's options from its configuration file (found as described above), then the command
// line. A configuration that exists but is not valid is an error naming file, line and key.
Expected<KioskOptions> loadKioskOptions(int argc, const char* const* argv, const std::filesystem::path& defaultDataDir);
std::string usage();

}  // namespace dc::app
