#include "app/device_probe.hpp"

#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>

namespace dc {

std::string osVersion(const std::filesystem::path& osRelease) {
    std::string name;
    std::ifstream in(osRelease);
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("PRETTY_NAME=")) continue;
        name = line.substr(12);
        if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') && name.back() == name.front())
            name = name.substr(1, name.size() - 2);
        break;
    }
    utsname u{};
    if (::uname(&u) == 0) name += (name.empty() ? "" : ", ") + std::string(u.sysname) + " " + u.release;
    return name;
}

std::string printerState(const std::string& device, const std::filesystem::path& pngDir) {
    if (!pngDir.empty()) return "PNG files";
    if (device.empty()) return "none";
    struct stat st {};
    if (::stat(device.c_str(), &st) != 0 || !S_ISCHR(st.st_mode) || ::access(device.c_str(), W_OK) != 0)
        return "not connected: " + device;
    return "ready";
}

std::string cameraState(const std::string& backend, const std::filesystem::path& devDir) {
    if (backend == "auto" || backend == "v4l2" || backend == "libcamera") {
        int count = 0;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(devDir, ec)) {
            const std::string name = entry.path().filename().string();
            struct stat st {};
            if (name.starts_with("video") && ::stat(entry.path().c_str(), &st) == 0 && S_ISCHR(st.st_mode)) ++count;
        }
        // A UVC camera shows as two nodes (capture and metadata): what counts is that there is one.
        return backend + (count == 0 ? ": no camera" : ": camera found");
    }
    return backend.starts_with("file:") ? "file" : backend;
}

sync::DeviceState DeviceProbe::operator()() const {
    static const std::string os = osVersion();  // the same until the next boot
    return {os, printerState(printerDevice, printerPngDir), cameraState(cameraBackend, devDir)};
}

}  // namespace dc
