#pragma once
// The jobseeker's shell: draws the current screen inside one full-screen ImGui window, then hands
// what the person did to the shell's own part (screen stack, typing, display choices, idle) and
// to each feature's controller (jobs, courses, the form, status, ID capture, narration). Adding a
// screen touches its feature's folder, the view table and, when it loads something, onOpen.
#include <imgui.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

#include "app/services/jobseeker_services.hpp"
#include "app/ui/jobseeker/apply/form_controller.hpp"
#include "app/ui/jobseeker/courses/courses_controller.hpp"
#include "app/ui/jobseeker/id_capture/id_capture_controller.hpp"
#include "app/ui/jobseeker/jobs/jobs_controller.hpp"
#include "app/ui/jobseeker/narration/narration.hpp"
#include "app/ui/jobseeker/session.hpp"
#include "app/ui/jobseeker/status/status_controller.hpp"
#include "app/ui/kit/narrator.hpp"
#include "app/ui/kit/ui_context.hpp"
#include "app/ui/kit/ui_registry.hpp"

namespace dc::ui {

class KioskController {
public:
    KioskController(services::JobseekerServices& services, Language startLanguage);
    // Its feature controllers and the Session's onOpen point back into it: never copied.
    KioskController(const KioskController&) = delete;
    KioskController& operator=(const KioskController&) = delete;

    // Draws one frame of the UI into the current ImGui frame and applies what the person did.
    void drawFrame(UiContext& ctx);

    const KioskState& state() const { return m_session.state; }
    const EditBuffers& edits() const { return m_session.edit; }
    Language language() const { return m_session.language(); }
    void setLanguage(Language language) { m_session.state.language = language; }

    // Idle reset. `idleSeconds` since the last touch or key; `timeoutSeconds` is when the session
    // is wiped; the warning shows for the last warningSecondsFor(timeout). Returns true when the screen
    // changed (the warning appeared, its countdown moved, or the session was wiped).
    bool updateIdle(double idleSeconds, int timeoutSeconds);
    // Seconds from now until updateIdle() has something to do, or a negative number for never
    // (nothing of a person is on screen).
    double secondsUntilIdleEvent(double idleSeconds, int timeoutSeconds) const;
    // True while anything a person did or typed is on screen or in memory.
    bool sessionActive() const;
    // Forgets the person: every field, search, choice and answer; back to Home in the site's language.
    void wipeSession();

    // Sync made progress: the office's answers and the catalog may have changed.
    void deliveryProgressed();
    void setDelivery(const DeliveryInfo& info) { m_session.state.delivery = info; }
    void setSyncNow(std::function<void()> syncNow) { m_syncNow = std::move(syncNow); }
    // Audio guidance speaks through this (none: the kiosk stays silent).
    void setNarrator(Narrator* narrator);
    // Audio-nav (narration/narration.hpp), from the keys pressed this frame.
    void navigate(const std::vector<WidgetInfo>& lastFrame);
    // The point Enter asked to be tapped, once.
    std::optional<ImVec2> takeNavTap();
    const std::string& navFocusLabel() const { return m_narration.focusLabel(); }
    std::string screenSpeech() const { return m_narration.screenSpeech(); }

    // How long the warning stands before the wipe. WCAG 2.2.1 asks for at least 20 s to answer
    // it: a third of the idle time, 20 to 30 s (less only under the test suite's short timings,
    // whose idle times are below the 30 s a site may set).
    static int warningSecondsFor(int timeoutSeconds) {
        return timeoutSeconds < 30 ? timeoutSeconds / 3 : std::clamp(timeoutSeconds / 3, 20, 30);
    }
    // At rest this long (nothing of a person on screen), the attract screen comes up.
    void setAttractSeconds(int seconds) { m_attractSeconds = seconds; }
    // The language the kiosk returns to after each person (the office may change it).
    void setSiteLanguage(Language language) { m_session.setSiteLanguage(language); }
    using QrScanner = StatusController::QrScanner;
    void setQrScanner(QrScanner scanner) { m_status.setQrScanner(std::move(scanner)); }
    using RemoteStatus = StatusController::RemoteStatus;
    void setRemoteStatus(RemoteStatus remote) { m_status.setRemoteStatus(std::move(remote)); }
    using PreviewUpload = IdCaptureController::PreviewUpload;
    void setIdCamera(IdCamera* camera, PreviewUpload upload) { m_idCapture.setCamera(camera, std::move(upload)); }
    // "Staff sign-in" was touched (once).
    bool takeStaffSignIn() { return std::exchange(m_staffSignIn, false); }
    // Carries out what a frame's views asked for (drawFrame calls it after drawing; tests call it
    // without a window).
    void apply(const Actions& actions);

private:
    // The shell's own part; false when the frame's actions end here (a new language, Home, Back).
    bool applyShell(const ShellActions& actions);
    std::string* bufferFor(FieldId id);

    services::JobseekerServices& m_services;
    Session m_session;
    JobsController m_jobs;
    CoursesController m_courses;
    IdCaptureController m_idCapture;
    FormController m_form;
    StatusController m_status;
    Narration m_narration;
    std::function<void()> m_syncNow;
    bool m_sessionCounted = false;
    int m_attractSeconds = 60;
    bool m_staffSignIn = false;
};

}  // namespace dc::ui
