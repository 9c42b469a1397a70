#include <algorithm>

#include "domain/course_filter.hpp"
#include "app/ui/kit/format.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// Chips for format, who it is for, where and flexible hours, each with how many courses it
// would leave. As for jobs: a chosen chip stays, filled, and touching it again lets it go; the
// other values of a chosen dimension step aside.
void drawCourseChips(UiContext& ctx, const KioskState& state, Actions& out) {
    const Metrics& m = ctx.metrics;
    const domain::CourseFilter& now = state.courseFilter;
    const auto choices = domain::courseChoices(*state.courses.value, now);
    ChipRows rows(ctx, m.base > 40 ? 2 : 3);
    // Room for a count is kept for every chip, so a chosen one (shown without) never moves the rest.
    auto place = [&](const std::string& name) { return rows.place(name, true); };
    auto dimension = [&](const std::vector<std::pair<std::string, int>>& values, const std::string& chosen, auto nameOf,
                         auto choose) {
        for (const auto& [value, n] : values) {
            const bool active = chosen == value;
            if ((!chosen.empty() && !active) || n == 0) continue;
            const std::string name = nameOf(value);
            if (name.empty() || !place(name)) continue;
            if (chip(ctx, name, active ? std::nullopt : std::optional<int64_t>(n), active)) {
                domain::CourseFilter next = now;
                choose(next, active ? std::string() : value);
                out.courseFilter = next;
            }
        }
        if (!chosen.empty() && std::none_of(values.begin(), values.end(), [&](const auto& v) { return v.first == chosen; }) &&
            place(nameOf(chosen)) && chip(ctx, nameOf(chosen), std::nullopt, true)) {
            domain::CourseFilter next = now;
            choose(next, std::string());
            out.courseFilter = next;
        }
    };
    dimension(
        choices.formats, now.format, [&](const std::string& v) { return std::string(courseFormatName(ctx.language, v)); },
        [](domain::CourseFilter& f, std::string v) { f.format = std::move(v); });
    dimension(
        choices.groups, now.group, [&](const std::string& v) { return targetGroupName(ctx.language, v); },
        [](domain::CourseFilter& f, std::string v) { f.group = std::move(v); });
    if ((now.flexibleOnly || choices.flexible > 0) && place(ctx.t(Msg::FlexibleSchedule)) &&
        chip(ctx, ctx.t(Msg::FlexibleSchedule), now.flexibleOnly ? std::nullopt : std::optional<int64_t>(choices.flexible),
             now.flexibleOnly)) {
        domain::CourseFilter next = now;
        next.flexibleOnly = !now.flexibleOnly;
        out.courseFilter = next;
    }
    dimension(
        choices.cities, now.city, [](const std::string& v) { return v; },
        [](domain::CourseFilter& f, std::string v) { f.city = std::move(v); });
}

}  // namespace

void drawCourses(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    const auto& courses = state.courses;
    if (!readyOrMessage(ctx, courses)) return;
    const std::vector<size_t> shown = domain::matchingCourses(*courses.value, state.courseFilter);
    label(ctx, trf(ctx.language, Msg::CoursesFound, static_cast<long long>(shown.size())), FontRole::Bold, ctx.theme.text);
    drawCourseChips(ctx, state, out);
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap * 0.5f));
    ImGui::BeginChild("##course-list", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    for (const size_t index : shown) {
        const domain::CourseRecord& c = (*courses.value)[index];
        const bool tapped = card(ctx, c.id, c.name, true, [&] {
            label(ctx, c.name, FontRole::Bold, ctx.theme.text, true);
            label(ctx, c.provider + (c.city.empty() ? "" : " · " + c.city), FontRole::Body, ctx.theme.textMuted, true);
            std::string when = courseFormatName(ctx.language, c.format);
            if (!c.startDate.empty())
                when += std::string(when.empty() ? "" : " · ") + ctx.t(Msg::Starts) + " " + formatDate(ctx.language, c.startDate);
            label(ctx, when, FontRole::Body, ctx.theme.text, true);
            if (!c.skillsTaught.empty())
                label(ctx, std::string(ctx.t(Msg::SkillsTaught)) + ": " + joined(c.skillsTaught), FontRole::Body, ctx.theme.text,
                      true);
            if (!c.targetGroups.empty()) {
                std::vector<std::string> groups;
                for (const auto& g : c.targetGroups) groups.push_back(targetGroupName(ctx.language, g));
                label(ctx, std::string(ctx.t(Msg::CourseFor)) + ": " + joined(groups), FontRole::Body, ctx.theme.textMuted, true);
            }
        });
        if (tapped) out.openCourse = c.id;
    }
    ImGui::EndChild();
}

}  // namespace dc::ui
