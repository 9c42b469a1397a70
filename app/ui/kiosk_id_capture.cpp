// The jobseeker's ID capture, as the controller runs it: consent, then a camera session whose
// updates (a preview, what to do, the reading) arrive on the UI thread, then the reading onto the
// application form with the document's picture kept in memory until the application is saved.
#include <sodium.h>

#include <cstdio>
#include <utility>

#include "app/ui/kiosk_controller.hpp"
#include "app/ui/status_words.hpp"

namespace dc::ui {
namespace {

void wipe(std::string& secret) {
    if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

}  // namespace

void KioskController::applyIdCapture(const Actions& actions) {
    if (actions.readId && m_state.screen == Screen::Apply) {
        m_state.idCapture = {};
        open(Screen::IdCapture);
    }
    if (actions.addDocument && m_state.screen == Screen::Apply) typeDocumentNumber();
    if (m_state.screen != Screen::IdCapture) return;
    if (actions.startCamera) startIdCamera();
    if (actions.useReading && m_state.idCapture.reading) {
        const IdReading& read = *m_state.idCapture.reading;
        m_edit.document = read.documentNumber;
        m_edit.birthDate = read.birthDate;
        // A name the person typed stays: they may write it in their own script, not the MRZ's.
        if (m_edit.name.find_first_not_of(' ') == std::string::npos) m_edit.name = read.name;
        wipe(m_idPhoto);
        m_idPhoto = std::exchange(m_readPhoto, {});
        m_state.idPhotoAttached = !m_idPhoto.empty();
        m_state.documentFieldsShown = true;
        backToForm();
    }
    if (actions.typeDocument) {
        stopIdCamera();
        backToForm();
        typeDocumentNumber();
    }
}

std::string KioskController::idCaptureSpeech() const {
    const Language l = m_state.language;
    const auto& view = m_state.idCapture;
    switch (view.step) {
        case IdCaptureView::Step::Consent: return tr(l, Msg::IdConsentText);
        case IdCaptureView::Step::Camera: return tr(l, captureHintMsg(view.hint));
        case IdCaptureView::Step::Failed: return tr(l, Msg::IdNotRead);
        case IdCaptureView::Step::Check:
            if (!view.reading) break;
            return std::string(tr(l, Msg::IdCheckIntro)) + " " + tr(l, Msg::FieldName) + ": " + view.reading->name + ". " +
                   tr(l, Msg::FieldDocument) + ": " + view.reading->documentNumber + ". " +
                   (view.reading->birthDate.empty() ? "" : std::string(tr(l, Msg::FieldBirthDate)) + ": " + view.reading->birthDate + ".");
    }
    return {};
}

void KioskController::typeDocumentNumber() {
    m_state.documentFieldsShown = true;
    m_state.typingInto = FieldId::Document;
    m_state.keyboardShown = true;
    m_state.keyboardLayout = Language::English;  // documents are numbered in Latin letters
}

void KioskController::backToForm() {
    while (!m_state.history.empty() && m_state.screen != Screen::Apply) {
        m_state.screen = m_state.history.back();
        m_state.history.pop_back();
    }
    m_state.idCapture.reading.reset();
}

void KioskController::startIdCamera() {
    stopIdCamera();
    wipe(m_readPhoto);
    auto& capture = m_state.idCapture;
    capture.reading.reset();
    capture.preview = 0;
    capture.hint = CaptureHint::Starting;
    if (!m_idCamera) {
        capture.step = IdCaptureView::Step::Failed;
        return;
    }
    capture.step = IdCaptureView::Step::Camera;
    m_spokenHint = CaptureHint::Starting;
    m_idCameraOn = true;
    m_idCamera->start([this](CaptureUpdate update) {
        auto& view = m_state.idCapture;
        if (!update.preview.gray.empty() && m_uploadPreview) {
            m_previewTexture = m_uploadPreview(m_previewTexture, update.preview);
            view.preview = m_previewTexture;
            view.previewWidth = update.preview.width;
            view.previewHeight = update.preview.height;
        }
        view.hint = update.hint;
        if (m_state.audioGuidance && m_narrator && update.hint != m_spokenHint && update.hint != CaptureHint::Starting) {
            m_narrator->say(tr(m_state.language, captureHintMsg(update.hint)), m_state.language);
            m_spokenHint = update.hint;
        }
        if (update.reading) {
            m_idCameraOn = false;
            view.step = IdCaptureView::Step::Check;
            // The picture waits in the controller, not in the state the views are drawn from.
            m_readPhoto = std::exchange(update.reading->photo, {});
            view.reading = std::move(update.reading);
            std::fprintf(stderr, "dc-kiosk: an ID document was read for an application\n");  // never what it says
        } else if (update.failed) {
            m_idCameraOn = false;
            view.step = IdCaptureView::Step::Failed;
            std::fprintf(stderr, "dc-kiosk: ID document not read: %s\n", update.failed->c_str());
        }
    });
}

void KioskController::stopIdCamera() {
    if (!m_idCameraOn) return;
    m_idCameraOn = false;
    if (m_idCamera) m_idCamera->stop();
}

void KioskController::forgetIdPhotos() {
    stopIdCamera();
    wipe(m_readPhoto);
    wipe(m_idPhoto);
    m_state.idPhotoAttached = false;
    // The last frame stays in the texture until the next session: overwrite it now.
    if (m_previewTexture != 0 && m_uploadPreview)
        m_previewTexture = m_uploadPreview(m_previewTexture, CapturePreview{2, 2, std::vector<uint8_t>(4, 0)});
}

}  // namespace dc::ui
