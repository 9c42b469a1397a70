#include <algorithm>

#include "app/ui/views.hpp"
#include "app/ui/widgets.hpp"

namespace dc::ui {

void drawHome(UiContext& ctx, const KioskState&, EditBuffers&, Actions& out) {
    const Metrics& m = ctx.metrics;
    label(ctx, ctx.t(Msg::HomeWelcome), FontRole::Title, ctx.theme.text);
    label(ctx, ctx.t(Msg::HomeInstruction), FontRole::Body, ctx.theme.textMuted);
    ImGui::Dummy(ImVec2(0, m.gap));

    // Two by two tiles filling the rest of the screen: the biggest targets we can offer.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = (avail.x - m.gap * 2) / 2;
    const float height = std::max(m.touch * 2, (avail.y - m.gap * 2) / 2);
    const ImVec2 size(width, height);

    if (tile(ctx, ctx.t(Msg::TileJobs), ctx.t(Msg::TileJobsHint), size, ButtonStyle::Primary)) out.open = Screen::Jobs;
    ImGui::SameLine(0, m.gap * 2);
    if (tile(ctx, ctx.t(Msg::TileCourses), ctx.t(Msg::TileCoursesHint), size, ButtonStyle::Primary))
        out.open = Screen::Courses;
    ImGui::Dummy(ImVec2(0, 0));
    std::string languages;
    for (Language l : kAllLanguages) {
        if (!languages.empty()) languages += " · ";
        languages += nativeLanguageName(l);
    }
    if (tile(ctx, ctx.t(Msg::TileLanguage), languages, size, ButtonStyle::Secondary)) out.open = Screen::Language;
    ImGui::SameLine(0, m.gap * 2);
    if (tile(ctx, ctx.t(Msg::TileHelp), ctx.t(Msg::TileHelpHint), size, ButtonStyle::Secondary))
        out.open = Screen::Help;
}

}  // namespace dc::ui
