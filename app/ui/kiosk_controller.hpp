#pragma once
// The controller turns actions from views into state changes and catalog requests, and draws the
// current screen inside one full-screen ImGui window.
#include "app/core/catalog_service.hpp"
#include "app/ui/id_capture.hpp"
#include "app/ui/narrator.hpp"
#include "app/ui/ui_registry.hpp"

#include <imgui.h>

#include <optional>
#include <utility>
#include "app/ui/kiosk_state.hpp"
#include "app/ui/ui_context.hpp"

namespace dc::ui {

class KioskController {
public:
    KioskController(core::CatalogService& catalog, Language startLanguage);

    // Draws one frame of the UI into the current ImGui frame and applies what the person did.
    void drawFrame(UiContext& ctx);

    const KioskState& state() const { return m_state; }
    const EditBuffers& edits() const { return m_edit; }
    Language language() const { return m_state.language; }
    void setLanguage(Language language) { m_state.language = language; }

    // Idle reset. `idleSeconds` since the last touch or key; `timeoutSeconds` is when the session
    // is wiped; the warning shows for the last kWarningSeconds. Returns true when the screen
    // changed (the warning appeared, its countdown moved, or the session was wiped).
    bool updateIdle(double idleSeconds, int timeoutSeconds);
    // Seconds from now until updateIdle() has something to do, or a negative number for never
    // (nothing of a person is on screen).
    double secondsUntilIdleEvent(double idleSeconds, int timeoutSeconds) const;
    // True while anything a person did or typed is on screen or in memory.
    bool sessionActive() const;
    // Forgets the person: every field, search, choice and answer; back to Home in the site's language.
    void wipeSession();

    // Sync made progress: the receipt on screen may have reached the office, and the office's
    // answer (a seat confirmed, a waitlist place) replaces what the kiosk could only estimate.
    void deliveryProgressed();
    void setDelivery(const DeliveryInfo& info) { m_state.delivery = info; }
    void setSyncNow(std::function<void()> syncNow) { m_syncNow = std::move(syncNow); }
    // Audio guidance speaks through this (none: the kiosk stays silent).
    void setNarrator(Narrator* narrator) { m_narrator = narrator; }
    // Audio-nav, for people who cannot see the screen: a keypad with arrows, Enter and Escape (and
    // headphones). Down/Right move to the next button or field in reading order, Up/Left to the
    // one before, each spoken; Enter presses it (the app taps its centre); Escape goes back. The
    // first arrow turns audio guidance on. `lastFrame` is what the previous frame showed.
    void navigate(const std::vector<WidgetInfo>& lastFrame);
    // The point Enter asked to be tapped, once.
    std::optional<ImVec2> takeNavTap() { return std::exchange(m_navTap, std::nullopt); }
    const std::string& navFocusLabel() const { return m_navLabel; }
    // What "Listen" reads on the current screen, in its language.
    std::string screenSpeech() const;

    static constexpr int kWarningSeconds = 15;
    // At rest this long (nothing of a person on screen), the attract screen comes up.
    void setAttractSeconds(int seconds) { m_attractSeconds = seconds; }
    // The language the kiosk returns to after each person (the office may change it).
    void setSiteLanguage(Language language) { m_siteLanguage = language; }
    // The camera reading a receipt's QR code for "My status" (none: the kiosk has no camera). The
    // function answers once, on the UI thread, with the code it read.
    using QrScanner = std::function<void(std::function<void(Expected<std::string>)>)>;
    void setQrScanner(QrScanner scanner) {
        m_scanner = std::move(scanner);
        m_state.canScan = static_cast<bool>(m_scanner);
    }
    // Asks the office about a reference code (a kiosk with a server): answers once, on the UI
    // thread, with the office's answer, nullopt when the office does not know the code, or an
    // error when it could not be asked. Without it, "My status" reads this kiosk's copy only.
    using RemoteStatus = std::function<void(std::string code, std::function<void(Expected<std::optional<store::StatusAnswer>>)>)>;
    void setRemoteStatus(RemoteStatus remote) { m_remoteStatus = std::move(remote); }
    // The camera that reads ID documents for the application form (none: the form offers typing
    // only), and how a preview frame becomes a texture: `upload(texture, preview)` replaces the
    // pixels of `texture` (0: a new one) and returns its id.
    using PreviewUpload = std::function<uintptr_t(uintptr_t texture, const CapturePreview& preview)>;
    void setIdCamera(IdCamera* camera, PreviewUpload upload) {
        m_idCamera = camera;
        m_uploadPreview = std::move(upload);
        m_state.canReadId = camera != nullptr;
    }
    // "Staff sign-in" was touched (once).
    bool takeStaffSignIn() { return std::exchange(m_staffSignIn, false); }

private:
    void apply(const Actions& actions);
    // Speaks what changed this frame when audio guidance is on, and the screen when asked.
    void narrate(bool listen);
    void open(Screen screen);
    void requestSearch();
    void reviewForm();
    // ID capture (kiosk_id_capture.cpp): the screen's steps, the camera session, the picture.
    void applyIdCapture(const Actions& actions);
    void startIdCamera();
    void stopIdCamera();
    void forgetIdPhotos();
    void backToForm();
    void typeDocumentNumber();  // the form's document fields shown, the number's field typed into
    std::string idCaptureSpeech() const;
    void sendForm();
    std::string* bufferFor(FieldId id);
    std::string keyFor(const std::string& buffer, const std::string& key) const;

    core::CatalogService& m_catalog;
    Language m_siteLanguage;
    KioskState m_state;
    EditBuffers m_edit;
    std::function<void()> m_syncNow;
    std::string m_countedSearch;  // the search text last counted for the reports
    bool m_sessionCounted = false;
    int m_attractSeconds = 60;
    bool m_staffSignIn = false;
    QrScanner m_scanner;
    RemoteStatus m_remoteStatus;
    IdCamera* m_idCamera = nullptr;
    PreviewUpload m_uploadPreview;
    bool m_idCameraOn = false;
    uintptr_t m_previewTexture = 0;
    std::string m_readPhoto;  // the picture of the document just read, until "Yes, use these"
    std::string m_idPhoto;    // the picture that goes with the application
    CaptureHint m_spokenHint = CaptureHint::Starting;
    Narrator* m_narrator = nullptr;
    // What was last spoken of, so each thing is said once.
    Screen m_spokenScreen = Screen::Home;
    Language m_spokenLanguage = Language::English;
    bool m_audioWasOn = false;
    int64_t m_spokenCount = -1;
    int m_spokenSeconds = -1;
    std::string m_spokenProblem;
    // Audio-nav: the item in focus (its label and place among the frame's targets), where it is.
    int m_navIndex = -1;
    std::string m_navLabel;
    Screen m_navScreen = Screen::Home;
    std::optional<ImVec2> m_navRectMin, m_navRectMax, m_navTap;
};

}  // namespace dc::ui
