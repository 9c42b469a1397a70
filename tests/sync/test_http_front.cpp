// dc-server's HTTP front under attack, on a real socket: bodies that would fill its memory, clients
// that dribble their requests to hold it, and one address opening connection after connection.
// Each case failed with the cpp-httplib front this replaced (issue: hardening, findings 1 and 2).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback.hpp"
#include "sync/kiosk_fixture.hpp"

using namespace dc;
using dc::test::connectFrom;
using dc::test::rssKb;
using namespace std::chrono_literals;

namespace {

// Sends `head`, then up to `total` bytes of `chunk` repeated, for as long as the server takes them.
// Returns how many body bytes went out before the server cut the connection off.
size_t stream(int port, const std::string& head, const std::string& chunk, size_t total) {
    const int s = connectFrom(port);
    REQUIRE(s >= 0);
    timeval tv{60, 0};  // a send the server stopped reading blocks at most this long, then counts as cut off
    ::setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    ::send(s, head.data(), head.size(), MSG_NOSIGNAL);
    size_t sent = 0;
    while (sent < total) {
        const ssize_t n = ::send(s, chunk.data(), chunk.size(), MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<size_t>(n);
    }
    ::close(s);
    return sent;
}

std::string health(int port, const char* source = "127.0.0.1") {
    const int s = connectFrom(port, source);
    if (s < 0) return {};
    timeval tv{60, 0};
    ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const std::string request = "GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    ::send(s, request.data(), request.size(), MSG_NOSIGNAL);
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::recv(s, buf, sizeof buf, 0)) > 0;) answer.append(buf, static_cast<size_t>(n));
    ::close(s);
    return answer;
}

// True once the server has closed `s` (end of stream or reset), waiting up to `limit`.
bool closedByServer(int s, std::chrono::seconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    char buf[512];
    while (std::chrono::steady_clock::now() < until) {
        pollfd p{s, POLLIN, 0};
        if (::poll(&p, 1, 200) > 0) {
            const ssize_t n = ::recv(s, buf, sizeof buf, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN)) return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("bodies that would fill the server's memory are cut off, however they are sent", "[sync][server][hostile]") {
    test::TempDir dir;
    test::ServerProcess server((dir / "server.db").string(), dir.path());
    REQUIRE(health(server.port()).find(R"("ok":true)") != std::string::npos);
    const long before = rssKb(server.pid());
    const std::string chunk(64 * 1024, 'x');
    constexpr size_t kTotal = 200u * 1024 * 1024;

    SECTION("chunked, with no length") {
        // One chunk header announcing far more than the limit, then its bytes.
        const size_t sent = stream(
            server.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10000000\r\n", chunk, kTotal);
        CHECK(sent < kTotal);
    }
    SECTION("with no Content-Length and no chunking, the body to the end of the stream") {
        const size_t sent = stream(server.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\n\r\n", chunk, kTotal);
        CHECK(sent < kTotal);
    }
    SECTION("a request line that never ends") {
        const size_t sent = stream(server.port(), "POST /v1/", chunk, kTotal);
        CHECK(sent < kTotal);
    }
    SECTION("an honest Content-Length over the limit: 413, and what follows is not read") {
        const size_t sent =
            stream(server.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 209715200\r\n\r\n", chunk, kTotal);
        CHECK(sent < kTotal);
    }
    const long after = rssKb(server.pid());
    INFO("RSS before " << before << " kB, after " << after << " kB");
    CHECK(after - before < 32 * 1024);
    CHECK(health(server.port()).find(R"("ok":true)") != std::string::npos);
}

TEST_CASE("a client that dribbles its request is cut off at the deadline for the whole head, while others are answered",
          "[sync][server][hostile]") {
    test::TempDir dir;
    test::ServerProcess server((dir / "server.db").string(), dir.path(), {"--head-timeout", "3", "--max-per-client", "16"});
    // 60 slow clients from 20 addresses (127.0.0.x, as many machines would be), each sending one
    // header byte every half second: steadily active, never finishing.
    std::vector<int> slow;
    for (int i = 0; i < 60; ++i) {
        const std::string source = "127.0.0." + std::to_string(10 + i % 20);
        const int s = connectFrom(server.port(), source.c_str());
        REQUIRE(s >= 0);
        ::send(s, "GET /v1/health HTTP/1.1\r\n", 25, MSG_NOSIGNAL);
        slow.push_back(s);
    }
    std::atomic<bool> stop{false};
    std::thread dribble([&] {
        while (!stop) {
            for (int s : slow) ::send(s, "X", 1, MSG_NOSIGNAL);
            std::this_thread::sleep_for(500ms);
        }
    });
    // Meanwhile everyone else is answered.
    int answered = 0;
    for (int i = 0; i < 10; ++i) answered += health(server.port()).find(R"("ok":true)") != std::string::npos;
    CHECK(answered == 10);
    // Each slow client is cut off once its head is overdue, though it never stopped sending.
    int cut = 0;
    for (int s : slow) cut += closedByServer(s, 120s);
    stop = true;
    dribble.join();
    for (int s : slow) ::close(s);
    CHECK(cut == 60);
    CHECK(health(server.port()).find(R"("ok":true)") != std::string::npos);
}

TEST_CASE("one address cannot take every connection: past its limit it is refused, others are served",
          "[sync][server][hostile]") {
    test::TempDir dir;
    test::ServerProcess server((dir / "server.db").string(), dir.path(), {"--max-per-client", "8"});
    std::vector<int> held;
    for (int i = 0; i < 8; ++i) {
        const int s = connectFrom(server.port(), "127.0.0.5");
        REQUIRE(s >= 0);
        held.push_back(s);
    }
    // The server accepts in order: the ninth comes after the eight.
    const int extra = connectFrom(server.port(), "127.0.0.5");
    REQUIRE(extra >= 0);  // the kernel accepts; the server closes it at once
    CHECK(closedByServer(extra, 60s));
    ::close(extra);
    // Another address (another office) is answered.
    CHECK(health(server.port(), "127.0.0.6").find(R"("ok":true)") != std::string::npos);
    for (int s : held) ::close(s);
}
