// libFuzzer target: the device configuration (TOML from a file) and the office's pushed
// configuration (JSON from a heartbeat) take any bytes without crashing; a pushed configuration
// never changes a key the server may not set.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "firmware-config/device_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)dc::config::parseDeviceConfig(text, "fuzz.toml");
    dc::config::DeviceConfig base;
    base.serverUrl = "https://dc.example.ge";
    base.printerDevice = "/dev/usb/lp0";
    const auto pushed = dc::config::applyPushedConfig(base, text);
    if (pushed.config.serverUrl != base.serverUrl || pushed.config.printerDevice != base.printerDevice) __builtin_trap();
    (void)dc::config::checkServerUrl(std::string(text.substr(0, 4096)));
    return 0;
}
