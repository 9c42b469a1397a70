#pragma once
// A reference code as a person types or a scanner reads it: "k7m 4qx", "K7M4QX", "k7m-4qx" are
// all "K7M-4QX". One rule for the kiosk, the clerk's scanner and the office's server.
#include <string>
#include <string_view>

namespace dc {

// Six ASCII letters and digits, spaces and dashes ignored, letters upper-cased, written "XXX-XXX";
// Cyrillic letters that look like one of them are read as it ("р3м 6а" is "P3M-6A..."); empty for
// anything else (another character, too few or too many).
std::string normalizeReferenceCode(std::string_view typed);

}  // namespace dc
