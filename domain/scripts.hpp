#pragma once
// The letters the kiosk can show: its fonts (Noto Sans, Noto Sans Georgian) are baked for these
// ranges only, so a name or note outside them would be drawn as "??" on the screen that asks
// "Is it right?" and on the receipt. The person's fields keep to them (person.hpp); the UI bakes
// exactly these (app/ui/kit/fonts.cpp).
#include <string_view>

namespace dc::domain {

struct CodeRange {
    char32_t first, last;
};

// Latin, Latin-1, Latin Extended-A, Cyrillic (with Belarusian і ў) and Cyrillic Supplement, general
// punctuation (dashes, quotes, ellipsis) without its invisible controls (line and paragraph
// separators, U+202A..202E direction embeddings and overrides, which would turn what is shown
// around), currency signs, the numero sign.
inline constexpr CodeRange kLatinCyrillicRanges[] = {{0x0020, 0x007E}, {0x00A0, 0x00FF}, {0x0100, 0x017F}, {0x0400, 0x052F},
                                                     {0x2010, 0x2027}, {0x2030, 0x205E}, {0x20A0, 0x20CF}, {0x2116, 0x2116}};
// Georgian Mkhedruli and Asomtavruli, Mtavruli capitals, Nuskhuri.
inline constexpr CodeRange kGeorgianRanges[] = {{0x10A0, 0x10FF}, {0x1C90, 0x1CBF}, {0x2D00, 0x2D2F}};

bool kioskCanShow(char32_t c);
// Valid UTF-8 whose every character the kiosk can show.
bool kioskCanShowAll(std::string_view text);

}  // namespace dc::domain
