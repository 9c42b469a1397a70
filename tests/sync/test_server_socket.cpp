// dc-server on a real socket with hostile requests: an oversized body is refused from its
// Content-Length before it is read, garbage gets a 4xx, and the server keeps serving.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "sync/kiosk_fixture.hpp"
#include "sync/server/fault_plan.hpp"

using namespace dc;

namespace {

// Sends `request` raw and returns what came back within `seconds` (empty on silence).
std::string exchange(int port, const std::string& request, int seconds = 3) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    timeval tv{seconds, 0};
    ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::send(s, request.data(), request.size(), MSG_NOSIGNAL);
    std::string answer;
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(s, buf, sizeof buf, 0)) > 0) {
        answer.append(buf, static_cast<size_t>(n));
        if (answer.find("\r\n\r\n") != std::string::npos && answer.find('}') != std::string::npos) break;
    }
    ::close(s);
    return answer;
}

}  // namespace

TEST_CASE("dc-server refuses an oversized body at once and survives garbage", "[sync][server][hostile]") {
    test::TempDir dir;
    test::ServerProcess server((dir / "server.db").string(), dir.path());
    // Only the body's first bytes are sent: the answer can only come from the Content-Length.
    const std::string big = exchange(
        server.port(),
        "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{\"rec");
    CHECK(big.starts_with("HTTP/1.1 413"));
    CHECK(big.find(R"("error":"too_large")") != std::string::npos);
    CHECK(exchange(server.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n")
              .starts_with("HTTP/1.1 413"));

    // Not HTTP at all: the connection is closed without an answer. A request line without its
    // version: 400. Neither hangs.
    const std::string garbage = exchange(server.port(), "GARBAGE\r\n\r\n");
    CHECK((garbage.empty() || garbage.starts_with("HTTP/1.1 4")));
    CHECK(exchange(server.port(), "GET /v1/health\r\n\r\n").starts_with("HTTP/1.1 400"));
    CHECK(exchange(server.port(), std::string(100000, 'A') + "\r\n\r\n").find("HTTP/1.1 4") == 0);
    const std::string unsignedPush = exchange(server.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
    CHECK(unsignedPush.starts_with("HTTP/1.1 401"));
    CHECK(unsignedPush.find(R"("error":"unauthorized")") != std::string::npos);
    // Still serving.
    CHECK(exchange(server.port(), "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n").find(R"("ok":true)") != std::string::npos);
}

TEST_CASE("dc-server's admin commands refuse bad arguments and bad files with a message", "[sync][server][hostile]") {
    test::TempDir dir;
    const std::string db = (dir / "server.db").string();
    CHECK(test::runServerCommand({}).exitCode == 2);
    CHECK(test::runServerCommand({"serve"}).exitCode == 2);  // no --db
    CHECK(test::runServerCommand({"launch", "--db", db}).exitCode == 2);  // unknown command
    CHECK(test::runServerCommand({"serve", "--db", db, "--listen", "nowhere"}).exitCode == 2);
    CHECK(test::runServerCommand({"serve", "--db", db, "--listen", "127.0.0.1:99999"}).exitCode == 2);
    CHECK(test::runServerCommand({"serve", "--db", db, "--faults", "push:explode"}).exitCode == 2);
    CHECK(test::runServerCommand({"serve", "--db", db, "--tls-cert", "x.pem"}).exitCode == 2);
    CHECK(test::runServerCommand({"token", "--db", db, "--valid-hours", "-3"}).exitCode == 2);
    CHECK(test::runServerCommand({"export", "--db", db, "passwords"}).exitCode == 2);
    CHECK(test::runServerCommand({"import", "--db", db, (dir / "missing.jsonl").string()}).exitCode == 1);
    test::writeFile(dir / "bad.jsonl", "{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"\"}}\nnot json\n");
    CHECK(test::runServerCommand({"import", "--db", db, (dir / "bad.jsonl").string()}).exitCode == 1);
    CHECK(test::runServerCommand({"cancel", "--db", db, "NOPE-00"}).exitCode == 1);
    CHECK(test::runServerCommand({"token", "--db", "/nonexistent/dir/server.db"}).exitCode == 1);
    CHECK(test::runServerCommand({"token", "--db", "host=127.0.0.1 port=1 dbname=x connect_timeout=2"}).exitCode == 1);
    // A good command still works after all that.
    CHECK(test::runServerCommand({"token", "--db", db}).exitCode == 0);
}

TEST_CASE("fault plans are parsed strictly", "[sync][server]") {
    CHECK(server::FaultPlan::parse("push:503,push:drop,pull:truncate,any:429:7,heartbeat:slow:3000"));
    CHECK(server::FaultPlan::parse(""));
    for (const char* bad : {"push", "push:", "push:404", "nowhere:503", "push:slow", "push:slow:x", "push:429:-1", "push:drop:3",
                            "push:503:1:2", "push:slow:99999999"})
        CHECK_FALSE(server::FaultPlan::parse(bad));
    auto plan = server::FaultPlan::parse("push:503,any:500,pull:drop");
    REQUIRE(plan);
    CHECK(plan->take("pull")->status == 500);  // "any" comes before the pull fault in order
    CHECK(plan->take("pull")->action == server::Fault::Action::Drop);
    CHECK(plan->take("push")->status == 503);
    CHECK_FALSE(plan->take("push"));
}
