#include "app/ui/kit/widgets.hpp"

#include "app/ui/kit/format.hpp"
#include "app/ui/kit/icons.hpp"
#include "app/ui/kit/qr_code.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "common/utf8.hpp"
#include "domain/scripts.hpp"

namespace dc::ui {
namespace {

struct ButtonColors {
    Color fill, text, border;
};

ButtonColors colorsFor(const Theme& theme, ButtonStyle style) {
    switch (style) {
        case ButtonStyle::Primary: return {theme.primary, theme.primaryText, theme.primary};
        case ButtonStyle::OnHeader: return {theme.headerText, theme.header, theme.headerText};
        case ButtonStyle::Secondary: break;
    }
    return {theme.secondary, theme.secondaryText, theme.secondaryText};
}

}  // namespace

void registerRect(UiContext& ctx, WidgetKind kind, const std::string& text, ImVec2 min, ImVec2 max) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
    const float x0 = std::max(min.x, clipMin.x), y0 = std::max(min.y, clipMin.y);
    const float x1 = std::min(max.x, clipMax.x), y1 = std::min(max.y, clipMax.y);
    if (x1 <= x0 || y1 <= y0) return;  // scrolled out of sight
    const bool clipped = x0 > min.x || y0 > min.y || x1 < max.x || y1 < max.y;
    ctx.registry.add({kind, text, x0, y0, x1 - x0, y1 - y0,
                      (ImGui::GetCurrentContext()->CurrentItemFlags & ImGuiItemFlags_Disabled) == 0, clipped});
}

void registerLastItem(UiContext& ctx, WidgetKind kind, const std::string& text) {
    registerRect(ctx, kind, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

bool touchButton(UiContext& ctx, const std::string& text, ImVec2 size, ButtonStyle style, FontRole fontRole, char32_t pictogram) {
    const Metrics& m = ctx.metrics;
    ImFont* font = ctx.fonts.get(fontRole);
    const std::string shown = pictogram ? icon::text(pictogram) + "  " + text : text;
    const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, shown.c_str());
    if (size.x <= 0) size.x = std::max(textSize.x + 2 * m.pad, m.touch);
    if (size.y <= 0) size.y = std::max(textSize.y + m.pad, m.touch);

    ImGui::PushID(text.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##button", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();

    const ButtonColors colors = colorsFor(ctx.theme, style);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, colors.fill.imgui(held ? 210 : 255), m.rounding);
    dl->AddRect(pos, max, colors.border.imgui(), m.rounding, 0, 3.0f);
    dl->AddText(font, font->FontSize, ImVec2(pos.x + (size.x - textSize.x) * 0.5f, pos.y + (size.y - textSize.y) * 0.5f),
                colors.text.imgui(), shown.c_str());
    registerRect(ctx, WidgetKind::Button, text, pos, max);
    return tapped;
}

// The width of the longest word of `text` in `font`: what a tile must hold to wrap only between words.
float widestWordWidth(ImFont* font, std::string_view text) {
    float widest = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start)
            widest = std::max(widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data() + start, text.data() + end).x);
        start = end + 1;
    }
    return widest;
}

