// dc-provision: from a blank box to an enrolled kiosk in one command.
//   dc-provision --site SITE.toml --data-dir DIR [--token TOKEN | --token-file FILE | --token-qr IMAGE] [--name NAME]
//   dc-provision --from-media MOUNT --data-dir DIR    (a USB stick: MOUNT/digital-citizen/site.toml
//                                                     and token, or token.png holding a QR code)
//   echo PIN | dc-provision hash-pin                  (the argon2id hash for clerk/technician.pin_hash)
// Checks the site config (every problem named by line and key), creates the data folder (0750),
// the database and the device key (0600), enrolls the device with the server named in the
// config using the one-time token (kept sealed: the secret the server answers with), and
// writes DIR/device.toml (0640). Safe to run again: an enrolled device is not enrolled twice and
// needs no token; the config is replaced atomically. Exit 0 done, 1 a failure (network, server,
// disk), 2 a usage or configuration error.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/paths.hpp"
#include "store/pin_gate.hpp"
#include "common/files.hpp"
#include "drivers/idread/barcodes.hpp"
#include "drivers/image/gray_image.hpp"
#include "store/database.hpp"
#include "store/field_cipher.hpp"
#include "firmware-config/device_config.hpp"
#include "sync/client/http_transport.hpp"
#include "sync/client/sync_client.hpp"

namespace fs = std::filesystem;

namespace {

int usage(const char* why) {
    std::fprintf(stderr,
                 "dc-provision: %s\nusage: dc-provision --site SITE.toml --data-dir DIR [--token TOKEN | --token-file FILE | "
                 "--token-qr IMAGE] [--name NAME]\n       dc-provision --from-media MOUNT --data-dir DIR [--name NAME]\n"
                 "       echo PIN | dc-provision hash-pin\n",
                 why);
    return 2;
}

// A PIN on standard input (one line, so it never shows in the process list or shell history)
// -> its argon2id hash on standard output.
int hashPinCommand() {
    char line[64] = {};
    if (!std::fgets(line, sizeof line, stdin)) return usage("hash-pin reads the PIN from standard input");
    std::string pin(line);
    while (!pin.empty() && (pin.back() == '\n' || pin.back() == '\r')) pin.pop_back();
    auto hash = dc::store::hashPin(pin);
    if (!hash) return usage(hash.error().message().c_str());
    std::printf("%s\n", hash->c_str());
    return 0;
}

// The enrollment token as a QR code, photographed or printed by the office's server.
std::optional<std::string> tokenFromQr(const fs::path& image, std::string& why) {
    auto picture = dc::image::loadImage(image);
    if (!picture) {
        why = picture.error().message();
        return std::nullopt;
    }
    for (const auto& code : dc::idread::readBarcodes(*picture))
        if (code.format == "QRCode" && !code.text.empty() && code.text.size() <= 128) return code.text;
    why = image.string() + " holds no QR code with a token";
    return std::nullopt;
}

std::optional<std::string> readSmallFile(const fs::path& file) {
    auto read = dc::files::readRegularFile(file.string(), 4096);  // no links, FIFOs or devices from a stick
    if (!read) return std::nullopt;
    std::string text = std::move(*read);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace

// The subcommands' dispatcher: one branch per command of the usage text above.
int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "hash-pin") return hashPinCommand();
    fs::path site, dataDir, tokenFile, tokenQr, media;
    std::string token, name = "dc-kiosk";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage(("'" + a + "' needs a value").c_str());
        const std::string v = argv[++i];
        if (a == "--site")
            site = v;
        else if (a == "--data-dir")
            dataDir = v;
        else if (a == "--token")
            token = v;
        else if (a == "--token-file")
            tokenFile = v;
        else if (a == "--token-qr")
            tokenQr = v;
        else if (a == "--from-media")
            media = v;
        else if (a == "--name")
            name = v;
        else
            return usage(("unknown option '" + a.substr(0, 40) + "'").c_str());
    }
    if (!media.empty()) {
        // First boot from a USB stick: everything in one folder on it.
        const fs::path folder = media / "digital-citizen";
        if (!site.empty() || !token.empty() || !tokenFile.empty() || !tokenQr.empty())
            return usage("--from-media takes the site config and the token from the stick; give neither");
        if (!fs::is_regular_file(fs::symlink_status(folder / "site.toml")))
            return usage(("no provisioning file: " + (folder / "site.toml").string() + " is missing").c_str());
        site = folder / "site.toml";
        if (fs::exists(fs::symlink_status(folder / "token")))
            tokenFile = folder / "token";
        else if (fs::exists(fs::symlink_status(folder / "token.png")))
            tokenQr = folder / "token.png";
    }
    if (site.empty() || dataDir.empty()) return usage("--site and --data-dir are required");
    if (!tokenFile.empty()) {
        auto read = readSmallFile(tokenFile);
        if (!read) return usage(("the token file " + tokenFile.string() + " cannot be read").c_str());
        token = *read;
    } else if (!tokenQr.empty()) {
        std::string why;
        auto read = tokenFromQr(tokenQr, why);
        if (!read) return usage(why.c_str());
        token = *read;
    }

    auto config = dc::config::loadDeviceConfig(site.string());
    if (!config) {
        std::fprintf(stderr, "dc-provision: the site config is not valid:\n%s\n", config.error().message().c_str());
        return 2;
    }
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec) {
        std::fprintf(stderr, "dc-provision: %s cannot be created: %s\n", dataDir.c_str(), ec.message().c_str());
        return 1;
    }
    fs::permissions(dataDir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec, ec);
    auto db = dc::store::Database::open(dataDir / dc::store::kDatabaseFileName);
    auto key = dc::store::FieldCipher::openDeviceKey(dataDir / "device.key");
    if (!db || !key) {
        std::fprintf(stderr, "dc-provision: %s\n", (!db ? db.error() : key.error()).message().c_str());
        return 1;
    }
    std::string deviceId;
    if (!config->serverUrl.empty()) {
        auto http = dc::sync::makeCurlTransport({.caFile = config->serverCaFile});
        dc::sync::SyncClient client(
            *db, *key, *http, {.serverUrl = config->serverUrl, .enrollToken = token, .deviceName = name, .version = DC_VERSION});
        if (auto enrolled = client.ensureEnrolled(); !enrolled) {
            std::fprintf(stderr, "dc-provision: %s\n", enrolled.error().message().c_str());
            return 1;
        }
        deviceId = client.deviceId();
    }
    // The config beside the data, replaced in one step so a kiosk never reads half of it.
    const fs::path target = dataDir / "device.toml", temporary = dataDir / "device.toml.new";
    {
        auto text = dc::files::readRegularFile(site.string(), dc::config::kMaxConfigBytes);  // what was checked above
        if (!text) {
            std::fprintf(stderr, "dc-provision: %s\n", text.error().message().c_str());
            return 1;
        }
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << *text;
        if (!out.flush()) {
            std::fprintf(stderr, "dc-provision: %s cannot be written\n", temporary.c_str());
            return 1;
        }
    }
    ::chmod(temporary.c_str(), 0640);
    fs::rename(temporary, target, ec);
    if (ec) {
        std::fprintf(stderr, "dc-provision: %s: %s\n", target.c_str(), ec.message().c_str());
        return 1;
    }
    const nlohmann::json done = {{"site", config->siteName}, {"device_id", deviceId}, {"config", target.string()}};
    std::printf("%s\n", done.dump().c_str());
    return 0;
}
