#include "domain/scripts.hpp"

#include <vector>

#include "common/utf8.hpp"

namespace dc::domain {

bool kioskCanShow(char32_t c) {
    for (const CodeRange& r : kLatinCyrillicRanges)
        if (c >= r.first && c <= r.last) return true;
    for (const CodeRange& r : kGeorgianRanges)
        if (c >= r.first && c <= r.last) return true;
    return false;
}

bool kioskCanShowAll(std::string_view text) {
    std::vector<char32_t> chars;
    if (!utf8::decode(text, chars)) return false;
    for (char32_t c : chars)
        if (!kioskCanShow(c)) return false;
    return true;
}

}  // namespace dc::domain
