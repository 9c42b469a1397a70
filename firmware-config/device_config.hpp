#pragma once
// The device configuration: one TOML file per kiosk, written by dc-provision from a site config
// and reloaded when the server pushes a change. Every key is in the schema below (documented in
// SCHEMA.md with its default and range); anything else is an error that names the key and line.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace dc::config {

struct DeviceConfig {
    // [site]
    std::string siteName;                 // required: "Batumi employment office"
    std::string siteLanguage = "ka";      // ka, ru, be, en: the language the kiosk returns to
    // [kiosk]
    int64_t idleTimeoutSeconds = 90;      // 30..600
    int64_t attractAfterSeconds = 60;     // 0 (never)..3600
    bool audioGuidanceOnStart = false;
    // [server]
    std::string serverUrl;                // https://... (http only to 127.0.0.1 / localhost); empty: offline kiosk
    std::string serverCaFile;             // a private CA's PEM; empty: the system's CAs
    int64_t syncIntervalSeconds = 60;     // 5..3600
    // [camera]
    std::string cameraBackend = "auto";   // auto, libcamera, v4l2, synthetic, none
    std::string cameraDevice;             // an id from the backend's list; empty: the first
    // [printer]
    std::string printerDevice;            // /dev/usb/lp0, /dev/ttyUSB0; empty: no printer
    int64_t printerPaperMm = 80;          // 58 or 80
};

struct SchemaKey {
    const char* key;          // "kiosk.idle_timeout_s"
    const char* type;         // "string", "integer", "boolean"
    const char* defaultText;  // as written in SCHEMA.md
    const char* range;        // "30..600", "ka | ru | be | en", "required"
};
const std::vector<SchemaKey>& schema();

inline constexpr size_t kMaxConfigBytes = 64 * 1024;

// Parses and checks a configuration. Every problem is reported, one per line of the error's
// message, each naming the file, the line and the key: "site.toml line 7: kiosk.idle_timeout_s
// = 5 is below 30".
Expected<DeviceConfig> parseDeviceConfig(std::string_view toml, std::string_view sourceName);
Expected<DeviceConfig> loadDeviceConfig(const std::string& path);

}  // namespace dc::config
