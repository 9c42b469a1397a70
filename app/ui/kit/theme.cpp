#include "app/ui/kit/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace dc::ui {

uint32_t Color::imgui(uint8_t alpha) const { return IM_COL32(r, g, b, alpha); }

const Theme& normalTheme() {
    // Dark navy header, light page, white cards: the look of a public-service site.
    static const Theme kTheme = {
        .background = Color::hex(0xEEF1F5),
        .surface = Color::hex(0xFFFFFF),
        .border = Color::hex(0x7B8797),  // 3:1 on the page and on cards (WCAG 1.4.11)
        .text = Color::hex(0x1A1F26),
        .textMuted = Color::hex(0x4A5563),
        .header = Color::hex(0x123A6B),
        .headerText = Color::hex(0xFFFFFF),
        .primary = Color::hex(0x0B5CAD),
        .primaryText = Color::hex(0xFFFFFF),
        .secondary = Color::hex(0xFFFFFF),
        .secondaryText = Color::hex(0x123A6B),
        .money = Color::hex(0x0F6B35),
        .badge = Color::hex(0xDDF2E4),
        .badgeText = Color::hex(0x0D5A2C),
        .warning = Color::hex(0xFCE8E6),
        .warningText = Color::hex(0x8A1C00),
        .alert = Color::hex(0x8A1C00),
    };
    return kTheme;
}

const Theme& highContrastTheme() {
    static const Theme kTheme = {
        .background = Color::hex(0xFFFFFF),
        .surface = Color::hex(0xFFFFFF),
        .border = Color::hex(0x000000),
        .text = Color::hex(0x000000),
        .textMuted = Color::hex(0x1F1F1F),
        .header = Color::hex(0x000000),
        .headerText = Color::hex(0xFFFFFF),
        .primary = Color::hex(0x00306E),
        .primaryText = Color::hex(0xFFFFFF),
        .secondary = Color::hex(0xFFFFFF),
        .secondaryText = Color::hex(0x000000),
        .money = Color::hex(0x00451F),
        .badge = Color::hex(0xFFFFFF),
        .badgeText = Color::hex(0x000000),
        .warning = Color::hex(0x000000),
        .warningText = Color::hex(0xFFFFFF),
        .alert = Color::hex(0x000000),
    };
    return kTheme;
}

double contrastRatio(Color a, Color b) {
    auto luminance = [](Color c) {
        auto channel = [](uint8_t v) {
            const double s = v / 255.0;
            return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Metrics metricsFor(float displayHeight) { return metricsFor(displayHeight, 1.0f); }

Metrics metricsFor(float displayHeight, float textScale) {
    const float base = std::max(18.0f, std::round(displayHeight / 30.0f * textScale));
    // 48 px at 1080p is the accessibility floor for a touch target; we use more.
    const float touchFloor = 48.0f * displayHeight / 1080.0f;
    return Metrics{
        .base = base,
        .pad = std::round(base * 0.6f),
        .gap = std::max(std::round(base * 0.4f), 8.0f * displayHeight / 1080.0f),
        .touch = std::max(std::round(base * 2.0f), touchFloor),
        .headerHeight = std::round(base * 2.6f),
        .rounding = std::round(base * 0.3f),
    };
}

void applyTheme(const Theme& theme, const Metrics& m, ImGuiStyle& style) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(m.pad, m.pad);
    style.FramePadding = ImVec2(m.pad, m.pad * 0.75f);
    style.ItemSpacing = ImVec2(m.gap, m.gap);
    style.ItemInnerSpacing = ImVec2(m.gap, m.gap);
    style.ScrollbarSize = std::round(m.base * 0.9f);  // wide enough to grab with a finger
    style.GrabMinSize = m.base;
    style.WindowRounding = 0;
    style.FrameRounding = m.rounding;
    style.ScrollbarRounding = m.rounding;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 2;
    style.TouchExtraPadding = ImVec2(2, 2);
    // Outlines as anti-aliased geometry, not ImGui's baked line texture: that texture needs
    // linear filtering, and the font atlas is sampled nearest (platform/gl_frame.cpp).
    style.AntiAliasedLinesUseTex = false;

    auto c = [](Color col, float alpha = 1.0f) { return ImVec4(col.r / 255.0f, col.g / 255.0f, col.b / 255.0f, alpha); };
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_Text] = c(theme.text);
    colors[ImGuiCol_TextDisabled] = c(theme.textMuted);
    colors[ImGuiCol_WindowBg] = c(theme.background);
    colors[ImGuiCol_ChildBg] = c(theme.background);
    colors[ImGuiCol_PopupBg] = c(theme.surface);
    colors[ImGuiCol_Border] = c(theme.border);
    colors[ImGuiCol_FrameBg] = c(theme.surface);
    colors[ImGuiCol_FrameBgHovered] = c(theme.surface);
    colors[ImGuiCol_FrameBgActive] = c(theme.surface);
    colors[ImGuiCol_ScrollbarBg] = c(theme.background);
    colors[ImGuiCol_ScrollbarGrab] = c(theme.border);
    colors[ImGuiCol_ScrollbarGrabHovered] = c(theme.textMuted);
    colors[ImGuiCol_ScrollbarGrabActive] = c(theme.header);
    colors[ImGuiCol_Button] = c(theme.secondary);
    colors[ImGuiCol_ButtonHovered] = c(theme.secondary);
    colors[ImGuiCol_ButtonActive] = c(theme.badge);
    colors[ImGuiCol_TextSelectedBg] = c(theme.primary, 0.35f);
    colors[ImGuiCol_NavHighlight] = c(theme.primary);
}

}  // namespace dc::ui
