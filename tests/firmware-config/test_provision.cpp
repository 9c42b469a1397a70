// dc-provision end to end: a blank data folder, a site config and a one-time token become an
// enrolled kiosk beside a running dc-server; running it again changes nothing; bad configs,
// bad tokens and a server that is not there are clear errors.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "drivers/idread/barcodes.hpp"
#include "drivers/image/gray_image.hpp"
#include "firmware-config/device_config.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "sync/server_process.hpp"

using dc::test::TempDir;

namespace {

struct Run {
    int status;
    std::string out;
};
Run provision(const std::string& args) {
    auto result = dc::test::runShell(std::string(DC_PROVISION_PATH) + " " + args + " 2>&1");
    return {result.exitCode, std::move(result.output)};
}

unsigned mode(const std::filesystem::path& f) {
    struct stat st {};
    REQUIRE(::stat(f.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

std::string site(const TempDir& dir, const std::string& url) {
    const auto file = dir / "site.toml";
    std::ofstream(file) << "[site]\nname = \"Kutaisi office\"\nlanguage = \"ka\"\n[server]\nurl = \"" << url << "\"\n";
    return file.string();
}

}  // namespace

TEST_CASE("a blank box, a site config and a token: dc-provision enrolls it, and again changes nothing", "[provision]") {
    TempDir dir;
    dc::test::ServerProcess server((dir / "server.db").string(), dir.path());
    REQUIRE(server.running());
    auto token = dc::test::runServerCommand({"token", "--db", (dir / "server.db").string(), "--note", "Kutaisi"});
    REQUIRE(token.exitCode == 0);
    std::ofstream(dir / "token.txt") << token.output;  // as a USB stick or a QR code would carry it
    const std::string data = (dir / "data").string();
    auto first =
        provision("--site " + site(dir, server.url()) + " --data-dir " + data + " --token-file " + (dir / "token.txt").string());
    INFO(first.out);
    REQUIRE(first.status == 0);
    const auto answer = nlohmann::json::parse(first.out);
    const std::string deviceId = answer["device_id"];
    CHECK_FALSE(deviceId.empty());
    CHECK(answer["site"] == "Kutaisi office");
    CHECK(mode(dir / "data") == 0750);
    CHECK(mode(dir / "data" / "device.key") == 0600);
    CHECK(mode(dir / "data" / "device.toml") == 0640);
    // The server knows the device.
    auto devices = dc::test::runServerCommand({"devices", "--db", (dir / "server.db").string()});
    CHECK(devices.output.find(deviceId) != std::string::npos);
    // Again, without a token: the same device, nothing new on the server.
    auto again = provision("--site " + site(dir, server.url()) + " --data-dir " + data);
    INFO(again.out);
    REQUIRE(again.status == 0);
    CHECK(nlohmann::json::parse(again.out)["device_id"] == deviceId);
}

TEST_CASE("dc-provision refuses bad configs, used tokens and an absent server in plain words", "[provision][hostile]") {
    TempDir dir;
    std::ofstream(dir / "bad.toml") << "[site]\nname = \"x\"\n[kiosk]\nidle_timeout_s = 5\n";
    auto bad = provision("--site " + (dir / "bad.toml").string() + " --data-dir " + (dir / "d1").string());
    CHECK(bad.status == 2);
    CHECK(bad.out.find("line 4: kiosk.idle_timeout_s = 5 is below 30") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "d1"));  // nothing written for a bad config

    auto noTokenFile = provision("--site " + (dir / "bad.toml").string() + " --data-dir " + (dir / "d1").string() +
                                 " --token-file " + (dir / "missing-token.txt").string());
    CHECK(noTokenFile.status == 2);
    CHECK(noTokenFile.out.find("missing-token.txt cannot be read") != std::string::npos);

    auto usage = provision("--site");
    CHECK(usage.status == 2);
    CHECK(provision("--data-dir " + (dir / "d2").string()).status == 2);

    dc::test::ServerProcess server((dir / "server.db").string(), dir.path());
    auto wrong = provision("--site " + site(dir, server.url()) + " --data-dir " + (dir / "d3").string() + " --token not-a-token");
    CHECK(wrong.status == 1);
    CHECK(wrong.out.find("enroll") != std::string::npos);
    auto none = provision("--site " + site(dir, server.url()) + " --data-dir " + (dir / "d4").string());
    CHECK(none.status == 1);
    CHECK(none.out.find("no enrollment token") != std::string::npos);
    server.stop();
    auto absent = provision("--site " + site(dir, server.url()) + " --data-dir " + (dir / "d5").string() + " --token x");
    CHECK(absent.status == 1);
}

TEST_CASE("first boot from a USB stick: the site config and the token (as text or as a QR picture)", "[provision]") {
    TempDir dir;
    dc::test::ServerProcess server((dir / "server.db").string(), dir.path());
    REQUIRE(server.running());
    auto newToken = [&] {
        auto t = dc::test::runServerCommand({"token", "--db", (dir / "server.db").string()});
        REQUIRE(t.exitCode == 0);
        return t.output.substr(0, t.output.find('\n'));
    };
    // A stick with a token file.
    const auto stick = dir / "stick" / "digital-citizen";
    std::filesystem::create_directories(stick);
    std::filesystem::copy_file(site(dir, server.url()), stick / "site.toml");
    std::ofstream(stick / "token") << newToken() << "\n";
    auto fromFile = provision("--from-media " + (dir / "stick").string() + " --data-dir " + (dir / "a").string());
    INFO(fromFile.out);
    REQUIRE(fromFile.status == 0);
    CHECK_FALSE(nlohmann::json::parse(fromFile.out)["device_id"].get<std::string>().empty());

    // A stick with the token as a QR code picture (printed by the office, photographed).
    std::filesystem::remove(stick / "token");
    auto qr = dc::idread::drawBarcode("QRCode", newToken(), 300);
    REQUIRE(dc::image::savePng(qr, stick / "token.png"));
    auto fromQr = provision("--from-media " + (dir / "stick").string() + " --data-dir " + (dir / "b").string());
    INFO(fromQr.out);
    REQUIRE(fromQr.status == 0);
    CHECK(nlohmann::json::parse(fromQr.out)["device_id"] != nlohmann::json::parse(fromFile.out)["device_id"]);

    // A picture without a QR code, a stick without the folder, and mixing the two ways.
    dc::image::GrayImage blank(200, 200, 255);
    REQUIRE(dc::image::savePng(blank, dir / "blank.png"));
    auto noCode = provision("--site " + site(dir, server.url()) + " --data-dir " + (dir / "c").string() + " --token-qr " +
                            (dir / "blank.png").string());
    CHECK(noCode.status == 2);
    CHECK(noCode.out.find("holds no QR code") != std::string::npos);
    auto notAPicture = provision("--site " + site(dir, server.url()) + " --data-dir " + (dir / "c").string() + " --token-qr " +
                                 (dir / "site.toml").string());
    CHECK(notAPicture.status == 2);
    auto empty = provision("--from-media " + dir.path().string() + " --data-dir " + (dir / "c").string());
    CHECK(empty.status == 2);
    CHECK(empty.out.find("no provisioning file") != std::string::npos);
    auto both = provision("--from-media " + (dir / "stick").string() + " --site x.toml --data-dir " + (dir / "c").string());
    CHECK(both.status == 2);
    CHECK_FALSE(std::filesystem::exists(dir / "c"));
}

TEST_CASE("dc-provision hash-pin: a PIN on standard input becomes an argon2id hash, anything else is refused",
          "[provision][hostile]") {
    auto good = dc::test::runShell("echo 4711 | " + std::string(DC_PROVISION_PATH) + " hash-pin 2>&1");
    REQUIRE(good.exitCode == 0);
    CHECK(good.output.rfind("$argon2id$v=19$", 0) == 0);
    CHECK(good.output.find("4711") == std::string::npos);
    // The hash is accepted by the device configuration as it is.
    std::string hash = good.output.substr(0, good.output.find('\n'));
    CHECK(dc::config::parseDeviceConfig("[site]\nname = \"x\"\n[clerk]\npin_hash = \"" + hash + "\"\n", "t.toml"));
    for (const std::string bad : {"12", "12ab", "1234567890123", "", "４７１１"}) {
        auto r = dc::test::runShell("printf '%s\\n' '" + bad + "' | " + std::string(DC_PROVISION_PATH) + " hash-pin 2>&1");
        INFO(bad << ": " << r.output);
        CHECK(r.exitCode == 2);
        CHECK(r.output.find("$argon2id") == std::string::npos);
    }
    CHECK(dc::test::runShell(std::string(DC_PROVISION_PATH) + " hash-pin < /dev/null 2>&1").exitCode == 2);
}

TEST_CASE("a USB stick's links, FIFOs and oversized files are refused, never followed or waited on", "[provision][hostile]") {
    TempDir dir;
    const auto stick = dir / "stick" / "digital-citizen";
    std::filesystem::create_directories(stick);
    std::filesystem::copy_file(site(dir, "https://dc.example.ge"), stick / "site.toml");
    // The token as a link to a file of the box: not read, not sent anywhere.
    std::ofstream(dir / "secret") << "the box's own secret\n";
    std::filesystem::create_symlink(dir / "secret", stick / "token");
    auto linked = provision("--from-media " + (dir / "stick").string() + " --data-dir " + (dir / "a").string());
    CHECK(linked.status == 2);
    CHECK(linked.out.find("cannot be read") != std::string::npos);
    CHECK(linked.out.find("the box's own secret") == std::string::npos);
    std::filesystem::remove(stick / "token");

    // The site config as a FIFO (nothing ever writes it) or as a link: refused at once.
    std::filesystem::remove(stick / "site.toml");
    REQUIRE(::mkfifo((stick / "site.toml").c_str(), 0600) == 0);
    auto fifo = provision("--site " + (stick / "site.toml").string() + " --data-dir " + (dir / "b").string() + " --token x");
    CHECK(fifo.status == 2);
    CHECK(fifo.out.find("not a plain file") != std::string::npos);
    std::filesystem::remove(stick / "site.toml");
    std::filesystem::create_symlink(site(dir, "https://dc.example.ge"), stick / "site.toml");
    auto siteLink = provision("--from-media " + (dir / "stick").string() + " --data-dir " + (dir / "c").string());
    CHECK(siteLink.status == 2);
    // Larger than any configuration.
    std::ofstream(dir / "huge.toml") << std::string(dc::config::kMaxConfigBytes + 10, '#');
    auto huge = provision("--site " + (dir / "huge.toml").string() + " --data-dir " + (dir / "d").string() + " --token x");
    CHECK(huge.status == 2);
    CHECK(huge.out.find("larger than") != std::string::npos);
}
