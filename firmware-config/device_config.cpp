#include "firmware-config/device_config.hpp"

#include <charconv>

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "common/files.hpp"
#include "common/utf8.hpp"

namespace dc::config {
namespace {

struct Rule {
    SchemaKey doc;
    // Applies the value to the config, or says what is wrong with it (empty: fine).
    std::function<std::string(const toml::node&, DeviceConfig&)> apply;
};

std::function<std::string(const toml::node&, DeviceConfig&)> integer(int64_t DeviceConfig::*field, int64_t lo, int64_t hi) {
    return [=](const toml::node& n, DeviceConfig& c) -> std::string {
        const auto v = n.value_exact<int64_t>();
        if (!v) return "must be a whole number";
        if (*v < lo) return "= " + std::to_string(*v) + " is below " + std::to_string(lo);
        if (*v > hi) return "= " + std::to_string(*v) + " is above " + std::to_string(hi);
        c.*field = *v;
        return {};
    };
}

std::function<std::string(const toml::node&, DeviceConfig&)> oneOf(std::string DeviceConfig::*field,
                                                                   std::vector<std::string> allowed) {
    return [=](const toml::node& n, DeviceConfig& c) -> std::string {
        const auto v = n.value_exact<std::string>();
        if (!v) return "must be text in quotes";
        if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            return "= \"" + v->substr(0, 40) + "\" is not one of: " + list;
        }
        c.*field = *v;
        return {};
    };
}

std::function<std::string(const toml::node&, DeviceConfig&)> text(std::string DeviceConfig::*field, size_t maxBytes,
                                                                  std::function<std::string(const std::string&)> check = {}) {
    return [=](const toml::node& n, DeviceConfig& c) -> std::string {
        const auto v = n.value_exact<std::string>();
        if (!v) return "must be text in quotes";
        if (v->size() > maxBytes) return "is longer than " + std::to_string(maxBytes) + " bytes";
        if (!utf8::isValid(*v)) return "is not valid UTF-8";
        if (check)
            if (auto why = check(*v); !why.empty()) return why;
        c.*field = *v;
        return {};
    };
}

std::string serverUrlProblem(const std::string& url) { return url.empty() ? std::string() : checkServerUrl(url); }

std::string pinHashProblem(const std::string& hash) {
    if (hash.empty()) return {};
    // Only the shape is checked here; libsodium checks the rest when a PIN is tried.
    if (hash.rfind("$argon2id$v=19$", 0) != 0)
        return "must be an argon2id hash (\"dc-provision hash-pin\" makes one), never a PIN";
    return {};
}

std::string absolutePathProblem(const std::string& path) {
    if (!path.empty() && path.front() != '/') return "= \"" + path.substr(0, 60) + "\" must be an absolute path";
    return {};
}

// A printer is a device file under /dev (a USB printer, a serial port): never a path into the
// kiosk's own folders, whatever a file or a push says.
std::string devicePathProblem(const std::string& path) {
    if (path.empty()) return {};
    if (!path.starts_with("/dev/") || path.size() == 5 || path.find("/../") != std::string::npos || path.ends_with("/..") ||
        path.find("/./") != std::string::npos || path.find("//") != std::string::npos)
        return "= \"" + path.substr(0, 60) + "\" must be a device under /dev/ (such as /dev/usb/lp0)";
    return {};
}

}  // namespace

