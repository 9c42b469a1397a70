// Salvage from a damaged database: the page reader on real files (main file and WAL), on hostile
// bytes, and what salvage puts back into the fresh database.
#include <filesystem>

#include "store/jobseeker_actions.hpp"
#include "store/outbox.hpp"
#include "store/page_reader.hpp"
#include "store/salvage.hpp"
#include "support/kiosk_store.hpp"

using namespace dc;
using store::pages::Image;

namespace {

// The ids of the outbox rows the page reader finds in `image`, and the count of broken cells.
std::pair<std::vector<std::string>, uint64_t> outboxIds(const Image& image) {
    std::vector<std::string> ids;
    const auto counts = store::pages::scanLeaves(image, [&](const store::pages::Cell& c) {
        if (c.tree == store::pages::Tree::Table && c.record.size() >= 10 && c.record[4].isText("pending"))
            ids.push_back(c.record[1].bytes);
    });
    std::sort(ids.begin(), ids.end());
    return {ids, counts.broken};
}

std::vector<std::string> pendingIds(store::Database& db) {
    auto stmt = store::Statement::prepare(db, "SELECT id FROM outbox WHERE state = 'pending' ORDER BY id");
    REQUIRE(stmt);
    std::vector<std::string> ids;
    while (stmt->step() == SQLITE_ROW) ids.push_back(stmt->text(0));
    return ids;
}

std::string varintBytes(uint64_t v) {
    std::string groups;
    do {
        groups.insert(groups.begin(), static_cast<char>(v & 0x7f));
        v >>= 7;
    } while (v);
    for (size_t i = 0; i + 1 < groups.size(); ++i) groups[i] = static_cast<char>(groups[i] | 0x80);
    return groups;
}

void applyFor(test::KioskStore& k, int people) {
    for (int i = 0; i < people; ++i)
        REQUIRE(store::submitApplication(k.db, k.cipher,
                                         {.jobId = "demo-job-001",
                                          .person = {.name = "Person " + std::to_string(i), .phone = "+995 555 000 000"},
                                          .consent = true}));
}

}  // namespace

