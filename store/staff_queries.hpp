#pragma once
// What clerks and technicians see of the kiosk's records: today's applications, enrollments and
// registrations with their delivery state, the facts a printed receipt needs, and the database's
// health. Nothing here opens a sealed field: lists show codes, titles and states, never a person.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/kiosk_records.hpp"
#include "store/database.hpp"
#include "store/jobseeker_actions.hpp"

namespace dc::store {
using namespace ::dc::domain;

// Newest first, made at or after `sinceIso` (e.g. today's midnight), at most `limit`.
Expected<std::vector<ActionRow>> actionsSince(const Database& db, const std::string& sinceIso, size_t limit);

// NotFound for a code this kiosk did not issue.
Expected<ReceiptFacts> receiptFacts(const Database& db, const std::string& referenceCode);

// The SQLite library's version, for diagnostics.
std::string sqliteVersion();

// PRAGMA quick_check: "ok", or the first problems SQLite found.
Expected<std::string> integrityCheck(const Database& db);

}  // namespace dc::store
