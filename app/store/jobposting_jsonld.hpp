#pragma once
// schema.org JobPosting as employers and job boards publish it (JSON-LD): one object, a list, an
// object with "@graph", or one object per line. Turned into catalog jobs so dc-server can import
// postings as found on the web. Lenient where the web is (a name as text or as an Organization,
// skills as text or a list, salary as a number or a range, HTML in descriptions), strict where it
// matters: a posting without a title, or that is not a JobPosting, is an error naming it, and
// nothing is imported from a file with errors.
#include <string_view>

#include "app/store/records.hpp"
#include "common/error.hpp"

namespace dc::store {

inline constexpr size_t kMaxJsonLdBytes = 64 * 1024 * 1024;

// True when `text` looks like JSON-LD (rather than the catalog's own JSON Lines batches).
bool looksLikeJsonLd(std::string_view text);
Expected<CatalogBatch> parseJobPostingJsonLd(std::string_view text);

}  // namespace dc::store
