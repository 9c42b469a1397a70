#pragma once
// What clerks and technicians see of the kiosk's records: today's applications, enrollments and
// registrations with their delivery state, the facts a printed receipt needs, and the database's
// health. Nothing here opens a sealed field: lists show codes, titles and states, never a person.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/jobseeker_actions.hpp"

namespace dc::store {

struct ActionRow {
    std::string referenceCode;
    std::string kind;   // "application", "enrollment", "registration"
    std::string title;  // the job's title or the course's name (empty for a registration)
    ActionStatus status = ActionStatus::Pending;
    bool delivered = false;  // the server answered for it
    bool setAside = false;   // quarantined: the server refused it (the reason is in the outbox list)
    std::string createdAt;   // ISO 8601 UTC
    std::optional<int64_t> waitlistPosition;
};
// Newest first, made at or after `sinceIso` (e.g. today's midnight), at most `limit`.
Expected<std::vector<ActionRow>> actionsSince(const Database& db, const std::string& sinceIso, size_t limit);

// What a printed receipt says about one reference code.
struct ReceiptFacts {
    std::string referenceCode;
    std::string kind;
    std::string title;
    std::string where, when;  // a course session's centre and start; empty otherwise
    ActionStatus status = ActionStatus::Pending;
    std::optional<int64_t> waitlistPosition;
};
// NotFound for a code this kiosk did not issue.
Expected<ReceiptFacts> receiptFacts(const Database& db, const std::string& referenceCode);

// The SQLite library's version, for diagnostics.
std::string sqliteVersion();

// PRAGMA quick_check: "ok", or the first problems SQLite found.
Expected<std::string> integrityCheck(const Database& db);

}  // namespace dc::store
