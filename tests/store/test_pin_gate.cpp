// Clerk and technician PINs: hashed only, locked after failures for longer each time, and the
// lock survives a restart.
#include <catch2/catch.hpp>

#include "store/pin_gate.hpp"
#include "store/outbox.hpp"
#include "support/temp_dir.hpp"

using namespace dc;
using domain::PinRole;

namespace {

struct Fixture {
    test::TempDir dir;
    store::Database db = std::move(*store::Database::open(dir / "kiosk.db"));
    double clock = 1'800'000'000;  // a wall-clock time; tests move it on by hand
    store::PinGate gate() {
        return store::PinGate(db, {}, [this] { return clock; });
    }
};

}  // namespace

TEST_CASE("a PIN is stored only as an argon2id hash and opens only its own mode", "[core][pin]") {
    Fixture f;
    auto gate = f.gate();
    CHECK_FALSE(*gate.hasPin(PinRole::Clerk));
    REQUIRE(gate.setPin(PinRole::Clerk, "482913"));
    CHECK(*gate.hasPin(PinRole::Clerk));
    const auto stored = *store::readSetting(f.db, "pin.clerk.hash");
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("482913") == std::string::npos);
    CHECK(gate.attempt(PinRole::Clerk, "482913")->granted);
    CHECK_FALSE(gate.attempt(PinRole::Clerk, "482914")->granted);
    auto technician = gate.attempt(PinRole::Technician, "482913");  // no technician PIN set
    REQUIRE_FALSE(technician);
    CHECK(technician.error().code() == ErrorCode::NotFound);
}

TEST_CASE("wrong PINs lock the mode for longer each time, even the right PIN waits, and a restart does not help", "[core][pin]") {
    Fixture f;
    REQUIRE(f.gate().setPin(PinRole::Clerk, "1234"));
    auto gate = f.gate();
    for (int i = 1; i <= 2; ++i) {
        auto a = gate.attempt(PinRole::Clerk, "0000");
        CHECK_FALSE(a->granted);
        CHECK(a->failuresInARow == i);
        CHECK(a->lockedForSeconds == 0);
    }
    auto third = gate.attempt(PinRole::Clerk, "0000");
    CHECK(third->lockedForSeconds == Approx(30));
    // Locked: the right PIN is not even checked.
    auto early = gate.attempt(PinRole::Clerk, "1234");
    CHECK_FALSE(early->granted);
    CHECK(early->lockedForSeconds == Approx(30));
    // A restart (a new gate over the same store) keeps the lock.
    f.clock += 10;
    CHECK(f.gate().attempt(PinRole::Clerk, "1234")->lockedForSeconds == Approx(20));
    // After it: one more wrong PIN doubles the lock, and so on up to an hour.
    f.clock += 21;
    CHECK(gate.attempt(PinRole::Clerk, "0000")->lockedForSeconds == Approx(60));
    double lock = 60;
    for (int i = 0; i < 10; ++i) {
        f.clock += lock + 1;
        lock = gate.attempt(PinRole::Clerk, "0000")->lockedForSeconds;
    }
    CHECK(lock == Approx(3600));
    // The right PIN once the lock is over opens and clears the count.
    f.clock += 3601;
    auto ok = gate.attempt(PinRole::Clerk, "1234");
    CHECK(ok->granted);
    CHECK(ok->failuresInARow == 0);
    CHECK_FALSE(gate.attempt(PinRole::Clerk, "0000")->lockedForSeconds > 0);
}

TEST_CASE("a clock set back does not lock longer than the longest lock", "[core][pin]") {
    Fixture f;
    REQUIRE(f.gate().setPin(PinRole::Technician, "5555"));
    auto gate = f.gate();
    for (int i = 0; i < 3; ++i) gate.attempt(PinRole::Technician, "0000");
    f.clock -= 86400 * 365;  // the box booted without its time
    CHECK(gate.attempt(PinRole::Technician, "5555")->lockedForSeconds <= 3600);
}

TEST_CASE("PINs and hashes of the wrong shape are refused in plain words", "[core][pin][hostile]") {
    Fixture f;
    auto gate = f.gate();
    for (const char* bad : {"", "123", "1234567890123", "12a4", "12 34", "١٢٣٤", "1234\n"}) {
        INFO(bad);
        auto r = gate.setPin(PinRole::Clerk, bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().message() == "a PIN is 4 to 12 digits");
    }
    for (const char* bad : {"1234", "$2y$10$abcdefghijklmnopqrstuv", "$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA"}) {
        auto r = gate.setPinHash(PinRole::Clerk, bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().message().find("argon2id hash, never in clear") != std::string::npos);
    }
    CHECK_FALSE(gate.setPinHash(PinRole::Clerk, "$argon2id$" + std::string(1 << 20, 'x')));
    // A hash from provisioning works like one set here.
    REQUIRE(gate.setPinHash(PinRole::Clerk, *store::hashPin("2468")));
    CHECK(gate.attempt(PinRole::Clerk, "2468")->granted);
    // Oversized and odd attempts are simply wrong.
    CHECK_FALSE(gate.attempt(PinRole::Clerk, std::string(100000, '2'))->granted);
    CHECK_FALSE(gate.attempt(PinRole::Clerk,
                             std::string("24\0"
                                         "68",
                                         5))
                    ->granted);
}

TEST_CASE("handing over the hash already in force keeps the lock, a new PIN starts afresh", "[core][pin][hostile]") {
    Fixture f;
    const std::string hash = *store::hashPin("1234");
    auto gate = f.gate();
    REQUIRE(gate.setPinHash(PinRole::Clerk, hash));
    for (int i = 0; i < 3; ++i) CHECK_FALSE(gate.attempt(PinRole::Clerk, "0000")->granted);
    // The kiosk gives the configured hash before every attempt: that must not lift the lock.
    REQUIRE(gate.setPinHash(PinRole::Clerk, hash));
    auto locked = gate.attempt(PinRole::Clerk, "1234");
    CHECK_FALSE(locked->granted);
    CHECK(locked->lockedForSeconds == Approx(30));
    // The office provisions a new PIN: the new one opens at once.
    REQUIRE(gate.setPinHash(PinRole::Clerk, *store::hashPin("5678")));
    CHECK(gate.attempt(PinRole::Clerk, "5678")->granted);
}
