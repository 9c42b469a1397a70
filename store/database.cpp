#include "store/database.hpp"

#include <sqlite3.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>

#include "store/migrations.hpp"

namespace dc::store {
namespace fs = std::filesystem;
namespace {

constexpr std::array<char, 16> kSqliteMagic = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

std::string utcStamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

// Renames the damaged file (and its WAL companions) to a name no other file has. Never deletes.
Expected<fs::path> moveAside(const fs::path& file) {
    const std::string base = file.string() + ".corrupt-" + utcStamp();
    fs::path target = base;
    for (int n = 1; fs::exists(target); ++n) target = base + "-" + std::to_string(n);
    std::error_code ec;
    fs::rename(file, target, ec);
    if (ec)
        return fail(ErrorCode::IoError,
                    "the database file '" + file.string() + "' is damaged and could not be moved aside: " + ec.message());
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const fs::path companion = file.string() + suffix;
        if (fs::exists(companion)) fs::rename(companion, target.string() + suffix, ec);
    }
    return target;
}

enum class FileVerdict { Absent, LooksValid, NotADatabase };

Expected<FileVerdict> inspectFile(const fs::path& file) {
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (!fs::exists(status)) return FileVerdict::Absent;
    if (!fs::is_regular_file(status))
        return fail(ErrorCode::IoError,
                    "'" + file.string() +
                        "' is not a regular file; the kiosk will not touch it. "
                        "Move it away or choose another --data-dir.");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return fail(ErrorCode::IoError,
                    "cannot read the database file '" + file.string() + "': " + std::strerror(errno) +
                        ". Check its owner and permissions.");
    std::array<char, 16> header{};
    in.read(header.data(), header.size());
    if (in.gcount() == 0) return FileVerdict::LooksValid;  // an empty file is an empty database
    if (in.gcount() < static_cast<std::streamsize>(header.size()) || header != kSqliteMagic) return FileVerdict::NotADatabase;
    return FileVerdict::LooksValid;
}

bool isCorruption(int code) {
    const int primary = code & 0xFF;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

}  // namespace

Database::Database(Database&& other) noexcept : m_db(other.m_db), m_path(std::move(other.m_path)) { other.m_db = nullptr; }

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        other.m_db = nullptr;
    }
    return *this;
}

Database::~Database() { sqlite3_close_v2(m_db); }

Error Database::lastError(const std::string& context) const {
    const int code = sqlite3_extended_errcode(m_db);
    const ErrorCode kind = isCorruption(code) ? ErrorCode::StoreCorrupt : ErrorCode::StoreError;
    return Error(kind, context + ": " + sqlite3_errmsg(m_db));
}

Expected<void> Database::exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const int code = sqlite3_extended_errcode(m_db);
        std::string text = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        return fail(isCorruption(code) ? ErrorCode::StoreCorrupt : ErrorCode::StoreError, text);
    }
    return {};
}

int Database::schemaVersion() const {
    sqlite3_stmt* stmt = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return version;
}

namespace {

// Opens the connection and reads the schema; a failure here with a corruption code means the
// file is damaged even though its header looked right.
Expected<sqlite3*> connect(const fs::path& file) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        return fail(isCorruption(rc) ? ErrorCode::StoreCorrupt : ErrorCode::StoreError,
                    "cannot open '" + file.string() + "': " + message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    // WAL lets readers and the writer overlap; synchronous=FULL because the outbox promises that an
    // acknowledged action survives a power cut.
    const char* setup =
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=FULL;"
        "PRAGMA foreign_keys=ON;"
        "PRAGMA secure_delete=ON;"  // what is deleted is overwritten in the file, not only unlinked
        "PRAGMA temp_store=MEMORY;"
        "PRAGMA cache_size=-32768;"  // 32 MiB: index builds during catalog import stay in memory
        "SELECT count(*) FROM sqlite_schema;";
    char* message = nullptr;
    const int setupRc = sqlite3_exec(db, setup, nullptr, nullptr, &message);
    if (setupRc != SQLITE_OK) {
        const int code = sqlite3_extended_errcode(db);
        std::string text = message ? message : sqlite3_errstr(setupRc);
        sqlite3_free(message);
        sqlite3_close_v2(db);
        return fail(isCorruption(code) ? ErrorCode::StoreCorrupt : ErrorCode::StoreError,
                    "cannot read '" + file.string() + "': " + text);
    }
    return db;
}

}  // namespace

Expected<Database> Database::open(const fs::path& file, OpenReport* report, int stopAtVersion) {
    OpenReport localReport;
    OpenReport& rep = report ? *report : localReport;

    auto verdict = inspectFile(file);
    if (!verdict) return std::unexpected(verdict.error());
    rep.created = *verdict == FileVerdict::Absent;

    auto setAside = [&](const std::string& why) -> Expected<void> {
        auto moved = moveAside(file);
        if (!moved) return std::unexpected(moved.error());
        rep.movedAsideTo = *moved;
        rep.created = true;
        rep.notes.push_back("The database '" + file.string() + "' was damaged (" + why + "). It was moved to '" +
                            moved->string() + "' and a new database was created. Nothing was deleted.");
        return {};
    };

    if (*verdict == FileVerdict::NotADatabase) {
        if (auto r = setAside("the file is not a SQLite database"); !r) return std::unexpected(r.error());
    }

    auto connection = connect(file);
    if (!connection && connection.error().code() == ErrorCode::StoreCorrupt) {
        if (auto r = setAside(connection.error().message()); !r) return std::unexpected(r.error());
        connection = connect(file);
    }
    if (!connection) return std::unexpected(connection.error());

    Database db(*connection, file);
    rep.migratedFrom = db.schemaVersion();
    if (rep.migratedFrom > latestSchemaVersion())
        return fail(ErrorCode::StoreTooNew,
                    "the database '" + file.string() + "' has schema version " + std::to_string(rep.migratedFrom) +
                        ", written by a newer kiosk program; this program knows versions up to " +
                        std::to_string(latestSchemaVersion()) + ". It was left untouched: install the newer program.");
    if (auto migrated = migrate(db, rep, stopAtVersion); !migrated) return std::unexpected(migrated.error());
    rep.migratedTo = db.schemaVersion();
    return db;
}

}  // namespace dc::store
