#include "app/command_line.hpp"

#include <charconv>

namespace dc::app {
namespace {

// The command line's options for settings, and the configuration key each sets.
const char* configKeyOf(const std::string& option) {
    static const std::pair<const char*, const char*> kKeys[] = {
        {"--language", "site.language"},
        {"--idle-timeout", "kiosk.idle_timeout_s"},
        {"--attract-after", "kiosk.attract_after_s"},
        {"--server", "server.url"},
        {"--server-ca", "server.ca_file"},
        {"--sync-interval", "server.sync_interval_s"},
    };
    for (const auto& [name, key] : kKeys)
        if (option == name) return key;
    return nullptr;
}

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
           "  --language CODE      the site's language: en, ka, ru or be (default: en, or the configuration's)\n"
           "  --font-dir DIR       folder with the Noto Sans fonts (default: /usr/share/fonts/truetype/noto)\n"
           "  --windowed WxH       a window of that size instead of full screen\n"
           "  --no-demo            do not fill an empty catalog with demo data (the default once\n"
           "                       a device configuration exists)\n"
           "  --demo               fill it even with a configuration (a training kiosk)\n"
           "  --script FILE        run an automation script, then exit (0 when every step passed)\n"
           "  --step-timeout SEC   how long one script step may wait (default: 20)\n"
           "  --idle-timeout SEC   clear the screen after this long without a touch (30-600, default: 90)\n"
           "  --attract-after SEC  show the attract screen after this long at rest (0-3600, 0: never; default: 60)\n"
           "  --dump-ui FILE       keep FILE updated with the visible widgets as JSON\n"
           "  --server URL         deliver to and fetch from this dc-server (https://... or http://127.0.0.1:...)\n"
           "  --enroll-token TOKEN a one-time token from 'dc-server token', used on the first connection\n"
           "  --server-ca FILE     trust the server's certificate through this CA file (PEM, an absolute path)\n"
           "  --sync-interval SEC  how often to fetch catalog changes when nothing waits (5-3600, default: 60)\n"
           "  --config FILE        the device configuration (default: DATA_DIR/device.toml when it exists);\n"
           "                       --language, --idle-timeout, --attract-after, --server, --server-ca and\n"
           "                       --sync-interval set its keys on top, by the same rules (SCHEMA.md)\n"
           "  --printer-png DIR    print receipts as PNG files into DIR (no printer needed)\n"
           "  --wait-for-provisioning  without a device configuration, show the technician's\n"
           "                       'not set up yet' screen until DATA_DIR/device.toml appears, then exit\n"
           "  --short-timings-for-tests  let --idle-timeout and --sync-interval go down to 1 s (the\n"
           "                       test suite's: a person gets no time to read; the log says so at start)\n"
           "  --help, --version\n";
}

Expected<KioskOptions> parseCommandLine(int argc, const char* const* argv, KioskOptions base) {
    KioskOptions o = std::move(base);
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]) == "--short-timings-for-tests") o.shortTimings = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> Expected<std::string> {
            if (i + 1 >= argc || std::string(argv[i + 1]).empty()) return fail(ErrorCode::InvalidInput, arg + " needs a value");
            return std::string(argv[++i]);
        };
        Expected<std::string> v;
        if (arg == "--help" || arg == "-h") {
            o.showHelp = true;
        } else if (arg == "--version") {
            o.showVersion = true;
        } else if (arg == "--short-timings-for-tests") {
            // Read above, before the options it affects.
        } else if (arg == "--no-demo") {
            o.demo = false;
        } else if (arg == "--demo") {
            o.demo = true;
        } else if (arg == "--wait-for-provisioning") {
            o.waitForProvisioning = true;
        } else if (arg == "--data-dir") {
            if (!(v = value())) return std::unexpected(v.error());
            o.dataDir = *v;
        } else if (const char* key = configKeyOf(arg)) {
            // A setting: the configuration's key, by the schema's rule and range.
            if (!(v = value())) return std::unexpected(v.error());
            if (auto set = config::setConfigKey(o.device, key, *v, o.shortTimings); !set)
                return fail(ErrorCode::InvalidInput, arg + ": " + set.error().message());
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
        } else if (arg == "--enroll-token") {
            if (!(v = value())) return std::unexpected(v.error());
            if (v->size() > 128) return fail(ErrorCode::InvalidInput, "--enroll-token is too long");
            o.enrollToken = *v;
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
    KioskOptions base;
    base.device = *device;
    base.configFile = configFile;
    // A provisioned kiosk serves a real office: its catalog comes from the office's server, and
    // demo jobs in it (before the first sync) would take real applications to jobs that do not exist.
    base.demo = false;
    return parseCommandLine(argc, argv, std::move(base));
}

}  // namespace dc::app
