#include "app/ui/views.hpp"
#include "app/ui/widgets.hpp"

namespace dc::ui {

namespace {

Msg deliveryMessage(DeliveryInfo::State s) {
    switch (s) {
        case DeliveryInfo::State::Off: return Msg::DeliveryOff;
        case DeliveryInfo::State::NotSetUp: return Msg::DeliveryNotSetUp;
        case DeliveryInfo::State::Connecting: return Msg::DeliveryConnecting;
        case DeliveryInfo::State::UpToDate: return Msg::DeliveryUpToDate;
        case DeliveryInfo::State::Busy: return Msg::DeliveryBusy;
        case DeliveryInfo::State::Offline: return Msg::DeliveryOffline;
        case DeliveryInfo::State::Retrying: return Msg::DeliveryRetrying;
    }
    return Msg::DeliveryOff;
}

}  // namespace

void drawHelp(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    label(ctx, ctx.t(Msg::HelpBody), FontRole::Body, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 2));
    label(ctx, ctx.t(Msg::HelpClerk), FontRole::Bold, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 2));

    // Whether what people send here has reached the office, in plain words.
    const DeliveryInfo& d = state.delivery;
    card(ctx, "delivery", ctx.t(Msg::DeliveryTitle), false, [&] {
        label(ctx, ctx.t(Msg::DeliveryTitle), FontRole::Bold, ctx.theme.textMuted);
        label(ctx, ctx.t(deliveryMessage(d.state)), FontRole::Body, ctx.theme.text, true);
        if (d.waiting > 0) label(ctx, trf(ctx.language, Msg::DeliveryWaiting, d.waiting), FontRole::Body, ctx.theme.text, true);
        if (d.state != DeliveryInfo::State::Off && d.state != DeliveryInfo::State::NotSetUp)
            if (touchButton(ctx, ctx.t(Msg::SyncNow), ImVec2(0, 0), ButtonStyle::Secondary)) out.syncNow = true;
    });
    // For the office's clerks (a PIN follows); out of the way at the bottom, still a full-size target.
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 3));
    if (touchButton(ctx, ctx.t(Msg::StaffSignIn), ImVec2(0, 0), ButtonStyle::Secondary)) out.staffSignIn = true;
}

}  // namespace dc::ui
