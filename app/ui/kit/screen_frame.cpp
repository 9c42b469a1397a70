#include "app/ui/kit/screen_frame.hpp"

#include <imgui.h>

#include "app/ui/kit/icons.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {

void beginScreenWindow(const char* id) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
        ImGuiWindowFlags_NoBackground;  // the frame is cleared to it (renderFrame)
    ImGui::Begin(id, nullptr, flags);
}

void drawHeader(UiContext& ctx, const std::string& title, bool withNavigation, NavigationInput& out, bool withLanguage) {
    const Metrics& m = ctx.metrics;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The bar spans the whole window, beyond the window padding.
    const ImVec2 winPos = ImGui::GetWindowPos();
    dl->PushClipRectFullScreen();
    dl->AddRectFilled(winPos, ImVec2(winPos.x + ImGui::GetWindowWidth(), origin.y + m.headerHeight), ctx.theme.header.imgui());
    dl->PopClipRect();

    const float buttonHeight = m.touch;
    const float buttonY = origin.y + (m.headerHeight - buttonHeight) * 0.5f;
    float titleX = origin.x;
    if (withNavigation) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, buttonY));
        if (touchButton(ctx, ctx.t(Msg::Back), ImVec2(0, buttonHeight), ButtonStyle::OnHeader, FontRole::Bold, icon::kBack))
            out.back = true;
        titleX = ImGui::GetItemRectMax().x + m.gap * 2;
    }
    float homeWidth = 0;
    ImFont* bold = ctx.fonts.get(FontRole::Bold);
    if (withNavigation) {
        const std::string homeShown = icon::text(icon::kHome) + "  " + ctx.t(Msg::Home);
        homeWidth = std::max(bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, homeShown.c_str()).x + 2 * m.pad, m.touch);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width - homeWidth, buttonY));
        if (touchButton(ctx, ctx.t(Msg::Home), ImVec2(homeWidth, buttonHeight), ButtonStyle::OnHeader, FontRole::Bold,
                        icon::kHome))
            out.home = true;
        homeWidth += m.gap * 2;
    }
    // "Listen" on every screen: reads the screen aloud in its language.
    const std::string listenShown = icon::text(icon::kListen) + "  " + ctx.t(Msg::Listen);
    const float listenWidth =
        std::max(bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, listenShown.c_str()).x + 2 * m.pad, m.touch);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - homeWidth - listenWidth, buttonY));
    if (touchButton(ctx, ctx.t(Msg::Listen), ImVec2(listenWidth, buttonHeight), ButtonStyle::OnHeader, FontRole::Bold,
                    icon::kListen))
        out.listen = true;
    homeWidth += listenWidth;
    if (withLanguage) {
        std::string others;
        for (Language l : kAllLanguages)
            if (l != ctx.language) others += (others.empty() ? "" : " · ") + std::string(shortLanguageName(l));
        const std::string languageShown = icon::text(icon::kLanguage) + "  " + others;
        const float languageWidth = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, languageShown.c_str()).x + 2 * m.pad;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width - homeWidth - m.gap * 2 - languageWidth, buttonY));
        if (touchButton(ctx, others, ImVec2(languageWidth, buttonHeight), ButtonStyle::OnHeader, FontRole::Bold, icon::kLanguage))
            out.pickLanguage = true;
        homeWidth += languageWidth + m.gap * 2;
    }
    ImFont* font = ctx.fonts.get(FontRole::Title);
    const float titleY = origin.y + (m.headerHeight - font->FontSize) * 0.5f;
    const float titleRight = origin.x + width - homeWidth - m.gap;
    const ImVec2 titleSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, title.c_str());
    // With large text the buttons may leave the title too little room: then it goes on a line of
    // its own under the bar, whole, rather than cut to a few letters.
    const bool inBar = titleRight - titleX >= std::min(titleSize.x, width * 0.3f);
    if (inBar) {
        dl->PushClipRect(ImVec2(titleX, origin.y), ImVec2(titleRight, origin.y + m.headerHeight), true);
        dl->AddText(font, font->FontSize, ImVec2(titleX, titleY), ctx.theme.headerText.imgui(), title.c_str());
        registerRect(ctx, WidgetKind::Text, title, ImVec2(titleX, titleY),
                     ImVec2(std::min(titleX + titleSize.x, titleRight), titleY + titleSize.y));
        dl->PopClipRect();
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + m.headerHeight + m.gap));
    if (!inBar) label(ctx, title, FontRole::Bold, ctx.theme.textMuted, true);
}

}  // namespace dc::ui
