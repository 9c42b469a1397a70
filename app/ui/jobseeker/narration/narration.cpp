#include "app/ui/jobseeker/narration/narration.hpp"

#include <cstdlib>

#include "app/ui/jobseeker/status_words.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/format.hpp"
#include "domain/course_filter.hpp"

namespace dc::ui {
namespace {

// A code read one character at a time, so it can be written down: "X H J, N 3 U".
std::string spelled(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (c == '-')
            out += ",";
        else
            out += std::string(out.empty() ? "" : " ") + c;
    }
    return out;
}

}  // namespace

bool Narration::navigate(const std::vector<WidgetInfo>& lastFrame, NavKeys keys) {
    KioskState& s = m_session.state;
    const bool enter = keys.enter && m_index >= 0;
    if (s.screen != m_screen || s.attract) {  // a new screen: focus starts again at its top
        m_index = -1;
        m_label.clear();
        m_rectMin.reset();
        m_screen = s.screen;
    }
    if (keys.escape) return s.screen != Screen::Home;
    if (!keys.next && !keys.previous && !enter) return false;
    std::vector<const WidgetInfo*> targets;
    for (const auto& w : lastFrame)
        if ((w.kind == WidgetKind::Button || w.kind == WidgetKind::Input) && w.enabled && w.w > 0 && w.h > 0)
            targets.push_back(&w);
    if (targets.empty()) return false;
    // Find where the focus was in this frame's targets (the list may have shifted under it).
    int at = -1;
    for (int i = 0; i < static_cast<int>(targets.size()); ++i)
        if (targets[i]->label == m_label && (at < 0 || std::abs(i - m_index) < std::abs(at - m_index))) at = i;
    if (enter) {
        if (at >= 0) m_tap = NavPoint{targets[at]->x + targets[at]->w / 2, targets[at]->y + targets[at]->h / 2};
        return false;
    }
    const int n = static_cast<int>(targets.size());
    at = at < 0 ? (keys.next ? 0 : n - 1) : (at + (keys.next ? 1 : n - 1)) % n;
    m_index = at;
    m_label = targets[at]->label;
    m_rectMin = NavPoint{targets[at]->x, targets[at]->y};
    m_rectMax = NavPoint{targets[at]->x + targets[at]->w, targets[at]->y + targets[at]->h};
    s.audioGuidance = true;  // someone navigating by keys needs to hear where they are
    m_audioWasOn = true;  // and only this, not the screen again
    if (m_narrator)
        m_narrator->say(
            m_label + ", " + tr(s.language, targets[at]->kind == WidgetKind::Input ? Msg::SpeakField : Msg::SpeakButton),
            s.language);
    return false;
}

std::optional<std::pair<NavPoint, NavPoint>> Narration::focusRect() const {
    if (!m_rectMin || m_screen != m_session.state.screen) return std::nullopt;
    return std::make_pair(*m_rectMin, *m_rectMax);
}

