#include "common/reference_code.hpp"

#include <vector>

#include "common/utf8.hpp"

namespace dc {
namespace {

// Cyrillic letters that look like a Latin letter or a digit of a code, as a person reading a
// printed code off a receipt types them on a Russian or Belarusian keyboard ("р3м6а..." for
// "P3M6A..."). Only look-alikes: a letter that looks like nothing in a code stays refused.
char foldLookAlike(char32_t c) {
    switch (c) {
        case U'А':
        case U'а': return 'A';
        case U'В':
        case U'в': return 'B';
        case U'С':
        case U'с': return 'C';
        case U'Е':
        case U'е':
        case U'Ё':
        case U'ё': return 'E';
        case U'Н':
        case U'н': return 'H';
        case U'І':
        case U'і': return 'I';
        case U'К':
        case U'к': return 'K';
        case U'М':
        case U'м': return 'M';
        case U'О':
        case U'о': return 'O';
        case U'Р':
        case U'р': return 'P';
        case U'Т':
        case U'т': return 'T';
        case U'Х':
        case U'х': return 'X';
        case U'У':
        case U'у': return 'Y';
        case U'З':
        case U'з': return '3';
        case U'б': return '6';
        case U'Ч':
        case U'ч': return '4';
        default: return 0;
    }
}

}  // namespace

std::string normalizeReferenceCode(std::string_view typed) {
    std::vector<char32_t> chars;
    if (!utf8::decode(typed, chars)) return {};
    std::string code;
    for (char32_t c : chars) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = c - 'a' + 'A';
        if (c >= 0x80) c = static_cast<unsigned char>(foldLookAlike(c));
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return {};
        code += static_cast<char>(c);
        if (code.size() > 6) return {};
    }
    if (code.size() != 6) return {};
    return code.substr(0, 3) + "-" + code.substr(3);
}

}  // namespace dc
