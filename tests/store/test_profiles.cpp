// Personal data: sealed with the device key, bound to its row and column, never in the clear on
// disk, and a damaged key is refused rather than replaced.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "store/field_cipher.hpp"
#include "store/paths.hpp"
#include "store/profiles.hpp"
#include "support/temp_dir.hpp"

using namespace dc;
using store::FieldCipher;

namespace {

std::string fileBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

domain::Profile nino() {
    return {.id = "p-1",
            .name = "ნინო ბერიძე",
            .phone = "+995 599 123 456",
            .email = "nino@example.ge",
            .documentNumber = "12AB34567",
            .birthDate = "1994-03-08",
            .skills = {"Excel", "English"},
            .language = "ka"};
}

}  // namespace

TEST_CASE("a sealed field opens only with its key and in its own place", "[store][privacy]") {
    auto cipher = FieldCipher::fromKey(std::string(32, 'k'));
    REQUIRE(cipher);
    auto sealed = cipher->seal("profile:1:name", "Ольга");
    REQUIRE(sealed);
    CHECK(*cipher->open("profile:1:name", *sealed) == "Ольга");
    // Sealing twice gives different bytes (random nonce): equal names cannot be spotted.
    CHECK(*cipher->seal("profile:1:name", "Ольга") != *sealed);
    // Another row or column: refused.
    CHECK_FALSE(cipher->open("profile:2:name", *sealed));
    CHECK_FALSE(cipher->open("profile:1:phone_enc", *sealed));
    // Another device's key: refused.
    CHECK_FALSE(FieldCipher::fromKey(std::string(32, 'x'))->open("profile:1:name", *sealed));
    // Any flipped bit, truncation or garbage: refused, never a crash.
    for (size_t i = 0; i < sealed->size(); i += 7) {
        auto bad = *sealed;
        bad[i] ^= 0x01;
        CHECK_FALSE(cipher->open("profile:1:name", bad));
    }
    CHECK_FALSE(cipher->open("profile:1:name", {}));
    CHECK_FALSE(cipher->open("profile:1:name", store::Blob(sealed->begin(), sealed->begin() + 30)));
    CHECK_FALSE(FieldCipher::fromKey("short"));
    CHECK_FALSE(cipher->seal("c", std::string(FieldCipher::kMaxPlaintextBytes + 1, 'a')));
}

