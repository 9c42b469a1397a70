#pragma once
// The form: opened for the job on screen or for a course session, checked field by field by the
// one rule each field keeps (domain/person.hpp), shown for review, then saved and queued for the
// office; the receipt's status follows the office's answer as sync delivers it.
#include "app/services/jobseeker_services.hpp"
#include "app/ui/jobseeker/id_capture/id_capture_controller.hpp"
#include "app/ui/jobseeker/session.hpp"

namespace dc::ui {

class FormController {
public:
    FormController(Session& session, services::JobseekerServices& services, IdCaptureController& idCapture)
        : m_session(session), m_services(services), m_idCapture(idCapture) {}

    void apply(const FormActions& actions);
    // Sync made progress: the receipt on screen may have reached the office, and the office's
    // answer (a seat confirmed, a waitlist place) replaces what the kiosk could only estimate.
    void deliveryProgressed();

private:
    void openForm(const FormActions& actions);
    void review();
    void send();

    Session& m_session;
    services::JobseekerServices& m_services;
    IdCaptureController& m_idCapture;
};

}  // namespace dc::ui
