#include "app/ui/kit/i18n.hpp"

#include "app/ui/kit/format.hpp"

namespace dc::ui {
namespace {

struct Entry {
    Msg msg;
    const char* text[4];  // English, Georgian, Russian, Belarusian: the order of Language
};

// The words come from the gettext catalogs in po/ (en.po is the source; ka, ru, be translate
// it), compiled into this table at build time by dc-po-compile, which refuses a catalog with any
// message missing, empty or fuzzy. Plain words, short sentences: many readers are new to computers.
constexpr Entry kCatalog[] = {
#include "i18n_catalog.inc"
};

static_assert(sizeof(kCatalog) / sizeof(kCatalog[0]) == static_cast<size_t>(Msg::Count),
              "every Msg needs exactly one catalog entry");

constexpr bool catalogIsInOrder() {
    for (size_t i = 0; i < sizeof(kCatalog) / sizeof(kCatalog[0]); ++i)
        if (static_cast<size_t>(kCatalog[i].msg) != i) return false;
    return true;
}
static_assert(catalogIsInOrder(), "catalog entries must follow the order of Msg");

}  // namespace

const char* languageCode(Language language) {
    switch (language) {
        case Language::Georgian: return "ka";
        case Language::Russian: return "ru";
        case Language::Belarusian: return "be";
        case Language::English: break;
    }
    return "en";
}

std::optional<Language> languageFromCode(std::string_view code) {
    for (Language l : kAllLanguages)
        if (code == languageCode(l)) return l;
    return std::nullopt;
}

const char* nativeLanguageName(Language language) {
    switch (language) {
        case Language::Georgian: return "ქართული";
        case Language::Russian: return "Русский";
        case Language::Belarusian: return "Беларуская";
        case Language::English: break;
    }
    return "English";
}

const char* shortLanguageName(Language language) {
    switch (language) {
        case Language::Georgian: return "ქარ";
        case Language::Russian: return "РУС";
        case Language::Belarusian: return "БЕЛ";
        case Language::English: break;
    }
    return "ENG";
}

const char* tr(Language language, Msg msg) {
    const auto index = static_cast<size_t>(msg);
    if (index >= static_cast<size_t>(Msg::Count)) return "";
    return kCatalog[index].text[static_cast<size_t>(language)];
}

std::string trf(Language language, Msg msg, long long value) {
    std::string text = tr(language, msg);
    if (const auto at = text.find("%d"); at != std::string::npos) text.replace(at, 2, formatNumber(language, value));
    return text;
}

std::string trfSpoken(Language language, Msg msg, long long value) {
    std::string text = tr(language, msg);
    if (const auto at = text.find("%d"); at != std::string::npos) text.replace(at, 2, std::to_string(value));
    return text;
}

}  // namespace dc::ui
