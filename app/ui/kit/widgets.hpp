#pragma once
// Touch-first widgets. Each one draws, handles its input and reports itself to the UiRegistry.
// Sizes come from Metrics; nothing touchable is smaller than Metrics::touch.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ui/kit/loadable.hpp"
#include "app/ui/kit/typing.hpp"
#include "app/ui/kit/ui_context.hpp"

namespace dc::ui {

enum class ButtonStyle { Primary, Secondary, OnHeader };

// A labelled button of the given size (0 = fit the label, at least touch size). True when tapped.
// `pictogram` (icons.hpp) is drawn before the words; the label stays the words alone.
bool touchButton(UiContext& ctx, const std::string& label, ImVec2 size, ButtonStyle style, FontRole font = FontRole::Bold,
                 char32_t pictogram = 0);

// A large home-screen tile with a title and one line of explanation.
// The width of the longest word of `text` in `font`: what a tile must hold to wrap only between words.
float widestWordWidth(ImFont* font, std::string_view text);
// `pictogram` (icons.hpp): large, beside the title, or above it when the tile is narrow.
bool tile(UiContext& ctx, const std::string& title, const std::string& hint, ImVec2 size, ButtonStyle style,
          char32_t pictogram = 0);

// Plain text in a font and colour; wraps at the available width when `wrap`.
void label(UiContext& ctx, const std::string& text, FontRole font, Color color, bool wrap = false);

// A small rounded badge such as "Remote"; drawn at the cursor, on one line with what follows.
// `warning`: in the warning colours ("Full"), never the good news' green.
void badge(UiContext& ctx, const std::string& text, bool warning = false);

// Call right after BeginChild of a scrolling region: a finger dragged up or down scrolls it, and
// after a swipe it glides to a stop. A drag never counts as a tap on what it started on.
void touchScroll(UiContext& ctx);

// A filter chip: a rounded touch target named `name`, with an optional count after it.
// `active` chips are filled. True when tapped.
// Lays chips out left to right, starting a new row when the next would not fit, up to
// `maxRows` (filters must leave most of the screen to the list they filter).
class ChipRows {
public:
    ChipRows(UiContext& ctx, int maxRows);
    // Moves the cursor to where a chip named `name` goes (with room for a count when
    // `withCount`); false when it would need a row beyond the last.
    bool place(const std::string& name, bool withCount);

private:
    UiContext& m_ctx;
    float m_right;
    int m_maxRows, m_rows = 1;
    bool m_first = true;
};

// "Take it with you": `text` as a QR code with the words that say what to do with it.
void shareQr(UiContext& ctx, const std::string& text);

bool chip(UiContext& ctx, const std::string& name, std::optional<int64_t> count, bool active);

// A text field that takes what is typed on the on-screen keyboard or a physical one. Touching
// it makes it the field being typed into (out.focusField); only that field takes keystrokes.
// `label` (may be empty) is shown above it and names it; an empty field shows `hint`.
// Returns true when the text changed.
bool editField(UiContext& ctx, FieldId id, const std::string& labelText, const std::string& hint, std::string& text,
               size_t maxBytes, const TypingState& typing, TypingInput& out);

// Appends typed text to a field's buffer the way every field does: printable characters only,
// digits and + - ( ) space for the phone, never past `maxBytes`, never half a character.
TypedOutcome appendTyped(FieldId id, std::string& text, std::string_view typed, size_t maxBytes);
// Removes the last character (not byte) of `text`.
void eraseLastCharacter(std::string& text);
size_t maxBytesFor(FieldId id);

// The on-screen keyboard, drawn at the bottom of the screen in `height` pixels: letters of the
// chosen layout (Georgian, Russian, Belarusian, English) or a number pad for phone numbers.
void drawKeyboard(UiContext& ctx, const TypingState& state, float height, TypingInput& out);
float keyboardHeight(const UiContext& ctx, float available);
// A white card with a border around what `body` draws; the whole card is one touch target when
// `tappable`, recorded under `name`. True when tapped.
template <class Body>
bool card(UiContext& ctx, const std::string& id, const std::string& name, bool tappable, Body&& body);

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

template <class Body>
bool card(UiContext& ctx, const std::string& id, const std::string& name, bool tappable, Body&& body) {
    const Metrics& m = ctx.metrics;
    ImGui::PushID(id.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorScreenPos(ImVec2(start.x + m.pad, start.y + m.pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * m.pad);
    body();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + m.pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, end, ctx.theme.surface.imgui(), m.rounding);
    dl->AddRect(start, end, ctx.theme.border.imgui(), m.rounding, 0, 2.0f);
    dl->ChannelsMerge();
    bool tapped = false;
    if (tappable) {
        ImGui::SetCursorScreenPos(start);
        ImGui::SetItemAllowOverlap();
        tapped = ImGui::InvisibleButton("##card", ImVec2(width, end.y - start.y));
        registerRect(ctx, WidgetKind::Button, name, start, end);
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + m.gap));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopID();
    return tapped;
}

}  // namespace dc::ui
