// Attachments end to end: chunked upload to a real dc-server, verified by SHA-256 there, the
// local file deleted only after; resumed after a cut without sending again what arrived; a
// damaged or refused one set aside; hostile chunks refused.
#include <random>

#include "catalog/catalog_generator.hpp"
#include "catalog/catalog_json.hpp"
#include "sync/kiosk_fixture.hpp"
#include "sync/protocol/messages.hpp"
#include "sync/protocol/signing.hpp"

using namespace dc;

namespace {

std::string randomBytes(size_t n, uint64_t seed) {
    std::mt19937_64 random(seed);
    std::string out(n, '\0');
    for (char& c : out) c = static_cast<char>(random());
    return out;
}

// Passes calls through until `cutAfter` bytes of attachment chunks went out; the chunk that
// crosses it is lost on the way (its bytes counted as sent), as when the line drops mid-upload.
class CuttingTransport final : public sync::HttpTransport {
public:
    CuttingTransport(sync::HttpTransport& inner, size_t cutAfter) : m_inner(inner), m_cutAfter(cutAfter) {}
    Expected<sync::HttpResult> send(const sync::HttpCall& call) override {
        if (call.method == "PUT") {
            m_sent += call.body.size();
            if (m_sent > m_cutAfter) return fail(ErrorCode::Transient, "the connection broke off");
        }
        return m_inner.send(call);
    }
    size_t sent() const { return m_sent; }

private:
    sync::HttpTransport& m_inner;
    size_t m_cutAfter, m_sent = 0;
};

struct Setup {
    test::TempDir dir;
    std::string serverDb = (dir / "server.db").string();
    std::string token = test::tokenFor(serverDb);
};

}  // namespace

TEST_CASE("attachments arrive whole, are verified by the server, and leave the kiosk only then", "[sync][attachments]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), s.token);
    std::vector<std::pair<store::AttachmentRecord, std::string>> queued;
    for (size_t size : {1ul, 128ul * 1024, 5ul * 1024 * 1024 + 17}) {
        const std::string bytes = randomBytes(size, size);
        auto a = store::queueAttachment(kiosk.db, kiosk.cipher, "id-photo", "rec-0000000001", bytes);
        REQUIRE(a);
        queued.emplace_back(*a, bytes);
    }
    CHECK(std::filesystem::exists(s.dir / "attachments" / (queued[0].first.id + ".sealed")));
    // The file on disk is sealed: the photo's bytes are not in it.
    CHECK(test::readFile(s.dir / "attachments" / (queued[1].first.id + ".sealed")).find(queued[1].second.substr(0, 64)) ==
          std::string::npos);
    auto round = kiosk.client->runRound();
    REQUIRE(round);
    CHECK(round->attachmentsDone == 3);
    for (const auto& [a, bytes] : queued) {
        CHECK_FALSE(std::filesystem::exists(s.dir / "attachments" / (a.id + ".sealed")));
        auto out = s.dir / ("out-" + a.id);
        REQUIRE(test::runServerCommand({"attachment", "--db", s.serverDb, a.id, "--out", out.string()}).exitCode == 0);
        CHECK(test::readFile(out) == bytes);
    }
    CHECK(store::pendingAttachments(kiosk.db, 10)->empty());
    CHECK(test::runServerCommand({"attachments", "--db", s.serverDb}).output.find("complete, SHA-256 verified") !=
          std::string::npos);
}

TEST_CASE("an upload cut at 50% resumes from what the server holds (< 55% sent again)", "[sync][attachments]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    const size_t size = 5 * 1024 * 1024;
    const std::string bytes = randomBytes(size, 5);
    std::string id;
    {
        test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), s.token);
        auto a = store::queueAttachment(kiosk.db, kiosk.cipher, "id-photo", "", bytes);
        REQUIRE(a);
        id = a->id;
        CuttingTransport cut(*kiosk.http, size / 2);
        sync::SyncClient client(kiosk.db, kiosk.cipher, cut, {.serverUrl = server.url(), .enrollToken = s.token});
        sync::RoundReport report;
        REQUIRE_FALSE(client.uploadAttachments(report));
        CHECK(store::pendingAttachments(kiosk.db, 10)->size() == 1);
    }
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), "");
    sync::RoundReport report;
    REQUIRE(kiosk.client->uploadAttachments(report));
    CHECK(report.attachmentsDone == 1);
    INFO("sent again: " << report.attachmentBytesSent << " of " << size);
    CHECK(report.attachmentBytesSent < size * 55 / 100);
    CHECK(report.attachmentBytesSent >= size / 2 - 128 * 1024);
    auto out = s.dir / "out";
    REQUIRE(test::runServerCommand({"attachment", "--db", s.serverDb, id, "--out", out.string()}).exitCode == 0);
    CHECK(test::readFile(out) == bytes);
}