TEST_CASE("the device key is created once, private, and a damaged one is left alone", "[store][privacy]") {
    dc::test::TempDir dir;
    const auto keyFile = dir / "device.key";
    auto first = FieldCipher::openDeviceKey(keyFile);
    REQUIRE(first);
    struct stat st {};
    REQUIRE(::stat(keyFile.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_size == 32);
    const auto sealed = first->seal("c", "secret");
    auto again = FieldCipher::openDeviceKey(keyFile);
    REQUIRE(again);
    CHECK(*again->open("c", *sealed) == "secret");  // the same key, read back

    // A key restored readable by others (0644) is made the kiosk's alone again when opened.
    REQUIRE(::chmod(keyFile.c_str(), 0644) == 0);
    auto restored = FieldCipher::openDeviceKey(keyFile);
    REQUIRE(restored);
    CHECK(*restored->open("c", *sealed) == "secret");
    REQUIRE(::stat(keyFile.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    { std::ofstream(keyFile, std::ios::binary | std::ios::app) << "x"; }  // 33 bytes now
    const std::string before = fileBytes(keyFile);
    auto damaged = FieldCipher::openDeviceKey(keyFile);
    REQUIRE_FALSE(damaged);
    CHECK_THAT(damaged.error().message(), Catch::Contains("left as it is"));
    CHECK(fileBytes(keyFile) == before);
    CHECK_FALSE(FieldCipher::openDeviceKey(dir.path()));  // a directory is not a key
}

TEST_CASE("a key systemd opened for this run is used, and never made by the kiosk", "[store][privacy]") {
    dc::test::TempDir data, credentials;
    struct Env {
        explicit Env(const std::string& dir) { ::setenv("CREDENTIALS_DIRECTORY", dir.c_str(), 1); }
        ~Env() { ::unsetenv("CREDENTIALS_DIRECTORY"); }
    } env(credentials.path().string());
    // systemd gave the service credentials, but not this one: the data folder's key, as before.
    CHECK_FALSE(store::deviceKeyLocation(data.path()).sealed);
    CHECK(store::deviceKeyLocation(data.path()).file == data / "device.key");

    const std::string key(32, 'S');
    { std::ofstream(credentials / "device.key", std::ios::binary) << key; }
    REQUIRE(::chmod((credentials / "device.key").c_str(), 0400) == 0);
    const auto location = store::deviceKeyLocation(data.path());
    CHECK(location.sealed);
    CHECK(location.file == credentials / "device.key");
    auto cipher = FieldCipher::openDeviceKey(location.file, !location.sealed);
    REQUIRE(cipher);
    CHECK(*FieldCipher::fromKey(key)->open("c", *cipher->seal("c", "secret")) == "secret");
    CHECK_FALSE(std::filesystem::exists(data / "device.key"));  // nothing plain in the data folder

    // Gone (or never loaded): an error, and no key is made in its place.
    std::filesystem::remove(credentials / "device.key");
    auto missing = FieldCipher::openDeviceKey(credentials / "device.key", false);
    REQUIRE_FALSE(missing);
    CHECK_FALSE(std::filesystem::exists(credentials / "device.key"));
}

TEST_CASE("profiles round-trip and no personal field is readable in the database file", "[store][privacy]") {
    dc::test::TempDir dir;
    auto cipher = FieldCipher::openDeviceKey(dir / "device.key");
    REQUIRE(cipher);
    {
        auto db = store::Database::open(dir / "kiosk.db");
        REQUIRE(db);
        REQUIRE(store::saveProfile(*db, *cipher, nino()));
        auto back = store::loadProfile(*db, *cipher, "p-1");
        REQUIRE(back);
        CHECK(back->name == "ნინო ბერიძე");
        CHECK(back->documentNumber == "12AB34567");
        CHECK(back->skills == std::vector<std::string>{"Excel", "English"});
        auto changed = nino();
        changed.phone.clear();  // not given: stored as NULL, read back empty
        REQUIRE(store::saveProfile(*db, *cipher, changed));
        CHECK(store::loadProfile(*db, *cipher, "p-1")->phone.empty());
        REQUIRE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    std::string disk = fileBytes(dir / "kiosk.db");
    for (const auto* f : {"-wal", "-shm"})
        if (std::filesystem::exists(dir.path() / ("kiosk.db" + std::string(f))))
            disk += fileBytes(dir / ("kiosk.db" + std::string(f)));
    for (const std::string& secret : {std::string("ნინო"), std::string("12AB34567"), std::string("nino@example.ge"),
                                      std::string("1994-03-08"), std::string("599 123")})
        CHECK(disk.find(secret) == std::string::npos);

    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    // A value moved to another row does not open there.
    REQUIRE(store::saveProfile(*db, *cipher, {.id = "p-2", .name = "Someone"}));
    REQUIRE(db->exec("UPDATE profiles SET name_enc = (SELECT name_enc FROM profiles WHERE id = 'p-1') WHERE id = 'p-2'"));
    CHECK_FALSE(store::loadProfile(*db, *cipher, "p-2"));
    CHECK(store::deleteProfile(*db, "p-1").value());
    CHECK(store::loadProfile(*db, *cipher, "p-1").error().code() == ErrorCode::NotFound);
    CHECK_FALSE(store::deleteProfile(*db, "p-1").value());
}

TEST_CASE("hostile profiles are refused with a message that does not repeat them", "[store][privacy]") {
    dc::test::TempDir dir;
    auto cipher = FieldCipher::fromKey(std::string(32, 'k'));
    auto db = store::Database::open(dir / "kiosk.db");
    REQUIRE(db);
    auto tooLong = nino();
    tooLong.name = std::string(10000, 'N');
    auto refused = store::saveProfile(*db, *cipher, tooLong);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message().find("NNNN") == std::string::npos);
    auto badUtf8 = nino();
    badUtf8.documentNumber = "\xC3\x28";
    CHECK_FALSE(store::saveProfile(*db, *cipher, badUtf8));
    CHECK_FALSE(store::saveProfile(*db, *cipher, {.id = ""}));
    auto manySkills = nino();
    manySkills.skills.assign(65, "x");
    CHECK_FALSE(store::saveProfile(*db, *cipher, manySkills));
    CHECK(store::loadProfile(*db, *cipher, "p-1").error().code() == ErrorCode::NotFound);  // nothing written
}
