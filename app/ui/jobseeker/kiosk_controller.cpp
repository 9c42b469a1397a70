#include "app/ui/jobseeker/kiosk_controller.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {

KioskController::KioskController(services::JobseekerServices& services, Language startLanguage)
    : m_services(services),
      m_session(startLanguage),
      m_jobs(m_session, services),
      m_courses(m_session, services),
      m_idCapture(m_session),
      m_form(m_session, services, m_idCapture),
      m_status(m_session, services),
      m_narration(m_session, m_idCapture) {
    // What a screen shows is loaded when it opens.
    m_session.onOpen = [this](Screen screen) {
        if (screen == Screen::Jobs)
            m_jobs.search();
        else if (screen == Screen::Courses)
            m_courses.listCourses();
    };
}

void KioskController::setNarrator(Narrator* narrator) {
    m_narration.setNarrator(narrator);
    m_idCapture.setNarrator(narrator);
    m_status.setNarrator(narrator);
}

void KioskController::drawFrame(UiContext& ctx) {
    beginScreenWindow("##kiosk");

    Actions actions;
    if (m_session.state.attract) {
        // Nothing else is drawn, so the touch that ends it cannot also press a tile.
        drawAttract(ctx, actions);
        ImGui::End();
        apply(actions);
        return;
    }
    const ViewEntry& view = viewFor(m_session.state.screen);
    const Msg title = m_session.state.screen == Screen::Apply && m_session.state.formFor == FormState::FormFor::Session
        ? Msg::EnrollTitle
        : view.title;
    const Screen screen = m_session.state.screen;
    drawHeader(ctx, ctx.t(title), screen != Screen::Home, actions, screen != Screen::Home && screen != Screen::Language);
    const bool keyboard = m_session.state.keyboardShown && m_session.state.typingInto != FieldId::None;
    if (keyboard) {
        // The screen keeps the space above the keyboard; the field being typed into is up there.
        const float kb = keyboardHeight(ctx, ImGui::GetContentRegionAvail().y);
        ImGui::BeginChild("##above-keyboard", ImVec2(0, std::max(ctx.metrics.touch * 2, ImGui::GetContentRegionAvail().y - kb)),
                          false, ImGuiWindowFlags_NoBackground);
        view.draw(ctx, m_session.state, m_session.edit, actions);
        ImGui::EndChild();
        drawKeyboard(ctx, m_session.state, kb, actions);
    } else {
        view.draw(ctx, m_session.state, m_session.edit, actions);
    }
    m_session.state.formProblemIsNew = false;
    if (const auto focus = m_narration.focusRect()) {
        // The focus of audio-nav, for whoever stands beside the person.
        ImGui::GetForegroundDrawList()->AddRect(ImVec2(focus->first.x - 4, focus->first.y - 4),
                                                ImVec2(focus->second.x + 4, focus->second.y + 4), ctx.theme.primary.imgui(),
                                                ctx.metrics.rounding, 0, 5.0f);
    }
    if (m_session.state.idleWarning) drawIdleWarning(ctx, m_session.state, actions);

    ImGui::End();
    apply(actions);
    m_idCapture.leftScreen();  // Back, Home, a language: the camera stops
    m_narration.narrate(actions.listen);
    // For the reports, a session runs from the first touch that leaves the resting Home screen
    // until the kiosk is back at rest (Finish, the idle reset, or Home with nothing chosen).
    const bool active = sessionActive();
    if (active && !m_sessionCounted)
        m_services.countEvent("sessions", {std::string("lang=") + languageCode(m_session.state.language)});
    m_sessionCounted = active;
}

void KioskController::apply(const Actions& actions) {
    if (!applyShell(actions)) return;
    m_jobs.apply(actions);
    m_courses.apply(actions);
    m_form.apply(actions);
    m_idCapture.apply(actions);
    m_status.apply(actions);
}

bool KioskController::applyShell(const ShellActions& actions) {
    KioskState& s = m_session.state;
    if (actions.staffSignIn) m_staffSignIn = true;
    if (actions.dismissAttract) {
        s.attract = false;
        return false;
    }
    if (actions.moreTime) s.idleWarning = false;  // the touch itself restarted the idle clock
    if (actions.finish) {
        wipeSession();
        return false;
    }
    if (actions.textSize) s.textSize = std::clamp(*actions.textSize, 0, 2);
    if (applyTyping(s, actions, s.language, [this](FieldId id) { return bufferFor(id); }) && s.typingInto == FieldId::Search)
        m_jobs.search();
    if (actions.toggleContrast) s.highContrast = !s.highContrast;
    if (actions.language) {
        // Chosen from the header on any screen: back to where the person was, with everything
        // they typed and chose; from Home's tile: back to Home.
        s.language = *actions.language;
        if (s.screen == Screen::Language && !s.history.empty()) {
            s.screen = s.history.back();
            s.history.pop_back();
        } else {
            s.history.clear();
            s.screen = Screen::Home;
        }
        return false;
    }
    if (actions.pickLanguage && s.screen != Screen::Language) {
        s.keyboardShown = false;
        s.typingInto = FieldId::None;
        m_session.open(Screen::Language);
        return false;
    }
    if (actions.home || actions.back) {
        s.keyboardShown = false;
        s.typingInto = FieldId::None;
    }
    if (actions.home) {
        s.history.clear();
        s.screen = Screen::Home;
        return false;
    }
    if (actions.back) {
        if (s.history.empty()) {
            s.screen = Screen::Home;
        } else {
            s.screen = s.history.back();
            s.history.pop_back();
        }
        if (s.screen == Screen::Jobs) s.typingInto = FieldId::Search;
        return false;
    }
    if (actions.open) m_session.open(*actions.open);
    if (actions.syncNow && m_syncNow) m_syncNow();
    if (actions.toggleAudio) s.audioGuidance = !s.audioGuidance;
    return true;
}