std::string checkServerUrl(const std::string& url) {
    // Parsed by curl itself (what will connect), never matched by prefix: "http://localhost.evil.example"
    // and "http://127.0.0.1@127.0.0.2" are not this machine.
    const std::string shown = "= \"" + url.substr(0, 60) + "\" ";
    if (url.size() > 2000 || url.find_first_of(" \t\r\n") != std::string::npos) return shown + "is not an address";
    CURLU* u = curl_url();
    if (!u) return shown + "cannot be checked";
    auto part = [u](CURLUPart which) {
        char* text = nullptr;
        std::string out;
        if (curl_url_get(u, which, &text, 0) == CURLUE_OK && text) out = text;
        curl_free(text);
        return out;
    };
    std::string problem;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        problem = shown + "is not an address (https://host[:port][/path])";
    } else {
        const std::string scheme = part(CURLUPART_SCHEME), host = part(CURLUPART_HOST);
        if (!part(CURLUPART_USER).empty() || !part(CURLUPART_PASSWORD).empty())
            problem = shown + "must not carry a user name or password";
        else if (!part(CURLUPART_FRAGMENT).empty() || !part(CURLUPART_QUERY).empty())
            problem = shown + "must not carry a query or a fragment";
        else if (host.empty())
            problem = shown + "names no server";
        else if (scheme == "https")
            problem.clear();
        else if (scheme != "http")
            problem = shown + "must start with https://";
        else {
            // Plain http only to a literal loopback address: 127.0.0.0/8 or [::1].
            in_addr v4{};
            const bool loopback =
                host == "[::1]" || (::inet_pton(AF_INET, host.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127);
            if (!loopback) problem = shown + "must start with https:// (plain http only to 127.0.0.1 or [::1], this machine)";
        }
    }
    curl_url_cleanup(u);
    return problem;
}

namespace {

const std::vector<Rule>& rules() {
    static const std::vector<Rule> kRules = {
        {{"site.name", "string", "(none)", "required, 1-120 bytes"},
         text(&DeviceConfig::siteName, 120,
              [](const std::string& v) { return v.empty() ? std::string("must not be empty") : std::string(); })},
        {{"site.language", "string", "\"ka\"", "ka | ru | be | en"},
         oneOf(&DeviceConfig::siteLanguage, {"ka", "ru", "be", "en"})},
        {{"kiosk.idle_timeout_s", "integer", "90", "30..600"}, integer(&DeviceConfig::idleTimeoutSeconds, 30, 600)},
        {{"kiosk.attract_after_s", "integer", "60", "0..3600 (0: never)"}, integer(&DeviceConfig::attractAfterSeconds, 0, 3600)},
        {{"kiosk.audio_guidance_on_start", "boolean", "false", "true | false"},
         [](const toml::node& n, DeviceConfig& c) -> std::string {
             const auto v = n.value_exact<bool>();
             if (!v) return "must be true or false";
             c.audioGuidanceOnStart = *v;
             return {};
         }},
        {{"server.url", "string", "\"\" (offline)", "https://... ; http:// only to a loopback address (127.0.0.1, [::1])"},
         text(&DeviceConfig::serverUrl, 512, serverUrlProblem)},
        {{"server.ca_file", "string", "\"\" (system CAs)", "absolute path to a PEM file"},
         text(&DeviceConfig::serverCaFile, 512, absolutePathProblem)},
        {{"server.sync_interval_s", "integer", "60", "5..3600"}, integer(&DeviceConfig::syncIntervalSeconds, 5, 3600)},
        {{"camera.backend", "string", "\"auto\"", "auto | libcamera | v4l2 | synthetic | none | file:/DIR"},
         [](const toml::node& n, DeviceConfig& c) -> std::string {
             // file:/DIR replays the pictures of a folder (a technician's recorded frames, tests).
             const auto v = n.value_exact<std::string>();
             if (v && v->rfind("file:/", 0) == 0 && v->size() < 512 && utf8::isValid(*v)) {
                 c.cameraBackend = *v;
                 return {};
             }
             return oneOf(&DeviceConfig::cameraBackend, {"auto", "libcamera", "v4l2", "synthetic", "none"})(n, c);
         }},
        {{"camera.device", "string", "\"\" (the first camera)", "an id the backend lists"},
         text(&DeviceConfig::cameraDevice, 256)},
        {{"printer.device", "string", "\"\" (no printer)", "a device under /dev/ (/dev/usb/lp0)"},
         text(&DeviceConfig::printerDevice, 256, devicePathProblem)},
        {{"printer.paper_mm", "integer", "80", "58 | 80"},
         [](const toml::node& n, DeviceConfig& c) -> std::string {
             const auto v = n.value_exact<int64_t>();
             if (!v || (*v != 58 && *v != 80)) return "must be 58 or 80";
             c.printerPaperMm = *v;
             return {};
         }},
        {{"clerk.pin_hash", "string", "\"\" (clerk mode closed)", "an argon2id hash from dc-provision hash-pin"},
         text(&DeviceConfig::clerkPinHash, 256, pinHashProblem)},
        {{"technician.pin_hash", "string", "\"\" (technician mode closed)", "an argon2id hash from dc-provision hash-pin"},
         text(&DeviceConfig::technicianPinHash, 256, pinHashProblem)},
        {{"privacy.retention_days", "integer", "7", "0..90"}, integer(&DeviceConfig::retentionDays, 0, 90)},
    };
    return kRules;
}

}  // namespace

