#include "app/ui/views.hpp"
#include "app/ui/widgets.hpp"

namespace dc::ui {
namespace {

const char* formatText(UiContext& ctx, const std::string& format) {
    if (format == "webinar") return ctx.t(Msg::FormatWebinar);
    if (format == "seminar") return ctx.t(Msg::FormatSeminar);
    if (format == "blended") return ctx.t(Msg::FormatBlended);
    return "";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

void drawCourses(UiContext& ctx, const KioskState& state, EditBuffers&, Actions&) {
    const auto& courses = state.courses;
    if (!readyOrMessage(ctx, courses)) return;
    const Metrics& m = ctx.metrics;
    label(ctx, trf(ctx.language, Msg::CoursesFound, static_cast<long long>(courses.value->size())), FontRole::Bold,
          ctx.theme.text);
    ImGui::BeginChild("##course-list", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    for (const store::CourseRecord& c : *courses.value) {
        ImGui::PushID(c.id.c_str());
        // A card: white panel behind a group of lines, drawn after we know the group's height.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(start.x + m.pad, start.y + m.pad));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - m.pad);
        label(ctx, c.name, FontRole::Bold, ctx.theme.text, true);
        label(ctx, c.provider + (c.city.empty() ? "" : " · " + c.city), FontRole::Body, ctx.theme.textMuted, true);
        std::string when = formatText(ctx, c.format);
        if (!c.startDate.empty()) when += std::string(when.empty() ? "" : " · ") + ctx.t(Msg::Starts) + " " + c.startDate;
        label(ctx, when, FontRole::Body, ctx.theme.text, true);
        if (!c.skillsTaught.empty())
            label(ctx, std::string(ctx.t(Msg::SkillsTaught)) + ": " + joined(c.skillsTaught), FontRole::Body,
                  ctx.theme.text, true);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y + m.pad);
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(start, end, ctx.theme.surface.imgui(), m.rounding);
        dl->AddRect(start, end, ctx.theme.border.imgui(), m.rounding, 0, 2.0f);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + m.gap));
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace dc::ui
