#pragma once
// The office's fleet: every kiosk on one page (last heard, version, queue, records set aside, last
// error, disk, calls waiting; silent when unheard for three of its sync intervals), configuration
// pushed to a kiosk, an office or the whole fleet with the same refusals a kiosk applies and a
// history of who pushed what, enrollment tokens made and devices revoked from the console, and the
// figures monitoring scrapes (/metrics, Prometheus text format).
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server/office/office_service.hpp"

namespace dc::server::office {

inline constexpr int64_t kDefaultSyncInterval = 60;  // what a kiosk that never said uses
inline constexpr int kSilentIntervals = 3;

struct KioskRow {
    std::string id, name, office, version, lastError;
    int64_t enrolledAt = 0, lastSeen = 0, syncInterval = 0, queueDepth = 0, oldestPending = 0, quarantined = 0, diskFree = 0,
            callsWaiting = 0;
    bool revoked = false;
    bool silent = false;  // not heard for kSilentIntervals of its interval (or never heard)
    std::string osVersion, printer, camera;  // as its last heartbeat said (empty: never said)
    std::string setAsideWhy;  // the server's reasons for the records it refused, "reason (n); ..."
    int64_t databaseBytes = 0;
};

struct ConfigChange {
    int64_t seq = 0, at = 0;
    std::string user, target, change;
};

struct TokenRow {
    std::string hashPrefix, note, office, deviceId;
    int64_t expiresAt = 0;
};

class FleetService {
public:
    FleetService(ConnectionPool& pool, std::function<int64_t()> clock);

    // The kiosks `who` sees (their office's, or all), silent ones first.
    Expected<std::vector<KioskRow>> kiosks(const Session& who);
    // Pushes one key of the device configuration schema (firmware-config/SCHEMA.md) to `target`:
    // "*" (every kiosk), "office:NAME" or a device id. The value is checked as a kiosk checks it;
    // keys a server may not set are refused. Coordinators and admins, within their office.
    Expected<void> pushConfig(const std::string& target, const std::string& key, const std::string& value, const Session& who);
    Expected<std::vector<ConfigChange>> configHistory(const Session& who, int limit);
    // Admins: a one-time enrollment token for a new kiosk of `office` (an admin of one office makes
    // tokens for it only), shown once; the tokens not yet used; a device refused from now on.
    Expected<std::string> issueToken(const std::string& note, int64_t validHours, const std::string& office, const Session& who);
    Expected<std::vector<TokenRow>> tokens(const Session& who);
    Expected<void> revokeDevice(const std::string& deviceId, const Session& who);
    // An unused token (by the first 16 hex digits of its hash, as tokens() lists it) is refused from now on.
    Expected<void> revokeToken(const std::string& hashPrefix, const Session& who);
    // The Prometheus text exposition of the fleet and the office's queues.
    Expected<std::string> metrics();

    int64_t now() const { return m_clock(); }

private:
    ConnectionPool& m_pool;
    std::function<int64_t()> m_clock;
    // Counting every record ever received is the costly part of /metrics: done at most every
    // kCountsSeconds, so a scrape stays cheap at millions of records (the counters lag that much).
    static constexpr int64_t kCountsSeconds = 15;
    std::mutex m_countsMutex;
    int64_t m_countsAt = 0;
    std::string m_counts;
};

}  // namespace dc::server::office
