#include "app/ui/jobseeker/status_words.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {

void drawHelp(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    label(ctx, ctx.t(Msg::HelpBody), FontRole::Body, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 2));
    label(ctx, ctx.t(Msg::HelpClerk), FontRole::Bold, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 2));

    // Whether what people send here has reached the office, in plain words.
    if (deliveryCard(ctx, state.delivery)) out.syncNow = true;
    // For the office's clerks (a PIN follows); out of the way at the bottom, still a full-size target.
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 3));
    if (touchButton(ctx, ctx.t(Msg::StaffSignIn), ImVec2(0, 0), ButtonStyle::Secondary)) out.staffSignIn = true;
}

}  // namespace dc::ui
