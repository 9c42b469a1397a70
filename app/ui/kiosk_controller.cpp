#include "app/ui/kiosk_controller.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "app/ui/status_words.hpp"
#include "app/ui/views.hpp"
#include "app/ui/widgets.hpp"
#include "common/utf8.hpp"

namespace dc::ui {
namespace {

// People see a plain sentence from the catalog; the technical reason goes to the log (journald).
void logLoadError(const char* what, const Error& error) {
    std::fprintf(stderr, "dc-kiosk: could not load %s: %s\n", what, error.message().c_str());
}

}  // namespace

KioskController::KioskController(core::CatalogService& catalog, Language startLanguage)
    : m_catalog(catalog), m_siteLanguage(startLanguage) {
    m_state.language = startLanguage;
}

namespace {

std::string todayIso() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
    return buf;
}

}  // namespace

void KioskController::drawFrame(UiContext& ctx) {
    beginScreenWindow("##kiosk");

    Actions actions;
    if (m_state.attract) {
        // Nothing else is drawn, so the touch that ends it cannot also press a tile.
        drawAttract(ctx, actions);
        ImGui::End();
        apply(actions);
        return;
    }
    const ViewEntry& view = viewFor(m_state.screen);
    const Msg title = m_state.screen == Screen::Apply && m_state.formFor == KioskState::FormFor::Session
                          ? Msg::EnrollTitle
                          : view.title;
    drawHeader(ctx, ctx.t(title), m_state.screen != Screen::Home, actions);
    const bool keyboard = m_state.keyboardShown && m_state.typingInto != FieldId::None;
    if (keyboard) {
        // The screen keeps the space above the keyboard; the field being typed into is up there.
        const float kb = keyboardHeight(ctx, ImGui::GetContentRegionAvail().y);
        ImGui::BeginChild("##above-keyboard", ImVec2(0, std::max(ctx.metrics.touch * 2, ImGui::GetContentRegionAvail().y - kb)),
                          false, ImGuiWindowFlags_NoBackground);
        view.draw(ctx, m_state, m_edit, actions);
        ImGui::EndChild();
        drawKeyboard(ctx, m_state, kb, actions);
    } else {
        view.draw(ctx, m_state, m_edit, actions);
    }
    m_state.formProblemIsNew = false;
    if (m_navRectMin && m_navScreen == m_state.screen) {
        // The focus of audio-nav, for whoever stands beside the person.
        ImGui::GetForegroundDrawList()->AddRect(ImVec2(m_navRectMin->x - 4, m_navRectMin->y - 4),
                                                ImVec2(m_navRectMax->x + 4, m_navRectMax->y + 4),
                                                ctx.theme.primary.imgui(), ctx.metrics.rounding, 0, 5.0f);
    }
    if (m_state.idleWarning) drawIdleWarning(ctx, m_state, actions);

    ImGui::End();
    apply(actions);
    if (m_idCameraOn && m_state.screen != Screen::IdCapture) stopIdCamera();  // Back, Home, a language
    narrate(actions.listen);
    // For the reports, a session runs from the first touch that leaves the resting Home screen
    // until the kiosk is back at rest (Finish, the idle reset, or Home with nothing chosen).
    const bool active = sessionActive();
    if (active && !m_sessionCounted)
        m_catalog.countEvent("sessions", {std::string("lang=") + languageCode(m_state.language)});
    m_sessionCounted = active;
}

