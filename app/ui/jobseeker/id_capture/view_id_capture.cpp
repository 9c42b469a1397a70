// Reading a person's ID document with the kiosk's camera: what happens to it first (consent),
// then the camera's view with a frame to hold the document in and, beside it in large words,
// what to do; then what was read, for the person to confirm. Typing is always one touch away.
#include "app/ui/jobseeker/status_words.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
namespace {

bool typeInsteadButton(UiContext& ctx) {
    return touchButton(ctx, ctx.t(Msg::IdTypeInstead), ImVec2(0, 0), ButtonStyle::Secondary);
}

// The camera's latest frame, and over it the frame to hold the document in: the rest dimmed,
// the guide's corners bold, as on a banking app's cheque capture.
void cameraView(UiContext& ctx, const IdCaptureView& capture, ImVec2 size) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 end(at.x + size.x, at.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, end, IM_COL32(30, 30, 30, 255), ctx.metrics.rounding);
    if (capture.preview != 0) dl->AddImage(reinterpret_cast<ImTextureID>(capture.preview), at, end);
    // An ID card's shape (85.6 x 54 mm), three quarters of the view's width.
    const float guideW = size.x * 0.75f, guideH = std::min(guideW * 54.0f / 85.6f, size.y * 0.9f);
    const ImVec2 g0(at.x + (size.x - guideW) / 2, at.y + (size.y - guideH) / 2), g1(g0.x + guideW, g0.y + guideH);
    const ImU32 dim = IM_COL32(0, 0, 0, 110);
    dl->AddRectFilled(at, ImVec2(end.x, g0.y), dim);
    dl->AddRectFilled(ImVec2(at.x, g1.y), end, dim);
    dl->AddRectFilled(ImVec2(at.x, g0.y), ImVec2(g0.x, g1.y), dim);
    dl->AddRectFilled(ImVec2(g1.x, g0.y), ImVec2(end.x, g1.y), dim);
    const ImU32 guide = capture.hint == CaptureHint::Reading ? IM_COL32(60, 200, 90, 255) : IM_COL32(255, 255, 255, 255);
    const float arm = guideH * 0.22f, thick = std::max(4.0f, ctx.metrics.gap * 0.6f);
    for (const ImVec2& corner : {g0, ImVec2(g1.x, g0.y), ImVec2(g0.x, g1.y), g1}) {
        const float sx = corner.x == g0.x ? 1.0f : -1.0f, sy = corner.y == g0.y ? 1.0f : -1.0f;
        dl->AddLine(corner, ImVec2(corner.x + sx * arm, corner.y), guide, thick);
        dl->AddLine(corner, ImVec2(corner.x, corner.y + sy * arm), guide, thick);
    }
    // Where the rows of <<< go: the bottom of the card.
    const float rowsY = g1.y - guideH * 0.2f;
    dl->AddRect(ImVec2(g0.x + guideW * 0.05f, rowsY), ImVec2(g1.x - guideW * 0.05f, g1.y - guideH * 0.04f),
                IM_COL32(255, 255, 255, 140), ctx.metrics.rounding * 0.5f, 0, 2.0f);
    ImGui::Dummy(size);
}

void consentStep(UiContext& ctx, Actions& out) {
    const Metrics& m = ctx.metrics;
    label(ctx, ctx.t(Msg::IdConsentText), FontRole::Body, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, m.gap * 2));
    if (touchButton(ctx, ctx.t(Msg::IdConsentYes), ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.4f),
                    ButtonStyle::Primary))
        out.startCamera = true;
    ImGui::Dummy(ImVec2(0, m.gap));
    if (typeInsteadButton(ctx)) out.typeDocument = true;
}

void cameraStep(UiContext& ctx, const IdCaptureView& capture, Actions& out) {
    const Metrics& m = ctx.metrics;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // The view as large as fits three fifths of the width, in the camera's proportions.
    const float aspect =
        capture.previewWidth > 0 ? static_cast<float>(capture.previewHeight) / capture.previewWidth : 9.0f / 16.0f;
    float viewW = avail.x * 0.6f;
    if (viewW * aspect > avail.y - m.gap) viewW = (avail.y - m.gap) / aspect;
    cameraView(ctx, capture, ImVec2(viewW, viewW * aspect));
    ImGui::SameLine(0, m.gap * 3);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    label(ctx, ctx.t(captureHintMsg(capture.hint)), FontRole::Title, ctx.theme.text, true);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, m.gap * 3));
    if (typeInsteadButton(ctx)) out.typeDocument = true;
    ImGui::EndGroup();
}

void readField(UiContext& ctx, Msg name, const std::string& value) {
    label(ctx, ctx.t(name), FontRole::Body, ctx.theme.textMuted);
    label(ctx, value, FontRole::Title, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 0.5f));
}

void checkStep(UiContext& ctx, const IdReading& reading, Actions& out) {
    const Metrics& m = ctx.metrics;
    label(ctx, ctx.t(Msg::IdCheckIntro), FontRole::Bold, ctx.theme.text, true);
    card(ctx, "read", "read", false, [&] {
        readField(ctx, Msg::FieldName, reading.name);
        readField(ctx, Msg::FieldDocument, reading.documentNumber);
        if (!reading.birthDate.empty()) readField(ctx, Msg::FieldBirthDate, reading.birthDate);
    });
    ImGui::Dummy(ImVec2(0, m.gap));
    if (touchButton(ctx, ctx.t(Msg::IdUseThese), ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.4f), ButtonStyle::Primary))
        out.useReading = true;
    ImGui::Dummy(ImVec2(0, m.gap));
    if (touchButton(ctx, ctx.t(Msg::IdReadAgain), ImVec2(0, 0), ButtonStyle::Secondary)) out.startCamera = true;
    ImGui::SameLine(0, m.gap * 2);
    if (typeInsteadButton(ctx)) out.typeDocument = true;
}

void failedStep(UiContext& ctx, Actions& out) {
    const Metrics& m = ctx.metrics;
    label(ctx, ctx.t(Msg::IdNotRead), FontRole::Title, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, m.gap * 2));
    if (touchButton(ctx, ctx.t(Msg::IdReadAgain), ImVec2(0, m.touch * 1.4f), ButtonStyle::Primary)) out.startCamera = true;
    ImGui::SameLine(0, m.gap * 2);
    if (typeInsteadButton(ctx)) out.typeDocument = true;
}

}  // namespace

void drawIdCapture(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    const IdCaptureView& capture = state.idCapture;
    ImGui::BeginChild("##id-capture", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    switch (capture.step) {
        case IdCaptureView::Step::Consent: consentStep(ctx, out); break;
        case IdCaptureView::Step::Camera: cameraStep(ctx, capture, out); break;
        case IdCaptureView::Step::Check:
            if (capture.reading) checkStep(ctx, *capture.reading, out);
            break;
        case IdCaptureView::Step::Failed: failedStep(ctx, out); break;
    }
    ImGui::EndChild();
}

}  // namespace dc::ui
