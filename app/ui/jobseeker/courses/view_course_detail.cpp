#include "app/ui/kit/format.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
void drawCourseDetail(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    if (!readyOrMessage(ctx, state.course)) return;
    const domain::CourseRecord& c = *state.course.value;
    const Metrics& m = ctx.metrics;
    ImGui::BeginChild("##course-detail", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    label(ctx, c.name, FontRole::Title, ctx.theme.text, true);
    label(ctx, c.provider + (c.city.empty() ? "" : " · " + c.city), FontRole::Bold, ctx.theme.textMuted, true);
    label(ctx, courseFormatName(ctx.language, c.format), FontRole::Body, ctx.theme.text, true);
    if (!c.targetGroups.empty()) {
        std::string groups;
        for (const auto& g : c.targetGroups) groups += (groups.empty() ? "" : ", ") + targetGroupName(ctx.language, g);
        label(ctx, std::string(ctx.t(Msg::CourseFor)) + ": " + groups, FontRole::Body, ctx.theme.text, true);
    }

    // The dates come first: they are what a person acts on. One row each, the button on the right.
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    label(ctx, ctx.t(Msg::Sessions), FontRole::Bold, ctx.theme.text);
    for (const domain::CourseSession& s : c.sessions) {
        const int64_t left = std::max<int64_t>(0, s.capacity - s.seatsTaken);
        const char* action = left > 0 ? ctx.t(Msg::SendEnrollment) : ctx.t(Msg::JoinWaitlist);
        ImFont* bold = ctx.fonts.get(FontRole::Bold);
        const float buttonWidth = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, action).x + 2 * m.pad;
        card(ctx, s.id, s.id, false, [&] {
            const float textRight = ImGui::GetContentRegionAvail().x - buttonWidth - m.gap;
            const ImVec2 top = ImGui::GetCursorPos();
            ImGui::PushTextWrapPos(top.x + textRight);
            label(ctx, sessionWhen(ctx.language, s), FontRole::Bold, ctx.theme.text, true);
            label(ctx, sessionWhere(s), FontRole::Body, ctx.theme.textMuted, true);
            ImGui::PopTextWrapPos();
            bool first = true;
            auto tag = [&](const std::string& text, bool warning = false) {
                if (!first) ImGui::SameLine(0, m.gap);
                badge(ctx, text, warning);
                first = false;
            };
            if (s.accessibleVenue) tag(ctx.t(Msg::StepFree));
            if (s.flexibleSchedule) tag(ctx.t(Msg::FlexibleSchedule));
            if (left > 0)
                tag(trf(ctx.language, Msg::SeatsLeft, left));
            else
                tag(ctx.t(Msg::SessionFull), true);
            const float bottom = ImGui::GetCursorPosY();
            ImGui::SetCursorPos(ImVec2(top.x + textRight + m.gap, top.y));
            ImGui::PushID(s.id.c_str());
            if (touchButton(ctx, action, ImVec2(buttonWidth, 0), left > 0 ? ButtonStyle::Primary : ButtonStyle::Secondary))
                out.enrollIn = s.id;
            ImGui::PopID();
            ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
        });
    }

    if (!c.skillsTaught.empty()) {
        ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
        label(ctx, ctx.t(Msg::SkillsTaught), FontRole::Bold, ctx.theme.text);
        for (size_t i = 0; i < c.skillsTaught.size(); ++i) {
            if (i > 0) ImGui::SameLine(0, m.gap);
            badge(ctx, c.skillsTaught[i]);
        }
    }
    if (!c.description.empty()) label(ctx, c.description, FontRole::Body, ctx.theme.text, true);

    // Where the course leads: jobs that ask for what it teaches.
    if (state.courseJobs.value && !state.courseJobs.value->jobs.empty()) {
        ImGui::Dummy(ImVec2(0, m.gap));
        label(ctx, ctx.t(Msg::JobsForSkills), FontRole::Bold, ctx.theme.text);
        for (const domain::JobSummary& j : state.courseJobs.value->jobs) {
            if (card(ctx, "job-" + j.id, j.title, true, [&] {
                    label(ctx, j.title, FontRole::Bold, ctx.theme.text, true);
                    label(ctx, j.employer + (j.city.empty() ? "" : " · " + j.city), FontRole::Body, ctx.theme.textMuted, true);
                }))
                out.openJob = j.id;
        }
    }
    // The course to the person's phone, as text any camera app shows.
    shareQr(ctx, courseShareText(ctx.language, c));
    ImGui::EndChild();
}

}  // namespace dc::ui
