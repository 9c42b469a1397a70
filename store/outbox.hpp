#pragma once
// The store side of delivery: what sync reads from the outbox and how it writes the server's
// answers back. Every function here is one transaction, so a crash between two calls leaves the
// queue as before the call or as after it, never in between.
//
// A record's life: pending --(server answered accepted/duplicate)--> done
//                  pending --(server rejected it, or it cannot be read)--> quarantined
// A failed attempt (network, server error) keeps it pending with attempts+1 and the error in words.
// Quarantined records stay for clerks to see and never block the ones behind them.
// A record on a damaged page of the file is set aside too (outbox_damaged, see outbox_repair.hpp):
// the outbox is rebuilt beside the damage once and the records on healthy pages flow on.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/kiosk_records.hpp"
#include "store/database.hpp"
#include "store/field_cipher.hpp"

namespace dc::store {
using namespace ::dc::domain;

struct OutboxRecord {
    int64_t seq = 0;
    std::string id;  // the idempotency key
    std::string kind;  // "application", "enrollment"
    std::string subject;  // the local application/enrollment id it reports
    std::string body;  // the opened payload (JSON text)
    int64_t attempts = 0;
};

// The oldest pending records, in order, up to `limit` records or about `maxBytes` of payload
// (at least one record whatever its size). A payload that cannot be opened (damaged, wrong key)
// is quarantined on the spot with that reason and skipped, so it cannot stall the queue; a damaged
// page of the table or its index has the outbox rebuilt without it (rebuildOutbox).
Expected<std::vector<OutboxRecord>> pendingOutbox(Database& db, const FieldCipher& cipher, size_t limit, size_t maxBytes);

// What the server said about one record.
struct DeliveryAnswer {
    enum class Outcome { Accepted, Duplicate, Rejected } outcome = Outcome::Accepted;
    std::string id;
    std::string status;  // the action's new status: "submitted", "confirmed", "waitlisted", ...
    std::optional<int64_t> waitlistPosition;
    std::string reason;  // for Rejected: the server's words
    std::string resultJson;  // kept verbatim for clerks
};
// Marks the answered records done (or quarantined) and writes the new status to the application
// or enrollment they report, all in one transaction. Answers for unknown or already-finished ids
// are ignored (a retried push may be answered twice).
Expected<void> recordDeliveries(Database& db, const std::vector<DeliveryAnswer>& answers);

// Changes the office made to this kiosk's records (a waitlist place became a seat, an
// enrollment was cancelled), with the position in the server's list of such changes and the
// device configuration that came with them: all written in one transaction.
struct OfficeUpdate {
    std::string subject, status;
    std::optional<int64_t> waitlistPosition;
    std::string message;  // the caseworker's words to the person; empty leaves the last one
};
// `callsTaken`: a JSON object {call record id: the caseworker's name} of the calls for a clerk the
// office took lately (kept for whoIsComing).
Expected<void> applyOfficeUpdates(Database& db, const std::vector<OfficeUpdate>& updates, int64_t lastSeq,
                                  const std::string& config, const std::string& callsTaken = "{}");

// Counts an attempt that got no answer (network down, server error) for these records.
Expected<void> recordFailedAttempt(Database& db, const std::vector<std::string>& ids, const std::string& error);

struct OutboxStats {
    int64_t pending = 0, quarantined = 0, delivered = 0;
    int64_t oldestPendingAgeSeconds = 0;  // 0 when nothing is pending
    std::string lastError;  // of the oldest pending record, in plain words
};
Expected<OutboxStats> outboxStats(const Database& db);

// For clerks: what was refused and why (no personal data: the payload stays sealed).
Expected<std::vector<QuarantinedRecord>> quarantinedOutbox(const Database& db, size_t limit);

// Small key/value settings (device identity, sync cursors). Empty when unset.
Expected<std::string> readSetting(const Database& db, const std::string& key);
Expected<void> writeSetting(Database& db, const std::string& key, const std::string& value);
Expected<std::string> readCursor(const Database& db, const std::string& stream);

}  // namespace dc::store
