#pragma once
// What staff see of the records a kiosk keeps: a row of today's list, the facts a printed
// receipt needs, a record the office refused. No personal data in any of them.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/actions.hpp"

namespace dc::domain {

struct ActionRow {
    std::string referenceCode;
    std::string kind;  // "application", "enrollment", "registration"
    std::string title;  // the job's title or the course's name (empty for a registration)
    ActionStatus status = ActionStatus::Pending;
    bool delivered = false;  // the server answered for it
    bool setAside = false;  // quarantined: the server refused it (the reason is in the outbox list)
    std::string createdAt;  // ISO 8601 UTC
    std::optional<int64_t> waitlistPosition;
};

// What a printed receipt says about one reference code.
struct ReceiptFacts {
    std::string referenceCode;
    std::string kind;
    std::string title;
    std::string where, when;  // a course session's centre and start; empty otherwise
    ActionStatus status = ActionStatus::Pending;
    std::optional<int64_t> waitlistPosition;
};

// A record the office refused (the outbox set it aside), and why.
struct QuarantinedRecord {
    std::string id, kind, subject, reason, createdAt;
};

}  // namespace dc::domain
