// Issue 7 end to end, with the real dc-kiosk (and a real dc-server where it matters): lockdown and
// stopping, clerk sign-in and lockout, assisted registration with a printed receipt, technician
// diagnostics against a reachable and an unreachable server, the diagnostics bundle, and a blank
// data folder provisioned by dc-provision becoming an enrolled kiosk that applies the office's
// configuration.
#include <catch2/catch.hpp>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <cstdio>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "catalog/demo_catalog.hpp"
#include "store/pin_gate.hpp"
#include "catalog/catalog_json.hpp"
#include "drivers/idread/barcodes.hpp"
#include "drivers/image/gray_image.hpp"
#include "e2e/dump_checks.hpp"
#include "e2e/kiosk_process.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "sync/server_process.hpp"

using namespace dc::test;

namespace {

constexpr const char* kClerkPin = "4711";
constexpr const char* kTechnicianPin = "2580";

// A device configuration as dc-provision would leave it, with both staff PINs.
std::filesystem::path deviceConfig(const TempDir& dir, const std::string& serverUrl = "", const std::string& extra = "") {
    const auto file = dir / "device.toml";
    std::ofstream out(file);
    out << "[site]\nname = \"Batumi employment office\"\nlanguage = \"en\"\n";
    if (!serverUrl.empty()) out << "[server]\nurl = \"" << serverUrl << "\"\nsync_interval_s = 5\n";
    out << "[clerk]\npin_hash = \"" << *dc::store::hashPin(kClerkPin) << "\"\n";
    out << "[technician]\npin_hash = \"" << *dc::store::hashPin(kTechnicianPin) << "\"\n" << extra;
    return file;
}

std::string typePin(const std::string& pin) {
    std::string s;
    for (char c : pin) s += std::string("tap \"") + c + "\"\n";
    return s + "tap \"Sign in\"\n";
}

// Five taps in the top-left corner, where nothing is drawn, open the technician's PIN pad.
std::string technicianSignIn() {
    std::string s;
    for (int i = 0; i < 5; ++i) s += "tap-at 20 20\n";
    return s + "expect \"Technician sign-in\"\n" + typePin(kTechnicianPin) + "expect \"Check the network\"\n";
}

// A jobseeker applies for the demo catalog's "Junior QA tester" and sees the reference code.
std::string applyForJuniorQa(const std::string& name, const std::string& phone) {
    // The catalog may still be arriving from the office: the list fills in by itself when it has.
    return "tap \"Find a job\"\ntype \"junior qa\"\nexpect \"Junior QA tester\"\ntap \"Junior QA tester\"\ntap \"Apply for this "
           "job\"\n"
           "tap \"Your name\"\ntype \"" +
        name + "\"\ntap \"Phone number\"\ntype \"" + phone +
        "\"\ntap \"Done\"\n"
        "tap \"I agree\"\ntap \"Next: check and send\"\ntap \"Send application\"\nexpect \"Your reference code\"\n";
}

// A server database holding the kiosk's seed catalog, so a syncing kiosk keeps the demo jobs.
std::string serverDbWithCatalog(const TempDir& dir) {
    const std::string db = (dir / "server.db").string();
    writeFile(dir / "seed.jsonl", dc::catalog::toJsonLines(dc::catalog::kioskSeedCatalog()));
    REQUIRE(runServerCommand({"import", "--db", db, (dir / "seed.jsonl").string()}).exitCode == 0);
    return db;
}

// With a configuration the kiosk starts without demo jobs; these tests use them (--demo).
std::vector<std::string> args(const TempDir& dir, const std::filesystem::path& config) {
    return {"--data-dir", (dir / "data").string(), "--config", config.string(), "--windowed", "1280x800", "--demo"};
}

}  // namespace

