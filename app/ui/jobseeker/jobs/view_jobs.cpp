#include <algorithm>

#include "app/ui/kit/format.hpp"
#include "app/ui/kit/place_names.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/jobseeker/status_words.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
namespace {

const char* workModeText(UiContext& ctx, domain::WorkMode mode) {
    switch (mode) {
        case domain::WorkMode::Remote: return ctx.t(Msg::WorkRemote);
        case domain::WorkMode::Hybrid: return ctx.t(Msg::WorkHybrid);
        case domain::WorkMode::OnSite: break;
    }
    return ctx.t(Msg::WorkOnSite);
}

// Draws text at `pos`, clipped to `maxWidth`, and records it. Returns its size.
ImVec2 cardText(UiContext& ctx, ImFont* font, ImVec2 pos, Color color, const std::string& text, float maxWidth) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
    const ImVec4 clip(pos.x, pos.y, pos.x + maxWidth, pos.y + size.y);
    dl->AddText(font, font->FontSize, pos, color.imgui(), text.c_str(), nullptr, 0.0f, &clip);
    registerRect(ctx, WidgetKind::Text, text, pos, ImVec2(pos.x + std::min(size.x, maxWidth), pos.y + size.y));
    return size;
}

float cardHeight(const UiContext& ctx) {
    const Metrics& m = ctx.metrics;
    return m.pad * 2 + ctx.fonts.get(FontRole::Bold)->FontSize + m.gap * 0.5f + ctx.fonts.get(FontRole::Body)->FontSize;
}

// One job as a card; the whole card is the touch target, named by the job's title.
bool jobCard(UiContext& ctx, const domain::JobSummary& job, float width) {
    const Metrics& m = ctx.metrics;
    const float height = cardHeight(ctx);
    ImGui::PushID(job.id.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##card", ImVec2(width, height));
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    dl->AddRectFilled(pos, max, (held ? ctx.theme.badge : ctx.theme.surface).imgui(), m.rounding);
    dl->AddRect(pos, max, ctx.theme.border.imgui(), m.rounding, 0, 2.0f);
    registerRect(ctx, WidgetKind::Button, job.title, pos, max);

    ImFont* bold = ctx.fonts.get(FontRole::Bold);
    ImFont* body = ctx.fonts.get(FontRole::Body);
    const float left = pos.x + m.pad, right = max.x - m.pad;
    const float line2 = pos.y + m.pad + bold->FontSize + m.gap * 0.5f;

    const std::string salary = formatSalary(ctx.language, job.salaryMin, job.salaryMax, job.salaryCurrency, job.salaryPeriod);
    float salaryWidth = 0;
    if (!salary.empty()) {
        salaryWidth = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, salary.c_str()).x;
        cardText(ctx, bold, ImVec2(right - salaryWidth, pos.y + m.pad), ctx.theme.money, salary, salaryWidth);
    }
    cardText(ctx, bold, ImVec2(left, pos.y + m.pad), ctx.theme.text, job.title, right - left - salaryWidth - m.gap);

    const float cityWidth = job.city.empty() ? 0 : body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, job.city.c_str()).x;
    if (!job.city.empty()) cardText(ctx, body, ImVec2(right - cityWidth, line2), ctx.theme.textMuted, job.city, cityWidth);
    const ImVec2 employerSize =
        cardText(ctx, body, ImVec2(left, line2), ctx.theme.textMuted, job.employer, (right - left) * 0.6f);

    if (job.workMode != domain::WorkMode::OnSite) {
        ImFont* small = ctx.fonts.get(FontRole::Small);
        const std::string mode = workModeText(ctx, job.workMode);
        const ImVec2 size = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, mode.c_str());
        const float bx = left + std::min(employerSize.x, (right - left) * 0.6f) + m.gap;
        const float by = line2 + (body->FontSize - size.y) * 0.5f;
        const float padX = m.pad * 0.5f;
        dl->AddRectFilled(ImVec2(bx, by - 2), ImVec2(bx + size.x + 2 * padX, by + size.y + 2), ctx.theme.badge.imgui(),
                          m.rounding);
        cardText(ctx, small, ImVec2(bx + padX, by), ctx.theme.badgeText, mode, size.x);
    }
    return tapped;
}

int64_t countOf(const std::vector<domain::FacetCount>& counts, const std::string& value) {
    for (const auto& c : counts)
        if (c.value == value) return c.count;
    return 0;
}