bool tile(UiContext& ctx, const std::string& title, const std::string& hint, ImVec2 size, ButtonStyle style, char32_t pictogram) {
    const Metrics& m = ctx.metrics;
    ImGui::PushID(title.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##tile", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();

    const ButtonColors colors = colorsFor(ctx.theme, style);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, colors.fill.imgui(held ? 210 : 255), m.rounding * 2);
    dl->AddRect(pos, max, colors.border.imgui(), m.rounding * 2, 0, 3.0f);

    ImFont* big = ctx.fonts.get(FontRole::Tile);
    ImFont* small = ctx.fonts.get(FontRole::Body);
    ImFont* pictures = ctx.fonts.get(FontRole::Icon);
    const std::string picture = pictogram && pictures ? icon::text(pictogram) : std::string();
    const ImVec2 pictureSize =
        picture.empty() ? ImVec2(0, 0) : pictures->CalcTextSizeA(pictures->FontSize, FLT_MAX, 0.0f, picture.c_str());
    // The pictogram beside the words when the tile is wide enough for both, above them otherwise.
    const bool beside = !picture.empty() && size.x - 4 * m.pad - pictureSize.x - m.pad >= widestWordWidth(big, title);
    const float textLeft = pos.x + m.pad * 2 + (beside ? pictureSize.x + m.pad : 0.0f);
    const float wrap = pos.x + size.x - m.pad * 2 - textLeft;
    const ImVec2 titleSize = big->CalcTextSizeA(big->FontSize, FLT_MAX, wrap, title.c_str());
    const ImVec2 hintSize = small->CalcTextSizeA(small->FontSize, FLT_MAX, wrap, hint.c_str());
    const float above = !picture.empty() && !beside ? pictureSize.y : 0.0f;
    // What goes when not everything fits: a pictogram above the words first, then the hint (which
    // may carry news, "A clerk has been called"); the title, what is tapped, always stays.
    const float room = size.y - m.pad;
    const bool hintFits = titleSize.y + m.gap + hintSize.y <= room;
    const bool withPicture =
        !picture.empty() && (beside || (hintFits ? above + titleSize.y + m.gap + hintSize.y : above + titleSize.y) <= room);
    const bool withHint = (withPicture ? above : 0.0f) + titleSize.y + m.gap + hintSize.y <= room;
    const float blockHeight = (withPicture ? above : 0.0f) + (withHint ? titleSize.y + m.gap + hintSize.y : titleSize.y);
    const float left = textLeft;
    float y = pos.y + std::max(m.pad * 0.5f, (size.y - std::max(blockHeight, beside ? pictureSize.y : 0.0f)) * 0.5f);
    dl->PushClipRect(pos, max, true);
    if (withPicture) {
        const float pictureY = beside ? pos.y + (size.y - pictureSize.y) * 0.5f : y;
        dl->AddText(pictures, pictures->FontSize, ImVec2(pos.x + m.pad * 2, pictureY), colors.text.imgui(), picture.c_str());
        if (!beside) y += above;
        if (beside) y = pos.y + std::max(m.pad * 0.5f, (size.y - blockHeight) * 0.5f);
    }
    dl->AddText(big, big->FontSize, ImVec2(left, y), colors.text.imgui(), title.c_str(), nullptr, wrap);
    y += titleSize.y + m.gap;
    if (withHint) dl->AddText(small, small->FontSize, ImVec2(left, y), colors.text.imgui(230), hint.c_str(), nullptr, wrap);
    dl->PopClipRect();

    registerRect(ctx, WidgetKind::Button, title, pos, max);
    if (withHint) registerRect(ctx, WidgetKind::Text, hint, ImVec2(left, y), ImVec2(left + hintSize.x, y + hintSize.y));
    return tapped;
}

void label(UiContext& ctx, const std::string& text, FontRole font, Color color, bool wrap) {
    ImGui::PushFont(ctx.fonts.get(font));
    ImGui::PushStyleColor(ImGuiCol_Text, color.imgui());
    if (wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    if (wrap) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    registerLastItem(ctx, WidgetKind::Text, text);
}

void badge(UiContext& ctx, const std::string& text, bool warning) {
    ImFont* font = ctx.fonts.get(FontRole::Small);
    // A warning carries its pictogram too: not told by colour alone (WCAG 1.4.1).
    const std::string shown = warning ? icon::text(icon::kFull) + " " + text : text;
    const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, shown.c_str());
    const float padX = ctx.metrics.pad * 0.6f, padY = ctx.metrics.pad * 0.2f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + textSize.x + 2 * padX, pos.y + textSize.y + 2 * padY);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, (warning ? ctx.theme.warning : ctx.theme.badge).imgui(), ctx.metrics.rounding);
    dl->AddText(font, font->FontSize, ImVec2(pos.x + padX, pos.y + padY),
                (warning ? ctx.theme.warningText : ctx.theme.badgeText).imgui(), shown.c_str());
    ImGui::Dummy(ImVec2(max.x - pos.x, max.y - pos.y));
    registerRect(ctx, WidgetKind::Text, text, pos, max);
}

size_t maxBytesFor(FieldId id) {
    switch (id) {
        case FieldId::Phone: return 30;
        case FieldId::Code: return 20;
        case FieldId::Document: return 20;
        case FieldId::BirthDate: return 10;
        case FieldId::Note: return 1000;
        case FieldId::Search: return 200;
        default: return 200;
    }
}

TypedOutcome appendTyped(FieldId id, std::string& text, std::string_view typed, size_t maxBytes) {
    TypedOutcome outcome;
    for (const std::string& ch : utf8::characters(typed)) {
        std::vector<char32_t> cps;
        if (!utf8::decode(ch, cps) || cps.size() != 1) continue;
        const char32_t c = cps[0];
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue;  // control characters (Enter, Tab): not text
        if (!domain::kioskCanShow(c)) {  // it would show as "?" on the screen and the receipt
            outcome.notShown = true;
            continue;
        }
        bool refused =
            (id == FieldId::Phone && !((c >= '0' && c <= '9') || c == '+' || c == ' ' || c == '-' || c == '(' || c == ')')) ||
            (id == FieldId::BirthDate && !((c >= '0' && c <= '9') || c == '-'));
        // A document number as the MRZ writes it: capitals and digits.
        std::string kept = ch;
        if (id == FieldId::Document) {
            if (c >= 'a' && c <= 'z')
                kept.assign(1, static_cast<char>(c - 'a' + 'A'));
            else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                refused = true;
        }
        if (refused) {
            outcome.refused = true;
            continue;
        }
        if (text.size() + kept.size() > maxBytes) {
            outcome.full = true;
            break;
        }
        text += kept;
        outcome.took = true;
    }
    return outcome;
}

