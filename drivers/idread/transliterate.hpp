#pragma once
// Names as an MRZ prints them: ICAO Doc 9303 part 3's transliteration of Cyrillic (Russian,
// Belarusian: І -> I, Ў -> U), Georgia's national romanisation of Mkhedruli (2002), Latin with
// its diacritics dropped; upper case; spaces, hyphens and apostrophes as the MRZ writes them.
#include <optional>
#include <string>
#include <string_view>

namespace dc::idread {

// Empty optional for invalid UTF-8 or a character with no transliteration (e.g. Chinese).
std::optional<std::string> transliterateForMrz(std::string_view utf8);

}  // namespace dc::idread
