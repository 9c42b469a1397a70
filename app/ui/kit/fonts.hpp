#pragma once
// Fonts are baked once at start-up (ImGui 1.86 has no dynamic fonts): Noto Sans for Latin and
// Cyrillic with Noto Sans Georgian merged in, at each size the screens use.
#include <array>
#include <filesystem>

#include "common/error.hpp"

struct ImFont;
struct ImFontAtlas;

namespace dc::ui {

// Icon: the pictograms alone (icons.hpp), large, for Home's tiles. Every other role has the
// pictograms too, at its own size, for buttons and badges.
enum class FontRole { Body, Bold, Small, Title, Tile, Icon, Count };

struct Fonts {
    std::array<ImFont*, static_cast<size_t>(FontRole::Count)> byRole{};
    ImFont* get(FontRole role) const { return byRole[static_cast<size_t>(role)]; }
};

inline constexpr const char* kDefaultFontDir = "/usr/share/fonts/truetype/noto";
// Debian's fonts-material-design-icons-iconfont, beside the Noto folder.
std::filesystem::path iconFontFile(const std::filesystem::path& fontDir);

// Clears `atlas`, adds the fonts and builds it. Touches nothing but the atlas, so it may run on a
// thread of its own while the window opens (the atlas is the context's only after it returns).
// Fails with a message naming the missing file and the Debian package that provides it.
Expected<Fonts> loadFonts(ImFontAtlas& atlas, const std::filesystem::path& fontDir, float basePixels);

}  // namespace dc::ui
