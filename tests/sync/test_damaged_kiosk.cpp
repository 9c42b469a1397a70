// A kiosk whose database file is damaged on disk (a bad sector, bytes written over it) against a
// real dc-server: what can be read still reaches the office, what cannot is counted and said.
#include <sqlite3.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "catalog/catalog_generator.hpp"
#include "catalog/catalog_json.hpp"
#include "store/attachments.hpp"
#include "store/salvage.hpp"
#include "sync/kiosk_fixture.hpp"

using namespace dc;

namespace {

struct Setup {
    test::TempDir dir;
    std::string serverDb = (dir / "server.db").string();
    Setup() {
        test::writeFile(dir / "catalog.jsonl",
                        catalog::toJsonLines(catalog::generateCatalog({.seed = 9, .jobs = 40, .courses = 1})));
        REQUIRE(test::runServerCommand({"import", "--db", serverDb, (dir / "catalog.jsonl").string()}).exitCode == 0);
    }
};

struct Leaf {
    int64_t page = 0, cells = 0;
};

// The leaf pages of a table or index in key order, with how many entries each holds.
std::vector<Leaf> leafPages(store::Database& db, const std::string& name) {
    auto stmt =
        store::Statement::prepare(db, "SELECT pageno, ncell FROM dbstat WHERE name = ?1 AND pagetype = 'leaf' ORDER BY path");
    REQUIRE(stmt);
    stmt->bind(1, name);
    std::vector<Leaf> leaves;
    while (stmt->step() == SQLITE_ROW) leaves.push_back({stmt->integer(0), stmt->integer(1)});
    return leaves;
}

// Overwrites one page of a closed database file (what a bad sector looks like to SQLite).
void overwritePage(const std::filesystem::path& file, int64_t page, int64_t pageSize, char byte) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(f);
    f.seekp((page - 1) * pageSize);
    const std::string junk(static_cast<size_t>(pageSize), byte);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    REQUIRE(f);
}

// `count` applications by different people for different jobs, none sent yet.
void applyMany(test::KioskSide& kiosk, int count) {
    auto jobs = store::Statement::prepare(kiosk.db, "SELECT id FROM jobs ORDER BY id LIMIT ?1");
    REQUIRE(jobs);
    jobs->bind(1, int64_t{count});
    std::vector<std::string> ids;
    while (jobs->step() == SQLITE_ROW) ids.push_back(jobs->text(0));
    REQUIRE(ids.size() == static_cast<size_t>(count));
    for (size_t i = 0; i < ids.size(); ++i) kiosk.apply(ids[i], "Person " + std::to_string(i) + " " + std::string(150, 'x'));
}

// The "set-aside" column of `dc-server devices` for the one kiosk.
int64_t setAsideAtTheOffice(const std::string& serverDb) {
    auto devices = test::runServerCommand({"devices", "--db", serverDb});
    REQUIRE(devices.exitCode == 0);
    std::istringstream lines(devices.output);
    std::string header, row;
    std::getline(lines, header);
    std::getline(lines, row);
    std::istringstream fields(row);
    std::string id, name, version;
    int64_t queue = -1, setAside = -1;
    fields >> id >> name >> version >> queue >> setAside;
    INFO(devices.output);
    return setAside;
}

// A kiosk that enrolled, then queued 23 applications (and whatever `more` adds) with the server
// unasked, and closed its database: the leaf pages of `tree` and the page size, for damaging.
struct Queued {
    std::vector<Leaf> leaves;
    int64_t pageSize = 0;
};
Queued queueAndClose(const Setup& s, const test::ServerProcess& server, const std::string& tree,
                     const std::function<void(test::KioskSide&)>& more = {}) {
    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), test::tokenFor(s.serverDb));
    REQUIRE(kiosk.client->runRound());
    applyMany(kiosk, 23);
    REQUIRE(kiosk.count("SELECT count(*) FROM outbox WHERE state = 'pending'") == 23);
    if (more) more(kiosk);
    Queued q{leafPages(kiosk.db, tree), kiosk.count("PRAGMA page_size")};
    REQUIRE(kiosk.db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    return q;
}

}  // namespace

