#pragma once
// The central service behind protocol v1: devices and their enrollment, exactly-once intake of
// pushed records with seat accounting, the catalog change log that devices pull, and the admin
// operations. Stateless between calls: everything lives in the database, so several dc-server
// processes can share one PostgreSQL database.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sync/protocol/messages.hpp"
#include "sync/server/sql.hpp"

namespace dc::domain {
struct CatalogBatch;
}

namespace dc::server {

// Connections for the request threads. SQLite gets one (it has one writer anyway); PostgreSQL
// gets several.
class ConnectionPool {
public:
    static Expected<std::unique_ptr<ConnectionPool>> open(const std::string& where, size_t size);

    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> c) : m_pool(&pool), m_conn(std::move(c)) {}
        Lease(Lease&& o) noexcept = default;
        ~Lease();
        SqlConnection& operator*() { return *m_conn; }
        SqlConnection* operator->() { return m_conn.get(); }

    private:
        ConnectionPool* m_pool;
        std::unique_ptr<SqlConnection> m_conn;
    };
    Lease acquire();
    Dialect dialect() const { return m_dialect; }

private:
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<SqlConnection>> m_idle;
    Dialect m_dialect = Dialect::Sqlite;
};

struct DeviceInfo {
    std::string id, name, version, lastError;
    int64_t enrolledAt = 0, lastSeen = 0, queueDepth = 0, oldestPendingAgeSeconds = 0, quarantined = 0, diskFreeBytes = 0;
};

struct PullPage {
    std::string body;  // JSON Lines (the catalog batch format)
    size_t count = 0;
    std::string nextCursor;
    bool more = false;
};

struct ChunkUpload {
    std::string deviceId, id, kind, recordId, sha256;
    int64_t offset = 0, size = 0;
    std::string bytes;
};
struct ChunkAnswer {
    sync::AttachmentStatus status;
    bool offsetMismatch = false;  // the chunk does not start where the server's bytes end (409)
    bool checksumFailed = false;  // complete, but the SHA-256 differs: the bytes were dropped (422)
};
struct AttachmentInfo {
    std::string id, deviceId, kind, recordId, sha256;
    int64_t size = 0, received = 0;
    bool complete = false;
};

struct CatalogImportResult {
    size_t added = 0, changed = 0, unchanged = 0, deleted = 0;
    // Which records, when asked for (ImportOptions::listIds): a feed's import report names them.
    std::vector<std::string> addedIds, changedIds, deletedIds;
};

struct ImportOptions {
    std::string feed;  // the feed the jobs come from (closed when gone from it); empty: none
    bool listIds = false;  // fill CatalogImportResult's id lists
};

// A CSV field for spreadsheets: quoted, and a leading = + - @ is defused so text cannot become a formula.
std::string csvField(std::string value);

// In the caller's transaction: cancels a confirmed or waitlisted enrollment; a freed seat goes to
// whoever has waited longest on that session's waitlist (their enrollment id in *promoted, when
// not null). Says what happened, in plain words.
Expected<std::string> cancelEnrollmentInTransaction(SqlConnection& c, const std::string& enrollmentId, std::string* promoted);
// In the caller's transaction: moves a confirmed or waitlisted place to another session of the same
// course: a seat there when one is free, otherwise its waitlist; a seat it held goes to the old
// session's waitlist (*promoted). Returns the new status ("confirmed" or "waitlisted").
Expected<std::string> moveEnrollmentInTransaction(SqlConnection& c, const std::string& enrollmentId, const std::string& toSession,
                                                  std::string* promoted);
// In the caller's transaction: a place on the waiting list gets a seat, when the session has one free.
Expected<void> promoteEnrollmentInTransaction(SqlConnection& c, const std::string& enrollmentId);

class CentralService {
public:
    explicit CentralService(ConnectionPool& pool, std::function<int64_t()> clock = {});

    // Creates or upgrades the schema. Safe to run from several processes at once.
    Expected<void> prepareSchema();

    // ---- admin ----
    // `office`: the office (employment centre) the enrolled device belongs to; its caseworkers see
    // what it sends, and a code made there is known at the office's other kiosks. Empty: none.
    Expected<std::string> issueToken(const std::string& note, int64_t validSeconds, const std::string& office = {});
    Expected<std::vector<DeviceInfo>> devices();
    Expected<CatalogImportResult> importCatalog(const domain::CatalogBatch& batch, const ImportOptions& options = {});
    // Takes off every kiosk each job whose closing date (validThrough) is before `today`
    // (YYYY-MM-DD); returns their ids.
    Expected<std::vector<std::string>> withdrawExpired(const std::string& today);
    // CSV of "applications" or "enrollments" (personal data: for the office's own systems).
    Expected<std::string> exportCsv(const std::string& what);
    // Sets the configuration devices receive with their heartbeat ("*" = every device; a
    // device's own configuration wins over it). `config` must be a JSON object.
    Expected<void> setConfig(const std::string& deviceId, const std::string& config);
    // Cancels an enrollment by its reference code; a freed seat goes to the first on the waitlist.
    Expected<std::string> cancelEnrollment(const std::string& referenceCode);

    Expected<std::vector<AttachmentInfo>> attachments();
    // The bytes of a complete attachment.
    Expected<std::string> attachmentBytes(const std::string& id);

    // ---- protocol ----
    // NotFound when the device has no attachment of this id.
    Expected<sync::AttachmentStatus> attachmentStatus(const std::string& deviceId, const std::string& id);
    Expected<ChunkAnswer> putChunk(const ChunkUpload& chunk);
    Expected<sync::EnrollResponse> enroll(const sync::EnrollRequest& request);
    // The secret of a known device; NotFound otherwise.
    Expected<std::string> deviceSecret(const std::string& deviceId);
    Expected<sync::HeartbeatResponse> heartbeat(const std::string& deviceId, const sync::Heartbeat& beat);
    Expected<void> report(const std::string& deviceId, const sync::Report& report);
    // CSV of the counts summed over devices: day, metric, dimension, total, devices.
    Expected<std::string> reportCsv(const std::string& fromDay, const std::string& toDay);
    Expected<sync::PushResponse> push(const std::string& deviceId, const sync::PushRequest& request);
    // InvalidInput for a malformed cursor, NotFound (-> 410) for one the server no longer knows.
    Expected<PullPage> pull(const std::string& cursor, size_t limit);

    int64_t now() const { return m_clock(); }

private:
    template <class T, class F>
    Expected<T> transaction(SqlConnection& c, F&& body);

    ConnectionPool& m_pool;
    std::function<int64_t()> m_clock;
};

}  // namespace dc::server