std::string Narration::screenSpeech() const {
    const KioskState& m_state = m_session.state;
    const EditBuffers& m_edit = m_session.edit;
    const Language l = m_state.language;
    const Msg title = m_state.screen == Screen::Apply && m_state.formFor == KioskState::FormFor::Session
        ? Msg::EnrollTitle
        : viewFor(m_state.screen).title;
    std::string text = std::string(tr(l, title)) + ". ";
    switch (m_state.screen) {
        case Screen::Home: text += std::string(tr(l, Msg::HomeInstruction)) + ". "; break;
        case Screen::Jobs:
            if (m_state.jobs.value && m_state.jobs.value->catalogEmpty)
                text += std::string(tr(l, emptyCatalogMsg(m_state.delivery.state))) + " ";
            else if (m_state.jobs.value)
                text += trfSpoken(l, Msg::JobsFound, m_state.jobs.value->totalMatches) + ". ";
            break;
        case Screen::Courses:
            if (m_state.courses.value)
                text +=
                    trfSpoken(
                        l, Msg::CoursesFound,
                        static_cast<long long>(domain::matchingCourses(*m_state.courses.value, m_state.courseFilter).size())) +
                    ". ";
            break;
        case Screen::JobDetail:
            if (m_state.job.value)
                text += m_state.job.value->title + ". " + m_state.job.value->employer + ". " + m_state.job.value->city + ". ";
            break;
        case Screen::CourseDetail:
            if (m_state.course.value) text += m_state.course.value->name + ". " + m_state.course.value->provider + ". ";
            break;
        case Screen::Apply:
            if (!m_state.formProblem.empty()) text += m_state.formProblem + " ";
            break;
        case Screen::Review:
            text += std::string(tr(l, Msg::ReviewIntro)) + " " + tr(l, Msg::FieldName) + ": " + m_edit.name + ". " +
                tr(l, Msg::FieldPhone) + ": " + m_edit.phone + ". ";
            if (const domain::CourseSession* s = bookedSession(m_state, m_state.course.value))
                text += std::string(tr(l, Msg::Sessions)) + ": " + sessionWhen(l, *s) + ". " + sessionWhere(*s) + ". ";
            if (!m_state.formProblem.empty()) text += m_state.formProblem + " ";
            break;
        case Screen::Receipt:
            if (m_state.receipt.value) {
                text +=
                    std::string(tr(l, m_state.formFor == KioskState::FormFor::Job ? Msg::ReceiptApplied : Msg::ReceiptEnrolled)) +
                    " ";
                if (const domain::CourseSession* s = bookedSession(m_state, m_state.course.value))
                    text += m_state.course.value->name + ". " + sessionWhen(l, *s) + ". " + sessionWhere(*s) + ". ";
                text += std::string(tr(l, Msg::SpeakCode)) + ": " + spelled(m_state.receipt.value->referenceCode) + ". ";
            }
            break;
        case Screen::Help: text += std::string(tr(l, Msg::HelpBody)) + " " + tr(l, Msg::HelpClerk); break;
        case Screen::IdCapture: text += m_idCapture.speech(); break;
        default: break;
    }
    return text;
}

int64_t Narration::shownCount() const {
    const KioskState& s = m_session.state;
    return s.screen == Screen::Jobs && s.jobs.value && !s.jobs.value->catalogEmpty ? s.jobs.value->totalMatches : -1;
}

void Narration::help() {
    KioskState& s = m_session.state;
    s.audioGuidance = true;
    m_audioWasOn = true;  // this, not the screen again on the next frame
    m_spokenScreen = s.screen;
    m_spokenLanguage = s.language;
    m_spokenCount = shownCount();  // said with the screen
    if (!m_narrator) return;
    std::string text = screenSpeech();
    if (!m_label.empty()) text += " " + m_label + ".";
    text += std::string(" ") + tr(s.language, Msg::KeysHelp);
    m_narrator->say(text, s.language);
}

void Narration::narrate(bool listen) {
    if (!m_narrator) return;
    const KioskState& m_state = m_session.state;
    const bool on = m_state.audioGuidance;
    if (!on && m_audioWasOn) m_narrator->stop();
    const bool arrived = m_state.screen != m_spokenScreen || m_state.language != m_spokenLanguage || (on && !m_audioWasOn);
    const int64_t count = shownCount();
    if (listen || (on && arrived)) {
        m_narrator->say(screenSpeech(), m_state.language);
    } else if (on && count >= 0 && count != m_spokenCount) {
        m_narrator->say(trfSpoken(m_state.language, Msg::JobsFound, count), m_state.language);  // results as they change
    } else if (on && !m_state.formProblem.empty() && m_state.formProblem != m_spokenProblem) {
        m_narrator->say(m_state.formProblem, m_state.language);  // what to fix, at once
    }
    if (!m_state.idleWarning) m_spokenSeconds = -1;
    if (on && m_state.idleWarning && m_state.idleSecondsLeft % 5 == 0 && m_state.idleSecondsLeft != m_spokenSeconds) {
        m_narrator->say(trfSpoken(m_state.language, Msg::SpeakSecondsLeft, m_state.idleSecondsLeft), m_state.language);
        m_spokenSeconds = m_state.idleSecondsLeft;
    }
    m_spokenScreen = m_state.screen;
    m_spokenLanguage = m_state.language;
    m_audioWasOn = on;
    m_spokenCount = count;
    m_spokenProblem = m_state.formProblem;
}

}  // namespace dc::ui
