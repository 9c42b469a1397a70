#pragma once
// Hostile JSON can nest arrays a million deep in a few megabytes. nlohmann::json parses that
// without recursion, but copying or printing such a value recurses once per level and overflows
// the stack. Every parser of outside input checks the depth first.
#include <cstddef>
#include <string_view>

namespace dc {

inline constexpr size_t kMaxJsonDepth = 64;

// True when no array or object in `text` is nested deeper than `limit` (strings are skipped).
inline bool jsonNestingWithin(std::string_view text, size_t limit = kMaxJsonDepth) {
    size_t depth = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > limit) return false;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return true;
}

}  // namespace dc
