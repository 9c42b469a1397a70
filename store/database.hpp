#pragma once
// Database owns the kiosk's one SQLite connection. Opening it is where damaged files are caught:
//  - a file that is not a SQLite database, or whose schema cannot be read, is renamed to
//    "<name>.corrupt-<UTC time>" (with its -wal/-shm companions) and a fresh database is created;
//    nothing is ever deleted or silently overwritten, and the report says where the old file went;
//  - a file that cannot be read at all (permissions, a directory in its place) is an error and is
//    left exactly where it is;
//  - a database written by a newer program (user_version above ours) is refused untouched.
// A Database is used by one thread at a time; core's CatalogService keeps it on its worker.
#include <filesystem>
#include <string>
#include <vector>

#include "common/error.hpp"

struct sqlite3;

namespace dc::store {

struct OpenReport {
    bool created = false;  // no database was there before
    std::filesystem::path movedAsideTo;  // set when a damaged file was moved aside
    int migratedFrom = 0, migratedTo = 0;  // schema versions before and after
    std::vector<std::string> notes;  // plain sentences for the log
};

class Database {
public:
    // `stopAtVersion` > 0 upgrades only that far (tests build databases of earlier versions).
    static Expected<Database> open(const std::filesystem::path& file, OpenReport* report = nullptr, int stopAtVersion = 0);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    const std::filesystem::path& path() const { return m_path; }
    int schemaVersion() const;

    // Runs statements that return no rows (schema, pragmas). For fixed SQL written in this module.
    Expected<void> exec(const std::string& sql);

    // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
    template <class F>
    Expected<void> transaction(F&& body) {
        if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
        Expected<void> result = body();
        if (!result) {
            (void)exec("ROLLBACK");
            return result;
        }
        return exec("COMMIT");
    }

    sqlite3* handle() const { return m_db; }

    // An Error for the connection's most recent failure, classified (corrupt vs. other).
    Error lastError(const std::string& context) const;

private:
    Database(sqlite3* db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}
    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
};

}  // namespace dc::store
