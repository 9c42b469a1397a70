#pragma once
// Touch-first widgets. Each one draws, handles its input and reports itself to the UiRegistry.
// Sizes come from Metrics; nothing touchable is smaller than Metrics::touch.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/ui/kiosk_state.hpp"
#include "app/ui/ui_context.hpp"

namespace dc::ui {

enum class ButtonStyle { Primary, Secondary, OnHeader };

// A labelled button of the given size (0 = fit the label, at least touch size). True when tapped.
bool touchButton(UiContext& ctx, const std::string& label, ImVec2 size, ButtonStyle style,
                 FontRole font = FontRole::Bold);

// A large home-screen tile with a title and one line of explanation.
bool tile(UiContext& ctx, const std::string& title, const std::string& hint, ImVec2 size, ButtonStyle style);

// Plain text in a font and colour; wraps at the available width when `wrap`.
void label(UiContext& ctx, const std::string& text, FontRole font, Color color, bool wrap = false);

// A small rounded badge such as "Remote"; drawn at the cursor, on one line with what follows.
void badge(UiContext& ctx, const std::string& text);

// A single-line text field. `focusNow` moves keyboard focus into it. True when the text changed.
bool searchField(UiContext& ctx, const char* id, std::string& text, const std::string& hint, bool focusNow);

// For a screen whose data is loading or failed to load: draws the plain message and returns
// false; returns true when the data is there to draw.
template <class T>
bool readyOrMessage(UiContext& ctx, const Loadable<T>& data) {
    if (!data.error.empty()) {
        label(ctx, ctx.t(Msg::LoadFailed), FontRole::Bold, ctx.theme.text, true);
        return false;
    }
    if (!data.value) {
        label(ctx, ctx.t(Msg::Loading), FontRole::Body, ctx.theme.textMuted);
        return false;
    }
    return true;
}

// Records an already drawn item (the last ImGui item) under `text`.
void registerLastItem(UiContext& ctx, WidgetKind kind, const std::string& text);

// Records a rectangle, clipped to what is visible in the current window.
void registerRect(UiContext& ctx, WidgetKind kind, const std::string& text, ImVec2 min, ImVec2 max);

}  // namespace dc::ui
