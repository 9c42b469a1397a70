// "Check before sending": everything the office will get, in large type, with one button to send
// it and one to go back and change it. Nothing is written until the person touches Send.
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/format.hpp"
#include "app/ui/kit/icons.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
namespace {

// One line of what will be sent: its name small, the person's words large, wrapped.
void sentField(UiContext& ctx, Msg name, const std::string& value) {
    ImGui::TableNextColumn();
    label(ctx, ctx.t(name), FontRole::Body, ctx.theme.textMuted);
    label(ctx, value, FontRole::Bold, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 0.5f));
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

void drawReview(UiContext& ctx, const KioskState& state, EditBuffers& edit, Actions& out) {
    const Metrics& m = ctx.metrics;
    const bool forJob = state.formFor == KioskState::FormFor::Job;
    ImGui::BeginChild("##review", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    if (forJob && state.job.value) label(ctx, state.job.value->title, FontRole::Title, ctx.theme.text, true);
    if (!forJob && state.course.value) label(ctx, state.course.value->name, FontRole::Title, ctx.theme.text, true);
    label(ctx, ctx.t(Msg::ReviewIntro), FontRole::Body, ctx.theme.text, true);
    if (!state.formProblem.empty())
        card(ctx, "problem", state.formProblem, false,
             [&] { label(ctx, state.formProblem, FontRole::Bold, ctx.theme.text, true); });
    card(ctx, "sent", "sent", false, [&] {
        if (!ImGui::BeginTable("##sent", 2, ImGuiTableFlags_SizingStretchSame)) return;
        sentField(ctx, Msg::FieldName, edit.name);
        sentField(ctx, Msg::FieldPhone, edit.phone);
        if (!edit.email.empty()) sentField(ctx, Msg::FieldEmail, edit.email);
        if (!state.pickedSkills.empty()) sentField(ctx, Msg::ReviewSkills, joined(state.pickedSkills));
        if (forJob && !edit.note.empty()) sentField(ctx, Msg::FieldNote, edit.note);
        if (forJob && !edit.document.empty()) sentField(ctx, Msg::FieldDocument, edit.document);
        if (forJob && !edit.birthDate.empty()) sentField(ctx, Msg::FieldBirthDate, edit.birthDate);
        if (forJob && state.idPhotoAttached) sentField(ctx, Msg::ReviewIdPhoto, ctx.t(Msg::Attached));
        // A seat is asked in one session: its dates and place, so the person checks the right one.
        if (const domain::CourseSession* s = bookedSession(state, state.course.value))
            sentField(ctx, Msg::Sessions, sessionWhen(ctx.language, *s) + "\n" + sessionWhere(*s));
        ImGui::EndTable();
    });
    ImGui::Dummy(ImVec2(0, m.gap));
    if (state.receipt.loading) {
        label(ctx, ctx.t(Msg::Saving), FontRole::Bold, ctx.theme.textMuted);
    } else {
        if (touchButton(ctx, forJob ? ctx.t(Msg::SendApplication) : ctx.t(Msg::SendEnrollment),
                        ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.4f), ButtonStyle::Primary, FontRole::Bold,
                        forJob ? icon::kApply : icon::kEnroll))
            out.send = true;
        ImGui::Dummy(ImVec2(0, m.gap));
        if (touchButton(ctx, ctx.t(Msg::ReviewChange), ImVec2(0, 0), ButtonStyle::Secondary)) out.back = true;
    }
    ImGui::EndChild();
}

}  // namespace dc::ui
