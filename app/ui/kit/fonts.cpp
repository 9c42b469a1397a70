#include "app/ui/kit/fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <cmath>

namespace dc::ui {
namespace {

// Latin, Latin-1, Latin Extended-A, Cyrillic (incl. Belarusian і ў) and Cyrillic Supplement,
// general punctuation (dashes, quotes, ellipsis), currency signs. Static: the atlas keeps pointers.
const ImWchar kLatinCyrillic[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x052F, 0x2010,
                                  0x205E, 0x20A0, 0x20CF, 0x2116, 0x2116, 0};
// Georgian Mkhedruli and Asomtavruli, Mtavruli capitals, Nuskhuri.
const ImWchar kGeorgian[] = {0x10A0, 0x10FF, 0x1C90, 0x1CBF, 0x2D00, 0x2D2F, 0};

struct RoleSpec {
    FontRole role;
    float scale;
    bool bold;
};
constexpr RoleSpec kRoles[] = {
    {FontRole::Body, 1.0f, false},  {FontRole::Bold, 1.0f, true}, {FontRole::Small, 0.8f, false},
    {FontRole::Title, 1.45f, true}, {FontRole::Tile, 1.3f, true},
};

}  // namespace

Expected<Fonts> loadFonts(ImFontAtlas& atlas, const std::filesystem::path& fontDir, float basePixels) {
    const auto file = [&](const char* name) { return fontDir / name; };
    for (const char* name :
         {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf"}) {
        if (!std::filesystem::is_regular_file(file(name)))
            return fail(ErrorCode::MissingResource,
                        "font file '" + file(name).string() +
                            "' is missing. Install Debian's fonts-noto-core package (scripts/setup.sh does), "
                            "or point --font-dir at a folder that has it.");
    }

    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.TexDesiredWidth = 4096;
    // As tall as the glyphs need: rounding up to a power of two can double the texture's memory.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    Fonts fonts;
    for (const RoleSpec& spec : kRoles) {
        const float px = std::round(basePixels * spec.scale);
        ImFontConfig base;
        base.OversampleH = 1;  // FreeType renders sharp glyphs without oversampling
        base.PixelSnapH = true;
        // Light hinting (snapping vertically only) is what desktop Linux and its browsers use
        // by default; at kiosk sizes it looks the same as full hinting and bakes in half the time.
        base.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
        const std::string latin = file(spec.bold ? "NotoSans-Bold.ttf" : "NotoSans-Regular.ttf").string();
        ImFont* font = atlas.AddFontFromFileTTF(latin.c_str(), px, &base, kLatinCyrillic);
        ImFontConfig merge = base;
        merge.MergeMode = true;
        const std::string georgian = file(spec.bold ? "NotoSansGeorgian-Bold.ttf" : "NotoSansGeorgian-Regular.ttf").string();
        if (!font || !atlas.AddFontFromFileTTF(georgian.c_str(), px, &merge, kGeorgian))
            return fail(ErrorCode::MissingResource, "could not read the fonts in '" + fontDir.string() + "'");
        fonts.byRole[static_cast<size_t>(spec.role)] = font;
    }
    if (!atlas.Build()) return fail(ErrorCode::MissingResource, "could not build the font atlas from '" + fontDir.string() + "'");
    return fonts;
}

}  // namespace dc::ui
