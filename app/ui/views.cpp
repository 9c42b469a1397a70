#include "app/ui/views.hpp"

#include <array>

#include "app/ui/widgets.hpp"

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

void beginScreenWindow(const char* id) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoBackground;  // the frame is cleared to it (renderFrame)
    ImGui::Begin(id, nullptr, flags);
}

void drawHeader(UiContext& ctx, const std::string& title, bool withNavigation, Actions& out) {
    const Metrics& m = ctx.metrics;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The bar spans the whole window, beyond the window padding.
    const ImVec2 winPos = ImGui::GetWindowPos();
    dl->PushClipRectFullScreen();
    dl->AddRectFilled(winPos, ImVec2(winPos.x + ImGui::GetWindowWidth(), origin.y + m.headerHeight),
                      ctx.theme.header.imgui());
    dl->PopClipRect();

    const float buttonHeight = m.touch;
    const float buttonY = origin.y + (m.headerHeight - buttonHeight) * 0.5f;
    float titleX = origin.x;
    if (withNavigation) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, buttonY));
        if (touchButton(ctx, std::string("‹ ") + ctx.t(Msg::Back), ImVec2(0, buttonHeight), ButtonStyle::OnHeader))
            out.back = true;
        titleX = ImGui::GetItemRectMax().x + m.gap * 2;
    }
    float homeWidth = 0;
    ImFont* bold = ctx.fonts.get(FontRole::Bold);
    if (withNavigation) {
        homeWidth = std::max(bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, ctx.t(Msg::Home)).x + 2 * m.pad, m.touch);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width - homeWidth, buttonY));
        if (touchButton(ctx, ctx.t(Msg::Home), ImVec2(homeWidth, buttonHeight), ButtonStyle::OnHeader)) out.home = true;
        homeWidth += m.gap * 2;
    }
    // "Listen" on every screen: reads the screen aloud in its language.
    const float listenWidth = std::max(bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, ctx.t(Msg::Listen)).x + 2 * m.pad, m.touch);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - homeWidth - listenWidth, buttonY));
    if (touchButton(ctx, ctx.t(Msg::Listen), ImVec2(listenWidth, buttonHeight), ButtonStyle::OnHeader)) out.listen = true;
    homeWidth += listenWidth;
    ImFont* font = ctx.fonts.get(FontRole::Title);
    const float titleY = origin.y + (m.headerHeight - font->FontSize) * 0.5f;
    const float titleRight = origin.x + width - homeWidth - m.gap;
    dl->PushClipRect(ImVec2(titleX, origin.y), ImVec2(titleRight, origin.y + m.headerHeight), true);
    dl->AddText(font, font->FontSize, ImVec2(titleX, titleY), ctx.theme.headerText.imgui(), title.c_str());
    const ImVec2 titleSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, title.c_str());
    registerRect(ctx, WidgetKind::Text, title, ImVec2(titleX, titleY),
                 ImVec2(std::min(titleX + titleSize.x, titleRight), titleY + titleSize.y));
    dl->PopClipRect();

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + m.headerHeight + m.gap));
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
    auto centred = [&](const std::string& text, ImFont* font, ImU32 colour) {
        const float size = font->FontSize;
        const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
        draw->AddText(font, size, ImVec2(origin.x + (avail.x - extent.x) / 2, y), colour, text.c_str());
        y += extent.y + m.gap;
    };
    // Every language at once, each in its own script: a person finds theirs without reading ours.
    for (Language l : kAllLanguages) {
        centred(tr(l, Msg::AttractTitle), ctx.fonts.get(FontRole::Title), ctx.theme.headerText.imgui());
        centred(tr(l, Msg::AttractTouch), ctx.fonts.get(FontRole::Body), ctx.theme.headerText.imgui());
        y += m.gap * 2;
    }
}

void drawIdleWarning(UiContext& ctx, const KioskState& state, Actions& out) {
    const Metrics& m = ctx.metrics;
    const ImVec2 winPos = ImGui::GetWindowPos(), winSize = ImGui::GetWindowSize();
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings;
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
    if (touchButton(ctx, ctx.t(Msg::MoreTime), ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.6f),
                    ButtonStyle::Primary))
        out.moreTime = true;
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace dc::ui
