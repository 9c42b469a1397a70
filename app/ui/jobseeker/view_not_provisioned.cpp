#include <imgui.h>

#include <cfloat>

#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {

// No site language is known before provisioning, so the technician reads it in all four: a 2x2
// grid of cards, each in its own script, and one line of facts without words at the bottom.
void drawNotProvisioned(UiContext& ctx, const std::string& facts) {
    const Metrics& m = ctx.metrics;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), ctx.theme.header.imgui());
    const float pad = m.gap * 3;
    const float factsHeight = ctx.fonts.get(FontRole::Small)->FontSize + pad * 2;
    const ImVec2 card((avail.x - pad * 3) / 2, (avail.y - factsHeight - pad * 3) / 2);
    int i = 0;
    for (Language l : kAllLanguages) {
        const ImVec2 at(origin.x + pad + static_cast<float>(i % 2) * (card.x + pad),
                        origin.y + pad + static_cast<float>(i / 2) * (card.y + pad));
        draw->AddRectFilled(at, ImVec2(at.x + card.x, at.y + card.y), ctx.theme.surface.imgui(), m.rounding);
        const float wrap = card.x - pad * 2;
        ImFont* title = ctx.fonts.get(FontRole::Title);
        ImFont* body = ctx.fonts.get(FontRole::Body);
        const char* heading = tr(l, Msg::NotProvisionedTitle);
        const float titleHeight = title->CalcTextSizeA(title->FontSize, FLT_MAX, wrap, heading).y;
        draw->AddText(title, title->FontSize, ImVec2(at.x + pad, at.y + pad), ctx.theme.text.imgui(), heading, nullptr, wrap);
        draw->AddText(body, body->FontSize, ImVec2(at.x + pad, at.y + pad + titleHeight + m.gap * 2), ctx.theme.text.imgui(),
                      tr(l, Msg::NotProvisionedSteps), nullptr, wrap);
        registerRect(ctx, WidgetKind::Text, tr(l, Msg::NotProvisionedTitle), at, ImVec2(at.x + card.x, at.y + card.y));
        ++i;
    }
    ImFont* small = ctx.fonts.get(FontRole::Small);
    draw->AddText(small, small->FontSize, ImVec2(origin.x + pad, origin.y + avail.y - factsHeight + pad),
                  ctx.theme.headerText.imgui(), facts.c_str());
    registerRect(ctx, WidgetKind::Text, facts, ImVec2(origin.x, origin.y + avail.y - factsHeight),
                 ImVec2(origin.x + avail.x, origin.y + avail.y));
}

}  // namespace dc::ui
