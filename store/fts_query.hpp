#pragma once
// Turns what a person typed into a safe FTS5 MATCH expression. Input is untrusted: quotes, *, -,
// NEAR, OR, parentheses, invalid UTF-8 and very long strings must never reach FTS5 as syntax,
// never raise an error and never match everything by accident.
#include <string>
#include <string_view>
#include <vector>

namespace dc::store {

struct FtsQuery {
    enum class Kind {
        Everything,  // blank input: the person has not searched yet
        Nothing,  // input with nothing searchable in it (only punctuation, say): no results
        Match,  // `expression` is a valid FTS5 query
    };
    Kind kind = Kind::Everything;
    std::string expression;
    // The words, case-folded, and whether each matches as a prefix: for ranking the matches.
    std::vector<std::string> words;
    std::vector<bool> isPrefix;
};

// Every word is required (implicit AND). At most kMaxTerms words of at most kMaxTermChars
// characters are used. Minimum prefix rule, because a short prefix in a big catalog names a huge
// set of words whose postings FTS5 must merge before it can return the first row:
//  - one letter matches only that whole word ("C", "a", "и");
//  - two letters match words starting with them, only in `shortColumns` (title, employer...)
//    when given: there the prefix is what a person means, in descriptions it is noise;
//  - three letters or more match words starting with them anywhere.
FtsQuery buildFtsQuery(std::string_view typed, std::string_view shortColumns = {});

// All the words of `text` as one group, ("microsoft" "excel"), safe inside an FTS5 expression;
// empty when `text` has no words. (The index keeps no positions, so there are no phrases.)
std::string ftsAllWords(std::string_view text);

inline constexpr size_t kMaxTerms = 8;
inline constexpr size_t kMaxTermChars = 32;

}  // namespace dc::store
