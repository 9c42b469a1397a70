#include "app/ui/kit/format.hpp"
#include "app/ui/kit/place_names.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/icons.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
namespace {

void fact(UiContext& ctx, Msg name, const std::string& value, float valueColumn) {
    label(ctx, ctx.t(name), FontRole::Body, ctx.theme.textMuted);
    ImGui::SameLine(valueColumn);
    label(ctx, value, FontRole::Bold, ctx.theme.text);
}

}  // namespace

void drawJobDetail(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    const auto& job = state.job;
    if (!readyOrMessage(ctx, job)) return;
    const domain::JobRecord& j = *job.value;
    const Metrics& m = ctx.metrics;

    ImGui::BeginChild("##job-detail", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    label(ctx, j.title, FontRole::Title, ctx.theme.text, true);
    label(ctx, j.employer, FontRole::Bold, ctx.theme.textMuted, true);
    ImGui::Dummy(ImVec2(0, m.gap));

    const float valueColumn = m.base * 8;
    std::string where = j.city.empty() ? regionName(ctx.language, j.region) : j.city;
    const char* mode = j.workMode == domain::WorkMode::Remote ? ctx.t(Msg::WorkRemote)
        : j.workMode == domain::WorkMode::Hybrid              ? ctx.t(Msg::WorkHybrid)
                                                              : ctx.t(Msg::WorkOnSite);
    where = where.empty() ? mode : where + " · " + mode;
    fact(ctx, Msg::Location, where, valueColumn);
    const std::string salary = formatSalary(ctx.language, j.salaryMin, j.salaryMax, j.salaryCurrency, j.salaryPeriod, true);
    fact(ctx, Msg::Salary, salary.empty() ? ctx.t(Msg::SalaryNotStated) : salary, valueColumn);
    if (!j.datePosted.empty()) fact(ctx, Msg::Posted, formatDate(ctx.language, j.datePosted), valueColumn);
    ImGui::Dummy(ImVec2(0, m.gap));
    if (touchButton(ctx, ctx.t(Msg::ApplyButton), ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.4f), ButtonStyle::Primary,
                    FontRole::Bold, icon::kApply))
        out.apply = true;

    if (!j.skills.empty()) {
        ImGui::Dummy(ImVec2(0, m.gap));
        label(ctx, ctx.t(Msg::SkillsNeeded), FontRole::Bold, ctx.theme.text);
        const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        for (size_t i = 0; i < j.skills.size(); ++i) {
            if (i > 0) {
                // Wrap the chips onto a new line when the next one would not fit.
                ImGui::SameLine(0, m.gap);
                ImFont* small = ctx.fonts.get(FontRole::Small);
                const float need = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, j.skills[i].c_str()).x + m.pad * 2;
                if (ImGui::GetCursorScreenPos().x + need > right) ImGui::NewLine();
            }
            badge(ctx, j.skills[i]);
        }
    }
    if (!j.description.empty()) {
        ImGui::Dummy(ImVec2(0, m.gap));
        label(ctx, ctx.t(Msg::AboutJob), FontRole::Bold, ctx.theme.text);
        label(ctx, j.description, FontRole::Body, ctx.theme.text, true);
    }
    // The path from training to this job: courses teaching what it asks for, nearby and soonest.
    if (state.jobCourses.value && !state.jobCourses.value->empty()) {
        ImGui::Dummy(ImVec2(0, m.gap));
        label(ctx, ctx.t(Msg::LearnSkills), FontRole::Bold, ctx.theme.text);
        for (const domain::CourseOffer& offer : *state.jobCourses.value) {
            const domain::CourseRecord& c = offer.course;
            const domain::CourseSession& s = c.sessions.front();
            const std::string place = s.city.empty() ? s.center : s.city;
            if (card(ctx, "offer-" + s.id, c.name, true, [&] {
                    label(ctx, c.name, FontRole::Bold, ctx.theme.text, true);
                    label(ctx,
                          std::string(ctx.t(Msg::Starts)) + " " + formatDate(ctx.language, s.startsAt) +
                              (place.empty() ? "" : " · " + place),
                          FontRole::Body, ctx.theme.textMuted, true);
                }))
                out.openCourse = c.id;
        }
    }
    // The posting to the person's phone, as text any camera app shows.
    shareQr(ctx, jobShareText(ctx.language, j));
    ImGui::EndChild();
}

}  // namespace dc::ui
