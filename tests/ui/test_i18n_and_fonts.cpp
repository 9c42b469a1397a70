#include <imgui.h>

#include <catch2/catch.hpp>

#include "app/ui/kit/fonts.hpp"
#include "support/temp_dir.hpp"
#include "app/ui/kit/icons.hpp"
#include "app/ui/kit/i18n.hpp"
#include "common/utf8.hpp"

using namespace dc;
using namespace dc::ui;

namespace {

std::vector<std::string> everyUiString() {
    std::vector<std::string> out;
    for (Language l : kAllLanguages) {
        out.push_back(nativeLanguageName(l));
        for (int m = 0; m < static_cast<int>(Msg::Count); ++m) out.push_back(tr(l, static_cast<Msg>(m)));
    }
    return out;
}

}  // namespace

TEST_CASE("every message exists in every language and is translated", "[ui][i18n]") {
    for (int m = 0; m < static_cast<int>(Msg::Count); ++m) {
        const auto msg = static_cast<Msg>(m);
        const std::string english = tr(Language::English, msg);
        for (Language l : kAllLanguages) {
            INFO("message " << m << " in " << languageCode(l));
            const std::string text = tr(l, msg);
            CHECK_FALSE(text.empty());
            CHECK(utf8::isValid(text));
            // Placeholders must survive translation.
            CHECK((text.find("%d") != std::string::npos) == (english.find("%d") != std::string::npos));
        }
        // Georgian text must be Georgian, not an English copy.
        CHECK(std::string(tr(Language::Georgian, msg)) != english);
    }
}

TEST_CASE("language codes round-trip and unknown codes are refused", "[ui][i18n]") {
    for (Language l : kAllLanguages) CHECK(languageFromCode(languageCode(l)) == l);
    CHECK_FALSE(languageFromCode("de"));
    CHECK_FALSE(languageFromCode(""));
    CHECK(trf(Language::Russian, Msg::JobsFound, 12) == "Найдено вакансий: 12");
    // Numbers on screen are grouped as each language writes them; the voice gets plain digits.
    CHECK(trf(Language::Russian, Msg::JobsFound, 12345) == "Найдено вакансий: 12\u00A0345");
    CHECK(trf(Language::English, Msg::JobsFound, 1234567) == "Jobs found: 1,234,567");
    CHECK(trfSpoken(Language::Russian, Msg::JobsFound, 12345) == "Найдено вакансий: 12345");
}

TEST_CASE("the baked fonts have a glyph for every character of every UI string", "[ui][fonts]") {
    // No ImGui context: the kiosk bakes the atlas on a thread while its window opens.
    ImFontAtlas atlas;
    auto fonts = loadFonts(atlas, DC_FONT_DIR, 36.0f);
    REQUIRE(fonts);
    for (int role = 0; role < static_cast<int>(FontRole::Count); ++role) {
        ImFont* font = fonts->get(static_cast<FontRole>(role));
        REQUIRE(font);
        // Every role draws every pictogram (buttons, badges; the Icon role for Home's tiles).
        for (char32_t pictogram : icon::kAll) CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(pictogram)) != nullptr);
        if (static_cast<FontRole>(role) == FontRole::Icon) continue;  // pictograms only
        for (const std::string& text : everyUiString()) {
            std::vector<char32_t> codepoints;
            REQUIRE(utf8::decode(text, codepoints));
            for (char32_t c : codepoints) {
                INFO("U+" << std::hex << static_cast<unsigned>(c) << " in \"" << text << "\"");
                CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            }
        }
    }
}

TEST_CASE("a missing pictogram font is a clear error naming the package", "[ui][fonts]") {
    dc::test::TempDir dir;
    std::filesystem::create_directories(dir / "noto");
    for (const char* name :
         {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf"})
        std::filesystem::create_symlink(std::filesystem::path(DC_FONT_DIR) / name, dir / "noto" / name);
    ImFontAtlas atlas;
    auto fonts = loadFonts(atlas, dir / "noto", 36.0f);
    REQUIRE_FALSE(fonts);
    CHECK(fonts.error().code() == ErrorCode::MissingResource);
    CHECK_THAT(fonts.error().message(), Catch::Contains("fonts-material-design-icons-iconfont"));
    CHECK(iconFontFile("/usr/share/fonts/truetype/noto/") == iconFontFile("/usr/share/fonts/truetype/noto"));
}

TEST_CASE("a missing font folder is a clear error naming the file and package", "[ui][fonts]") {
    ImFontAtlas atlas;
    auto fonts = loadFonts(atlas, "/nonexistent-fonts", 36.0f);
    REQUIRE_FALSE(fonts);
    CHECK(fonts.error().code() == ErrorCode::MissingResource);
    CHECK_THAT(fonts.error().message(), Catch::Contains("NotoSans-Regular.ttf") && Catch::Contains("fonts-noto-core"));
}
