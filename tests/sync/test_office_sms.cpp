// Text messages with the office's decisions: only for a person who asked, in their language,
// retried through a gateway that fails, and the gateways themselves (gammu-smsd's outbox, HTTP).
#include <arpa/inet.h>
#include <ctime>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/utf8.hpp"

#include "sync/server/http_api.hpp"
#include "sync/server/office/console.hpp"
#include "sync/server/office/console_page.hpp"
#include "sync/server/office/sms.hpp"
#include "sync/protocol/signing.hpp"
#include "catalog/catalog_generator.hpp"
#include "sync/console_fixture.hpp"
#include "sync/server_fixture.hpp"
#include "sync/server_process.hpp"

using namespace dc;
using namespace dc::server;
using nlohmann::json;

using test::ConsoleFixture;

namespace {

struct RecordingGateway : office::SmsGateway {
    std::vector<office::SmsMessage> sent;
    int failuresLeft = 0;
    Expected<void> send(const office::SmsMessage& m) override {
        if (failuresLeft > 0) {
            --failuresLeft;
            return fail(ErrorCode::Transient, "the modem is not answering");
        }
        sent.push_back(m);
        return {};
    }
    std::string describe() const override { return "recording"; }
};

}  // namespace

TEST_CASE("text messages: only for a person who asked, in their language with the kiosk's words, retried, shown on the record",
          "[sync][office][sms]") {
    ConsoleFixture f;
    // One person asked for texts (Georgian), one did not, one asked with a number no text reaches.
    auto push = [&](const std::string& id, const std::string& code, json person) {
        sync::PushRequest p;
        p.records.push_back(
            {"rec-" + id, "application",
             json{{"applicationId", id}, {"referenceCode", code}, {"jobId", f.jobId}, {"person", person}}.dump()});
        auto answer = f.service->push(f.kiosk.deviceId, p);
        REQUIRE(answer);
        REQUIRE(answer->answers.size() == 1);
        return answer->answers[0].outcome;
    };
    CHECK(push("a-0000000101", "SMS-AA1",
               {{"name", "ნინო"}, {"phone", "+995 (555) 12-34-56"}, {"language", "ka"}, {"sms", true}}) ==
          sync::Outcome::Accepted);
    CHECK(push("a-0000000102", "SMS-AA2", {{"name", "Ivan"}, {"phone", "+375 29 123 45 67"}, {"language", "ru"}}) ==
          sync::Outcome::Accepted);
    // A number no text could reach breaks the phone's one rule (domain/person.hpp): the office
    // refuses the record at intake, as the kiosk's own form would have.
    CHECK(push("a-0000000103", "SMS-AA3", {{"name", "X"}, {"phone", "call me; DROP TABLE"}, {"language", "ru"}, {"sms", true}}) ==
          sync::Outcome::Rejected);
    auto nino = f.office->login("Nino", "nino password 1");
    for (const char* id : {"a-0000000101", "a-0000000102"})
        REQUIRE(f.office->decide(office::RecordKind::Application, id, 0, "invited", "გთხოვთ, თან იქონიოთ პასპორტი.",
                                 "2027-01-12 10:00, Rustaveli 12", nino->session));

    RecordingGateway gateway;
    gateway.failuresLeft = 1;
    // The first try fails: nothing is lost, it waits and goes again later, not before.
    auto sent = office::sendDueSms(*f.pool, gateway, f.clock);
    REQUIRE(sent);
    CHECK(*sent == 0);
    CHECK(*office::sendDueSms(*f.pool, gateway, f.clock + 5) == 0);
    CHECK(*office::sendDueSms(*f.pool, gateway, f.clock + 31) == 1);
    REQUIRE(gateway.sent.size() == 1);
    CHECK(gateway.sent[0].number == "+995555123456");
    const std::string& text = gateway.sent[0].text;
    CHECK(text.find("ციფრული მოქალაქე, SMS-AA1: მოწვეული ხართ გასაუბრებაზე.") == 0);  // the kiosk's own sentence
    CHECK(text.find("2027-01-12 10:00, Rustaveli 12") != std::string::npos);
    CHECK(text.find("გთხოვთ, თან იქონიოთ პასპორტი.") != std::string::npos);
    CHECK(*office::sendDueSms(*f.pool, gateway, f.clock + 4000) == 0);  // sent once, not again

    // The record shows the text and that it went; the others show that none was asked for.
    auto [cookie, csrf] = f.signIn("Nino", "nino+password+1");
    const auto page = f.request("GET", "/office/record/application/a-0000000101", "", cookie);
    CHECK(page.body.find("+995555123456") != std::string::npos);
    CHECK(page.body.find("sent") != std::string::npos);
    CHECK(f.request("GET", "/office/record/application/a-0000000102", "", cookie).body.find("did not ask for text messages") !=
          std::string::npos);
    (void)csrf;

    // A gateway that never answers: the text is tried kMaxSmsAttempts times, then shown as failed.
    REQUIRE(f.office->decide(office::RecordKind::Application, "a-0000000101", 1, "hired", "", "", nino->session));
    RecordingGateway broken;
    broken.failuresLeft = 1000;
    int64_t at = f.clock;
    for (int i = 0; i < office::kMaxSmsAttempts + 2; ++i, at += 3601) CHECK(*office::sendDueSms(*f.pool, broken, at) == 0);
    auto c = f.pool->acquire();
    auto rows =
        c->query("SELECT state, attempts, last_error FROM sms_outbox WHERE record = 'a-0000000101' ORDER BY id DESC LIMIT 1");
    REQUIRE(rows);
    CHECK((*rows)[0].text(0) == "failed");
    CHECK((*rows)[0].integer(1) == office::kMaxSmsAttempts);
    CHECK((*rows)[0].text(2).find("modem") != std::string::npos);
}