void KioskController::apply(const Actions& actions) {
    if (actions.staffSignIn) m_staffSignIn = true;
    if (actions.dismissAttract) {
        m_state.attract = false;
        return;
    }
    if (actions.moreTime) m_state.idleWarning = false;  // the touch itself restarted the idle clock
    if (actions.finish) {
        wipeSession();
        return;
    }
    if (actions.textSize) m_state.textSize = std::clamp(*actions.textSize, 0, 2);
    if (actions.focusField) {
        if (!m_state.keyboardShown)
            m_state.keyboardLayout = *actions.focusField == FieldId::Document ? Language::English : m_state.language;
        m_state.typingInto = *actions.focusField;
        m_state.keyboardShown = true;
    }
    if (actions.keyboardLayout) m_state.keyboardLayout = *actions.keyboardLayout;
    if (actions.keyboardDone) m_state.keyboardShown = false;
    if (std::string* buffer = bufferFor(m_state.typingInto); buffer && (!actions.keyText.empty() || actions.keyBackspace)) {
        if (actions.keyBackspace) eraseLastCharacter(*buffer);
        else appendTyped(m_state.typingInto, *buffer, keyFor(*buffer, actions.keyText), maxBytesFor(m_state.typingInto));
        if (m_state.typingInto == FieldId::Search) requestSearch();
    }
    if (actions.toggleContrast) m_state.highContrast = !m_state.highContrast;
    if (actions.language) {
        m_state.language = *actions.language;
        m_state.history.clear();
        m_state.screen = Screen::Home;
        return;
    }
    if (actions.home || actions.back) {
        m_state.keyboardShown = false;
        m_state.typingInto = FieldId::None;
    }
    if (actions.home) {
        m_state.history.clear();
        m_state.screen = Screen::Home;
        return;
    }
    if (actions.back) {
        if (m_state.history.empty()) {
            m_state.screen = Screen::Home;
        } else {
            m_state.screen = m_state.history.back();
            m_state.history.pop_back();
        }
        if (m_state.screen == Screen::Jobs) m_state.typingInto = FieldId::Search;
        return;
    }
    if (actions.filters) m_state.filters = *actions.filters;
    if (actions.searchChanged || actions.filters) requestSearch();
    if (actions.open) open(*actions.open);
    if (actions.openJob) {
        m_state.job.value.reset();
        m_state.jobCourses.value.reset();
        const uint64_t request = m_state.job.start();
        m_catalog.getJob(*actions.openJob, [this, request](Expected<store::JobRecord> result) {
            if (!result) logLoadError("a job", result.error());
            if (result && m_state.job.request == request) {
                const uint64_t coursesRequest = m_state.jobCourses.start();
                m_catalog.coursesTeaching(result->skills, result->city, todayIso(),
                                          [this, coursesRequest](Expected<std::vector<store::CourseOffer>> offers) {
                                              if (!offers) logLoadError("courses for a job", offers.error());
                                              m_state.jobCourses.accept(coursesRequest, std::move(offers));
                                          });
            }
            m_state.job.accept(request, std::move(result));
        });
        open(Screen::JobDetail);
    }
    if (actions.openCourse) {
        m_state.course.value.reset();
        const uint64_t request = m_state.course.start();
        m_state.courseJobs.value.reset();
        m_catalog.getCourse(*actions.openCourse, [this, request](Expected<store::CourseRecord> result) {
            if (!result) logLoadError("a course", result.error());
            if (result && m_state.course.request == request) {
                const uint64_t jobsRequest = m_state.courseJobs.start();
                m_catalog.jobsMatchingSkills(result->skillsTaught, 3, [this, jobsRequest](Expected<store::JobPage> jobs) {
                    if (!jobs) logLoadError("jobs for a course", jobs.error());
                    m_state.courseJobs.accept(jobsRequest, std::move(jobs));
                });
            }
            m_state.course.accept(request, std::move(result));
        });
        open(Screen::CourseDetail);
    }
    if (actions.apply || actions.enrollIn) {
        m_state.formFor = actions.apply ? KioskState::FormFor::Job : KioskState::FormFor::Session;
        if (actions.enrollIn) m_state.sessionId = *actions.enrollIn;
        m_state.consent = false;
        m_state.smsOptIn = false;
        m_state.pickedSkills.clear();
        m_state.formProblem.clear();
        m_state.receipt = {};
        m_state.documentFieldsShown = !m_edit.document.empty() || !m_edit.birthDate.empty();
        forgetIdPhotos();
        open(Screen::Apply);
    }
    if (actions.toggleConsent) {
        m_state.consent = !m_state.consent;
        if (m_state.consent && m_state.formProblem == tr(m_state.language, Msg::ProblemConsent))
            m_state.formProblem.clear();
    }
    if (actions.toggleSms) m_state.smsOptIn = !m_state.smsOptIn;
    if (actions.toggleSkill) {
        auto& picked = m_state.pickedSkills;
        if (auto it = std::find(picked.begin(), picked.end(), *actions.toggleSkill); it != picked.end()) picked.erase(it);
        else picked.push_back(*actions.toggleSkill);
    }
    applyIdCapture(actions);
    if (actions.review) reviewForm();
    if (actions.send) sendForm();
    if (actions.syncNow && m_syncNow) m_syncNow();
    if (actions.moreJobs && !m_state.moreJobsLoading && m_state.jobs.value && m_state.jobs.value->next) {
        // The list goes on as far as the person scrolls: the next page joins the rows already there.
        m_state.moreJobsLoading = true;
        const uint64_t request = m_state.jobs.request;
        m_catalog.nextJobs({.text = m_edit.search, .filters = m_state.filters, .after = m_state.jobs.value->next,
                            .limit = 200, .withFacets = false},
                           [this, request](Expected<store::JobPage> page) {
                               if (m_state.jobs.request != request || !m_state.jobs.value) return;  // a new search since
                               m_state.moreJobsLoading = false;
                               if (!page) {
                                   logLoadError("more jobs", page.error());
                                   return;
                               }
                               auto& rows = m_state.jobs.value->jobs;
                               rows.insert(rows.end(), std::make_move_iterator(page->jobs.begin()),
                                           std::make_move_iterator(page->jobs.end()));
                               m_state.jobs.value->next = page->next;
                           });
    }
    if (actions.toggleAudio) m_state.audioGuidance = !m_state.audioGuidance;
    if (actions.courseFilter) m_state.courseFilter = *actions.courseFilter;
    if (actions.callClerk && !m_state.clerkCalled.loading && !m_state.clerkCalled.value) {
        const uint64_t request = m_state.clerkCalled.start();
        m_catalog.callClerk(languageCode(m_state.language), [this, request](Expected<std::string> called) {
            if (!called) logLoadError("a clerk call", called.error());
            m_state.clerkCalled.accept(request, std::move(called));
        });
    }
    if (actions.scanQr && m_scanner && !m_state.scan.loading) {
        const uint64_t request = m_state.scan.start();
        m_scanner([this, request](Expected<std::string> code) {
            if (m_state.screen != Screen::Status || !m_state.scan.accept(request, code) || !code) return;
            // The code read is checked at once, as if it had been typed and "Check" touched.
            m_edit.referenceCode = *code;
            Actions check;
            check.checkStatus = true;
            apply(check);
        });
    }
    if (actions.checkStatus) {
        const uint64_t request = m_state.status.start();
        m_state.status.value.reset();
        m_state.statusOffline = false;
        const std::string code = m_edit.referenceCode;
        auto local = [this, request, code](bool officeUnreachable) {
            m_catalog.lookUpReference(code, [this, request, officeUnreachable](Expected<store::StatusAnswer> result) {
                if (m_state.status.accept(request, std::move(result))) m_state.statusOffline = officeUnreachable;
            });
        };
        if (!m_remoteStatus) {
            local(false);
        } else {
            // The office first: its answer holds what a caseworker decided, wherever the person applied.
            m_remoteStatus(code, [this, request, local](Expected<std::optional<store::StatusAnswer>> office) {
                if (request != m_state.status.request) return;  // a newer check, or the person left
                if (office && *office) {
                    m_state.status.accept(request, **office);
                    return;
                }
                if (!office) logLoadError("the office's answer", office.error());
                local(!office);
            });
        }
    }
}

