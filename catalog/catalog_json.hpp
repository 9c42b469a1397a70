#pragma once
// The catalog batch as JSON Lines: the format of the generator, of imports and of sync pulls.
// One object per line:
//   {"kind":"job","op":"upsert","record":{...JobPosting-like fields...}}
//   {"kind":"job","op":"delete","id":"..."}
//   {"kind":"course","op":"upsert","record":{..., "hasCourseInstance":[{...session...}]}}
//   {"kind":"course","op":"delete","id":"..."}
// A course upsert carries all its sessions: sessions it no longer lists are removed.
// Unknown fields are ignored (newer servers may add some); a missing required field, a wrong type
// or an unknown kind/op is an error naming the line. Nothing is applied from a batch with errors.
#include <string>
#include <string_view>

#include "domain/records.hpp"
#include "common/error.hpp"

namespace dc::catalog {
using namespace ::dc::domain;

inline constexpr size_t kMaxBatchLineBytes = 256 * 1024;
inline constexpr size_t kMaxSessionsPerCourse = 64;

std::string toJsonLines(const CatalogBatch& batch);
Expected<CatalogBatch> parseJsonLines(std::string_view text);

}  // namespace dc::catalog