void eraseLastCharacter(std::string& text) {
    size_t cut = text.size();
    while (cut > 0) {
        --cut;
        if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80) break;
    }
    text.resize(cut);
}

bool editField(UiContext& ctx, FieldId id, const std::string& labelText, const std::string& hint, std::string& text,
               size_t maxBytes, const TypingState& typing, TypingInput& out) {
    const Metrics& m = ctx.metrics;
    if (!labelText.empty()) label(ctx, labelText, FontRole::Bold, ctx.theme.text, true);
    const bool active = typing.typingInto == id;
    bool changed = false;
    if (active) {
        // A physical keyboard, or the automation driver, types here too.
        ImGuiIO& io = ImGui::GetIO();
        std::string typed;
        for (ImWchar c : io.InputQueueCharacters) utf8::append(typed, c);
        io.InputQueueCharacters.resize(0);
        const size_t before = text.size();
        out.physical = appendTyped(id, text, typed, maxBytes);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !text.empty()) eraseLastCharacter(text);
        changed = text.size() != before || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && before > 0);
    }
    ImFont* font = ctx.fonts.get(FontRole::Body);
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + width, pos.y + m.touch);
    ImGui::PushID(static_cast<int>(id));
    if (ImGui::InvisibleButton("##field", ImVec2(width, m.touch))) out.focusField = id;
    // When typing starts the keyboard takes the lower screen: bring the field (and its label
    // above it) into what is left, once, so a finger can still scroll the form afterwards.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID wasActiveKey = ImGui::GetID("##was-active");
    if (active && !storage->GetBool(wasActiveKey)) {
        const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
        if (pos.y < top || max.y > bottom) ImGui::SetScrollHereY(0.8f);
    }
    storage->SetBool(wasActiveKey, active);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, ctx.theme.surface.imgui(), m.rounding);
    dl->AddRect(pos, max, (active ? ctx.theme.primary : ctx.theme.secondaryText).imgui(), m.rounding, 0, active ? 4.0f : 2.0f);
    const float y = pos.y + (m.touch - font->FontSize) * 0.5f;
    dl->PushClipRect(ImVec2(pos.x + m.pad * 0.5f, pos.y), ImVec2(max.x - m.pad * 0.5f, max.y), true);
    // Long text shows its end, where the typing happens.
    const float textWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
    const float room = width - 2 * m.pad - m.gap;
    const float x = pos.x + m.pad - std::max(0.0f, textWidth - room);
    if (text.empty())
        dl->AddText(font, font->FontSize, ImVec2(pos.x + m.pad, y), ctx.theme.textMuted.imgui(), hint.c_str());
    else
        dl->AddText(font, font->FontSize, ImVec2(x, y), ctx.theme.text.imgui(), text.c_str());
    if (active) {
        const float cx = x + textWidth + 2;
        dl->AddRectFilled(ImVec2(cx, y), ImVec2(cx + 3, y + font->FontSize), ctx.theme.text.imgui());
    }
    dl->PopClipRect();
    registerRect(ctx, WidgetKind::Input, labelText.empty() ? hint : labelText, pos, max);
    if (!text.empty()) registerRect(ctx, WidgetKind::Text, text, pos, max);
    // Why a key did nothing, and how much room is left on a long field: said, never silent.
    if (active && typing.typingNote) label(ctx, ctx.t(*typing.typingNote), FontRole::Bold, ctx.theme.alert, true);
    if (id == FieldId::Note || (active && maxBytes >= 100 && text.size() + 60 > maxBytes)) {
        // Left in characters of the script being typed (a Georgian letter takes three bytes).
        const std::vector<std::string> chars = utf8::characters(text);
        const size_t perChar = chars.empty() ? 1 : chars.back().size();
        const long long left = static_cast<long long>((maxBytes - std::min(maxBytes, text.size())) / perChar);
        label(ctx, trf(ctx.language, Msg::CharactersLeft, left), FontRole::Small, ctx.theme.textMuted, true);
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.25f));
    return changed;
}

ChipRows::ChipRows(UiContext& ctx, int maxRows)
    : m_ctx(ctx), m_right(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x), m_maxRows(maxRows) {}