TEST_CASE("one damaged outbox page: records on healthy pages still reach the office, the rest are counted as set aside",
          "[sync][e2e][damaged]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    const auto [leaves, pageSize] = queueAndClose(s, server, "outbox");
    REQUIRE(leaves.size() >= 3);
    const Leaf damaged = leaves[1];  // a page in the middle of the queue
    REQUIRE(damaged.cells > 0);
    overwritePage(s.dir / "kiosk.db", damaged.page, pageSize, '\0');

    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), "");
    auto round = kiosk.client->runRound();
    INFO((round ? std::string() : round.error().message()));
    REQUIRE(round);
    CHECK(static_cast<int64_t>(round->delivered) == 23 - damaged.cells);
    CHECK(test::exportedRows(s.serverDb, "applications") == static_cast<size_t>(23 - damaged.cells));
    auto stats = store::outboxStats(kiosk.db);
    REQUIRE(stats);
    CHECK(stats->pending == 0);
    CHECK(stats->quarantined == damaged.cells);
    CHECK(setAsideAtTheOffice(s.serverDb) == damaged.cells);
    auto listed = store::quarantinedOutbox(kiosk.db, 50);
    REQUIRE(listed);
    REQUIRE(listed->size() == static_cast<size_t>(damaged.cells));
    CHECK_THAT(listed->front().reason, Catch::Contains("damaged"));

    // Nothing goes twice, and what is applied for now still goes out.
    REQUIRE(kiosk.client->runRound());
    kiosk.apply(kiosk.firstJobId(), "Nino");
    auto later = kiosk.client->runRound();
    REQUIRE(later);
    CHECK(later->delivered == 1);
    CHECK(test::exportedRows(s.serverDb, "applications") == static_cast<size_t>(24 - damaged.cells));
}

TEST_CASE("a damaged page of the outbox's index: the index is rebuilt and every record goes out once", "[sync][e2e][damaged]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    const auto [leaves, pageSize] = queueAndClose(s, server, "outbox_pending");
    REQUIRE_FALSE(leaves.empty());
    overwritePage(s.dir / "kiosk.db", leaves.back().page, pageSize, '\xA5');

    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), "");
    auto round = kiosk.client->runRound();
    INFO((round ? std::string() : round.error().message()));
    REQUIRE(round);
    CHECK(round->delivered == 23);
    REQUIRE(kiosk.client->runRound());
    CHECK(test::exportedRows(s.serverDb, "applications") == 23);
    CHECK(kiosk.count("SELECT count(*) FROM outbox WHERE state = 'done'") == 23);
    CHECK(setAsideAtTheOffice(s.serverDb) == 0);
}

TEST_CASE(
    "a database whose header the printer wrote over: what was waiting is salvaged, reaches the office once, and "
    "what could not be saved is counted",
    "[sync][e2e][damaged][salvage]") {
    Setup s;
    test::ServerProcess server(s.serverDb, s.dir.path());
    std::string photoId;
    const std::string photo(70'000, 'p');
    const auto [leaves, pageSize] = queueAndClose(s, server, "outbox", [&](test::KioskSide& kiosk) {
        auto a = store::queueAttachment(kiosk.db, kiosk.cipher, "id-photo", "", photo);
        REQUIRE(a);
        photoId = a->id;
    });
    REQUIRE(leaves.size() >= 3);
    // A test receipt sent to "the printer" that was the database: ESC/POS over the header and the
    // schema page, and one page of the queue lost as well.
    {
        std::string receipt = "\x1b@\x1b!\x38TEST PAGE\n";
        while (receipt.size() < 600) receipt += "Printer check: 0123456789 ABCDEFGHIJ\n";
        receipt += "\x1dV\x41";
        std::fstream f(s.dir / "kiosk.db", std::ios::in | std::ios::out | std::ios::binary);
        f.write(receipt.data(), static_cast<std::streamsize>(receipt.size()));
    }
    overwritePage(s.dir / "kiosk.db", leaves[1].page, pageSize, '\0');
    const int64_t lost = leaves[1].cells;

    test::KioskSide kiosk(s.dir / "kiosk.db", server.url(), "");
    auto round = kiosk.client->runRound();
    INFO((round ? std::string() : round.error().message()));
    REQUIRE(round);
    CHECK(round->salvaged == 23 - lost);
    CHECK(static_cast<int64_t>(round->delivered) == 23 - lost);
    CHECK(round->attachmentsDone == 1);
    CHECK(test::exportedRows(s.serverDb, "applications") == static_cast<size_t>(23 - lost));
    auto out = s.dir / "photo.out";
    REQUIRE(test::runServerCommand({"attachment", "--db", s.serverDb, photoId, "--out", out.string()}).exitCode == 0);
    CHECK(test::readFile(out) == photo);
    // The office is told what was saved and what was not.
    auto devices = test::runServerCommand({"devices", "--db", s.serverDb});
    INFO(devices.output);
    CHECK_THAT(devices.output,
               Catch::Contains(std::to_string(23 - lost) + " waiting record(s) and 1 attachment(s) saved") &&
                   Catch::Contains(std::to_string(lost) + " record(s) and 0 attachment(s) could not be saved"));

    // Once only: the next rounds send nothing again, and the damaged copy is kept as it was.
    REQUIRE(kiosk.client->runRound());
    auto again = kiosk.client->runRound();
    REQUIRE(again);
    CHECK(again->salvaged == 0);
    CHECK(again->delivered == 0);
    CHECK(test::exportedRows(s.serverDb, "applications") == static_cast<size_t>(23 - lost));
    CHECK(store::unsalvagedCopies(kiosk.db).empty());
}
