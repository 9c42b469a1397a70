#pragma once
// Turns what a person typed into a safe FTS5 MATCH expression. Input is untrusted: quotes, *, -,
// NEAR, OR, parentheses, invalid UTF-8 and very long strings must never reach FTS5 as syntax,
// never raise an error and never match everything by accident.
#include <string>
#include <string_view>

namespace dc::store {

struct FtsQuery {
    enum class Kind {
        Everything,  // blank input: the person has not searched yet
        Nothing,     // input with nothing searchable in it (only punctuation, say): no results
        Match,       // `expression` is a valid FTS5 query
    };
    Kind kind = Kind::Everything;
    std::string expression;
};

// Every word becomes a quoted prefix term ("word"*), all of them required (implicit AND).
// At most kMaxTerms words of at most kMaxTermChars characters are used.
FtsQuery buildFtsQuery(std::string_view typed);

inline constexpr size_t kMaxTerms = 8;
inline constexpr size_t kMaxTermChars = 32;

}  // namespace dc::store
