#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {

void drawLanguage(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    const Metrics& m = ctx.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    // Each language is named in itself, so a person finds theirs whatever is showing now.
    for (Language l : kAllLanguages) {
        const ButtonStyle style = l == state.language ? ButtonStyle::Primary : ButtonStyle::Secondary;
        if (touchButton(ctx, nativeLanguageName(l), ImVec2(width, m.touch * 1.4f), style, FontRole::Tile)) out.language = l;
        ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    }
}

}  // namespace dc::ui