void KioskController::deliveryProgressed() {
    // The office may have taken the call for a clerk: say who is coming.
    if (m_state.clerkCalled.value && m_state.clerkComing.empty()) {
        m_catalog.whoIsComing(*m_state.clerkCalled.value, [this, call = *m_state.clerkCalled.value](Expected<std::string> who) {
            if (!who || who->empty() || !m_state.clerkCalled.value || *m_state.clerkCalled.value != call) return;
            m_state.clerkComing = *who;
            if (m_narrator && m_state.audioGuidance)
                m_narrator->say(clerkComingText(m_state.language, *who), m_state.language);
        });
    }
    // An empty list (the kiosk's first catalog had not arrived, or not the part that matches) fills
    // by itself; a list with jobs is left alone while the person reads it.
    if (m_state.screen == Screen::Jobs && m_state.jobs.value && m_state.jobs.value->jobs.empty() && !m_state.jobs.loading)
        requestSearch();
    if (m_state.screen != Screen::Receipt || !m_state.receipt.value || m_state.receiptDelivered) return;
    const std::string code = m_state.receipt.value->referenceCode;
    m_catalog.lookUpReference(code, [this, code](Expected<store::StatusAnswer> answer) {
        // The person may have finished, or another receipt may be on screen by now.
        if (!answer || !answer->delivered || !m_state.receipt.value || m_state.receipt.value->referenceCode != code)
            return;
        m_state.receiptDelivered = true;
        m_state.receipt.value->status = answer->status;
        m_state.receipt.value->waitlistPosition = answer->waitlistPosition;
    });
}