TEST_CASE("a jobseeker cannot close the kiosk: close requests and quitting keys change nothing", "[e2e][staff][lockdown]") {
    TempDir dir;
    const auto result =
        runKiosk({.args = args(dir, deviceConfig(dir)),
                  .script = "expect \"Find a job\"\nclose-window\nkey Alt+F4\nkey Ctrl+Q\nkey Ctrl+W\nkey Alt+Tab\n"
                            "key Escape\nclose-window\nexpect \"Find a job\"\ntap \"Find a job\"\nexpect \"Jobs found\"\n"},
                 dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
    CHECK(result.output.find("script finished: every step passed") != std::string::npos);
    CHECK(result.output.find("a request to close the window was refused") != std::string::npos);
}

TEST_CASE("a person tapping Back quickly in that corner never lands in technician mode", "[e2e][staff][lockdown]") {
    TempDir dir;
    std::string script = "tap \"Find a job\"\ntap \"Junior QA tester\"\nexpect \"Skills you need\"\n";
    for (int i = 0; i < 6; ++i) script += "tap-at 40 50\n";  // Back, Back, then the corner of Home
    script += "expect \"Find a job\"\nexpect-not \"Technician sign-in\"\n";
    const auto result = runKiosk({.args = args(dir, deviceConfig(dir)), .script = script}, dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
    CHECK(result.output.find("technician sign-in opened") == std::string::npos);
}

TEST_CASE("systemd's SIGTERM stops the kiosk cleanly, and so does technician mode", "[e2e][staff][lockdown]") {
    TempDir dir;
    const auto config = deviceConfig(dir);
    // No script: the kiosk runs until something stops it. It is up once it has written its dump.
    const std::string kiosk = quote(DC_KIOSK_PATH) + " --data-dir " + quote((dir / "data").string()) + " --config " +
        quote(config.string()) + " --windowed 1280x800 --dump-ui " + quote((dir / "ui.json").string());
    const auto stopped = runShell("DISPLAY=" + xvfbDisplay() + " " + kiosk + " > " + quote((dir / "log.txt").string()) +
                                  " 2>&1 & pid=$!; for i in $(seq 300); do [ -s " + quote((dir / "ui.json").string()) +
                                  " ] && break; sleep 0.1; done; kill -TERM $pid; wait $pid; echo \"exit=$?\"");
    std::ifstream logFile(dir / "log.txt");
    const std::string log((std::istreambuf_iterator<char>(logFile)), {});
    INFO(log);
    CHECK(stopped.output.find("exit=0") != std::string::npos);
    CHECK(log.find("stopping: SIGTERM") != std::string::npos);

    const auto result = runKiosk({.args = args(dir, config),
                                  .script = technicianSignIn() +
                                      // Asked first; "No" keeps it running, and the question goes.
                                      "tap \"Stop the kiosk\"\nexpect \"Close the kiosk program now?\"\n"
                                      "screenshot " DC_SCREENSHOT_DIR "/technician-stop-en.png\n"
                                      "tap \"No, keep it running\"\nexpect-not \"Close the kiosk program now?\"\n"
                                      "dump " +
                                      (dir / "kept.json").string() +
                                      "\n"
                                      "tap \"Stop the kiosk\"\ntap \"Yes, close it\"\nwait 5000\n"},
                                 dir.path());
    INFO(result.output);
    CHECK(result.output.find("stopped from technician mode") != std::string::npos);
    CHECK(result.output.find("stopped before the script finished") != std::string::npos);
    std::ifstream kept(dir / "kept.json");
    CHECK(nlohmann::json::parse(kept, nullptr, false).value("screen", "") == "technician");
}

TEST_CASE("clerk sign-in: a wrong PIN is refused, three more lock the mode, even against the right PIN and a restart",
          "[e2e][staff][clerk]") {
    TempDir dir;
    const auto config = deviceConfig(dir);
    const std::string open = "tap \"Help\"\ntap \"Staff sign-in\"\nexpect \"Type your PIN\"\n";
    auto result = runKiosk({.args = args(dir, config),
                            .script = open + typePin("1234") + "expect \"That PIN is not right\"\n" + typePin(kClerkPin) +
                                "expect \"Today at this kiosk\"\nscreenshot " DC_SCREENSHOT_DIR "/clerk-en.png\n"
                                "tap \"Sign out\"\nexpect \"Find a job\"\n" +
                                open + typePin("0000") + typePin("0001") + typePin("0002") + "expect \"Too many wrong PINs\"\n" +
                                typePin(kClerkPin) +
                                "expect \"Too many wrong PINs\"\nexpect-not \"Today at this kiosk\"\n"
                                "screenshot " DC_SCREENSHOT_DIR "/clerk-locked-en.png\n"},
                           dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    // Switching the kiosk off and on does not lift the lock.
    result = runKiosk({.args = args(dir, config), .script = open + typePin(kClerkPin) + "expect \"Too many wrong PINs\"\n"},
                      dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
    // Nothing typed as a PIN is ever in the log.
    CHECK(result.output.find(kClerkPin) == std::string::npos);
}

TEST_CASE("a clerk registers a jobseeker and prints the receipt, and the form is empty again afterwards", "[e2e][staff][clerk]") {
    TempDir dir;
    const auto prints = dir / "prints";
    auto kioskArgs = args(dir, deviceConfig(dir));
    kioskArgs.insert(kioskArgs.end(), {"--printer-png", prints.string()});
    const std::string script = "tap \"Help\"\ntap \"Staff sign-in\"\n" + typePin(kClerkPin) +
        "expect \"Nothing yet today.\"\n"
        "tap \"Register a jobseeker\"\nswipe up\ntap \"Register\"\nexpect \"Please write your name\"\nswipe down\n"
        "tap \"Your name\"\ntype \"Nino Beridze\"\ntap \"Phone number\"\ntype \"599 12 34 56\"\ntap \"Done\"\n"
        "tap \"ID document number\"\ntype \"12ab34567\"\ntap \"Done\"\ntap \"Date of birth (year-month-day)\"\ntype "
        "\"1990-02-30\"\n"
        "tap \"Done\"\nswipe up\ntap \"I agree\"\ntap \"Register\"\nexpect \"Check the date of birth\"\n"
        "tap \"Date of birth (year-month-day)\"\nkey Backspace\nkey Backspace\ntype \"25\"\ntap \"Done\"\nswipe up\n"
        "screenshot " DC_SCREENSHOT_DIR
        "/clerk-register-en.png\n"
        "tap \"Register\"\nexpect \"Registered.\"\ndump " +
        (dir / "registered.json").string() +
        "\n"
        "expect-not \"Nino\"\n"
        "screenshot " DC_SCREENSHOT_DIR
        "/clerk-registered-en.png\n"
        "tap \"Back\"\nexpect \"Registration\"\nexpect \"Waiting to be sent\"\n";
    const auto result = runKiosk({.args = kioskArgs, .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    // The code on screen, from the dump.
    std::ifstream dumpFile(dir / "registered.json");
    const auto dump = nlohmann::json::parse(dumpFile);
    std::string code;
    for (const auto& w : dump["widgets"]) {
        const std::string label = w["label"];
        if (std::regex_match(label, std::regex("[A-Z0-9]{3}-[A-Z0-9]{3}"))) code = label;
    }
    REQUIRE_FALSE(code.empty());
    // Print it: a second run taps the print button of that code on today's list.
    const auto printed = runKiosk({.args = kioskArgs,
                                   .script = "tap \"Help\"\ntap \"Staff sign-in\"\n" + typePin(kClerkPin) +
                                       "tap \"Print receipt " + code + "\"\nexpect \"The receipt was printed.\"\n"},
                                  dir.path());
    INFO(printed.output);
    REQUIRE(printed.exitCode == 0);
    REQUIRE(std::filesystem::exists(prints / "receipt-1.png"));
    // The receipt's QR code carries the same code (read back as a phone or the kiosk would).
    auto picture = dc::image::loadImage(prints / "receipt-1.png");
    REQUIRE(picture);
    const auto codes = dc::idread::readBarcodes(*picture);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].text == code);
    std::filesystem::copy_file(prints / "receipt-1.png", std::string(DC_SCREENSHOT_DIR) + "/receipt-print-en.png",
                               std::filesystem::copy_options::overwrite_existing);
}

TEST_CASE("assisted registration with ID capture: the camera reads the document and fills the form", "[e2e][staff][clerk]") {
    TempDir dir;
    // The synthetic camera: a desk, then a Georgian or Belarusian ID card or passport held under it.
    const auto result =
        runKiosk({.args = args(dir, deviceConfig(dir, "", "[camera]\nbackend = \"synthetic\"\n")),
                  .script = "tap \"Help\"\ntap \"Staff sign-in\"\n" + typePin(kClerkPin) +
                      "tap \"Register a jobseeker\"\n"
                      "tap \"Read the ID document with the camera\"\nexpect \"Read from the document.\"\n"
                      "dump " +
                      (dir / "read.json").string() +
                      "\n"
                      "tap \"Phone number\"\ntype \"599 12 34 56\"\ntap \"Done\"\nswipe up\ntap \"I agree\"\ntap \"Register\"\n"
                      "expect \"Registered.\"\n"},
                 dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    // The fields hold what an MRZ holds: a name in letters, a document number, a real date.
    std::ifstream dumpFile(dir / "read.json");
    const auto dump = nlohmann::json::parse(dumpFile);
    std::vector<std::string> texts;
    for (const auto& w : dump["widgets"]) texts.push_back(w["label"]);
    // A field is its label, then the field (named by the label), then its text.
    auto after = [&](const std::string& fieldLabel) {
        for (size_t i = texts.size() - 1; i > 0; --i)
            if (texts[i - 1] == fieldLabel) return texts[i];
        return std::string();
    };
    CHECK(std::regex_match(after("ID document number"), std::regex("[A-Z0-9]{5,20}")));
    CHECK(std::regex_match(after("Date of birth (year-month-day)"), std::regex("(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}")));
    CHECK(std::regex_match(after("Your name"), std::regex("[A-Z][a-z]+( [A-Z][a-z]+)+")));
    // What the document said is never logged.
    CHECK(result.output.find(after("ID document number")) == std::string::npos);
}

TEST_CASE(
    "technician diagnostics: the network check against a reachable and an unreachable server, and a bundle without personal data",
    "[e2e][staff][technician]") {
    TempDir dir;
    const std::string db = serverDbWithCatalog(dir);
    ServerProcess server(db, dir.path());
    REQUIRE(server.running());
    auto reachable = args(dir, deviceConfig(dir, server.url(), "[camera]\nbackend = \"synthetic\"\n"));
    const auto token = runServerCommand({"token", "--db", db});
    REQUIRE(token.exitCode == 0);
    reachable.insert(reachable.end(), {"--enroll-token", token.output.substr(0, token.output.find('\n'))});
    const std::string apply = applyForJuniorQa("Nino Beridze", "599 12 34 56") + "tap \"Finish\"\n";
    // The bundle goes where DC_EXPORT_DIR says (a USB stick on a real kiosk).
    std::filesystem::create_directories(dir / "usb");
    auto result = runKiosk({.args = reachable,
                            .script = apply + technicianSignIn() +
                                "tap \"Check the network\"\nexpect \"The office's server can be reached.\"\n"
                                "expect \"The server answers (HTTP): works (HTTP 200\"\n"
                                "screenshot " DC_SCREENSHOT_DIR "/technician-en.png\n"
                                "tap \"Test the camera\"\nexpect \"MRZ read\"\n"
                                "tap \"Save diagnostics to USB\"\nexpect \"Saved (no personal data in it):\"\n"
                                "tap \"Test the touch screen\"\nexpect \"Touch every square\"\n"
                                "tap \"square 1\"\ntap \"square 12\"\nexpect \"square 12 touched\"\n",
                            .environment = "DC_EXPORT_DIR=" + quote((dir / "usb").string())},
                           dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    std::vector<std::filesystem::path> bundles;
    for (const auto& e : std::filesystem::directory_iterator(dir / "usb")) bundles.push_back(e.path());
    REQUIRE(bundles.size() == 1);
    std::ifstream bundleFile(bundles[0]);
    const std::string bundle((std::istreambuf_iterator<char>(bundleFile)), {});
    INFO(bundle);
    const auto parsed = nlohmann::json::parse(bundle);
    CHECK_FALSE(parsed["deviceId"].get<std::string>().empty());
    CHECK(parsed["integrity"] == "ok");
    CHECK(bundle.find("Nino") == std::string::npos);
    CHECK(bundle.find("599 12 34 56") == std::string::npos);
    CHECK(bundle.find("Beridze") == std::string::npos);
    CHECK(bundle.find("argon2id") == std::string::npos);

    // The same kiosk with its server gone: the check says where it stops.
    server.stop();
    result = runKiosk({.args = reachable,
                       .script = technicianSignIn() +
                           "tap \"Check the network\"\nexpect \"cannot be reached\"\n"
                           "expect \"Connection (TCP): does not work\"\nexpect \"The server answers (HTTP): not tried\"\n"
                           "screenshot " DC_SCREENSHOT_DIR "/technician-offline-en.png\n"},
                      dir.path());
    INFO(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("blank data folder + site config + token -> dc-provision -> dc-kiosk enrolled, delivering, taking the office's config",
          "[e2e][staff][provision]") {
    TempDir dir;
    const std::string db = serverDbWithCatalog(dir);
    ServerProcess server(db, dir.path());
    REQUIRE(server.running());
    const auto token = runServerCommand({"token", "--db", db});
    REQUIRE(token.exitCode == 0);
    std::ofstream(dir / "site.toml") << "[site]\nname = \"Grodno tech skills center\"\nlanguage = \"en\"\n[server]\nurl = \""
                                     << server.url() << "\"\nsync_interval_s = 5\n[technician]\npin_hash = \""
                                     << *dc::store::hashPin(kTechnicianPin) << "\"\n";
    const auto provisioned =
        runShell(std::string(DC_PROVISION_PATH) + " --site " + quote((dir / "site.toml").string()) + " --data-dir " +
                 quote((dir / "data").string()) + " --token " + quote(token.output.substr(0, token.output.find('\n'))) + " 2>&1");
    INFO(provisioned.output);
    REQUIRE(provisioned.exitCode == 0);
    const std::string deviceId = nlohmann::json::parse(provisioned.output)["device_id"];
    // The office changes this kiosk's idle time, and tries to move its server (refused).
    REQUIRE(runServerCommand({"config", "--db", db, "--device", deviceId,
                              R"({"kiosk.idle_timeout_s": 45, "server.url": "https://elsewhere.example"})"})
                .exitCode == 0);
    // Only the data folder: the kiosk finds device.toml there; no server option, no token.
    const auto result = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--windowed", "1280x800"},
                                  .script = applyForJuniorQa("Olga Ivanova", "+375 29 123 45 67") +
                                      "expect \"Delivered to the employment office.\"\ntap \"Finish\"\nwait 1500\n"},
                                 dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    CHECK(result.output.find("office configuration applied: kiosk.idle_timeout_s") != std::string::npos);
    CHECK(result.output.find("server.url may not be set by the server") != std::string::npos);
    const auto csv = runServerCommand({"export", "--db", db, "applications"});
    CHECK(csv.output.find("Olga Ivanova") != std::string::npos);
    const auto devices = runServerCommand({"devices", "--db", db});
    CHECK(devices.output.find(deviceId) != std::string::npos);

    // The office revoked the device (or rebuilt its server): a technician brings a new token on a
    // USB stick and enrolls the kiosk again from technician mode.
    const auto fresh = runServerCommand({"token", "--db", db});
    std::filesystem::create_directories(dir / "usb" / "digital-citizen");
    std::ofstream(dir / "usb" / "digital-citizen" / "token") << fresh.output;
    const auto again = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--windowed", "1280x800"},
                                 .script = technicianSignIn() +
                                     "tap \"Enroll again (token on USB)\"\nexpect \"Enrolling again\"\n"
                                     // Done when the new identity shows under Device.
                                     "expect-gone \"" +
                                     deviceId + "\"\nexpect-gone \"not enrolled yet\"\n",
                                 .environment = "DC_EXPORT_DIR=" + quote((dir / "usb").string())},
                                dir.path());
    INFO(again.output);
    REQUIRE(again.exitCode == 0);
    const auto after = runServerCommand({"devices", "--db", db});
    INFO(after.output);
    CHECK(std::count(after.output.begin(), after.output.end(), '\n') >=
          std::count(devices.output.begin(), devices.output.end(), '\n') + 1);
}

TEST_CASE("under systemd the kiosk says when it is ready, pings the watchdog from its loop, and says when it stops",
          "[e2e][staff][systemd]") {
    TempDir dir;
    // Stand in for systemd: a datagram socket at NOTIFY_SOCKET, as the service manager provides.
    const auto socketPath = dir / "notify.sock";
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socketPath.c_str());
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    // Read as systemd does, while the kiosk runs: an unread queue (10 datagrams here) would block it.
    std::vector<std::string> messages;
    std::atomic<bool> done{false};
    std::thread reader([&] {
        char buffer[512];
        while (!done) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
                messages.emplace_back(buffer, static_cast<size_t>(n));
        }
    });
    // A watchdog of 0.4 s: the kiosk must ping at least every 0.2 s, idle or not.
    const auto result = runKiosk({.args = args(dir, deviceConfig(dir)),
                                  .script = "expect \"Find a job\"\nwait 2000\n",
                                  .environment = "NOTIFY_SOCKET=" + quote(socketPath.string()) + " WATCHDOG_USEC=400000"},
                                 dir.path());
    done = true;
    reader.join();
    char rest[512];
    for (ssize_t n; (n = ::recv(fd, rest, sizeof rest, 0)) > 0;) messages.emplace_back(rest, static_cast<size_t>(n));
    ::close(fd);
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    REQUIRE_FALSE(messages.empty());
    CHECK(messages.front().find("READY=1") != std::string::npos);
    const auto pings = std::count_if(messages.begin(), messages.end(), [](const std::string& m) { return m == "WATCHDOG=1"; });
    CHECK(pings >= 8);  // 2 s of waiting with a ping due every 0.2 s
    CHECK(messages.back() == "STOPPING=1");
}

TEST_CASE("My status: a person holds the receipt's QR code up to the camera instead of typing the code",
          "[e2e][status][camera]") {
    TempDir dir;
    // First an application, to have a code this kiosk issued.
    const auto applied =
        runKiosk({.args = args(dir, deviceConfig(dir)),
                  .script = applyForJuniorQa("Nino Beridze", "599 12 34 56") + "dump " + (dir / "receipt.json").string() + "\n"},
                 dir.path());
    INFO(applied.output);
    REQUIRE(applied.exitCode == 0);
    std::ifstream dumpFile(dir / "receipt.json");
    const auto receiptDump = nlohmann::json::parse(dumpFile);  // kept: a range-for over a temporary's member dangles
    std::string code;
    for (const auto& w : receiptDump["widgets"]) {
        const std::string label = w["label"];
        if (std::regex_match(label, std::regex("[A-Z0-9]{3}-[A-Z0-9]{3}"))) code = label;
    }
    REQUIRE_FALSE(code.empty());
    // The camera sees a desk, then the receipt's code held up (a folder of frames replayed).
    std::filesystem::create_directories(dir / "frames");
    dc::image::GrayImage desk(1280, 720, 90);
    REQUIRE(dc::image::savePng(desk, dir / "frames" / "1-desk.png"));
    auto qr = dc::idread::drawBarcode("QRCode", code, 300);
    dc::image::GrayImage held(1280, 720, 90);
    for (int y = 0; y < qr.height; ++y)
        for (int x = 0; x < qr.width; ++x)
            held.pixels[static_cast<size_t>(y + 200) * 1280 + static_cast<size_t>(x + 500)] =
                qr.pixels[static_cast<size_t>(y * qr.width + x)];
    REQUIRE(dc::image::savePng(held, dir / "frames" / "2-receipt.png"));
    std::filesystem::remove(dir / "device.toml");
    const auto config = deviceConfig(dir, "", "[camera]\nbackend = \"file:" + (dir / "frames").string() + "\"\n");
    const auto scanned = runKiosk({.args = args(dir, config),
                                   .script = "tap \"My applications\"\ntap \"Scan the code on my receipt\"\n"
                                             "expect \"Saved here, not yet delivered.\"\nexpect \"Junior QA tester\"\n"},
                                  dir.path());
    INFO(scanned.output);
    CHECK(scanned.exitCode == 0);
    // Without a camera there is no such button.
    std::filesystem::remove(dir / "device.toml");
    const auto none = runKiosk({.args = args(dir, deviceConfig(dir, "", "[camera]\nbackend = \"none\"\n")),
                                .script = "tap \"My applications\"\nexpect \"Check\"\nexpect-not \"Scan the code\"\n"},
                               dir.path());
    INFO(none.output);
    CHECK(none.exitCode == 0);
}

TEST_CASE("touch targets are at least 48 px and 8 px apart on the clerk's and technician's screens", "[e2e][staff][a11y]") {
    TempDir dir;
    const auto config = deviceConfig(dir);
    auto dump = [&](const std::string& name) { return "dump " + (dir / (name + ".json")).string() + "\n"; };
    const std::string script = "tap \"Help\"\ntap \"Staff sign-in\"\nexpect \"Type your PIN\"\n" + dump("pin") +
        typePin(kClerkPin) + "expect \"Nothing yet today.\"\n" + dump("clerk") + "tap \"Register a jobseeker\"\n" +
        dump("register") + "tap \"Your name\"\n" + dump("register-keyboard") + "tap \"Done\"\n" +
        "tap \"Home\"\nexpect \"Find a job\"\n" + technicianSignIn() + "tap \"Check the network\"\n" +
        "expect \"works offline\"\n" + dump("technician") + "tap \"Test the touch screen\"\n" + dump("touch");
    // Full screen at 1920x1080, as the checks' floor is in pixels of that screen.
    const auto result =
        runKiosk({.args = {"--data-dir", (dir / "data").string(), "--config", config.string()}, .script = script}, dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    for (const char* screen : {"pin", "clerk", "register", "register-keyboard", "technician", "touch"}) {
        INFO(screen);
        std::ifstream in(dir / (std::string(screen) + ".json"));
        checkTouchTargets(nlohmann::json::parse(in));
    }
}

TEST_CASE(
    "an appliance without its configuration shows the technician's screen in every language, then starts "
    "once provisioned",
    "[e2e][staff][appliance]") {
    TempDir dir;
    const auto shot = std::filesystem::path(DC_SCREENSHOT_DIR) / "not-provisioned.png";
    std::filesystem::remove(shot);
    // As systemd starts it on a fresh image: only the data folder and --wait-for-provisioning.
    std::string script =
        "expect \"This kiosk is not set up yet\"\nexpect \"ეს კიოსკი ჯერ არ არის მომზადებული\"\n"
        "expect \"Этот киоск ещё не настроен\"\nexpect \"Гэты кіёск яшчэ не наладжаны\"\n"
        "expect \"device.toml\"\nexpect-not \"Find a job\"\n"
        "screenshot " +
        shot.string() + "\nwait 120000\n";
    // dc-provision's part, once the screen is up: the configuration appears in the data folder.
    std::atomic<bool> stop{false};
    std::thread provision([&] {
        for (int i = 0; i < 6000 && !stop && !std::filesystem::exists(shot); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::ofstream(dir / "data" / "device.toml.new") << "[site]\nname = \"Batumi employment office\"\nlanguage = \"ka\"\n";
        std::filesystem::rename(dir / "data" / "device.toml.new", dir / "data" / "device.toml");
    });
    const auto result =
        runKiosk({.args = {"--data-dir", (dir / "data").string(), "--wait-for-provisioning"}, .script = script}, dir.path());
    stop = true;
    provision.join();
    INFO(result.output);
    // It ends on its own long before the script's wait (systemd starts it again, provisioned).
    CHECK(result.exitCode == 0);
    CHECK(result.output.find("not provisioned: waiting for") != std::string::npos);
    CHECK(result.output.find("device.toml appeared; restarting") != std::string::npos);
    CHECK(result.output.find("stopped before the script finished") == std::string::npos);
    CHECK(std::filesystem::exists(shot));
    // It put no demo jobs into the database a real office's catalog will fill.
    const auto started = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--wait-for-provisioning"},
                                   .script = "tap \"სამუშაოს ძებნა\"\nexpect \"ამ კიოსკზე ჯერ ვაკანსიები არ არის\"\n"},
                                  dir.path());
    INFO(started.output);
    CHECK(started.exitCode == 0);
    CHECK(started.output.find("demo catalog loaded") == std::string::npos);
}
