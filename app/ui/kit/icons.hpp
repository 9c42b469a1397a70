#pragma once
// Pictograms: Material Icons from Debian's fonts-material-design-icons-iconfont, baked into the
// font atlas beside the letters (fonts.cpp), so a pictogram is drawn like a character. Never an
// icon without its word: the picture helps a person who reads little find the button, the word
// says what it does (and is what audio guidance speaks).
#include <string>

namespace dc::ui::icon {

inline constexpr char32_t kNone = 0;
inline constexpr char32_t kJobs = 0xE8F9;  // "work": a briefcase
inline constexpr char32_t kCourses = 0xE80C;  // "school": a graduation cap
inline constexpr char32_t kStatus = 0xE85D;  // "assignment": a clipboard
inline constexpr char32_t kLanguage = 0xE8E2;  // "translate": 文A
inline constexpr char32_t kHelp = 0xE887;  // "help": a question mark in a circle
inline constexpr char32_t kCallClerk = 0xF0E2;  // "support_agent": a person with a headset
inline constexpr char32_t kBack = 0xE5C4;  // "arrow_back"
inline constexpr char32_t kHome = 0xE88A;  // "home": a house
inline constexpr char32_t kListen = 0xE050;  // "volume_up": a loudspeaker
inline constexpr char32_t kApply = 0xE163;  // "send": a paper plane
inline constexpr char32_t kEnroll = 0xE174;  // "how_to_reg": a person with a tick
inline constexpr char32_t kFull = 0xE14B;  // "block": a circle struck through
inline constexpr char32_t kWarning = 0xE002;  // "warning": a triangle with "!"
inline constexpr char32_t kCheck = 0xE86C;  // "check_circle"
inline constexpr char32_t kHeadset = 0xE310;  // "headset": headphones

// Every pictogram the screens use: the atlas bakes these and no others.
inline constexpr char32_t kAll[] = {kJobs,   kCourses, kStatus, kLanguage, kHelp,    kCallClerk, kBack,   kHome,
                                    kListen, kApply,   kEnroll, kFull,     kWarning, kCheck,     kHeadset};

// The icon as UTF-8 text (three bytes: they are in the Private Use Area).
inline std::string text(char32_t icon) {
    std::string out;
    out += static_cast<char>(0xE0 | (icon >> 12));
    out += static_cast<char>(0x80 | ((icon >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (icon & 0x3F));
    return out;
}

}  // namespace dc::ui::icon
