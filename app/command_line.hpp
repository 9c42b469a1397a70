#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "common/error.hpp"

namespace dc::app {

struct KioskOptions {
    std::filesystem::path dataDir;     // empty: core::defaultDataDir()
    std::string language = "en";       // the site's default UI language
    std::filesystem::path fontDir;     // empty: ui::kDefaultFontDir
    bool fullscreen = true;
    int width = 1280, height = 800;    // with --windowed
    std::optional<std::filesystem::path> script;
    std::optional<std::filesystem::path> dumpUi;
    bool demo = true;                  // fill an empty catalog with the embedded demo data
    double stepTimeoutSeconds = 20;    // automation: how long one step may wait
    int idleTimeoutSeconds = 90;       // no touch this long: warn, then wipe the session
    int attractAfterSeconds = 60;      // at rest this long: the attract screen
    // Sync with the office's server (off when serverUrl is empty).
    std::string serverUrl;
    std::string enrollToken;           // used once, to enroll this kiosk
    std::filesystem::path serverCa;    // a private CA file for the server's certificate
    int syncIntervalSeconds = 60;      // how often to look for catalog changes when all is sent
    bool showHelp = false;
    bool showVersion = false;
};

Expected<KioskOptions> parseCommandLine(int argc, const char* const* argv);
std::string usage();

}  // namespace dc::app