namespace {

// A code read one character at a time, so it can be written down: "X H J, N 3 U".
std::string spelled(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (c == '-') out += ",";
        else out += std::string(out.empty() ? "" : " ") + c;
    }
    return out;
}

}  // namespace

void KioskController::navigate(const std::vector<WidgetInfo>& lastFrame) {
    auto pressed = [](ImGuiKey_ key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); };
    const bool next = pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_RightArrow);
    const bool previous = pressed(ImGuiKey_UpArrow) || pressed(ImGuiKey_LeftArrow);
    const bool enter = pressed(ImGuiKey_Enter) && m_navIndex >= 0;
    const bool escape = pressed(ImGuiKey_Escape);
    if (m_state.screen != m_navScreen || m_state.attract) {  // a new screen: focus starts again at its top
        m_navIndex = -1;
        m_navLabel.clear();
        m_navRectMin.reset();
        m_navScreen = m_state.screen;
    }
    if (escape) {
        Actions back;
        back.back = m_state.screen != Screen::Home;
        if (back.back) apply(back);
        return;
    }
    if (!next && !previous && !enter) return;
    std::vector<const WidgetInfo*> targets;
    for (const auto& w : lastFrame)
        if ((w.kind == WidgetKind::Button || w.kind == WidgetKind::Input) && w.enabled && w.w > 0 && w.h > 0) targets.push_back(&w);
    if (targets.empty()) return;
    // Find where the focus was in this frame's targets (the list may have shifted under it).
    int at = -1;
    for (int i = 0; i < static_cast<int>(targets.size()); ++i)
        if (targets[i]->label == m_navLabel && (at < 0 || std::abs(i - m_navIndex) < std::abs(at - m_navIndex))) at = i;
    if (enter) {
        if (at >= 0) m_navTap = ImVec2(targets[at]->x + targets[at]->w / 2, targets[at]->y + targets[at]->h / 2);
        return;
    }
    const int n = static_cast<int>(targets.size());
    at = at < 0 ? (next ? 0 : n - 1) : (at + (next ? 1 : n - 1)) % n;
    m_navIndex = at;
    m_navLabel = targets[at]->label;
    m_navRectMin = ImVec2(targets[at]->x, targets[at]->y);
    m_navRectMax = ImVec2(targets[at]->x + targets[at]->w, targets[at]->y + targets[at]->h);
    m_state.audioGuidance = true;  // someone navigating by keys needs to hear where they are
    m_audioWasOn = true;           // and only this, not the screen again
    if (m_narrator)
        m_narrator->say(m_navLabel + ", " + tr(m_state.language, targets[at]->kind == WidgetKind::Input ? Msg::SpeakField : Msg::SpeakButton),
                        m_state.language);
}

