#pragma once
// The jobseeker's ID capture: consent, then a camera session whose updates (a preview, what to
// do, the reading) arrive on the UI thread, then the reading onto the application form with the
// document's picture kept here, in memory, until the application is saved or the person leaves.
#include <cstdint>
#include <functional>
#include <string>

#include "app/ui/jobseeker/session.hpp"
#include "app/ui/kit/narrator.hpp"

namespace dc::ui {

class IdCaptureController {
public:
    // How a preview frame becomes a texture: `upload(texture, preview)` replaces the pixels of
    // `texture` (0: a new one) and returns its id.
    using PreviewUpload = std::function<uintptr_t(uintptr_t texture, const CapturePreview& preview)>;

    explicit IdCaptureController(Session& session) : m_session(session) {}

    void setCamera(IdCamera* camera, PreviewUpload upload) {
        m_camera = camera;
        m_upload = std::move(upload);
        m_session.state.canReadId = camera != nullptr;
    }
    void setNarrator(Narrator* narrator) { m_narrator = narrator; }

    void apply(const IdCaptureActions& actions);
    // The person left the capture screen (Back, Home, a language): the camera stops.
    void leftScreen() {
        if (m_session.state.screen != Screen::IdCapture) stopCamera();
    }
    // The form shows the document's fields, the number's field typed into (Latin letters).
    void typeDocumentNumber();
    // The picture that goes with the application (empty: none).
    const std::string& photo() const { return m_photo; }
    // Forgets every picture (wiped from memory) and stops the camera.
    void forgetPhotos();
    bool holdsAnything() const { return m_cameraOn || !m_photo.empty() || !m_readPhoto.empty(); }
    // What the capture screen says aloud, in the person's language.
    std::string speech() const;

private:
    void startCamera();
    void stopCamera();
    void backToForm();

    Session& m_session;
    IdCamera* m_camera = nullptr;
    PreviewUpload m_upload;
    Narrator* m_narrator = nullptr;
    bool m_cameraOn = false;
    uintptr_t m_previewTexture = 0;
    std::string m_readPhoto;  // the picture of the document just read, until "Yes, use these"
    std::string m_photo;  // the picture that goes with the application
    CaptureHint m_spokenHint = CaptureHint::Starting;
};

}  // namespace dc::ui
