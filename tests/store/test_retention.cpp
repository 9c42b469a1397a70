// Personal details leave the kiosk: a record the office confirmed keeps the person's details for
// the site's window, then its sealed payload, note and profile are gone, from the tables and from
// the database's files; its code and status stay. What is still waiting keeps everything.
#include <fstream>
#include <iterator>

#include "store/jobseeker_actions.hpp"
#include "store/outbox.hpp"
#include "store/retention.hpp"
#include "support/kiosk_store.hpp"

using namespace dc;
using Outcome = store::DeliveryAnswer::Outcome;

namespace {

std::string blobOf(test::KioskStore& k, const std::string& sql) {
    auto stmt = store::Statement::prepare(k.db, sql);
    REQUIRE(stmt);
    REQUIRE(stmt->step() == SQLITE_ROW);
    const auto bytes = stmt->blob(0);
    return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("retention: a delivered record's details are erased after the window, from the files too", "[store][retention]") {
    test::KioskStore k;
    auto first = store::submitApplication(k.db, k.cipher,
                                          {.jobId = "demo-job-001",
                                           .person = {.name = "Nino Retention-Marker", .phone = "+995 555 123 456"},
                                           .note = "I can start on Monday",
                                           .consent = true});
    REQUIRE(first);
    auto second = store::submitApplication(
        k.db, k.cipher,
        {.jobId = "demo-job-002", .person = {.name = "Giorgi Still-Waiting", .phone = "+995 555 999 000"}, .consent = true});
    REQUIRE(second);
    auto records = *store::pendingOutbox(k.db, k.cipher, 10, 1 << 20);
    REQUIRE(records.size() == 2);
    // The sealed bytes as they lie in the file: the outbox payload, the note and the profile's name.
    const std::string payload = blobOf(k, "SELECT payload FROM outbox WHERE id = '" + records[0].id + "'");
    const std::string note = blobOf(k, "SELECT note_enc FROM applications WHERE reference_code = '" + first->referenceCode + "'");
    const std::string name = blobOf(k,
                                    "SELECT p.name_enc FROM profiles p JOIN applications a ON a.profile_id = p.id "
                                    "WHERE a.reference_code = '" +
                                        first->referenceCode + "'");
    REQUIRE(payload.size() > 32);
    REQUIRE(note.size() > 16);
    REQUIRE(name.size() > 16);
    REQUIRE(store::recordDeliveries(
        k.db,
        {{.outcome = Outcome::Accepted, .id = records[0].id, .status = "submitted", .resultJson = R"({"status":"submitted"})"}}));

    // Within the window nothing goes; a record still waiting never goes.
    REQUIRE(k.db.exec("UPDATE outbox SET delivered_at = '2027-01-10T09:00:00Z' WHERE id = '" + records[0].id + "'"));
    auto early = store::forgetDelivered(k.db, 7, "2027-01-15T09:00:00Z");
    REQUIRE(early);
    CHECK(early->records == 0);
    CHECK(k.count("profiles") == 2);

    // Past it: the details are erased, the code and status stay.
    auto late = store::forgetDelivered(k.db, 7, "2027-01-18T09:00:00Z");
    REQUIRE(late);
    CHECK(late->records == 1);
    CHECK(late->profiles == 1);
    CHECK(k.text("SELECT length(payload) FROM outbox WHERE id = '" + records[0].id + "'") == "0");
    CHECK(k.text("SELECT coalesce(profile_id, '-') || ' ' || coalesce(note_enc, '-') || ' ' || status FROM applications "
                 "WHERE reference_code = '" +
                 first->referenceCode + "'") == "- - submitted");
    CHECK(k.count("profiles") == 1);  // Giorgi's, still waiting
    CHECK(k.text("SELECT length(payload) > 0 FROM outbox WHERE id = '" + records[1].id + "'") == "1");
    // Again: nothing more to do.
    CHECK(store::forgetDelivered(k.db, 7, "2027-01-18T09:00:00Z")->records == 0);

    // Not in the database's files either (secure_delete overwrote the freed space; the WAL is cut).
    const std::string bytes = fileBytes(k.dir / "kiosk.db") + fileBytes(k.dir / "kiosk.db-wal");
    CHECK(bytes.find(payload) == std::string::npos);
    CHECK(bytes.find(note) == std::string::npos);
    CHECK(bytes.find(name) == std::string::npos);
    CHECK(store::forgetDelivered(k.db, 7, "not a time").error().code() == ErrorCode::InvalidInput);
}

TEST_CASE("retention: 0 days erases as soon as the office confirms", "[store][retention]") {
    test::KioskStore k;
    REQUIRE(store::submitApplication(
        k.db, k.cipher, {.jobId = "demo-job-001", .person = {.name = "Ana", .phone = "+995 555 123 456"}, .consent = true}));
    auto records = *store::pendingOutbox(k.db, k.cipher, 10, 1 << 20);
    REQUIRE(store::recordDeliveries(k.db, {{.outcome = Outcome::Accepted, .id = records[0].id, .status = "submitted"}}));
    auto now = store::forgetDelivered(k.db, 0);
    REQUIRE(now);
    CHECK(now->records == 1);
    CHECK(k.count("profiles") == 0);
}
