#include "app/ui/kiosk_controller.hpp"

#include <imgui.h>

#include <cstdio>

#include "app/ui/views.hpp"

namespace dc::ui {
namespace {

// People see a plain sentence from the catalog; the technical reason goes to the log (journald).
void logLoadError(const char* what, const Error& error) {
    std::fprintf(stderr, "dc-kiosk: could not load %s: %s\n", what, error.message().c_str());
}

}  // namespace

KioskController::KioskController(core::CatalogService& catalog, Language startLanguage) : m_catalog(catalog) {
    m_state.language = startLanguage;
}

void KioskController::drawFrame(UiContext& ctx) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##kiosk", nullptr, flags);

    Actions actions;
    const ViewEntry& view = viewFor(m_state.screen);
    drawHeader(ctx, ctx.t(view.title), m_state.screen != Screen::Home, actions);
    view.draw(ctx, m_state, m_edit, actions);
    m_state.focusSearch = false;

    ImGui::End();
    apply(actions);
}

void KioskController::apply(const Actions& actions) {
    if (actions.language) {
        m_state.language = *actions.language;
        m_state.history.clear();
        m_state.screen = Screen::Home;
        return;
    }
    if (actions.home) {
        m_state.history.clear();
        m_state.screen = Screen::Home;
        return;
    }
    if (actions.back) {
        if (m_state.history.empty()) {
            m_state.screen = Screen::Home;
        } else {
            m_state.screen = m_state.history.back();
            m_state.history.pop_back();
        }
        return;
    }
    if (actions.searchChanged) requestSearch();
    if (actions.open) open(*actions.open);
    if (actions.openJob) {
        m_state.job.value.reset();
        const uint64_t request = m_state.job.start();
        m_catalog.getJob(*actions.openJob, [this, request](Expected<store::JobRecord> result) {
            if (!result) logLoadError("a job", result.error());
            m_state.job.accept(request, std::move(result));
        });
        open(Screen::JobDetail);
    }
}

void KioskController::open(Screen screen) {
    if (screen == m_state.screen) return;
    m_state.history.push_back(m_state.screen);
    m_state.screen = screen;
    if (screen == Screen::Jobs) {
        m_state.focusSearch = true;
        requestSearch();
    } else if (screen == Screen::Courses) {
        const uint64_t request = m_state.courses.start();
        m_catalog.listCourses([this, request](Expected<std::vector<store::CourseRecord>> result) {
            if (!result) logLoadError("the courses", result.error());
            m_state.courses.accept(request, std::move(result));
        });
    }
}

void KioskController::requestSearch() {
    // Searches coalesce on the worker too; here an answer overtaken by newer typing is dropped.
    const uint64_t request = m_state.jobs.start();
    m_catalog.searchJobs({.text = m_edit.search, .limit = 200}, [this, request](Expected<store::JobPage> result) {
        if (!result) logLoadError("the jobs", result.error());
        m_state.jobs.accept(request, std::move(result));
    });
}

}  // namespace dc::ui
