#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string_view>

#include "app/ui/jobseeker/status_words.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/icons.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
void drawHome(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    const Metrics& m = ctx.metrics;
    label(ctx, ctx.t(Msg::HomeWelcome), FontRole::Title, ctx.theme.text);
    label(ctx, ctx.t(Msg::HomeInstruction), FontRole::Body, ctx.theme.textMuted);
    // Display settings, on the first screen where a person with low vision needs them.
    label(ctx, ctx.t(Msg::TextSize), FontRole::Bold, ctx.theme.text);
    ImGui::SameLine(0, m.gap);
    const char* sizes[] = {"100%", "135%", "170%"};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, m.gap);
        if (chip(ctx, sizes[i], std::nullopt, state.textSize == i)) out.textSize = i;
    }
    ImGui::SameLine(0, m.gap * 3);
    if (chip(ctx, ctx.t(Msg::HighContrast), std::nullopt, state.highContrast)) out.toggleContrast = true;
    ImGui::SameLine(0, m.gap * 3);
    if (chip(ctx, ctx.t(Msg::AudioGuidance), std::nullopt, state.audioGuidance)) out.toggleAudio = true;
    ImGui::Dummy(ImVec2(0, m.gap));

    // The two things people come for on top, large; the rest below: the biggest targets we can offer.
    // With the largest text the tiles may not all fit: the region scrolls under a finger then.
    ImGui::BeginChild("##tiles", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float topHeight = std::max(m.touch * 2, (avail.y - m.gap * 2) * 0.55f);
    const float bottomHeight = std::max(m.touch * 2, avail.y - m.gap * 2 - topHeight);
    const ImVec2 big((avail.x - m.gap * 2) / 2, topHeight);
    // Four small tiles to a row, or two when a word of their titles would not fit a quarter of
    // the width (large text, long words): a word is never broken inside ("Languag|e").
    const Msg smallTitles[] = {Msg::TileStatus, Msg::TileLanguage, Msg::TileHelp, Msg::TileCallClerk};
    float widestWord = 0;
    for (Msg title : smallTitles) widestWord = std::max(widestWord, widestWordWidth(ctx.fonts.get(FontRole::Tile), ctx.t(title)));
    const int perRow = widestWord <= (avail.x - m.gap * 6) / 4 - m.pad * 4 ? 4 : 2;
    const ImVec2 small((avail.x - m.gap * 2 * static_cast<float>(perRow - 1)) / static_cast<float>(perRow), bottomHeight);
    int placed = 0;
    auto nextSmall = [&] {  // beside the previous small tile, or on a new row
        if (placed++ % perRow != 0) ImGui::SameLine(0, m.gap * 2);
    };

    if (tile(ctx, ctx.t(Msg::TileJobs), ctx.t(Msg::TileJobsHint), big, ButtonStyle::Primary, icon::kJobs))
        out.open = Screen::Jobs;
    ImGui::SameLine(0, m.gap * 2);
    if (tile(ctx, ctx.t(Msg::TileCourses), ctx.t(Msg::TileCoursesHint), big, ButtonStyle::Primary, icon::kCourses))
        out.open = Screen::Courses;
    ImGui::Dummy(ImVec2(0, 0));
    nextSmall();
    if (tile(ctx, ctx.t(Msg::TileStatus), ctx.t(Msg::TileStatusHint), small, ButtonStyle::Secondary, icon::kStatus))
        out.open = Screen::Status;
    std::string languages;
    for (Language l : kAllLanguages) {
        if (!languages.empty()) languages += " · ";
        languages += nativeLanguageName(l);
    }
    nextSmall();
    if (tile(ctx, ctx.t(Msg::TileLanguage), languages, small, ButtonStyle::Secondary, icon::kLanguage))
        out.open = Screen::Language;
    nextSmall();
    if (tile(ctx, ctx.t(Msg::TileHelp), ctx.t(Msg::TileHelpHint), small, ButtonStyle::Secondary, icon::kHelp))
        out.open = Screen::Help;
    nextSmall();
    // Once called, the tile says so instead of calling again.
    const auto& call = state.clerkCalled;
    const std::string callHint = !state.clerkComing.empty() ? clerkComingText(ctx.language, state.clerkComing)
        : call.value                                        ? std::string(ctx.t(Msg::ClerkCalled))
        : !call.error.empty()                               ? std::string(ctx.t(Msg::ClerkCallFailed))
                                                            : std::string(ctx.t(Msg::TileCallClerkHint));
    if (tile(ctx, ctx.t(Msg::TileCallClerk), callHint, small, call.value ? ButtonStyle::Primary : ButtonStyle::Secondary,
             icon::kCallClerk))
        out.callClerk = true;
    ImGui::EndChild();
}

}  // namespace dc::ui