bool ChipRows::place(const std::string& name, bool withCount) {
    const Metrics& m = m_ctx.metrics;
    if (!m_first) {
        ImGui::SameLine(0, m.gap);
        ImFont* font = m_ctx.fonts.get(FontRole::Bold);
        const float need =
            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, name.c_str()).x + 2 * m.pad + (withCount ? m.pad * 3 : 0);
        if (ImGui::GetCursorScreenPos().x + need > m_right) {
            if (m_rows == m_maxRows) return false;
            ImGui::NewLine();
            ++m_rows;
        }
    }
    m_first = false;
    return true;
}

void shareQr(UiContext& ctx, const std::string& text) {
    auto qr = encodeQr(text);
    if (!qr) return;  // too long for a code: the details stay on the screen
    const Metrics& m = ctx.metrics;
    ImGui::Dummy(ImVec2(0, m.gap));
    label(ctx, ctx.t(Msg::TakeItWithYou), FontRole::Bold, ctx.theme.text);
    qrCode(*qr, m.touch * 4);
    ImGui::SameLine(0, m.gap * 2);
    ImGui::BeginGroup();
    label(ctx, ctx.t(Msg::PointYourPhone), FontRole::Body, ctx.theme.text, true);
    ImGui::EndGroup();
}

bool chip(UiContext& ctx, const std::string& name, std::optional<int64_t> count, bool active) {
    const Metrics& m = ctx.metrics;
    ImFont* font = ctx.fonts.get(FontRole::Bold);
    ImFont* small = ctx.fonts.get(FontRole::Body);
    const std::string countText = count ? formatNumber(ctx.language, *count) : std::string();
    const ImVec2 nameSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, name.c_str());
    const ImVec2 countSize = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, countText.c_str());
    const float width = nameSize.x + (count ? m.gap + countSize.x : 0) + 2 * m.pad;
    ImGui::PushID(name.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##chip", ImVec2(width, m.touch));
    ImGui::PopID();
    const ImVec2 max(pos.x + width, pos.y + m.touch);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Color fill = active ? ctx.theme.primary : ctx.theme.surface;
    const Color text = active ? ctx.theme.primaryText : ctx.theme.secondaryText;
    dl->AddRectFilled(pos, max, fill.imgui(), m.touch * 0.5f);
    dl->AddRect(pos, max, ctx.theme.secondaryText.imgui(), m.touch * 0.5f, 0, 2.0f);
    const float y = pos.y + (m.touch - nameSize.y) * 0.5f;
    dl->AddText(font, font->FontSize, ImVec2(pos.x + m.pad, y), text.imgui(), name.c_str());
    registerRect(ctx, WidgetKind::Button, name, pos, max);
    if (count) {
        const ImVec2 at(pos.x + m.pad + nameSize.x + m.gap, pos.y + (m.touch - countSize.y) * 0.5f);
        dl->AddText(small, small->FontSize, at, text.imgui(220), countText.c_str());
        registerRect(ctx, WidgetKind::Text, countText, at, ImVec2(at.x + countSize.x, at.y + countSize.y));
    }
    return tapped;
}

namespace {

// One gesture at a time: the region it started in, and the speed it left with.
struct TouchScrollState {
    ImGuiID window = 0;
    bool dragging = false;
    float velocity = 0;  // pixels per second, for the glide after release
};
TouchScrollState g_touchScroll;

}  // namespace

void touchScroll(UiContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    TouchScrollState& s = g_touchScroll;
    const float threshold = ctx.metrics.gap * 1.5f;
    if (ImGui::IsMouseClicked(0) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        s = {window->ID, false, 0};
    }
    if (s.window != window->ID) return;
    if (ImGui::IsMouseDown(0)) {
        if (!s.dragging && std::abs(ImGui::GetMouseDragDelta(0, 0).y) > threshold) {
            s.dragging = true;
            ImGui::ClearActiveID();  // the button under the finger must not fire on release
        }
        if (s.dragging) {
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
            if (io.DeltaTime > 0) s.velocity = 0.7f * s.velocity + 0.3f * (-io.MouseDelta.y / io.DeltaTime);
        }
        return;
    }
    // Released: glide, slowing down, until it is too slow to see.
    if (std::abs(s.velocity) < 20.0f) {
        s = {};
        return;
    }
    const float dt = std::min(io.DeltaTime, 0.05f);
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + s.velocity * dt, 0.0f, ImGui::GetScrollMaxY()));
    s.velocity *= std::pow(0.05f, dt);  // loses 95% of its speed per second
    if (ImGui::GetScrollY() <= 0 || ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) s.velocity = 0;
    ctx.animating = true;
}

}  // namespace dc::ui
