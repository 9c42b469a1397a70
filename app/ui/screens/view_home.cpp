#include <algorithm>

#include "app/ui/views.hpp"
#include "app/ui/widgets.hpp"

namespace dc::ui {

void drawHome(UiContext& ctx, const KioskState&, EditBuffers&, Actions& out) {
    const Metrics& m = ctx.metrics;
    label(ctx, ctx.t(Msg::HomeWelcome), FontRole::Title, ctx.theme.text);
    label(ctx, ctx.t(Msg::HomeInstruction), FontRole::Body, ctx.theme.textMuted);
    ImGui::Dummy(ImVec2(0, m.gap));

    // The two things people come for on top, large; the rest below: the biggest targets we can offer.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float topHeight = std::max(m.touch * 2, (avail.y - m.gap * 2) * 0.55f);
    const float bottomHeight = std::max(m.touch * 2, avail.y - m.gap * 2 - topHeight);
    const ImVec2 big((avail.x - m.gap * 2) / 2, topHeight);
    const ImVec2 small((avail.x - m.gap * 4) / 3, bottomHeight);

    if (tile(ctx, ctx.t(Msg::TileJobs), ctx.t(Msg::TileJobsHint), big, ButtonStyle::Primary)) out.open = Screen::Jobs;
    ImGui::SameLine(0, m.gap * 2);
    if (tile(ctx, ctx.t(Msg::TileCourses), ctx.t(Msg::TileCoursesHint), big, ButtonStyle::Primary))
        out.open = Screen::Courses;
    ImGui::Dummy(ImVec2(0, 0));
    if (tile(ctx, ctx.t(Msg::TileStatus), ctx.t(Msg::TileStatusHint), small, ButtonStyle::Secondary))
        out.open = Screen::Status;
    ImGui::SameLine(0, m.gap * 2);
    std::string languages;
    for (Language l : kAllLanguages) {
        if (!languages.empty()) languages += " · ";
        languages += nativeLanguageName(l);
    }
    if (tile(ctx, ctx.t(Msg::TileLanguage), languages, small, ButtonStyle::Secondary)) out.open = Screen::Language;
    ImGui::SameLine(0, m.gap * 2);
    if (tile(ctx, ctx.t(Msg::TileHelp), ctx.t(Msg::TileHelpHint), small, ButtonStyle::Secondary))
        out.open = Screen::Help;
}

}  // namespace dc::ui