const std::vector<SchemaKey>& schema() {
    static const std::vector<SchemaKey> keys = [] {
        std::vector<SchemaKey> out;
        for (const Rule& r : rules()) out.push_back(r.doc);
        return out;
    }();
    return keys;
}

Expected<DeviceConfig> parseDeviceConfig(std::string_view text, std::string_view sourceName) {
    const std::string where(sourceName.substr(0, 200));
    if (text.size() > kMaxConfigBytes)
        return fail(
            ErrorCode::InvalidInput,
            where + ": " + std::to_string(text.size()) + " bytes; a configuration is at most " + std::to_string(kMaxConfigBytes));
    toml::table doc;
    try {
        doc = toml::parse(text, sourceName);
    } catch (const toml::parse_error& e) {
        return fail(
            ErrorCode::InvalidInput,
            where + " line " + std::to_string(e.source().begin.line) + ": not valid TOML (" + std::string(e.description()) + ")");
    }
    DeviceConfig config;
    std::vector<std::string> problems;
    std::vector<std::string> seen;
    auto say = [&](const toml::source_region& at, const std::string& what) {
        problems.push_back(where + " line " + std::to_string(at.begin.line) + ": " + what);
    };
    for (auto&& [section, node] : doc) {
        const std::string sectionName(section.str());
        const toml::table* table = node.as_table();
        if (!table) {
            say(node.source(),
                "\"" + sectionName.substr(0, 40) +
                    "\" is not a section; keys go under [site], [kiosk], [server], [camera], [printer], [clerk] or [technician]");
            continue;
        }
        for (auto&& [name, value] : *table) {
            const std::string key = sectionName + "." + std::string(name.str());
            const auto rule = std::find_if(rules().begin(), rules().end(), [&](const Rule& r) { return key == r.doc.key; });
            if (rule == rules().end()) {
                say(value.source(), key.substr(0, 80) + " is not a configuration key (see firmware-config/SCHEMA.md)");
                continue;
            }
            seen.push_back(key);
            if (auto why = rule->apply(value, config); !why.empty()) say(value.source(), key + " " + why);
        }
    }
    if (std::find(seen.begin(), seen.end(), "site.name") == seen.end()) problems.push_back(where + ": site.name is required");
    if (!problems.empty()) {
        std::string message;
        for (const auto& p : problems) message += (message.empty() ? "" : "\n") + p;
        return fail(ErrorCode::InvalidInput, message);
    }
    return config;
}

Expected<DeviceConfig> loadDeviceConfig(const std::string& path) {
    // A plain file only (a USB stick may hold a link to /etc/shadow or a FIFO), and a small one.
    DC_TRY(text, files::readRegularFile(path, kMaxConfigBytes));
    return parseDeviceConfig(*text, path);
}

