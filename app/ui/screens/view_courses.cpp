#include "app/ui/format.hpp"
#include "app/ui/views.hpp"
#include "app/ui/widgets.hpp"

namespace dc::ui {
namespace {


std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

void drawCourses(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    const auto& courses = state.courses;
    if (!readyOrMessage(ctx, courses)) return;
    label(ctx, trf(ctx.language, Msg::CoursesFound, static_cast<long long>(courses.value->size())), FontRole::Bold,
          ctx.theme.text);
    ImGui::BeginChild("##course-list", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    for (const store::CourseRecord& c : *courses.value) {
        const bool tapped = card(ctx, c.id, c.name, true, [&] {
            label(ctx, c.name, FontRole::Bold, ctx.theme.text, true);
            label(ctx, c.provider + (c.city.empty() ? "" : " · " + c.city), FontRole::Body, ctx.theme.textMuted, true);
            std::string when = courseFormatName(ctx.language, c.format);
            if (!c.startDate.empty())
                when += std::string(when.empty() ? "" : " · ") + ctx.t(Msg::Starts) + " " + c.startDate;
            label(ctx, when, FontRole::Body, ctx.theme.text, true);
            if (!c.skillsTaught.empty())
                label(ctx, std::string(ctx.t(Msg::SkillsTaught)) + ": " + joined(c.skillsTaught), FontRole::Body,
                      ctx.theme.text, true);
        });
        if (tapped) out.openCourse = c.id;
    }
    ImGui::EndChild();
}

}  // namespace dc::ui
