#include <sodium.h>

#include <utility>

#include "app/ui/jobseeker/id_capture/id_capture_controller.hpp"
#include "app/ui/jobseeker/status_words.hpp"
#include "common/log.hpp"

namespace dc::ui {
namespace {

void wipe(std::string& secret) {
    if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

}  // namespace

void IdCaptureController::apply(const IdCaptureActions& actions) {
    KioskState& m_state = m_session.state;
    EditBuffers& m_edit = m_session.edit;
    if (actions.readId && m_state.screen == Screen::Apply) {
        m_state.idCapture = {};
        m_session.open(Screen::IdCapture);
    }
    if (actions.addDocument && m_state.screen == Screen::Apply) typeDocumentNumber();
    if (m_state.screen != Screen::IdCapture) return;
    if (actions.startCamera) startCamera();
    if (actions.useReading && m_state.idCapture.reading) {
        const IdReading& read = *m_state.idCapture.reading;
        m_edit.document = read.documentNumber;
        m_edit.birthDate = read.birthDate;
        // A name the person typed stays: they may write it in their own script, not the MRZ's.
        if (m_edit.name.find_first_not_of(' ') == std::string::npos) m_edit.name = read.name;
        wipe(m_photo);
        m_photo = std::exchange(m_readPhoto, {});
        m_state.idPhotoAttached = !m_photo.empty();
        m_state.documentFieldsShown = true;
        backToForm();
    }
    if (actions.typeDocument) {
        stopCamera();
        backToForm();
        typeDocumentNumber();
    }
}

std::string IdCaptureController::speech() const {
    const Language l = m_session.language();
    const auto& view = m_session.state.idCapture;
    switch (view.step) {
        case IdCaptureView::Step::Consent: return tr(l, Msg::IdConsentText);
        case IdCaptureView::Step::Camera: return tr(l, captureHintMsg(view.hint));
        case IdCaptureView::Step::Failed: return tr(l, Msg::IdNotRead);
        case IdCaptureView::Step::Check:
            if (!view.reading) break;
            return std::string(tr(l, Msg::IdCheckIntro)) + " " + tr(l, Msg::FieldName) + ": " + view.reading->name + ". " +
                tr(l, Msg::FieldDocument) + ": " + view.reading->documentNumber + ". " +
                (view.reading->birthDate.empty()
                     ? ""
                     : std::string(tr(l, Msg::FieldBirthDate)) + ": " + view.reading->birthDate + ".");
    }
    return {};
}

void IdCaptureController::typeDocumentNumber() {
    KioskState& m_state = m_session.state;
    m_state.documentFieldsShown = true;
    m_state.typingInto = FieldId::Document;
    m_state.keyboardShown = true;
    m_state.keyboardLayout = Language::English;  // documents are numbered in Latin letters
}

void IdCaptureController::backToForm() {
    m_session.returnTo(Screen::Apply);
    m_session.state.idCapture.reading.reset();
}

void IdCaptureController::startCamera() {
    stopCamera();
    wipe(m_readPhoto);
    auto& capture = m_session.state.idCapture;
    capture.reading.reset();
    capture.preview = 0;
    capture.hint = CaptureHint::Starting;
    if (!m_camera) {
        capture.step = IdCaptureView::Step::Failed;
        return;
    }
    capture.step = IdCaptureView::Step::Camera;
    m_spokenHint = CaptureHint::Starting;
    m_cameraOn = true;
    m_camera->start(m_session.guard([this](CaptureUpdate update) {
        auto& view = m_session.state.idCapture;
        const Language language = m_session.language();
        if (!update.preview.gray.empty() && m_upload) {
            m_previewTexture = m_upload(m_previewTexture, update.preview);
            view.preview = m_previewTexture;
            view.previewWidth = update.preview.width;
            view.previewHeight = update.preview.height;
        }
        view.hint = update.hint;
        if (m_session.state.audioGuidance && m_narrator && update.hint != m_spokenHint && update.hint != CaptureHint::Starting) {
            m_narrator->say(tr(language, captureHintMsg(update.hint)), language);
            m_spokenHint = update.hint;
        }
        if (update.reading) {
            m_cameraOn = false;
            view.step = IdCaptureView::Step::Check;
            // The picture waits in the controller, not in the state the views are drawn from.
            m_readPhoto = std::exchange(update.reading->photo, {});
            view.reading = std::move(update.reading);
            logLine("an ID document was read for an application");  // never what it says
        } else if (update.failed) {
            m_cameraOn = false;
            view.step = IdCaptureView::Step::Failed;
            logLine("ID document not read: " + *update.failed);
        }
    }));
}

void IdCaptureController::stopCamera() {
    if (!m_cameraOn) return;
    m_cameraOn = false;
    if (m_camera) m_camera->stop();
}

void IdCaptureController::forgetPhotos() {
    stopCamera();
    wipe(m_readPhoto);
    wipe(m_photo);
    m_session.state.idPhotoAttached = false;
    // The last frame stays in the texture until the next session: overwrite it now.
    if (m_previewTexture != 0 && m_upload)
        m_previewTexture = m_upload(m_previewTexture, CapturePreview{2, 2, std::vector<uint8_t>(4, 0)});
}

}  // namespace dc::ui