TEST_CASE("salvage: records only in the WAL (never checkpointed) are found, with a destroyed header", "[store][salvage]") {
    test::KioskStore k;
    REQUIRE(k.db.exec("PRAGMA wal_autocheckpoint = 0"));
    REQUIRE(k.db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    applyFor(k, 5);
    const auto expected = pendingIds(k.db);
    REQUIRE(expected.size() == 5);
    REQUIRE(std::filesystem::file_size(k.dir / "kiosk.db-wal") > 0);
    // What a kiosk that lost power leaves: the file and its WAL, copied while open.
    test::TempDir other;
    const std::filesystem::path copy = other / "kiosk.db.corrupt-20261203T101010Z";
    std::filesystem::copy_file(k.dir / "kiosk.db", copy);
    std::filesystem::copy_file(k.dir / "kiosk.db-wal", copy.string() + "-wal");
    std::string bytes = test::readFile(copy);
    for (size_t i = 0; i < 100; ++i) bytes[i] = 'E';
    test::writeFile(copy, bytes);

    auto image = Image::read(copy, 1 << 30);
    REQUIRE(image);
    CHECK(image->pageSize() == 4096);  // from the WAL's header, the file's is gone
    CHECK(outboxIds(*image).first == expected);

    auto fresh = store::Database::open(other / "kiosk.db");
    REQUIRE(fresh);
    REQUIRE(store::unsalvagedCopies(*fresh).size() == 1);
    auto reports = store::salvageMovedAside(*fresh);
    REQUIRE(reports);
    REQUIRE(reports->size() == 1);
    CHECK(reports->front().recordsSaved == 5);
    CHECK(reports->front().recordsLost == 0);
    CHECK(pendingIds(*fresh) == expected);
    // The payloads are the same sealed bytes: the device key opens them.
    auto records = store::pendingOutbox(*fresh, k.cipher, 10, 1 << 20);
    REQUIRE(records);
    CHECK(records->size() == 5);
    CHECK(store::unsalvagedCopies(*fresh).empty());
    CHECK(test::readFile(copy) == bytes);  // the copy is never changed
    auto again = store::salvageMovedAside(*fresh);
    REQUIRE(again);
    CHECK(again->empty());
}

TEST_CASE("salvage: a file that is no database at all is salvaged as nothing, and kept", "[store][salvage]") {
    test::TempDir dir;
    test::writeFile(dir / "kiosk.db", std::string("not a database, just words ") + std::string(5000, 'w'));
    store::OpenReport report;
    auto db = store::Database::open(dir / "kiosk.db", &report);
    REQUIRE(db);
    REQUIRE_FALSE(report.movedAsideTo.empty());
    auto reports = store::salvageMovedAside(*db);
    REQUIRE(reports);
    REQUIRE(reports->size() == 1);
    CHECK(reports->front().recordsSaved == 0);
    CHECK_THAT(reports->front().sentence(), Catch::Contains("0 waiting record(s)"));
    CHECK(std::filesystem::exists(report.movedAsideTo));
}

TEST_CASE("page reader: hostile bytes end in nothing found, never a crash or a hang", "[store][salvage]") {
    CHECK(outboxIds(Image::fromBytes("")).first.empty());
    CHECK(outboxIds(Image::fromBytes(std::string(4095, '\x0d'))).first.empty());  // less than a page
    // A leaf page that claims more cells than fit, and one whose cells point outside the page.
    std::string page(4096, '\0');
    page[0] = '\x0d';
    page[3] = '\x7f';
    page[4] = '\xff';
    CHECK(outboxIds(Image::fromBytes(std::string(4096, '\0') + page)).first.empty());
    page[3] = '\0';
    page[4] = '\x02';
    page[8] = '\xff';
    page[9] = '\xf0';
    page[10] = '\x00';
    page[11] = '\x05';
    CHECK(outboxIds(Image::fromBytes(std::string(4096, '\0') + page)).second == 2);
    // A cell whose payload claims nearly a gigabyte on an overflow chain that loops back to its
    // own page: the chain is given up after as many hops as the file has pages.
    std::string looping(4096, '\0');
    looping[0] = '\x0d';
    looping[4] = '\x01';  // one cell
    looping[8] = '\x01';  // at 0x0100
    std::string cell = varintBytes(900'002'634) + varintBytes(1);  // 489 bytes on the page, then page 2
    cell += std::string(489, 'x') + std::string("\0\0\0\x02", 4);
    looping.replace(0x0100, cell.size(), cell);
    CHECK(outboxIds(Image::fromBytes(std::string(4096, '\0') + looping)).second == 1);
    // A WAL header with a page size that is not one, and frames of another generation.
    std::string wal(32 + 24 + 4096, '\0');
    wal[0] = '\x37';
    wal[1] = '\x7f';
    wal[2] = '\x06';
    wal[3] = '\x82';
    wal[10] = '\x03';  // 768: not a power of two
    CHECK(Image::fromBytes(std::string(8192, '\0'), wal).pageSize() == 4096);
}

TEST_CASE("record decoding: headers that run past their payload, reserved types and long varints are refused",
          "[store][salvage]") {
    using store::pages::decodeRecord;
    CHECK_FALSE(decodeRecord(""));
    CHECK_FALSE(decodeRecord(std::string("\x05\x01", 2)));  // header longer than the payload
    CHECK_FALSE(decodeRecord(std::string("\x02\x0a", 2)));  // type 10 is reserved
    CHECK_FALSE(decodeRecord(std::string("\x02\x06", 2)));  // an 8-byte integer with no bytes
    CHECK_FALSE(decodeRecord(std::string("\x02\x81", 2)));  // a varint cut short
    CHECK_FALSE(decodeRecord(std::string("\x03\xff\xff", 3)));  // text longer than the payload
    auto ok =
        decodeRecord(std::string("\x04\x01\x17\x09\xfe"
                                 "hello",
                                 10));
    REQUIRE(ok);
    REQUIRE(ok->size() == 3);
    CHECK((*ok)[0].integer == -2);
    CHECK((*ok)[1].isText("hello"));
    CHECK((*ok)[2].integer == 1);
}
