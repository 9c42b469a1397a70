#include "app/ui/kit/fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <array>
#include <cmath>

#include "app/ui/kit/icons.hpp"
#include "domain/scripts.hpp"

namespace dc::ui {
namespace {

// The ranges the kiosk can show (domain/scripts.hpp: a person's fields keep to them), in ImGui's
// form: pairs, then 0. Static: the atlas keeps pointers.
template <size_t N>
constexpr std::array<ImWchar, 2 * N + 1> imguiRanges(const domain::CodeRange (&ranges)[N]) {
    std::array<ImWchar, 2 * N + 1> out{};
    for (size_t i = 0; i < N; ++i) {
        out[2 * i] = static_cast<ImWchar>(ranges[i].first);
        out[2 * i + 1] = static_cast<ImWchar>(ranges[i].last);
    }
    return out;
}
constexpr auto kLatinCyrillic = imguiRanges(domain::kLatinCyrillicRanges);
constexpr auto kGeorgian = imguiRanges(domain::kGeorgianRanges);
// Each pictogram as a range of its own.
constexpr auto kIcons = [] {
    std::array<ImWchar, 2 * std::size(icon::kAll) + 1> out{};
    for (size_t i = 0; i < std::size(icon::kAll); ++i) out[2 * i] = out[2 * i + 1] = static_cast<ImWchar>(icon::kAll[i]);
    return out;
}();

struct RoleSpec {
    FontRole role;
    float scale;
    bool bold;
};
constexpr RoleSpec kRoles[] = {
    {FontRole::Body, 1.0f, false},  {FontRole::Bold, 1.0f, true}, {FontRole::Small, 0.8f, false},
    {FontRole::Title, 1.45f, true}, {FontRole::Tile, 1.3f, true},
};
constexpr float kIconScale = 2.4f;  // Home's tiles: a pictogram as tall as two lines of their title

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
    const std::filesystem::path icons = iconFontFile(fontDir);
    if (!std::filesystem::is_regular_file(icons))
        return fail(ErrorCode::MissingResource,
                    "the pictogram font '" + icons.string() +
                        "' is missing. Install Debian's fonts-material-design-icons-iconfont "
                        "package (scripts/setup.sh does).");

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
        ImFont* font = atlas.AddFontFromFileTTF(latin.c_str(), px, &base, kLatinCyrillic.data());
        ImFontConfig merge = base;
        merge.MergeMode = true;
        const std::string georgian = file(spec.bold ? "NotoSansGeorgian-Bold.ttf" : "NotoSansGeorgian-Regular.ttf").string();
        if (!font || !atlas.AddFontFromFileTTF(georgian.c_str(), px, &merge, kGeorgian.data()))
            return fail(ErrorCode::MissingResource, "could not read the fonts in '" + fontDir.string() + "'");
        // The pictograms, a little larger than the letters and on their line, one letter wide at least.
        ImFontConfig pictograms = merge;
        pictograms.GlyphMinAdvanceX = px;
        pictograms.GlyphOffset = ImVec2(0, std::round(px * 0.2f));
        if (!atlas.AddFontFromFileTTF(icons.c_str(), std::round(px * 1.15f), &pictograms, kIcons.data()))
            return fail(ErrorCode::MissingResource, "could not read the pictogram font '" + icons.string() + "'");
        fonts.byRole[static_cast<size_t>(spec.role)] = font;
    }
    {
        ImFontConfig config;
        config.OversampleH = 1;
        config.PixelSnapH = true;
        ImFont* font = atlas.AddFontFromFileTTF(icons.c_str(), std::round(basePixels * kIconScale), &config, kIcons.data());
        if (!font) return fail(ErrorCode::MissingResource, "could not read the pictogram font '" + icons.string() + "'");
        fonts.byRole[static_cast<size_t>(FontRole::Icon)] = font;
    }
    if (!atlas.Build()) return fail(ErrorCode::MissingResource, "could not build the font atlas from '" + fontDir.string() + "'");
    return fonts;
}

std::filesystem::path iconFontFile(const std::filesystem::path& fontDir) {
    std::filesystem::path dir = fontDir.lexically_normal();
    if (!dir.has_filename()) dir = dir.parent_path();  // ".../noto/"
    return dir.parent_path() / "material-design-icons-iconfont" / "MaterialIcons-Regular.ttf";
}

}  // namespace dc::ui
