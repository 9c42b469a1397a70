#pragma once
// What this kiosk is, told to the office with each heartbeat: the OS it runs, and whether its
// printer and camera are there. Read fresh each time (a printer unplugged shows at the next
// heartbeat); cheap (a stat or two), and safe from the sync thread (it keeps no shared state).
#include <filesystem>
#include <string>

#include "sync/client/sync_client.hpp"

namespace dc {

struct DeviceProbe {
    std::string printerDevice;  // printer.device ("" = none)
    std::filesystem::path printerPngDir;  // --printer-png (the fake printer)
    std::string cameraBackend;  // camera.backend
    std::filesystem::path devDir = "/dev";  // where cameras appear (tests point it elsewhere)

    sync::DeviceState operator()() const;
};

// "Debian GNU/Linux 12 (bookworm), Linux 6.1.0-28-amd64", from an os-release file and uname.
std::string osVersion(const std::filesystem::path& osRelease = "/etc/os-release");
// "ready", "none", "PNG files", or "not connected: /dev/usb/lp0" (missing, not a character
// device, or not writable by the kiosk).
std::string printerState(const std::string& device, const std::filesystem::path& pngDir);
// "v4l2: 2 cameras", "auto: no camera", "synthetic", "none", ...
std::string cameraState(const std::string& backend, const std::filesystem::path& devDir);

}  // namespace dc