TEST_CASE("lost answers to chunks and server errors mid-upload end in one whole copy", "[sync][attachments][faults]") {
    Setup s;
    const std::string bytes = randomBytes(700 * 1024, 9);
    std::string id;
    {
        test::ServerProcess first(s.serverDb, s.dir.path());
        test::KioskSide kiosk(s.dir / "kiosk.db", first.url(), s.token);
        REQUIRE(kiosk.client->ensureEnrolled());
        id = store::queueAttachment(kiosk.db, kiosk.cipher, "id-photo", "", bytes)->id;
    }
    test::ServerProcess server(s.serverDb, s.dir.path(),
                               {"--faults", "attachment:drop,attachment:truncate,attachment:503,attachment:drop"});
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), "");
    CHECK(kiosk.roundsUntilClean(10) > 1);
    auto out = s.dir / "out";
    REQUIRE(test::runServerCommand({"attachment", "--db", s.serverDb, id, "--out", out.string()}).exitCode == 0);
    CHECK(test::readFile(out) == bytes);
}

TEST_CASE("an attachment whose bytes do not match its checksum, or whose file is gone, is set aside", "[sync][attachments]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), s.token);
    auto wrong = store::queueAttachment(kiosk.db, kiosk.cipher, "id-photo", "", randomBytes(1000, 1));
    auto missing = store::queueAttachment(kiosk.db, kiosk.cipher, "id-photo", "", randomBytes(1000, 2));
    auto fine = store::queueAttachment(kiosk.db, kiosk.cipher, "id-photo", "", randomBytes(1000, 3));
    REQUIRE(kiosk.db.exec("UPDATE attachments SET sha256 = '" + std::string(64, 'a') + "' WHERE id = '" + wrong->id + "'"));
    std::filesystem::remove(s.dir / "attachments" / (missing->id + ".sealed"));
    auto round = kiosk.client->runRound();
    REQUIRE(round);
    CHECK(round->attachmentsDone == 1);
    CHECK(kiosk.text("SELECT last_error FROM attachments WHERE id = '" + wrong->id + "'").find("SHA-256") != std::string::npos);
    CHECK(kiosk.text("SELECT state FROM attachments WHERE id = '" + missing->id + "'") == "quarantined");
    CHECK(kiosk.text("SELECT state FROM attachments WHERE id = '" + fine->id + "'") == "done");
}

TEST_CASE("hostile chunks are refused with a reason", "[sync][attachments][hostile]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), s.token);
    test::KioskSide other(s.dir / "other.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->ensureEnrolled());
    REQUIRE(other.client->ensureEnrolled());
    auto http = sync::makeCurlTransport({});
    const std::string sha = sync::sha256Hex("abcd");
    auto put = [&](test::KioskSide& k, const std::string& query, const std::string& body) {
        const std::string target = "/v1/attachments/attach-000000001?" + query;
        const int64_t stamp =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        auto id = store::readSetting(k.db, "sync.device_id");
        auto sealed = store::readSetting(k.db, "sync.secret");
        auto key = k.cipher.open("setting:sync.secret", *sync::hexDecode(*sealed));
        auto answer = http->send({"PUT",
                                  server.url() + target,
                                  {{"DC-Device", *id},
                                   {"DC-Timestamp", std::to_string(stamp)},
                                   {"DC-Signature", sync::signRequest(*key, "PUT", target, stamp, body)}},
                                  body});
        REQUIRE(answer);
        return *answer;
    };
    CHECK(put(kiosk, "offset=0&size=99999999&sha256=" + sha, "ab").status == 400);  // over 16 MiB
    CHECK(put(kiosk, "offset=3&size=4&sha256=" + sha, "ab").status == 400);  // past the end
    // offset + size would overflow a signed 64-bit number (undefined behaviour before): refused.
    CHECK(put(kiosk, "offset=9223372036854775807&size=4&sha256=" + sha, "ab").status == 400);
    CHECK(put(kiosk, "offset=9223372036854775806&size=16777216&sha256=" + sha, "ab").status == 400);
    CHECK(put(kiosk, "offset=0&size=4&sha256=nothex", "ab").status == 400);
    CHECK(put(kiosk, "offset=x&size=4&sha256=" + sha, "ab").status == 400);
    CHECK(put(kiosk, "offset=0&size=4&sha256=" + sha, "").status == 400);  // empty chunk
    CHECK(put(kiosk, "offset=0&size=4&sha256=" + sha, "ab").status == 200);
    auto skip = put(kiosk, "offset=3&size=4&sha256=" + sha, "d");  // a gap
    CHECK(skip.status == 409);
    CHECK(sync::parseAttachmentStatus(skip.body)->received == 2);
    CHECK(put(other, "offset=2&size=4&sha256=" + sha, "cd").status == 403);  // not its attachment
    CHECK(put(kiosk, "offset=2&size=4&sha256=" + sha, "cd").status == 200);
    auto again = put(kiosk, "offset=2&size=4&sha256=" + sha, "cd");  // a repeat when whole
    CHECK(again.status == 200);
    CHECK(sync::parseAttachmentStatus(again.body)->complete);
}
