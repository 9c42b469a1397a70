#pragma once
// One device's side of protocol v1, as plain synchronous steps over the local store. The worker
// (sync_worker.hpp) decides when to run them; tests run them directly.
//
// Guarantees, each resting on a store transaction (store/outbox.hpp, catalog_import.hpp):
//  - a record leaves the outbox only when the server's answer for it is written; a crash before
//    that resends it and the server answers "duplicate" with the original result;
//  - a record the server refuses (or one that cannot be read here) is set aside, never retried
//    as is, and never holds up the records behind it;
//  - pulled changes and the cursor after them are written in one transaction.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "store/database.hpp"
#include "store/field_cipher.hpp"
#include "store/attachments.hpp"
#include "store/outbox.hpp"
#include "sync/client/http_transport.hpp"
#include "sync/protocol/messages.hpp"

namespace dc::sync {

// What the device itself is like, told to the office with each heartbeat.
struct DeviceState {
    std::string osVersion, printer, camera;
};

struct SyncConfig {
    std::string serverUrl;  // "https://jobs.example.ge" (no trailing slash needed)
    std::string enrollToken;  // used once, when the device has no identity yet
    std::string deviceName;
    std::string version;
    size_t pushBatchRecords = 500;  // the protocol's most
    size_t pushBatchBytes = 1024 * 1024;
    size_t pullLimit = 1000;
    // A cut connection loses at most the chunk in flight; the rest is resumed from what the
    // server says it holds.
    size_t attachmentChunkBytes = 128 * 1024;
    int64_t syncIntervalSeconds = 0;  // told to the office: a device silent for 3 of these is shown as silent
    // Asked before each heartbeat, on the sync thread (so it must be safe to call from there).
    std::function<DeviceState()> deviceState;
    // Days a delivered record keeps the person's details (store/retention.hpp); negative: forever.
    int64_t retentionDays = 7;
};

struct RoundReport {
    size_t delivered = 0;  // records the server answered for (accepted or duplicate)
    size_t setAside = 0;  // records refused and quarantined
    size_t pulled = 0;  // catalog changes applied
    size_t attachmentsDone = 0;
    size_t attachmentBytesSent = 0;
    bool resynced = false;  // the server no longer knew our cursor
    size_t forgotten = 0;  // delivered records whose personal details were erased
    int64_t salvaged = 0;  // waiting records saved from a database moved aside as damaged
};

class SyncClient {
public:
    using Clock = std::function<int64_t()>;  // Unix seconds
    SyncClient(store::Database& db, const store::FieldCipher& cipher, HttpTransport& http, SyncConfig config, Clock clock = {});

    bool enrolled() const;
    Expected<void> ensureEnrolled();
    // Pushes until the outbox has nothing pending or a call fails.
    Expected<void> pushAll(RoundReport& report);
    // Pulls until the server says there is no more.
    Expected<void> pullAll(RoundReport& report);
    // `roundProblem`: what went wrong earlier in this round, sent as the kiosk's last error.
    Expected<void> heartbeat(const std::string& roundProblem = {});
    // Uploads waiting attachments, resuming each where the server's bytes end.
    Expected<void> uploadAttachments(RoundReport& report);
    // Sends the anonymous daily counts not yet reported (store/daily_counts.hpp).
    Expected<void> report();
    // What the office says about these reference codes now (any kiosk may ask about any code).
    Expected<StatusResponse> lookUpStatus(const std::vector<std::string>& codes);
    // Enrolls if needed, then push, attachments, report, pull, heartbeat.
    Expected<RoundReport> runRound();

    // The server's Retry-After from the last 429/503, if it gave one.
    std::optional<std::chrono::seconds> retryAfter() const { return m_retryAfter; }
    const std::string& deviceId() const { return m_deviceId; }
    // The last call got no answer at all (network down, server unreachable, connection cut).
    bool lastCallGotNoAnswer() const { return m_noAnswer; }

    // The identity is kept beside the database as well ("kiosk.db.identity", sealed, 0600): a database
    // that had to be moved aside (damaged) is followed by a fresh one that is still this device,
    // so what it salvages and what it sends next reach the office as before. Re-enrolling removes it.
    static std::filesystem::path identityFileFor(const std::filesystem::path& databaseFile) {
        return databaseFile.string() + ".identity";
    }

private:
    Expected<HttpResult> call(const std::string& method, const std::string& target, const std::string& body, bool sign);
    Expected<void> pushBatch(std::vector<store::OutboxRecord>& records, RoundReport& report);
    Expected<void> loadIdentity();
    std::filesystem::path identityFile() const { return identityFileFor(m_db.path()); }
    Expected<void> writeIdentityFile(const std::string& deviceId, const std::string& sealedHex) const;
    Expected<void> uploadOne(const store::AttachmentRecord& a, RoundReport& report);
    int64_t now() const;

    store::Database& m_db;
    const store::FieldCipher& m_cipher;
    HttpTransport& m_http;
    SyncConfig m_config;
    Clock m_clock;
    int64_t m_clockOffset = 0;  // server time - our time, learnt from a clock_skew answer
    std::string m_deviceId, m_secret;
    std::optional<std::chrono::seconds> m_retryAfter;
    bool m_noAnswer = false;
    std::string m_salvageNote;  // what salvaging a damaged database saved and lost, for the next heartbeat
};

}  // namespace dc::sync