bool pushable(std::string_view key) {
    // Where the kiosk delivers and whom it trusts stay as provisioned: a mistaken push could cut
    // it off from the office for good, with no one on site to put it right.
    // Nor may it name the kiosk's devices: a device path is the technician's, set on site.
    // How long personal details stay on the kiosk is the site's rule, set when it is provisioned.
    return key != "server.url" && key != "server.ca_file" && key != "site.name" && key != "printer.device" &&
        key != "camera.device" && key != "camera.backend" && key != "privacy.retention_days";
}

PushedConfig applyPushedConfig(const DeviceConfig& base, std::string_view jsonText) {
    PushedConfig out{base, {}, {}};
    if (jsonText.empty()) return out;
    if (jsonText.size() > kMaxConfigBytes) {
        out.problems.push_back("the pushed configuration is larger than " + std::to_string(kMaxConfigBytes) + " bytes");
        return out;
    }
    const nlohmann::json doc = nlohmann::json::parse(jsonText, nullptr, false);
    if (!doc.is_object()) {
        out.problems.push_back("the pushed configuration is not a JSON object");
        return out;
    }
    for (const auto& [key, value] : doc.items()) {
        const std::string shown = key.substr(0, 80);
        const auto rule = std::find_if(rules().begin(), rules().end(), [&](const Rule& r) { return key == r.doc.key; });
        if (rule == rules().end()) {
            out.problems.push_back(shown + " is not a configuration key");
            continue;
        }
        if (!pushable(key)) {
            out.problems.push_back(shown + " may not be set by the server");
            continue;
        }
        // The same rule as the file's, on the same kind of node.
        std::unique_ptr<toml::node> node;
        if (value.is_boolean())
            node = std::make_unique<toml::value<bool>>(value.get<bool>());
        else if (value.is_number_integer())
            node = std::make_unique<toml::value<int64_t>>(value.get<int64_t>());
        else if (value.is_string())
            node = std::make_unique<toml::value<std::string>>(value.get<std::string>());
        else if (value.is_number_float())
            node = std::make_unique<toml::value<double>>(value.get<double>());
        else {
            out.problems.push_back(shown + " has a value of the wrong type");
            continue;
        }
        DeviceConfig changed = out.config;
        if (auto why = rule->apply(*node, changed); !why.empty()) {
            out.problems.push_back(shown + " " + why);
            continue;
        }
        out.config = std::move(changed);
        out.applied.push_back(key);
    }
    return out;
}

Expected<void> setConfigKey(DeviceConfig& config, std::string_view key, std::string_view value, bool shortTimings) {
    const auto rule = std::find_if(rules().begin(), rules().end(), [&](const Rule& r) { return key == r.doc.key; });
    if (rule == rules().end()) return fail(ErrorCode::InvalidInput, std::string(key) + " is not a configuration key");
    const std::string type = rule->doc.type;
    std::unique_ptr<toml::node> node;
    if (type == "integer") {
        int64_t n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc() || end != value.data() + value.size())
            return fail(ErrorCode::InvalidInput, std::string(key) + " must be a whole number");
        if (shortTimings && n >= 1 && n < 30 && (key == "kiosk.idle_timeout_s" || key == "server.sync_interval_s")) {
            (key == "kiosk.idle_timeout_s" ? config.idleTimeoutSeconds : config.syncIntervalSeconds) = n;
            return {};
        }
        node = std::make_unique<toml::value<int64_t>>(n);
    } else if (type == "boolean") {
        if (value != "true" && value != "false")
            return fail(ErrorCode::InvalidInput, std::string(key) + " must be true or false");
        node = std::make_unique<toml::value<bool>>(value == "true");
    } else {
        node = std::make_unique<toml::value<std::string>>(std::string(value));
    }
    // The same rule as the file's, on the same kind of node; nothing changes when it fails.
    DeviceConfig changed = config;
    if (auto why = rule->apply(*node, changed); !why.empty()) return fail(ErrorCode::InvalidInput, std::string(key) + " " + why);
    config = std::move(changed);
    return {};
}

}  // namespace dc::config
