#pragma once
// A reader for gettext .po catalogs, as the kiosk (app/ui/po/) and the office console
// (sync/server/office/po/) keep their words: entries of
// msgctxt / msgid / msgstr with "..." continuation lines and C escapes. Strict: anything it does
// not understand is an error naming the line, so a broken translation stops the build instead
// of showing a blank button.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace dc::po {

inline constexpr size_t kMaxPoBytes = 4 * 1024 * 1024;

struct Entry {
    std::string context, id, text;
    bool fuzzy = false;
    int line = 0;  // where the entry starts
};

// Every entry but the header (the one with an empty msgid).
Expected<std::vector<Entry>> parse(std::string_view text);

// Checks a translation against the English catalog: the same contexts in the same order, each
// translated (not empty, not fuzzy) with as many %d as the English. The first problem found.
Expected<void> checkAgainst(const std::vector<Entry>& english, const std::vector<Entry>& translation,
                            const std::string& language);

// The text as a C++ string literal (quotes included).
std::string cppLiteral(std::string_view text);

}  // namespace dc::po