std::string KioskController::screenSpeech() const {
    const Language l = m_state.language;
    const Msg title = m_state.screen == Screen::Apply && m_state.formFor == KioskState::FormFor::Session
                          ? Msg::EnrollTitle
                          : viewFor(m_state.screen).title;
    std::string text = std::string(tr(l, title)) + ". ";
    switch (m_state.screen) {
        case Screen::Home:
            text += std::string(tr(l, Msg::HomeInstruction)) + ". ";
            break;
        case Screen::Jobs:
            if (m_state.jobs.value && m_state.jobs.value->catalogEmpty)
                text += std::string(tr(l, emptyCatalogMsg(m_state.delivery.state))) + " ";
            else if (m_state.jobs.value)
                text += trfSpoken(l, Msg::JobsFound, m_state.jobs.value->totalMatches) + ". ";
            break;
        case Screen::Courses:
            if (m_state.courses.value)
                text += trfSpoken(l, Msg::CoursesFound,
                            static_cast<long long>(core::matchingCourses(*m_state.courses.value, m_state.courseFilter).size())) + ". ";
            break;
        case Screen::JobDetail:
            if (m_state.job.value) text += m_state.job.value->title + ". " + m_state.job.value->employer + ". " + m_state.job.value->city + ". ";
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
            if (!m_state.formProblem.empty()) text += m_state.formProblem + " ";
            break;
        case Screen::Receipt:
            if (m_state.receipt.value) {
                text += std::string(tr(l, m_state.formFor == KioskState::FormFor::Job ? Msg::ReceiptApplied : Msg::ReceiptEnrolled)) + " ";
                text += std::string(tr(l, Msg::SpeakCode)) + ": " + spelled(m_state.receipt.value->referenceCode) + ". ";
            }
            break;
        case Screen::Help:
            text += std::string(tr(l, Msg::HelpBody)) + " " + tr(l, Msg::HelpClerk);
            break;
        case Screen::IdCapture:
            text += idCaptureSpeech();
            break;
        default:
            break;
    }
    return text;
}

