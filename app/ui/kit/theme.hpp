#pragma once
// Colours and sizes. Every size derives from the base font size (font-relative units), so the
// same layout works at 720p, 1080p and with larger text.
#include <cstdint>

struct ImGuiStyle;

namespace dc::ui {

struct Color {
    uint8_t r, g, b;
    static constexpr Color hex(uint32_t rgb) {
        return {static_cast<uint8_t>(rgb >> 16), static_cast<uint8_t>(rgb >> 8), static_cast<uint8_t>(rgb)};
    }
    uint32_t imgui(uint8_t alpha = 255) const;  // packed as ImGui's IM_COL32
};

struct Theme {
    Color background, surface, border, text, textMuted;
    Color header, headerText;
    Color primary, primaryText;  // main call to action
    Color secondary, secondaryText;  // other buttons and tiles
    Color money;  // salary figures
    Color badge, badgeText;  // "Remote" and similar labels: good news
    Color warning, warningText;  // a badge such as "Full": never the good news' green
    Color alert;  // words of warning on the page or a card (a key the field does not take)
};

const Theme& normalTheme();
// Black on white, every text pair at least 7:1 (WCAG AAA), for low vision.
const Theme& highContrastTheme();

// WCAG 2.x contrast ratio between two colours (1 to 21).
double contrastRatio(Color a, Color b);

struct Metrics {
    float base;  // body font size in pixels
    float pad;  // inner padding
    float gap;  // space between touch targets
    float touch;  // minimum height of anything touchable
    float headerHeight;
    float rounding;
};

// `displayHeight` in pixels; the body font is 1/30 of it (36 px at 1080p), never below 18 px.
Metrics metricsFor(float displayHeight);
// The same with text (and with it every size) `textScale` times larger: 1.0, 1.35 or 1.7.
Metrics metricsFor(float displayHeight, float textScale);

inline constexpr float kTextScales[] = {1.0f, 1.35f, 1.7f};

void applyTheme(const Theme& theme, const Metrics& metrics, ImGuiStyle& style);

}  // namespace dc::ui
