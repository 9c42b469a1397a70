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
    std::string siteName;  // required: "Batumi employment office"
    std::string siteLanguage = "ka";  // ka, ru, be, en: the language the kiosk returns to
    // [kiosk]
    int64_t idleTimeoutSeconds = 90;  // 30..600
    int64_t attractAfterSeconds = 60;  // 0 (never)..3600
    bool audioGuidanceOnStart = false;
    // [server]
    std::string serverUrl;  // https://... (http only to 127.0.0.1 / localhost); empty: offline kiosk
    std::string serverCaFile;  // a private CA's PEM; empty: the system's CAs
    int64_t syncIntervalSeconds = 60;  // 5..3600
    // [camera]
    std::string cameraBackend = "auto";  // auto, libcamera, v4l2, synthetic, none, file:/DIR
    std::string cameraDevice;  // an id from the backend's list; empty: the first
    // [printer]
    std::string printerDevice;  // /dev/usb/lp0, /dev/ttyUSB0; empty: no printer
    int64_t printerPaperMm = 80;  // 58 or 80
    // [clerk], [technician]: the PINs of the staff modes, as argon2id hashes only ("dc-provision
    // hash-pin" makes one); empty: that mode cannot be entered until the server sends one.
    std::string clerkPinHash;
    std::string technicianPinHash;
    // [privacy]
    int64_t retentionDays = 7;  // 0..90: how long a delivered record keeps the person's details
};

struct SchemaKey {
    const char* key;  // "kiosk.idle_timeout_s"
    const char* type;  // "string", "integer", "boolean"
    const char* defaultText;  // as written in SCHEMA.md
    const char* range;  // "30..600", "ka | ru | be | en", "required"
};
const std::vector<SchemaKey>& schema();

inline constexpr size_t kMaxConfigBytes = 64 * 1024;

// Parses and checks a configuration. Every problem is reported, one per line of the error's
// message, each naming the file, the line and the key: "site.toml line 7: kiosk.idle_timeout_s
// = 5 is below 30".
Expected<DeviceConfig> parseDeviceConfig(std::string_view toml, std::string_view sourceName);
Expected<DeviceConfig> loadDeviceConfig(const std::string& path);

// The office may change some keys from the server (heartbeat answers carry a JSON object of
// schema keys, "kiosk.idle_timeout_s": 120). Each value is checked by the same rules as the file;
// keys a server may not change (server.url: a wrong one would cut the kiosk off for good) and
// bad values are left out and listed, the rest applied.
struct PushedConfig {
    DeviceConfig config;
    std::vector<std::string> applied;  // keys whose value changed
    std::vector<std::string> problems;  // "kiosk.idle_timeout_s = 5 is below 30", "server.url may not be set by the server"
};
PushedConfig applyPushedConfig(const DeviceConfig& base, std::string_view json);
bool pushable(std::string_view key);

// One key set from text (a command-line option that overlays the file): the value is read as the
// key's type (whole number, true/false, text) and kept to the same rule as in the file. The error
// names the key: "kiosk.idle_timeout_s = 6 is below 30".
// `shortTimings`, for the test suite only (dc-kiosk --short-timings-for-tests, logged at start): kiosk.idle_timeout_s and server.sync_interval_s also take 1 s and up, so
// a test waits seconds, not minutes, for an idle reset or a sync round.
Expected<void> setConfigKey(DeviceConfig& config, std::string_view key, std::string_view value, bool shortTimings = false);

// Empty when `url` is a server address a kiosk may use (https://, or plain http to a literal
// loopback address), otherwise what is wrong, starting "= "URL" ...". Parsed with curl's URL API.
std::string checkServerUrl(const std::string& url);

}  // namespace dc::config