TEST_CASE("text messages: numbers, the text's length and language, and the gammu-smsd outbox file",
          "[sync][office][sms][hostile]") {
    CHECK(office::smsNumber("+995 555 12 34 56") == "+995555123456");
    CHECK(office::smsNumber("8 (029) 123-45-67") == "80291234567");
    CHECK(office::smsNumber("12345").empty());
    CHECK(office::smsNumber("+1234567890123456").empty());
    CHECK(office::smsNumber("555 12 34 56; rm -rf /").empty());
    CHECK(office::smsNumber("+995+555123456").empty());
    CHECK(office::smsNumber("../../etc/passwd").empty());
    CHECK(office::smsNumber("").empty());

    const std::string ru = office::smsText("ru", "K7M-4QX", "waitlisted", 3, "", "");
    CHECK(ru.find("K7M-4QX") != std::string::npos);
    CHECK(ru.find("3") != std::string::npos);
    CHECK(ru.find("%d") == std::string::npos);
    CHECK(office::smsText("xx", "K7M-4QX", "hired", std::nullopt, "", "").find("You got the job.") != std::string::npos);
    const std::string longText = office::smsText("be", "K7M-4QX", "not_selected", std::nullopt, "", std::string(3000, 'x'));
    std::vector<char32_t> points;
    REQUIRE(utf8::decode(longText, points));
    CHECK(points.size() == office::kMaxSmsCharacters);
    CHECK(longText.ends_with("…"));

    test::TempDir dir;
    office::GammuSpoolGateway gammu(dir.path().string());
    REQUIRE(gammu.send({7, "+995555123456", "ნინო, Нина"}));
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) files.push_back(e.path());
    REQUIRE(files.size() == 1);  // no temporary file left behind
    const std::string name = files[0].filename().string();
    CHECK(name.starts_with("OUTB"));
    CHECK(name.ends_with("_00_+995555123456_dc7.txt"));
    std::ifstream in(files[0], std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() == 2 + 2 * 10);
    CHECK(bytes.substr(0, 2) == "\xFF\xFE");
    CHECK(bytes.substr(2, 2) == "\xDC\x10");  // ნ U+10DC, little-endian
    CHECK_FALSE(gammu.send({8, "+995 555; rm", "x"}));  // never a file name from a bad number
    CHECK_FALSE(office::openSmsGateway("gammu:" + (dir.path() / "missing").string(), ""));
    CHECK_FALSE(office::openSmsGateway("ftp://example", ""));
    CHECK(office::openSmsGateway("http://127.0.0.1:9/sms", ""));
}

TEST_CASE("text messages: the HTTP gateway posts JSON with the token, and an answer other than 2xx is a failure",
          "[sync][office][sms]") {
    // A one-request HTTP server on loopback that answers `status` and keeps what it got.
    auto serveOnce = [](int status, std::string& got) {
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::listen(listener, 1) == 0);
        socklen_t len = sizeof addr;
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
        const int port = ntohs(addr.sin_port);
        std::thread t([listener, status, &got] {
            const int s = ::accept(listener, nullptr, nullptr);
            char buf[4096];
            for (;;) {
                const ssize_t n = ::read(s, buf, sizeof buf);
                if (n <= 0) break;
                got.append(buf, static_cast<size_t>(n));
                const size_t head = got.find("\r\n\r\n");
                if (head != std::string::npos) {
                    const size_t at = got.find("Content-Length: ");
                    const size_t want = at == std::string::npos ? 0 : std::stoul(got.substr(at + 16));
                    if (got.size() >= head + 4 + want) break;
                }
            }
            const std::string answer =
                "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            (void)::write(s, answer.data(), answer.size());
            ::close(s);
            ::close(listener);
        });
        return std::make_pair(port, std::move(t));
    };
    std::string got;
    auto [port, server] = serveOnce(202, got);
    office::HttpSmsGateway gateway("http://127.0.0.1:" + std::to_string(port) + "/sms", "s3cret");
    REQUIRE(gateway.send({42, "+995555123456", "მოწვეული ხართ \"გასაუბრებაზე\""}));
    server.join();
    CHECK(got.find("Authorization: Bearer s3cret") != std::string::npos);
    const json body = json::parse(got.substr(got.find("\r\n\r\n") + 4));
    CHECK(body["id"] == "dc-sms-42");
    CHECK(body["to"] == "+995555123456");
    CHECK(body["text"] == "მოწვეული ხართ \"გასაუბრებაზე\"");

    std::string got2;
    auto [port2, server2] = serveOnce(503, got2);
    office::HttpSmsGateway refusing("http://127.0.0.1:" + std::to_string(port2) + "/sms", "");
    auto failed = refusing.send({43, "+995555123456", "x"});
    server2.join();
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message().find("503") != std::string::npos);
    CHECK(got2.find("Authorization") == std::string::npos);
}
