#include "app/ui/jobseeker/apply/form_controller.hpp"

#include <algorithm>

#include "app/ui/jobseeker/status_words.hpp"
#include "domain/person.hpp"

namespace dc::ui {

void FormController::apply(const FormActions& actions) {
    FormState& s = m_session.state;
    if (actions.apply || actions.enrollIn) openForm(actions);
    if (actions.toggleConsent) {
        s.consent = !s.consent;
        if (s.consent && s.formProblem == tr(m_session.language(), Msg::ProblemConsent)) s.formProblem.clear();
    }
    if (actions.toggleSms) s.smsOptIn = !s.smsOptIn;
    if (actions.toggleSkill) {
        auto& picked = s.pickedSkills;
        if (auto it = std::find(picked.begin(), picked.end(), *actions.toggleSkill); it != picked.end())
            picked.erase(it);
        else
            picked.push_back(*actions.toggleSkill);
    }
    if (actions.review) review();
    if (actions.send) send();
}

void FormController::openForm(const FormActions& actions) {
    FormState& s = m_session.state;
    s.formFor = actions.apply ? FormState::FormFor::Job : FormState::FormFor::Session;
    if (actions.enrollIn) s.sessionId = *actions.enrollIn;
    s.consent = false;
    s.smsOptIn = false;
    s.pickedSkills.clear();
    s.formProblem.clear();
    s.receipt = {};
    s.documentFieldsShown = !m_session.edit.document.empty() || !m_session.edit.birthDate.empty();
    m_idCapture.forgetPhotos();
    m_session.open(Screen::Apply);
}

// Checks what a person can fix before anything is written (the store and the office check
// again, by the same rules), then shows them what will be sent.
void FormController::review() {
    FormState& s = m_session.state;
    EditBuffers& e = m_session.edit;
    const Language l = m_session.language();
    // A space before or after an e-mail address is nobody's intent: it goes, unsaid.
    const size_t first = e.email.find_first_not_of(' ');
    e.email = first == std::string::npos ? std::string() : e.email.substr(first, e.email.find_last_not_of(' ') - first + 1);
    const domain::Profile typed{
        .name = e.name, .phone = e.phone, .email = e.email, .documentNumber = e.document, .birthDate = e.birthDate};
    if (const auto problem = domain::firstProblem(typed))
        s.formProblem = tr(l, problemMsg(*problem));
    else if (const auto noteProblem = domain::checkNote(e.note))
        s.formProblem = tr(l, problemMsg(*noteProblem));
    else if (!s.consent)
        s.formProblem = tr(l, Msg::ProblemConsent);
    else
        s.formProblem.clear();
    s.formProblemIsNew = !s.formProblem.empty();
    if (s.formProblem.empty()) m_session.open(Screen::Review);
}

void FormController::send() {
    KioskState& s = m_session.state;
    EditBuffers& e = m_session.edit;
    if (s.receipt.loading) return;  // a second touch while saving sends nothing twice
    const bool forJob = s.formFor == FormState::FormFor::Job;
    domain::Profile person{.name = e.name,
                           .phone = e.phone,
                           .email = e.email,
                           .documentNumber = forJob ? e.document : "",
                           .birthDate = forJob ? e.birthDate : "",
                           .skills = s.pickedSkills,
                           .language = languageCode(s.language)};
    const uint64_t request = s.receipt.start();
    s.receiptDelivered = false;
    auto done = m_session.guard([this, request](Expected<domain::ActionReceipt> result) {
        KioskState& st = m_session.state;
        if (!result) {
            logLoadError("the form (not saved)", result.error());
            st.formProblem = tr(st.language, Msg::ProblemSave);
            st.formProblemIsNew = true;
        }
        if (!st.receipt.accept(request, std::move(result)) || !st.receipt.value) return;
        // The form's text is not needed any more: forget it now, not at the idle reset.
        EditBuffers& ed = m_session.edit;
        for (std::string* field : {&ed.name, &ed.phone, &ed.email, &ed.note, &ed.document, &ed.birthDate}) field->clear();
        m_idCapture.forgetPhotos();
        st.pickedSkills.clear();
        st.history.clear();  // "Back" must not lead into the sent form
        st.screen = Screen::Receipt;
    });
    if (forJob && s.job.value)
        m_services.submitApplication({.jobId = s.job.value->id,
                                      .person = person,
                                      .note = e.note,
                                      .consent = true,
                                      .smsOptIn = s.smsOptIn,
                                      .idPhoto = m_idCapture.photo()},
                                     std::move(done));
    else
        m_services.requestEnrollment({.sessionId = s.sessionId, .person = person, .consent = true, .smsOptIn = s.smsOptIn},
                                     std::move(done));
}

void FormController::deliveryProgressed() {
    const KioskState& s = m_session.state;
    if (s.screen != Screen::Receipt || !s.receipt.value || s.receiptDelivered) return;
    const std::string code = s.receipt.value->referenceCode;
    m_services.lookUpReference(code, m_session.guard([this, code](Expected<domain::StatusAnswer> answer) {
        FormState& st = m_session.state;
        // Another receipt may be on screen by now.
        if (!answer || !answer->delivered || !st.receipt.value || st.receipt.value->referenceCode != code) return;
        st.receiptDelivered = true;
        st.receipt.value->status = answer->status;
        st.receipt.value->waitlistPosition = answer->waitlistPosition;
    }));
}

}  // namespace dc::ui
