#include "app/ui/views.hpp"
#include "app/ui/widgets.hpp"

namespace dc::ui {

void drawHelp(UiContext& ctx, const KioskState&, EditBuffers&, Actions&) {
    label(ctx, ctx.t(Msg::HelpBody), FontRole::Body, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 2));
    label(ctx, ctx.t(Msg::HelpClerk), FontRole::Bold, ctx.theme.text, true);
}

}  // namespace dc::ui
