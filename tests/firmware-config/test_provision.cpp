// dc-provision end to end: a blank data folder, a site config and a one-time token become an
// enrolled kiosk beside a running dc-server; running it again changes nothing; bad configs,
// bad tokens and a server that is not there are clear errors.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

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
    auto first = provision("--site " + site(dir, server.url()) + " --data-dir " + data + " --token-file " + (dir / "token.txt").string());
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
