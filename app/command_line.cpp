#include "app/command_line.hpp"

#include <charconv>

#include "app/ui/i18n.hpp"

namespace dc::app {
namespace {

bool parseSize(const std::string& text, int& w, int& h) {
    const size_t x = text.find('x');
    if (x == std::string::npos) return false;
    auto number = [](std::string_view s, int& out) {
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && p == s.data() + s.size() && out >= 320 && out <= 16384;
    };
    return number(std::string_view(text).substr(0, x), w) && number(std::string_view(text).substr(x + 1), h);
}

}  // namespace

std::string usage() {
    return "Usage: dc-kiosk [options]\n"
           "  --data-dir DIR       where the database lives (default: $XDG_DATA_HOME/digital-citizen-kiosk)\n"
           "  --language CODE      start language: en, ka, ru or be (default: en)\n"
           "  --font-dir DIR       folder with the Noto Sans fonts (default: /usr/share/fonts/truetype/noto)\n"
           "  --windowed WxH       a window of that size instead of full screen\n"
           "  --no-demo            do not fill an empty catalog with demo data (the default once\n"
           "                       a device configuration exists)\n"
           "  --demo               fill it even with a configuration (a training kiosk)\n"
           "  --script FILE        run an automation script, then exit (0 when every step passed)\n"
           "  --step-timeout SEC   how long one script step may wait (default: 20)\n"
           "  --idle-timeout SEC   clear the screen after this long without a touch (default: 90)\n"
           "  --attract-after SEC  show the attract screen after this long at rest (default: 60)\n"
           "  --dump-ui FILE       keep FILE updated with the visible widgets as JSON\n"
           "  --server URL         deliver to and fetch from this dc-server (https://... or http://127.0.0.1:...)\n"
           "  --enroll-token TOKEN a one-time token from 'dc-server token', used on the first connection\n"
           "  --server-ca FILE     trust the server's certificate through this CA file (PEM)\n"
           "  --sync-interval SEC  how often to fetch catalog changes when nothing waits (default: 60)\n"
           "  --config FILE        the device configuration (default: DATA_DIR/device.toml when it exists)\n"
           "  --printer-png DIR    print receipts as PNG files into DIR (no printer needed)\n"
           "  --wait-for-provisioning  without a device configuration, show the technician's\n"
           "                       'not set up yet' screen until DATA_DIR/device.toml appears, then exit\n"
           "  --help, --version\n";
}

Expected<KioskOptions> parseCommandLine(int argc, const char* const* argv, KioskOptions base) {
    KioskOptions o = std::move(base);
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> Expected<std::string> {
            if (i + 1 >= argc || std::string(argv[i + 1]).empty())
                return fail(ErrorCode::InvalidInput, arg + " needs a value");
            return std::string(argv[++i]);
        };
        Expected<std::string> v;
        if (arg == "--help" || arg == "-h") {
            o.showHelp = true;
        } else if (arg == "--version") {
            o.showVersion = true;
        } else if (arg == "--no-demo") {
            o.demo = false;
        } else if (arg == "--demo") {
            o.demo = true;
        } else if (arg == "--wait-for-provisioning") {
            o.waitForProvisioning = true;
        } else if (arg == "--data-dir") {
            if (!(v = value())) return std::unexpected(v.error());
            o.dataDir = *v;
        } else if (arg == "--language") {
            if (!(v = value())) return std::unexpected(v.error());
            if (!ui::languageFromCode(*v))
                return fail(ErrorCode::InvalidInput, "unknown language '" + v->substr(0, 20) + "' (use en, ka, ru or be)");
            o.language = *v;
        } else if (arg == "--font-dir") {
            if (!(v = value())) return std::unexpected(v.error());
            o.fontDir = *v;
        } else if (arg == "--windowed") {
            if (!(v = value())) return std::unexpected(v.error());
            if (!parseSize(*v, o.width, o.height))
                return fail(ErrorCode::InvalidInput, "--windowed takes WIDTHxHEIGHT, e.g. 1280x800");
            o.fullscreen = false;
        } else if (arg == "--script") {
            if (!(v = value())) return std::unexpected(v.error());
            o.script = std::filesystem::path(*v);
        } else if (arg == "--dump-ui") {
            if (!(v = value())) return std::unexpected(v.error());
            o.dumpUi = std::filesystem::path(*v);
        } else if (arg == "--step-timeout") {
            if (!(v = value())) return std::unexpected(v.error());
            double seconds = 0;
            const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), seconds);
            if (ec != std::errc() || p != v->data() + v->size() || seconds <= 0 || seconds > 3600)
                return fail(ErrorCode::InvalidInput, "--step-timeout takes seconds from 0 to 3600");
            o.stepTimeoutSeconds = seconds;
        } else if (arg == "--idle-timeout") {
            if (!(v = value())) return std::unexpected(v.error());
            int seconds = 0;
            const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), seconds);
            if (ec != std::errc() || p != v->data() + v->size() || seconds < 5 || seconds > 3600)
                return fail(ErrorCode::InvalidInput, "--idle-timeout takes whole seconds from 5 to 3600");
            o.idleTimeoutSeconds = seconds;
        } else if (arg == "--attract-after") {
            if (!(v = value())) return std::unexpected(v.error());
            int seconds = 0;
            const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), seconds);
            if (ec != std::errc() || p != v->data() + v->size() || seconds < 5 || seconds > 3600)
                return fail(ErrorCode::InvalidInput, "--attract-after takes whole seconds from 5 to 3600");
            o.attractAfterSeconds = seconds;
        } else if (arg == "--server") {
            if (!(v = value())) return std::unexpected(v.error());
            if (const std::string problem = config::checkServerUrl(*v); !problem.empty())
                return fail(ErrorCode::InvalidInput, "--server " + problem);
            o.serverUrl = *v;
        } else if (arg == "--enroll-token") {
            if (!(v = value())) return std::unexpected(v.error());
            if (v->size() > 128) return fail(ErrorCode::InvalidInput, "--enroll-token is too long");
            o.enrollToken = *v;
        } else if (arg == "--server-ca") {
            if (!(v = value())) return std::unexpected(v.error());
            o.serverCa = *v;
        } else if (arg == "--sync-interval") {
            if (!(v = value())) return std::unexpected(v.error());
            int seconds = 0;
            const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), seconds);
            if (ec != std::errc() || p != v->data() + v->size() || seconds < 1 || seconds > 86400)
                return fail(ErrorCode::InvalidInput, "--sync-interval takes whole seconds from 1 to 86400");
            o.syncIntervalSeconds = seconds;
        } else if (arg == "--config") {
            if (!(v = value())) return std::unexpected(v.error());
            o.configFile = *v;
        } else if (arg == "--printer-png") {
            if (!(v = value())) return std::unexpected(v.error());
            o.printerPngDir = *v;
        } else {
            return fail(ErrorCode::InvalidInput, "unknown option '" + arg.substr(0, 40) + "'");
        }
    }
    return o;
}

