#pragma once
// Minimal UTF-8 helpers. Text from people and files is untrusted: these never read past the end
// and treat any invalid sequence as an error instead of guessing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dc::utf8 {

bool isValid(std::string_view text);

// Decodes valid UTF-8 into code points; returns false (and leaves `out` partial) on invalid input.
bool decode(std::string_view text, std::vector<char32_t>& out);

void append(std::string& out, char32_t codepoint);

// Splits text into its characters (each a UTF-8 substring). Invalid bytes come out one by one.
std::vector<std::string> characters(std::string_view text);

// Lower case for comparing words the way the search index does: ASCII, Latin-1, Cyrillic
// (Russian, Belarusian) and Georgian Mtavruli (to Mkhedruli). Invalid bytes pass through.
std::string foldCase(std::string_view text);

// Writes Ё/ё as Е/е, as Russian and Belarusian readers often do. (Bytes: ё is D1 91, е is D0 B5,
// Ё is D0 81, Е is D0 95.)
std::string foldYo(std::string_view text);
bool hasYo(std::string_view text);

// Text safe to print on a terminal or a log line: control characters (C0, DEL, C1), the Unicode
// direction overrides and isolates, and invalid bytes each become "?"; the rest is kept.
std::string printable(std::string_view text);

// At most `maxBytes` of `text`, cut before a character, never inside one.
std::string truncate(std::string_view text, size_t maxBytes);

}  // namespace dc::utf8
