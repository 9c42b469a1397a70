#pragma once
// schema.org JobPosting as employers, job boards and partner marketplaces publish it (JSON-LD):
// one object, a list, an object with "@graph" (also as an item of a list), or one object per line.
// Turned into catalog jobs so the office can import postings as found on the web.
//
// Lenient where the web is (a name as text or as an Organization, skills as text or a list, pay
// as a number, a range or text such as "$100,000", HTML in descriptions), strict where it matters,
// and one bad posting never costs the good ones beside it: each is imported, withdrawn (its
// closing date has passed) or refused with the reason, and what was left out of an imported one
// (pay that could not be read) is noted. Ids are namespaced by the feed (or the organisation), so
// two feeds that both number their postings from 1 do not overwrite each other's.
#include <string>
#include <string_view>
#include <vector>

#include "domain/records.hpp"
#include "common/error.hpp"

namespace dc::catalog {
using namespace ::dc::domain;

// A national job board's whole list (100,000 postings of ~1 kB) fits; reading one takes about ten
// times its size in memory while it is read.
inline constexpr size_t kMaxJsonLdBytes = 256 * 1024 * 1024;

struct FeedOptions {
    // The feed's name: the namespace of its postings' ids. Empty: each posting's organisation.
    std::string source;
    // YYYY-MM-DD: a posting whose validThrough is before this day is withdrawn, not offered.
    std::string today;
};

struct FeedProblem {
    size_t index = 0;  // the posting's place in the file, from 1
    std::string id, title, reason;
};

struct JobPostingFeed {
    std::vector<JobRecord> jobs;  // to offer
    std::vector<JobRecord> expired;  // closing date passed: taken off every kiosk
    std::vector<FeedProblem> refused;  // not imported, each with why
    std::vector<FeedProblem> notes;  // imported, with something in it left out, and why
};

// True when `text` looks like JSON-LD (rather than the catalog's own JSON Lines batches).
bool looksLikeJsonLd(std::string_view text);
// Fails as a whole only when nothing can be read: larger than kMaxJsonLdBytes, nested deeper than
// JSON allows here, or holding no JobPosting at all.
Expected<JobPostingFeed> readJobPostingFeed(std::string_view text, const FeedOptions& options);
// The namespace a feed's or organisation's name gives ids: lower-case ASCII letters, digits and
// dashes, at most 32 characters; a name with none of those (Георгий, საქართველო) by its digest.
std::string feedNamespace(std::string_view name);

}  // namespace dc::catalog