KioskOptions optionsFromDevice(const config::DeviceConfig& device) {
    KioskOptions o;
    o.device = device;
    o.language = device.siteLanguage;
    o.idleTimeoutSeconds = static_cast<int>(device.idleTimeoutSeconds);
    // 0 in the config means "never"; the kiosk's loop takes a day as never.
    o.attractAfterSeconds = device.attractAfterSeconds == 0 ? 86400 : static_cast<int>(device.attractAfterSeconds);
    o.serverUrl = device.serverUrl;
    o.serverCa = device.serverCaFile;
    o.syncIntervalSeconds = static_cast<int>(device.syncIntervalSeconds);
    return o;
}

config::DeviceConfig effectiveDevice(const KioskOptions& o) {
    config::DeviceConfig d = o.device;
    d.siteLanguage = o.language;
    d.idleTimeoutSeconds = o.idleTimeoutSeconds;
    d.attractAfterSeconds = o.attractAfterSeconds >= 86400 ? 0 : o.attractAfterSeconds;
    d.serverUrl = o.serverUrl;
    d.serverCaFile = o.serverCa.string();
    d.syncIntervalSeconds = o.syncIntervalSeconds;
    return d;
}

Expected<KioskOptions> loadKioskOptions(int argc, const char* const* argv, const std::filesystem::path& defaultDataDir) {
    // First only to learn where the data and the configuration are.
    auto first = parseCommandLine(argc, argv);
    if (!first || first->showHelp || first->showVersion) return first;
    const std::filesystem::path dataDir = first->dataDir.empty() ? defaultDataDir : first->dataDir;
    std::filesystem::path configFile = first->configFile;
    std::error_code ec;
    if (configFile.empty() && std::filesystem::exists(dataDir / "device.toml", ec)) configFile = dataDir / "device.toml";
    if (configFile.empty()) return first;
    auto device = config::loadDeviceConfig(configFile.string());
    if (!device) return std::unexpected(device.error());
    KioskOptions base = optionsFromDevice(*device);
    base.configFile = configFile;
    // A provisioned kiosk serves a real office: its catalog comes from the office's server, and
    // demo jobs in it (before the first sync) would take real applications to jobs that do not exist.
    base.demo = false;
    return parseCommandLine(argc, argv, std::move(base));
}

}  // namespace dc::app