void KioskController::narrate(bool listen) {
    if (!m_narrator) return;
    const bool on = m_state.audioGuidance;
    if (!on && m_audioWasOn) m_narrator->stop();
    const bool arrived = m_state.screen != m_spokenScreen || m_state.language != m_spokenLanguage || (on && !m_audioWasOn);
    const int64_t count = m_state.screen == Screen::Jobs && m_state.jobs.value && !m_state.jobs.value->catalogEmpty
                              ? m_state.jobs.value->totalMatches
                              : -1;
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

std::string* KioskController::bufferFor(FieldId id) {
    switch (id) {
        case FieldId::Search: return &m_edit.search;
        case FieldId::Name: return &m_edit.name;
        case FieldId::Phone: return &m_edit.phone;
        case FieldId::Email: return &m_edit.email;
        case FieldId::Note: return &m_edit.note;
        case FieldId::Code: return &m_edit.referenceCode;
        case FieldId::Document: return &m_edit.document;
        case FieldId::BirthDate: return &m_edit.birthDate;
        case FieldId::None: break;
    }
    return nullptr;
}

// Names get a capital at the start of each word without a shift key: "нино" -> "Нино".
std::string KioskController::keyFor(const std::string& buffer, const std::string& key) const {
    if (m_state.typingInto != FieldId::Name) return key;
    if (!buffer.empty() && buffer.back() != ' ' && buffer.back() != '-') return key;
    std::vector<char32_t> cps;
    if (!utf8::decode(key, cps) || cps.size() != 1) return key;
    char32_t c = cps[0];
    if (c >= 'a' && c <= 'z') c -= 0x20;
    else if (c >= 0x430 && c <= 0x44F) c -= 0x20;  // а-я
    else if (c >= 0x450 && c <= 0x45F) c -= 0x50;  // ё, і, ў ...
    std::string out;
    utf8::append(out, c);
    return out;
}

// Checks what a person can fix before anything is written (the store checks again), then shows
// them what will be sent.
void KioskController::reviewForm() {
    const Language l = m_state.language;
    size_t digits = 0;
    for (char c : m_edit.phone) digits += c >= '0' && c <= '9';
    if (m_edit.name.find_first_not_of(' ') == std::string::npos) m_state.formProblem = tr(l, Msg::ProblemName);
    else if (digits < 6 || digits > 15) m_state.formProblem = tr(l, Msg::ProblemPhone);
    else if (!m_edit.email.empty() && m_edit.email.find('@') == std::string::npos)
        m_state.formProblem = tr(l, Msg::ProblemEmail);
    else if (!store::checkDocument({.documentNumber = m_edit.document}))
        m_state.formProblem = tr(l, Msg::ProblemDocument);
    else if (!store::checkDocument({.birthDate = m_edit.birthDate}))
        m_state.formProblem = tr(l, Msg::ProblemBirthDate);
    else if (!m_state.consent) m_state.formProblem = tr(l, Msg::ProblemConsent);
    else m_state.formProblem.clear();
    m_state.formProblemIsNew = !m_state.formProblem.empty();
    if (m_state.formProblem.empty()) open(Screen::Review);
}

void KioskController::sendForm() {
    if (m_state.receipt.loading) return;  // a second touch while saving sends nothing twice
    const bool forJob = m_state.formFor == KioskState::FormFor::Job;
    store::Profile person{.name = m_edit.name, .phone = m_edit.phone, .email = m_edit.email,
                          .documentNumber = forJob ? m_edit.document : "", .birthDate = forJob ? m_edit.birthDate : "",
                          .skills = m_state.pickedSkills, .language = languageCode(m_state.language)};
    const uint64_t request = m_state.receipt.start();
    m_state.receiptDelivered = false;
    auto done = [this, request](Expected<store::ActionReceipt> result) {
        if (!result) {
            logLoadError("the form (not saved)", result.error());
            m_state.formProblem = tr(m_state.language, Msg::ProblemSave);
            m_state.formProblemIsNew = true;
        }
        if (!m_state.receipt.accept(request, std::move(result)) || !m_state.receipt.value) return;
        // The form's text is not needed any more: forget it now, not at the idle reset.
        m_edit.name.clear();
        m_edit.phone.clear();
        m_edit.email.clear();
        m_edit.note.clear();
        m_edit.document.clear();
        m_edit.birthDate.clear();
        forgetIdPhotos();
        m_state.pickedSkills.clear();
        m_state.history.clear();  // "Back" must not lead into the sent form
        m_state.screen = Screen::Receipt;
    };
    if (m_state.formFor == KioskState::FormFor::Job && m_state.job.value)
        m_catalog.submitApplication({.jobId = m_state.job.value->id, .person = person, .note = m_edit.note,
                                     .consent = true, .smsOptIn = m_state.smsOptIn, .idPhoto = m_idPhoto},
                                    done);
    else
        m_catalog.requestEnrollment(
            {.sessionId = m_state.sessionId, .person = person, .consent = true, .smsOptIn = m_state.smsOptIn}, done);
}

bool KioskController::sessionActive() const {
    return m_state.screen != Screen::Home || !m_state.history.empty() || m_state.language != m_siteLanguage ||
           m_state.filters.any() || m_state.courseFilter.any() || m_state.textSize != 0 || m_state.highContrast ||
           m_state.audioGuidance ||
           !m_edit.search.empty() || !m_edit.name.empty() || !m_edit.phone.empty() || !m_edit.email.empty() ||
           !m_edit.note.empty() || !m_edit.referenceCode.empty() || !m_edit.document.empty() ||
           !m_edit.birthDate.empty() || m_idCameraOn || !m_idPhoto.empty() || !m_readPhoto.empty();
}

void KioskController::wipeSession() {
    m_countedSearch.clear();
    if (m_narrator) m_narrator->stop();  // and forgets: nothing of the person is said or kept
    forgetIdPhotos();
    m_edit = EditBuffers{};
    KioskState fresh;
    fresh.language = m_siteLanguage;
    fresh.delivery = m_state.delivery;  // the kiosk's, not the person's
    // Answers still on their way are dropped by their request numbers, which keep counting.
    fresh.jobs.request = m_state.jobs.request + 1;
    fresh.job.request = m_state.job.request + 1;
    fresh.jobCourses.request = m_state.jobCourses.request + 1;
    fresh.courses.request = m_state.courses.request + 1;
    fresh.course.request = m_state.course.request + 1;
    fresh.courseJobs.request = m_state.courseJobs.request + 1;
    fresh.receipt.request = m_state.receipt.request + 1;
    fresh.status.request = m_state.status.request + 1;
    fresh.clerkCalled.request = m_state.clerkCalled.request + 1;
    fresh.scan.request = m_state.scan.request + 1;
    fresh.canScan = m_state.canScan;  // the kiosk's camera, not the person's
    fresh.canReadId = m_state.canReadId;
    m_state = std::move(fresh);
    ImGui::SetClipboardText("");
    ImGui::ClearActiveID();
}

bool KioskController::updateIdle(double idleSeconds, int timeoutSeconds) {
    if (!sessionActive()) {
        bool changed = m_state.idleWarning;
        m_state.idleWarning = false;
        // Only up here: a touch takes it down (dismissAttract).
        if (!m_state.attract && idleSeconds >= m_attractSeconds) {
            m_state.attract = true;
            changed = true;
        }
        return changed;
    }
    if (idleSeconds >= timeoutSeconds) {
        wipeSession();
        return true;
    }
    const double warnFrom = timeoutSeconds - std::min(kWarningSeconds, timeoutSeconds / 3);
    const bool warn = idleSeconds >= warnFrom;
    const int left = static_cast<int>(std::ceil(timeoutSeconds - idleSeconds));
    const bool changed = warn != m_state.idleWarning || (warn && left != m_state.idleSecondsLeft);
    m_state.idleWarning = warn;
    m_state.idleSecondsLeft = left;
    return changed;
}

double KioskController::secondsUntilIdleEvent(double idleSeconds, int timeoutSeconds) const {
    if (!sessionActive()) return m_state.attract ? -1 : std::max(0.0, m_attractSeconds - idleSeconds);
    const double warnFrom = timeoutSeconds - std::min(kWarningSeconds, timeoutSeconds / 3);
    if (idleSeconds < warnFrom) return warnFrom - idleSeconds;
    // During the warning: wake for each second of the countdown.
    const double untilReset = timeoutSeconds - idleSeconds;
    return std::max(0.0, untilReset - std::floor(untilReset));
}

void KioskController::open(Screen screen) {
    if (screen == m_state.screen) return;
    m_state.history.push_back(m_state.screen);
    m_state.screen = screen;
    m_state.keyboardShown = false;
    // Typing goes to the search box on Jobs (from a physical keyboard); elsewhere a field is touched first.
    m_state.typingInto = screen == Screen::Jobs ? FieldId::Search : FieldId::None;
    if (screen == Screen::Jobs) {
        requestSearch();
    } else if (screen == Screen::Courses) {
        const uint64_t request = m_state.courses.start();
        m_catalog.listCourses([this, request](Expected<std::vector<store::CourseRecord>> result) {
            if (!result) logLoadError("the courses", result.error());
            m_state.courses.accept(request, std::move(result));
        });
    }
}

void KioskController::requestSearch() {
    // For the reports, typing "ju", "jun", "junior" is one search: a new one starts when the
    // text is no longer a continuation (or a shortening) of the last one counted.
    const std::string& text = m_edit.search;
    const bool continues = !m_countedSearch.empty() && (text.starts_with(m_countedSearch) || m_countedSearch.starts_with(text));
    if (!text.empty() && !continues)
        m_catalog.countEvent("searches", {std::string("lang=") + languageCode(m_state.language)});
    if (!text.empty()) m_countedSearch = text;
    // Searches coalesce on the worker too; here an answer overtaken by newer typing is dropped.
    m_state.moreJobsLoading = false;
    const uint64_t request = m_state.jobs.start();
    m_catalog.searchJobs({.text = m_edit.search, .filters = m_state.filters, .limit = 200},
                         [this, request](Expected<store::JobPage> result) {
        if (!result) logLoadError("the jobs", result.error());
        m_state.jobs.accept(request, std::move(result));
    });
}

}  // namespace dc::ui
