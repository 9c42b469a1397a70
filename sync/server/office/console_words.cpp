#include "sync/server/office/console_words.hpp"

#include <array>
#include <utility>

namespace dc::server::office {
namespace {

struct Entry {
    W key;
    std::array<const char*, 4> text;  // en, ka, ru, be
};

// In the order of W (checked below); generated from po/*.po.
constexpr Entry kWords[] = {
#include "office_words.inc"
};
static_assert(sizeof(kWords) / sizeof(kWords[0]) == static_cast<size_t>(W::Count), "every word in four languages");
constexpr bool inOrder() {
    for (size_t i = 0; i < sizeof(kWords) / sizeof(kWords[0]); ++i)
        if (static_cast<size_t>(kWords[i].key) != i) return false;
    return true;
}
static_assert(inOrder(), "kWords follows the order of W");

constexpr std::pair<std::string_view, W> kStatuses[] = {
    {"submitted", W::StatusIsSubmitted}, {"forwarded", W::StatusIsForwarded},      {"invited", W::StatusIsInvited},
    {"hired", W::StatusIsHired},         {"not_selected", W::StatusIsNotSelected}, {"withdrawn", W::StatusIsWithdrawn},
    {"rejected", W::StatusIsRejected},   {"confirmed", W::StatusIsConfirmed},      {"waitlisted", W::StatusIsWaitlisted},
    {"cancelled", W::StatusIsCancelled}, {"received", W::StatusIsReceived},        {"seen", W::StatusIsSeen},
    {"moved", W::StatusIsMoved},         {"promoted", W::StatusIsPromoted},
};

}  // namespace

Lang langFromCode(std::string_view code) {
    if (code == "ka") return Lang::Ka;
    if (code == "ru") return Lang::Ru;
    if (code == "be") return Lang::Be;
    return Lang::En;
}

const char* langCode(Lang lang) {
    static const char* codes[] = {"en", "ka", "ru", "be"};
    return codes[static_cast<int>(lang)];
}

const char* langName(Lang lang) {
    static const char* names[] = {"English", "ქართული", "Русский", "Беларуская"};
    return names[static_cast<int>(lang)];
}

Lang langFromAcceptLanguage(std::string_view header) {
    // "ka-GE,ka;q=0.9,en;q=0.8": the first tag whose language is one of ours.
    size_t at = 0;
    while (at < header.size()) {
        size_t end = header.find(',', at);
        if (end == std::string_view::npos) end = header.size();
        std::string_view tag = header.substr(at, end - at);
        while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
        const std::string_view primary = tag.substr(0, std::min(tag.find_first_of("-;"), tag.size()));
        for (const char* code : {"ka", "ru", "be", "en"})
            if (primary == code) return langFromCode(code);
        at = end + 1;
    }
    return Lang::En;
}

const char* word(Lang lang, W w) {
    const size_t i = static_cast<size_t>(w);
    if (i >= static_cast<size_t>(W::Count)) return "";
    return kWords[i].text[static_cast<size_t>(lang)];
}

std::string statusWord(Lang lang, std::string_view status) {
    for (const auto& [name, w] : kStatuses)
        if (name == status) return word(lang, w);
    return std::string(status);
}

}  // namespace dc::server::office
