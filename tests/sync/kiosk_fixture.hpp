#pragma once
// A kiosk's store and sync client talking to a real dc-server over loopback.
#include <catch2/catch.hpp>

#include "store/jobseeker_actions.hpp"
#include "store/outbox.hpp"
#include "store/sqlite_statement.hpp"
#include "support/temp_dir.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/server_process.hpp"

namespace dc::test {

inline std::string tokenFor(const std::string& db) {
    auto r = runServerCommand({"token", "--db", db, "--note", "test"});
    REQUIRE(r.exitCode == 0);
    return r.output.substr(0, r.output.find('\n'));
}

struct KioskSide {
    std::filesystem::path file;
    store::Database db;
    store::FieldCipher cipher;
    std::unique_ptr<sync::HttpTransport> http;
    std::unique_ptr<sync::SyncClient> client;

    KioskSide(const std::filesystem::path& dbFile, const std::string& url, const std::string& token, sync::CurlOptions curl = {},
              sync::SyncClient::Clock clock = {}, int64_t retentionDays = 7)
        : file(dbFile),
          db(std::move(*store::Database::open(dbFile))),
          cipher(std::move(*store::FieldCipher::fromKey(std::string(32, 'k')))) {
        if (curl.answerTimeout == sync::CurlOptions{}.answerTimeout) curl.answerTimeout = std::chrono::seconds(3);
        http = sync::makeCurlTransport(curl);
        client = std::make_unique<sync::SyncClient>(
            db, cipher, *http,
            sync::SyncConfig{
                .serverUrl = url, .enrollToken = token, .deviceName = "test", .version = "0.1", .retentionDays = retentionDays},
            clock);
    }

    int64_t count(const std::string& sql) {
        auto stmt = store::Statement::prepare(db, sql);
        REQUIRE(stmt);
        REQUIRE(stmt->step() == SQLITE_ROW);
        return stmt->integer(0);
    }
    std::string text(const std::string& sql) {
        auto stmt = store::Statement::prepare(db, sql);
        REQUIRE(stmt);
        REQUIRE(stmt->step() == SQLITE_ROW);
        return stmt->text(0);
    }
    // A course session with seats free as the kiosk knows it: its id and how many are left.
    std::pair<std::string, int64_t> sessionWithSeats() {
        auto stmt = store::Statement::prepare(db,
                                              "SELECT id, capacity - seats_taken FROM course_sessions "
                                              "WHERE capacity > seats_taken ORDER BY id LIMIT 1");
        REQUIRE(stmt);
        REQUIRE(stmt->step() == SQLITE_ROW);
        return {stmt->text(0), stmt->integer(1)};
    }
    std::string firstJobId() {
        auto stmt = store::Statement::prepare(db, "SELECT id FROM jobs ORDER BY rowid LIMIT 1 OFFSET 2");
        REQUIRE(stmt->step() == SQLITE_ROW);
        return stmt->text(0);
    }
    std::string apply(const std::string& jobId, const std::string& name = "Тамар") {
        auto r = store::submitApplication(
            db, cipher, {.jobId = jobId, .person = {.name = name, .phone = "+995 555 111 222"}, .consent = true});
        REQUIRE(r);
        return r->referenceCode;
    }
    // Runs rounds until one succeeds (faults injected on the way), at most `tries`.
    int roundsUntilClean(int tries) {
        for (int i = 1; i <= tries; ++i)
            if (client->runRound()) return i;
        return -1;
    }
};

// Lines of a CSV export (without the header).
inline size_t exportedRows(const std::string& db, const std::string& what) {
    auto r = runServerCommand({"export", "--db", db, what});
    REQUIRE(r.exitCode == 0);
    size_t rows = 0;
    bool quoted = false;
    for (char c : r.output) {
        if (c == '"') quoted = !quoted;
        if (c == '\n' && !quoted) ++rows;
    }
    return rows - 1;
}

}  // namespace dc::test
