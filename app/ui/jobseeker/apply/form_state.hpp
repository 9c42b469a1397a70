#pragma once
// The form: applying for a job, or asking for a seat in a course session; then the receipt.
#include <optional>
#include <string>
#include <vector>

#include "app/ui/kit/loadable.hpp"
#include "domain/actions.hpp"
#include "domain/records.hpp"

namespace dc::ui {

struct FormState {
    enum class FormFor { Job, Session } formFor = FormFor::Job;
    std::string sessionId;
    bool consent = false;
    bool smsOptIn = false;  // a text message to the phone when the office answers
    std::vector<std::string> pickedSkills;  // the job's skills the person says they have
    std::string formProblem;  // what to fix, in the person's language; empty when all is well
    bool formProblemIsNew = false;  // set for the frame after it appeared: the form scrolls to it
    Loadable<domain::ActionReceipt> receipt;
    bool receiptDelivered = false;  // the office's server has it (and may have changed its status)
    bool idPhotoAttached = false;  // the application carries the picture of the document read
    bool documentFieldsShown = false;  // the form shows the document's number and date of birth
};

// The course session the form asks a seat in (nullptr: the form is for a job, or the course is
// not loaded). `course` is the course on screen.
inline const domain::CourseSession* bookedSession(const FormState& form, const std::optional<domain::CourseRecord>& course) {
    if (form.formFor != FormState::FormFor::Session || !course) return nullptr;
    for (const auto& s : course->sessions)
        if (s.id == form.sessionId) return &s;
    return nullptr;
}

struct FormActions {
    bool apply = false;  // open the form for the job on screen
    std::optional<std::string> enrollIn;  // open the form for this course session
    bool toggleConsent = false;
    bool toggleSms = false;
    bool review = false;  // the form is filled: check it, then show what will be sent
    bool send = false;  // the person checked it: save and queue it
    std::optional<std::string> toggleSkill;  // a skill chip on the form was touched
};

}  // namespace dc::ui