void KioskController::deliveryProgressed() {
    m_status.deliveryProgressed();
    m_jobs.catalogChanged();
    m_form.deliveryProgressed();
}

void KioskController::navigate(const std::vector<WidgetInfo>& lastFrame) {
    auto pressed = [](ImGuiKey_ key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); };
    const NavKeys keys{.next = pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_RightArrow),
                       .previous = pressed(ImGuiKey_UpArrow) || pressed(ImGuiKey_LeftArrow),
                       .enter = pressed(ImGuiKey_Enter),
                       .escape = pressed(ImGuiKey_Escape)};
    // At rest, any key of the keypad starts, with audio guidance on: the person using keys may not
    // see the screen (the attract screen says so in every language).
    if (m_session.state.attract && (keys.next || keys.previous || keys.enter)) {
        m_session.state.attract = false;
        m_session.state.audioGuidance = true;
        return;
    }
    if (pressed(ImGuiKey_Tab) && !m_session.state.attract) {
        m_narration.help();
        return;
    }
    if (m_narration.navigate(lastFrame, keys)) {
        Actions back;
        back.back = true;
        apply(back);
    }
}

std::optional<ImVec2> KioskController::takeNavTap() {
    const auto tap = m_narration.takeTap();
    if (!tap) return std::nullopt;
    return ImVec2(tap->x, tap->y);
}

std::string* KioskController::bufferFor(FieldId id) {
    EditBuffers& e = m_session.edit;
    switch (id) {
        case FieldId::Search: return &e.search;
        case FieldId::Name: return &e.name;
        case FieldId::Phone: return &e.phone;
        case FieldId::Email: return &e.email;
        case FieldId::Note: return &e.note;
        case FieldId::Code: return &e.referenceCode;
        case FieldId::Document: return &e.document;
        case FieldId::BirthDate: return &e.birthDate;
        case FieldId::None: break;
    }
    return nullptr;
}

bool KioskController::sessionActive() const {
    const KioskState& s = m_session.state;
    const EditBuffers& e = m_session.edit;
    return s.screen != Screen::Home || !s.history.empty() || s.language != m_session.siteLanguage() || s.filters.any() ||
        s.courseFilter.any() || s.textSize != 0 || s.highContrast || s.audioGuidance || !e.search.empty() || !e.name.empty() ||
        !e.phone.empty() || !e.email.empty() || !e.note.empty() || !e.referenceCode.empty() || !e.document.empty() ||
        !e.birthDate.empty() || m_idCapture.holdsAnything();
}

void KioskController::wipeSession() {
    m_jobs.wipe();
    m_narration.stop();  // and forgets: nothing of the person is said or kept
    m_idCapture.forgetPhotos();
    // Answers still on their way are dropped by the session's epoch (session.hpp).
    m_session.wipe();
    if (ImGui::GetCurrentContext()) {  // none in unit tests, which drive the shell without a window
        ImGui::SetClipboardText("");
        ImGui::ClearActiveID();
    }
}

bool KioskController::updateIdle(double idleSeconds, int timeoutSeconds) {
    if (!sessionActive()) {
        bool changed = m_session.state.idleWarning;
        m_session.state.idleWarning = false;
        // Only up here: a touch takes it down (dismissAttract).
        if (!m_session.state.attract && idleSeconds >= m_attractSeconds) {
            m_session.state.attract = true;
            changed = true;
        }
        return changed;
    }
    if (idleSeconds >= timeoutSeconds) {
        wipeSession();
        return true;
    }
    const double warnFrom = timeoutSeconds - warningSecondsFor(timeoutSeconds);
    const bool warn = idleSeconds >= warnFrom;
    const int left = static_cast<int>(std::ceil(timeoutSeconds - idleSeconds));
    const bool changed = warn != m_session.state.idleWarning || (warn && left != m_session.state.idleSecondsLeft);
    m_session.state.idleWarning = warn;
    m_session.state.idleSecondsLeft = left;
    return changed;
}

double KioskController::secondsUntilIdleEvent(double idleSeconds, int timeoutSeconds) const {
    if (!sessionActive()) return m_session.state.attract ? -1 : std::max(0.0, m_attractSeconds - idleSeconds);
    const double warnFrom = timeoutSeconds - warningSecondsFor(timeoutSeconds);
    if (idleSeconds < warnFrom) return warnFrom - idleSeconds;
    // During the warning: wake for each second of the countdown.
    const double untilReset = timeoutSeconds - idleSeconds;
    return std::max(0.0, untilReset - std::floor(untilReset));
}

}  // namespace dc::ui