// Chips for work mode, salary and the commonest regions, with how many jobs each would leave.
// A chosen chip stays, filled; touching it again lets it go. Counts are shown when exact.
void drawFilterChips(UiContext& ctx, const KioskState& state, const domain::JobPage& page, Actions& out) {
    const Metrics& m = ctx.metrics;
    const domain::JobFilters& now = state.filters;
    const domain::JobFacets& facets = page.facets;
    // At most two rows of chips, one with large text: the list must keep most of the screen.
    ChipRows rows(ctx, m.base > 40 ? 1 : 2);
    auto place = [&](const std::string& name, std::optional<int64_t> count) { return rows.place(name, count.has_value()); };
    auto exact = [&](int64_t n) { return facets.sampled ? std::nullopt : std::optional<int64_t>(n); };

    const std::pair<domain::WorkMode, Msg> modes[] = {{domain::WorkMode::Remote, Msg::FilterRemote},
                                                      {domain::WorkMode::Hybrid, Msg::FilterHybrid}};
    for (const auto& [mode, msg] : modes) {
        const bool active = now.workMode == mode;
        const int64_t n = countOf(facets.workModes, domain::workModeText(mode));
        if (!active && (now.workMode || n == 0)) continue;
        if (!place(ctx.t(msg), exact(n))) continue;
        if (chip(ctx, ctx.t(msg), active ? std::nullopt : exact(n), active)) {
            domain::JobFilters next = now;
            next.workMode = active ? std::nullopt : std::optional(mode);
            out.filters = next;
        }
    }
    for (int band = 3; band < domain::kSalaryBands; ++band) {
        const bool active = now.minSalaryBand == band;
        int64_t n = 0;
        for (int b = band; b < domain::kSalaryBands; ++b) n += countOf(facets.salaryBands, std::to_string(b));
        if (!active && (now.minSalaryBand > 0 || n == 0)) continue;
        const std::string name = trf(ctx.language, Msg::SalaryFrom, domain::kSalaryBandFloor[band]);
        if (!place(name, exact(n))) continue;
        if (chip(ctx, name, active ? std::nullopt : exact(n), active)) {
            domain::JobFilters next = now;
            next.minSalaryBand = active ? 0 : band;
            out.filters = next;
        }
    }
    int shown = 0;
    for (const domain::FacetCount& region : facets.regions) {
        const bool active = now.region == region.value;
        if (!active && (!now.region.empty() || shown == 4)) continue;
        ++shown;
        const std::string name = regionName(ctx.language, region.value);
        if (!place(name, exact(region.count))) break;
        if (chip(ctx, name, active ? std::nullopt : exact(region.count), active)) {
            domain::JobFilters next = now;
            next.region = active ? std::string() : region.value;
            out.filters = next;
        }
    }
}

}  // namespace

void drawJobs(UiContext& ctx, const KioskState& state, EditBuffers& edit, Actions& out) {
    const Metrics& m = ctx.metrics;
    if (editField(ctx, FieldId::Search, "", ctx.t(Msg::SearchHint), edit.search, maxBytesFor(FieldId::Search), state, out))
        out.searchChanged = true;

    const auto& jobs = state.jobs;
    if (!readyOrMessage(ctx, jobs)) return;
    const domain::JobPage& page = *jobs.value;
    if (page.catalogEmpty) {
        // Not "no job matches": there is nothing to match yet. Say why, and what happens next.
        label(ctx, ctx.t(emptyCatalogMsg(state.delivery.state)), FontRole::Body, ctx.theme.text, true);
        return;
    }
    drawFilterChips(ctx, state, page, out);
    label(ctx, trf(ctx.language, page.totalIsLowerBound ? Msg::JobsFoundMore : Msg::JobsFound, page.totalMatches), FontRole::Bold,
          ctx.theme.text);
    if (page.jobs.empty()) {
        label(ctx, ctx.t(Msg::NoJobs), FontRole::Body, ctx.theme.text, true);
        using State = DeliveryInfo::State;
        if (state.delivery.state == State::Connecting || state.delivery.state == State::Busy)
            label(ctx, ctx.t(Msg::CatalogStillArriving), FontRole::Body, ctx.theme.text, true);
        return;
    }

    ImGui::BeginChild("##job-list", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    const float width = ImGui::GetContentRegionAvail().x;
    // Only the rows on screen are drawn, so the cost of a frame does not grow with the list.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(page.jobs.size()), cardHeight(ctx) + m.gap);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const domain::JobSummary& job = page.jobs[static_cast<size_t>(i)];
            if (jobCard(ctx, job, width)) out.openJob = job.id;
        }
        // Near the end of what is loaded, ask for the next page: the list has no end the person meets.
        if (page.next && clipper.DisplayEnd + 20 >= static_cast<int>(page.jobs.size())) out.moreJobs = true;
    }
    ImGui::EndChild();
}

}  // namespace dc::ui
