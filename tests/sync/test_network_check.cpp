// The technician's network check against a real dc-server, a closed port, a name that does not
// resolve and addresses that are not addresses: each answer names the step that failed.
#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"
#include "sync/client/network_check.hpp"
#include "sync/server_process.hpp"

using namespace dc;
using Kind = sync::CheckStep::Kind;
using Verdict = sync::CheckStep::Verdict;

TEST_CASE("a reachable server passes every step", "[sync][network-check]") {
    test::TempDir dir;
    test::ServerProcess server((dir / "server.db").string(), dir.path());
    REQUIRE(server.running());
    const auto steps = sync::checkServerReachable(server.url());
    REQUIRE(steps.size() == 3);  // http: no TLS step
    CHECK(steps[0].kind == Kind::Dns);
    CHECK(steps[2].kind == Kind::Http);
    for (const auto& s : steps) {
        INFO(s.detail);
        CHECK(s.verdict == Verdict::Works);
    }
    CHECK(steps[2].detail.find("HTTP 200") != std::string::npos);
}

TEST_CASE("an unreachable server fails at the step that fails, the rest not tried", "[sync][network-check][hostile]") {
    const auto closed = sync::checkServerReachable("http://127.0.0.1:" + std::to_string(test::freeLoopbackPort()));
    REQUIRE(closed.size() == 3);
    CHECK(closed[0].verdict == Verdict::Works);
    CHECK(closed[1].verdict == Verdict::Fails);
    CHECK(closed[1].detail.find("refused") != std::string::npos);
    CHECK(closed[2].verdict == Verdict::NotTried);

    const auto unknown =
        sync::checkServerReachable("https://no-such-host.invalid", {.stepTimeout = std::chrono::milliseconds(2000)});
    REQUIRE(unknown.size() == 4);
    CHECK(unknown[0].verdict == Verdict::Fails);
    CHECK(unknown[0].detail.find("no-such-host.invalid") != std::string::npos);
    for (size_t i = 1; i < unknown.size(); ++i) CHECK(unknown[i].verdict == Verdict::NotTried);

    // Addresses that are not http(s) URLs fail at the first step, saying so.
    for (const std::string& bad : {std::string("ftp://example.org"), std::string("not a url"), std::string("https://"),
                                   std::string(5000, 'a'), std::string("http://[::1")}) {
        const auto steps = sync::checkServerReachable(bad);
        INFO(bad.substr(0, 40));
        REQUIRE_FALSE(steps.empty());
        CHECK(steps[0].verdict == Verdict::Fails);
    }
    CHECK(sync::checkServerReachable("").empty());
}

TEST_CASE("a TLS step fails plainly when the other end does not speak TLS", "[sync][network-check][hostile]") {
    test::TempDir dir;
    test::ServerProcess server((dir / "server.db").string(), dir.path());
    REQUIRE(server.running());
    const auto steps = sync::checkServerReachable("https://127.0.0.1:" + std::to_string(server.port()),
                                                  {.stepTimeout = std::chrono::milliseconds(3000)});
    REQUIRE(steps.size() == 4);
    CHECK(steps[1].verdict == Verdict::Works);
    CHECK(steps[2].kind == Kind::Tls);
    CHECK(steps[2].verdict == Verdict::Fails);
    CHECK(steps[3].verdict == Verdict::NotTried);
    CHECK_FALSE(sync::curlVersion().empty());
}
