#include "app/ui/jobseeker/views.hpp"

#include <array>

#include "app/ui/kit/icons.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {

const char* screenName(Screen screen) {
    switch (screen) {
        case Screen::Home: return "home";
        case Screen::Jobs: return "jobs";
        case Screen::JobDetail: return "job-detail";
        case Screen::Courses: return "courses";
        case Screen::CourseDetail: return "course-detail";
        case Screen::Apply: return "apply";
        case Screen::Review: return "review";
        case Screen::Receipt: return "receipt";
        case Screen::Status: return "status";
        case Screen::Language: return "language";
        case Screen::Help: return "help";
        case Screen::IdCapture: return "id-capture";
    }
    return "unknown";
}

const ViewEntry& viewFor(Screen screen) {
    static const std::array<ViewEntry, 12> kViews = {{
        {Screen::Home, Msg::AppName, drawHome},
        {Screen::Jobs, Msg::JobsTitle, drawJobs},
        {Screen::JobDetail, Msg::JobDetailTitle, drawJobDetail},
        {Screen::Courses, Msg::CoursesTitle, drawCourses},
        {Screen::CourseDetail, Msg::CourseDetailTitle, drawCourseDetail},
        {Screen::Apply, Msg::ApplyTitle, drawApply},
        {Screen::Review, Msg::ReviewTitle, drawReview},
        {Screen::Receipt, Msg::ReceiptTitle, drawReceipt},
        {Screen::Status, Msg::StatusTitle, drawStatus},
        {Screen::Language, Msg::LanguageTitle, drawLanguage},
        {Screen::Help, Msg::HelpTitle, drawHelp},
        {Screen::IdCapture, Msg::IdCaptureTitle, drawIdCapture},
    }};
    for (const ViewEntry& entry : kViews)
        if (entry.screen == screen) return entry;
    return kViews[0];
}

void drawAttract(UiContext& ctx, Actions& out) {
    const Metrics& m = ctx.metrics;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // One invisible button over everything: any touch starts.
    if (ImGui::InvisibleButton("##attract", avail)) out.dismissAttract = true;
    registerRect(ctx, WidgetKind::Button, ctx.t(Msg::AttractTouch), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), ctx.theme.header.imgui());
    float y = origin.y + avail.y * 0.12f;
    auto centred = [&](const std::string& text, ImFont* font, ImU32 colour, const std::string& said = {}) {
        const float size = font->FontSize;
        const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
        const ImVec2 at(origin.x + (avail.x - extent.x) / 2, y);
        draw->AddText(font, size, at, colour, text.c_str());
        if (!said.empty()) registerRect(ctx, WidgetKind::Text, said, at, ImVec2(at.x + extent.x, at.y + extent.y));
        y += extent.y + m.gap;
    };
    // Every language at once, each in its own script: a person finds theirs without reading ours.
    for (Language l : kAllLanguages) {
        centred(tr(l, Msg::AttractTitle), ctx.fonts.get(FontRole::Title), ctx.theme.headerText.imgui());
        centred(tr(l, Msg::AttractTouch), ctx.fonts.get(FontRole::Body), ctx.theme.headerText.imgui());
        centred(icon::text(icon::kHeadset) + "  " + tr(l, Msg::AttractKeypad), ctx.fonts.get(FontRole::Small),
                ctx.theme.headerText.imgui(220), tr(l, Msg::AttractKeypad));
        y += m.gap * 2;
    }
}

void drawIdleWarning(UiContext& ctx, const KioskState& state, Actions& out) {
    const Metrics& m = ctx.metrics;
    const ImVec2 winPos = ImGui::GetWindowPos(), winSize = ImGui::GetWindowSize();
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    // A dimmed layer over the screen that takes the touches, then the panel above it.
    ImGui::SetNextWindowPos(winPos);
    ImGui::SetNextWindowSize(winSize);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 150));
    ImGui::Begin("##idle-dim", nullptr, fixed);
    ImGui::End();
    ImGui::PopStyleColor();

    const ImVec2 size(winSize.x * 0.7f, m.touch * 5);
    ImGui::SetNextWindowPos(ImVec2(winPos.x + (winSize.x - size.x) / 2, winPos.y + (winSize.y - size.y) / 2));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.theme.surface.imgui());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(m.pad * 2, m.pad * 2));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, m.rounding * 2);
    ImGui::Begin("##idle", nullptr, fixed);
    label(ctx, trf(ctx.language, Msg::IdleWarning, state.idleSecondsLeft), FontRole::Title, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, m.gap));
    if (touchButton(ctx, ctx.t(Msg::MoreTime), ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.6f), ButtonStyle::Primary))
        out.moreTime = true;
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace dc::ui
