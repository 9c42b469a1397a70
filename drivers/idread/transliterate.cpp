#include "drivers/idread/transliterate.hpp"

#include <utility>
#include <vector>

#include "common/utf8.hpp"

namespace dc::idread {
namespace {

// Cyrillic а..я (U+0430..U+044F) in order, ICAO 9303-3 table B.
constexpr const char* kCyrillic[32] = {"A", "B", "V", "G", "D", "E",  "ZH", "Z",  "I",  "I",    "K",  "L", "M", "N", "O",  "P",
                                       "R", "S", "T", "U", "F", "KH", "TS", "CH", "SH", "SHCH", "IE", "Y", "",  "E", "IU", "IA"};
// Georgian Mkhedruli ა..ჰ (U+10D0..U+10F0), the 2002 national system, without its apostrophes.
constexpr const char* kGeorgian[33] = {"A",  "B", "G",  "D",  "E",  "V",  "Z",  "T",  "I",  "K", "L",
                                       "M",  "N", "O",  "P",  "ZH", "R",  "S",  "T",  "U",  "P", "K",
                                       "GH", "Q", "SH", "CH", "TS", "DZ", "TS", "CH", "KH", "J", "H"};

const char* latinBase(char32_t c) {
    // Latin-1 and Latin Extended-A letters that names carry: their base letter(s).
    if (c >= 0xC0 && c <= 0xC5) return "A";
    if (c == 0xC6) return "AE";
    if (c == 0xC7) return "C";
    if (c >= 0xC8 && c <= 0xCB) return "E";
    if (c >= 0xCC && c <= 0xCF) return "I";
    if (c == 0xD1) return "N";
    if ((c >= 0xD2 && c <= 0xD6) || c == 0xD8) return "O";
    if (c >= 0xD9 && c <= 0xDC) return "U";
    if (c == 0xDD) return "Y";
    if (c == 0xDF) return "SS";
    if (c >= 0x100 && c <= 0x17F) {
        // Latin Extended-A runs through the alphabet: each base letter and how many forms it has.
        static constexpr std::pair<const char*, int> kRuns[] = {
            {"A", 6}, {"C", 8}, {"D", 4}, {"E", 10}, {"G", 8}, {"H", 4},  {"I", 10}, {"I", 2}, {"J", 2}, {"K", 3}, {"L", 10},
            {"N", 9}, {"O", 8}, {"R", 6}, {"S", 8},  {"T", 6}, {"U", 12}, {"W", 2},  {"Y", 3}, {"Z", 6}, {"S", 1}};
        char32_t at = 0x100;
        for (const auto& [base, count] : kRuns) {
            if (c < at + static_cast<char32_t>(count)) return base;
            at += static_cast<char32_t>(count);
        }
    }
    return nullptr;
}

}  // namespace

std::optional<std::string> transliterateForMrz(std::string_view text) {
    std::vector<char32_t> cps;
    if (!utf8::decode(text, cps)) return std::nullopt;
    std::string out;
    for (char32_t c : cps) {
        if (c >= 'a' && c <= 'z') c -= 0x20;
        if (c >= 0xE0 && c <= 0xFE && c != 0xF7) c -= 0x20;  // Latin-1 small letters to capitals
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            out += static_cast<char>(c);
        else if (c == ' ' || c == '-' || c == '<' || c == ',')
            out += '<';
        else if (c == '\'' || c == 0x2019 || c == 0x02BC || c == '.')
            continue;  // O'Brien -> OBRIEN
        else if (c >= 0x410 && c <= 0x42F)
            out += kCyrillic[c - 0x410];
        else if (c >= 0x430 && c <= 0x44F)
            out += kCyrillic[c - 0x430];
        else if (c == 0x401 || c == 0x451)
            out += "E";  // Ё
        else if (c == 0x406 || c == 0x456)
            out += "I";  // І
        else if (c == 0x40E || c == 0x45E)
            out += "U";  // Ў
        else if (c == 0x404 || c == 0x454)
            out += "IE";  // Є
        else if (c == 0x407 || c == 0x457)
            out += "I";  // Ї
        else if (c == 0x490 || c == 0x491)
            out += "G";  // Ґ
        else if (c >= 0x10D0 && c <= 0x10F0)
            out += kGeorgian[c - 0x10D0];
        else if (c >= 0x1C90 && c <= 0x1CB0)
            out += kGeorgian[c - 0x1C90];  // Mtavruli capitals
        else if (const char* base = latinBase(c))
            out += base;
        else
            return std::nullopt;
    }
    return out;
}

}  // namespace dc::idread
