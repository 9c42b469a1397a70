#pragma once
// When pages of the outbox's table or indexes are damaged on disk, SQLite refuses every statement
// that touches them, and even a record on a healthy page cannot be marked delivered (marking it
// can rebalance its damaged neighbour). Neither REINDEX nor DROP can free a damaged page either.
// So the outbox is rebuilt beside the damage: every record that can still be read is copied out,
// the damaged table and its indexes are taken out of the schema (their pages are left unused in
// the file, never read again), the table is created anew from its own schema text and the copies
// put back. Records that could not be read are named in outbox_damaged with the reason, and are
// counted as set aside for the office.
#include <cstdint>

#include "store/database.hpp"

namespace dc::store {

// One transaction: all of it or nothing. Returns how many waiting records could not be saved.
Expected<int64_t> rebuildOutbox(Database& db);

}  // namespace dc::store
