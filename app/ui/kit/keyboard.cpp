// The on-screen keyboard: kiosks have no physical keyboard. Large keys, one layout per language
// the kiosk speaks, a number pad for phone numbers; it never covers the field being typed into
// (the controller gives the screen above it the rest of the height).
#include <array>
#include <string_view>
#include <vector>

#include "app/ui/kit/widgets.hpp"
#include "common/utf8.hpp"

namespace dc::ui {
namespace {

struct Layout {
    Language language;
    const char* name;  // the key that switches to it, in its own script
    std::vector<std::string_view> rows;
};

const std::array<Layout, 4>& layouts() {
    static const std::array<Layout, 4> kLayouts = {{
        {Language::Georgian, "ქარ", {"1234567890", "ქწერტყუიოპ", "ასდფგჰჯკლ", "ზხცვბნმ", "ღჟშჭჩთძ"}},
        {Language::Russian, "РУС", {"1234567890", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё"}},
        {Language::Belarusian, "БЕЛ", {"1234567890", "йцукенгшўзх'", "фывапролджэ", "ячсмітьбю"}},
        {Language::English, "ENG", {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm@.-"}},
    }};
    return kLayouts;
}

const Layout& layoutFor(Language language) {
    for (const Layout& l : layouts())
        if (l.language == language) return l;
    return layouts().back();
}

const std::vector<std::string_view> kNumberPad = {"123", "456", "789", "+0 "};
const std::vector<std::string_view> kDatePad = {"123", "456", "789", "-0"};

constexpr int kRowsMax = 6;

}  // namespace

float keyboardHeight(const UiContext& ctx, float available) {
    const Metrics& m = ctx.metrics;
    // Full-size keys when they fit; with large text they would push the bottom row (Erase,
    // Done) off the screen, so the keys shrink, leaving the field being typed in above.
    const float full = kRowsMax * (m.touch + m.gap) + m.pad;
    return std::min(full, std::max(available - m.touch * 2, kRowsMax * (48.0f + m.gap) + m.pad));
}

void drawKeyboard(UiContext& ctx, const TypingState& state, float height, TypingInput& out) {
    const Metrics& m = ctx.metrics;
    const bool numbers = state.typingInto == FieldId::Phone || state.typingInto == FieldId::BirthDate;
    const std::vector<std::string_view>& rows = state.typingInto == FieldId::BirthDate ? kDatePad
        : numbers                                                                      ? kNumberPad
                                                                                       : layoutFor(state.keyboardLayout).rows;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(origin.x - m.pad, origin.y - m.pad * 0.5f), ImVec2(origin.x + width + m.pad, origin.y + height),
                      ctx.theme.border.imgui(110));  // the border colour, lighter: a panel, not a line

    // Keys as tall as the height allows, up to a normal touch target; smaller keys, smaller letters.
    const float keyHeight = std::min(m.touch, (height - m.pad) / kRowsMax - m.gap);
    const FontRole keyFont = keyHeight < m.touch ? FontRole::Body : FontRole::Tile;
    size_t widest = 10;
    for (std::string_view row : rows) widest = std::max(widest, utf8::characters(row).size());
    const float keyWidth = numbers ? (width - 2 * m.gap) / 3 : (width - (widest - 1) * m.gap) / widest;
    for (std::string_view row : rows) {
        const auto keys = utf8::characters(row);
        // Rows are centred, as on a printed keyboard.
        const float rowWidth = keys.size() * keyWidth + (keys.size() - 1) * m.gap;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + (width - rowWidth) * 0.5f, ImGui::GetCursorScreenPos().y));
        for (size_t i = 0; i < keys.size(); ++i) {
            if (i > 0) ImGui::SameLine(0, m.gap);
            const std::string& key = keys[i];
            const std::string shown = key == " " ? std::string(ctx.t(Msg::KeySpace)) : key;
            if (touchButton(ctx, shown, ImVec2(keyWidth, keyHeight), ButtonStyle::Secondary, keyFont)) out.keyText = key;
        }
    }
    // The bottom row: other layouts, space, erase, done.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetCursorScreenPos().y));
    bool first = true;
    auto next = [&] {
        if (!first) ImGui::SameLine(0, m.gap);
        first = false;
    };
    if (!numbers) {
        for (const Layout& l : layouts()) {
            next();
            const bool current = l.language == state.keyboardLayout;
            if (touchButton(ctx, l.name, ImVec2(keyWidth * 1.2f, keyHeight),
                            current ? ButtonStyle::Primary : ButtonStyle::Secondary))
                out.keyboardLayout = l.language;
        }
        next();
        if (touchButton(ctx, ctx.t(Msg::KeySpace), ImVec2(keyWidth * 2, keyHeight), ButtonStyle::Secondary))
            out.keyText.assign(1, ' ');  // (not = " ": GCC 12 warns falsely, bug 105329)
    }
    next();
    if (touchButton(ctx, ctx.t(Msg::KeyErase), ImVec2(0, keyHeight), ButtonStyle::Secondary, keyFont)) out.keyBackspace = true;
    next();
    if (touchButton(ctx, ctx.t(Msg::KeyDone), ImVec2(0, keyHeight), ButtonStyle::Primary, keyFont)) out.keyboardDone = true;
}

}  // namespace dc::ui
