#pragma once
// The sync worker: a thread of its own with its own database connection, running SyncClient
// rounds and deciding when. States (shown on the clerk's and the help screen):
//
//   NotSetUp ──(identity or token)──► Connecting ──ok──► Idle ──(interval, Sync now, new record)──► Busy
//                                         │                                                      │
//                                         └──── network error ──► Offline ◄──── network error ───┘
//                                               server error ──► BackingOff ◄──── server error ──┘
//
// Offline and BackingOff wait with exponential backoff and full jitter (capped, at least the
// server's Retry-After); "Sync now" or the network coming back ends the wait at once.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/field_cipher.hpp"
#include "sync/client/sync_client.hpp"

namespace dc::sync {

enum class SyncState { NotSetUp, Connecting, Idle, Busy, Offline, BackingOff };
const char* syncStateText(SyncState s);

struct SyncStatus {
    SyncState state = SyncState::Connecting;
    int64_t pending = 0, setAside = 0;
    int64_t lastSuccessAt = 0;  // Unix seconds; 0 = never
    std::string lastError;  // plain words; empty after a good round
    int64_t retryInSeconds = 0;  // while Offline/BackingOff
    int rounds = 0;  // finished rounds, good or not (tests wait on it)
    std::string deviceId;  // as enrolled; empty before
    std::string officeConfig;  // the configuration the office last sent (JSON object text), or empty
};

struct BackoffPolicy {
    std::chrono::milliseconds base{2000};
    std::chrono::milliseconds cap{std::chrono::minutes(5)};
    // The wait before retry number `failures` (1, 2, ...): uniform in [0, min(cap, base*2^(failures-1))],
    // never less than the server's Retry-After. `unit` is a uniform draw in [0, 1).
    std::chrono::milliseconds delay(int failures, double unit, std::optional<std::chrono::seconds> retryAfter) const;
};

class SyncWorker {
public:
    struct Options {
        std::chrono::milliseconds idleInterval{std::chrono::seconds(60)};
        BackoffPolicy backoff;
    };
    SyncWorker(std::filesystem::path dbFile, store::FieldCipher cipher, SyncConfig config, CurlOptions curl, Options options,
               std::function<void()> onChange = {});
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    // Ends any wait and runs a round now ("Sync now", or a new record in the outbox).
    void syncNow();
    // Technician mode's "Re-enroll": before the next round the device forgets its identity and
    // enrolls again with `token` (the office revoked it, or the server was rebuilt). The outbox and
    // the catalog stay; records not yet delivered go under the new identity.
    void reenroll(std::string token);
    SyncStatus status() const;
    // Asks the office about a reference code on a thread of its own (the rounds go on), with a
    // short timeout; `done` is called on that thread with the office's answer, or nullopt when
    // the office does not know the code, or an error when it could not be asked.
    void lookUpStatus(std::string code, std::function<void(Expected<std::optional<StatusAnswerItem>>)> done);

private:
    void run();
    void setStatus(const std::function<void(SyncStatus&)>& change);
    // Waits up to `d`; true when woken by syncNow or the network coming back.
    bool waitFor(std::chrono::milliseconds d, bool watchNetwork);

    std::filesystem::path m_dbFile;
    store::FieldCipher m_cipher;
    SyncConfig m_config;
    CurlOptions m_curl;
    Options m_options;
    std::function<void()> m_onChange;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false, m_nudged = false;
    std::optional<std::string> m_reenrollToken;
    SyncStatus m_status;
    std::thread m_thread;
    std::vector<std::thread> m_lookups;  // status look-ups under way or done; joined at the end
};

}  // namespace dc::sync
