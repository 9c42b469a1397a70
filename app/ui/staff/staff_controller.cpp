#include "app/ui/staff/staff_controller.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "app/ui/jobseeker/status_words.hpp"
#include "domain/person.hpp"
#include "app/ui/kit/screen_frame.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {

const char* staffScreenName(StaffScreen screen) {
    switch (screen) {
        case StaffScreen::None: return "none";
        case StaffScreen::Pin: return "staff-pin";
        case StaffScreen::Clerk: return "clerk";
        case StaffScreen::Register: return "clerk-register";
        case StaffScreen::Technician: return "technician";
        case StaffScreen::TouchTest: return "technician-touch-test";
    }
    return "unknown";
}

void StaffController::openPin(domain::PinRole role) {
    signOut();
    m_state.role = role;
    m_state.screen = StaffScreen::Pin;
}

bool StaffController::watchCorner(double now) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return false;
    if (io.MousePos.x < 0 || io.MousePos.x > kCornerPixels || io.MousePos.y < 0 || io.MousePos.y > kCornerPixels) {
        m_cornerTaps.clear();
        return false;
    }
    m_cornerTaps.push_back(now);
    std::erase_if(m_cornerTaps, [&](double t) { return now - t > kCornerWindowSeconds; });
    if (static_cast<int>(m_cornerTaps.size()) < kCornerTaps) return false;
    m_cornerTaps.clear();
    return true;
}

void StaffController::signOut() {
    // Nothing typed stays in memory: the PIN and the registration form are wiped, not just cleared.
    for (std::string* s : {&m_state.pin, &m_state.name, &m_state.phone, &m_state.document, &m_state.birthDate})
        if (!s->empty()) sodium_memzero(s->data(), s->size());
    const DeliveryInfo delivery = m_state.delivery;
    m_state = StaffState{};
    m_state.delivery = delivery;
}

void StaffController::deliveryProgressed() {
    if (m_state.screen == StaffScreen::Clerk) refreshClerkLists();
    // The technician sees the queue, the state and a new device id (after "Enroll again") change.
    if (m_state.screen == StaffScreen::Technician) refreshDiagnostics();
}

void StaffController::refreshDiagnostics() {
    const uint64_t request = m_state.diagnostics.start();
    m_services.diagnostics([this, request](auto report) { m_state.diagnostics.accept(request, std::move(report)); });
}

void StaffController::refreshClerkLists() {
    const uint64_t todayRequest = m_state.today.start();
    m_services.todaysActions([this, todayRequest](auto rows) { m_state.today.accept(todayRequest, std::move(rows)); });
    const uint64_t asideRequest = m_state.setAside.start();
    m_services.setAside([this, asideRequest](auto rows) { m_state.setAside.accept(asideRequest, std::move(rows)); });
}

void StaffController::open(StaffScreen screen) {
    m_state.screen = screen;
    m_state.notice.clear();
    m_state.confirmingStop = false;
    m_state.typingInto = FieldId::None;
    m_state.keyboardShown = false;
    if (screen == StaffScreen::Clerk) refreshClerkLists();
    if (screen == StaffScreen::Technician) refreshDiagnostics();
    if (screen == StaffScreen::TouchTest) m_state.touched.assign(12, false);
    if (screen == StaffScreen::Register) m_state.idReading = {};
}

void StaffController::submitPin() {
    if (m_state.pinChecking || m_state.pin.empty()) return;
    m_state.pinChecking = true;
    m_state.pinMessage = Msg::PinChecking;
    std::string pin = m_state.pin;
    sodium_memzero(m_state.pin.data(), m_state.pin.size());
    m_state.pin.clear();
    const domain::PinRole role = m_state.role;
    m_services.tryPin(role, std::move(pin), [this, role](Expected<domain::PinAttempt> attempt) {
        if (m_state.screen != StaffScreen::Pin || m_state.role != role) return;  // cancelled meanwhile
        m_state.pinChecking = false;
        if (!attempt) {
            m_state.pinMessage = Msg::PinNotSet;
            return;
        }
        if (attempt->granted) {
            m_state.pinMessage.reset();
            open(role == domain::PinRole::Clerk ? StaffScreen::Clerk : StaffScreen::Technician);
        } else if (attempt->lockedForSeconds > 0) {
            m_state.pinMessage = Msg::PinLocked;
            m_state.lockedSeconds = static_cast<int>(std::ceil(attempt->lockedForSeconds));
        } else {
            m_state.pinMessage = Msg::PinWrong;
        }
    });
}

void StaffController::submitRegistration(Language language) {
    m_state.problem.reset();
    // One rule per field, the same the kiosk's form, the store and the office's server keep.
    const domain::Profile typed{
        .name = m_state.name, .phone = m_state.phone, .documentNumber = m_state.document, .birthDate = m_state.birthDate};
    if (const auto problem = domain::firstProblem(typed))
        m_state.problem = problemMsg(*problem);
    else if (!m_state.consent)
        m_state.problem = Msg::ProblemConsent;
    if (m_state.problem) return;
    domain::RegistrationDraft draft;
    draft.person.name = m_state.name;
    draft.person.phone = m_state.phone;
    draft.person.documentNumber = m_state.document;
    draft.person.birthDate = m_state.birthDate;
    draft.person.language = languageCode(language);
    draft.consent = true;
    // The picture goes with the number it shows: not when the clerk has typed another one.
    if (m_state.idReading.value && m_state.idReading.value->documentNumber == m_state.document)
        draft.idPhoto = m_state.idReading.value->photo;
    const uint64_t request = m_state.registered.start();
    m_services.registerJobseeker(std::move(draft), [this, request](Expected<domain::ActionReceipt> receipt) {
        if (!receipt) {
            m_state.problem = Msg::ProblemSave;  // the fields passed the store's checks above
            m_state.registered = {};
            return;
        }
        if (!m_state.registered.accept(request, std::move(receipt))) return;
        // The person's details leave the screen once they are saved; the code stays for the receipt.
        for (std::string* s : {&m_state.name, &m_state.phone, &m_state.document, &m_state.birthDate}) {
            if (!s->empty()) sodium_memzero(s->data(), s->size());
            s->clear();
        }
        m_state.consent = false;
        m_state.typingInto = FieldId::None;
        m_state.keyboardShown = false;
    });
}

std::string* StaffController::bufferFor(FieldId id) {
    switch (id) {
        case FieldId::Name: return &m_state.name;
        case FieldId::Phone: return &m_state.phone;
        case FieldId::Document: return &m_state.document;
        case FieldId::BirthDate: return &m_state.birthDate;
        default: return nullptr;
    }
}

void StaffController::drawFrame(UiContext& ctx) {
    beginScreenWindow("##staff");
    StaffActions actions;
    Msg title = Msg::ClerkTitle;
    switch (m_state.screen) {
        case StaffScreen::Pin:
            title = m_state.role == domain::PinRole::Clerk ? Msg::ClerkSignInTitle : Msg::TechnicianSignInTitle;
            break;
        case StaffScreen::Register: title = Msg::RegisterJobseeker; break;
        case StaffScreen::Technician: title = Msg::TechnicianTitle; break;
        case StaffScreen::TouchTest: title = Msg::TestTouch; break;
        default: break;
    }
    NavigationInput header;
    drawHeader(ctx, ctx.t(title), true, header);
    if (header.back) actions.back = true;
    if (header.home) actions.signOut = true;
    switch (m_state.screen) {
        case StaffScreen::Pin: drawStaffPin(ctx, m_state, actions); break;
        case StaffScreen::Clerk: drawClerk(ctx, m_state, actions); break;
        case StaffScreen::Register: drawRegister(ctx, m_state, actions); break;
        case StaffScreen::Technician: drawTechnician(ctx, m_state, actions); break;
        case StaffScreen::TouchTest: drawTouchTest(ctx, m_state, actions); break;
        case StaffScreen::None: break;
    }
    ImGui::End();
    apply(actions, ctx.language);
}

void StaffController::apply(const StaffActions& a, Language language) {
    if (a.askStop || a.cancelStop) {
        m_state.confirmingStop = a.askStop;
        return;
    }
    if (a.signOut || a.stopKiosk) {
        if (a.stopKiosk) m_services.stopKiosk();
        signOut();
        return;
    }
    if (a.back) {
        switch (m_state.screen) {
            case StaffScreen::Register: open(StaffScreen::Clerk); return;
            case StaffScreen::TouchTest: open(StaffScreen::Technician); return;
            default: signOut(); return;
        }
    }
    if (a.open) open(*a.open);
    if (m_state.screen == StaffScreen::Pin) {
        if (!a.pinKey.empty() && m_state.pin.size() < 12) m_state.pin += a.pinKey;
        if (a.pinErase && !m_state.pin.empty()) m_state.pin.pop_back();
        if (!a.pinKey.empty() || a.pinErase) m_state.pinMessage.reset();
        if (a.pinSubmit) submitPin();
    }
    if (a.syncNow) m_services.syncNow();
    if (a.print) {
        m_state.notice = ":printing";
        m_services.printReceipt(*a.print, language, [this, language](Expected<bool> printed) {
            m_state.notice = printed ? tr(language, Msg::Printed) : tr(language, Msg::PrintFailed);
        });
    }
    applyRegistration(a, language);
    applyTechnicianTools(a, language);
    if (a.touchedSquare && *a.touchedSquare >= 0 && *a.touchedSquare < static_cast<int>(m_state.touched.size()))
        m_state.touched[static_cast<size_t>(*a.touchedSquare)] = true;
}

// The clerk's registration form and its keyboard, typed as every form is (kit/typing.hpp).
void StaffController::applyRegistration(const StaffActions& a, Language language) {
    applyTyping(m_state, a, language, [this](FieldId id) { return bufferFor(id); });
    if (a.toggleConsent) m_state.consent = !m_state.consent;
    if (a.readId && !m_state.idReading.loading) {
        const uint64_t request = m_state.idReading.start();
        m_services.readIdDocument([this, request](Expected<IdReading> read) {
            if (m_state.screen != StaffScreen::Register || !m_state.idReading.accept(request, read) || !read) return;
            // What the document says fills the form; the clerk checks it with the person.
            m_state.name = read->name;
            m_state.document = read->documentNumber;
            if (!read->birthDate.empty()) m_state.birthDate = read->birthDate;
            m_state.problem.reset();
        });
    }
    if (a.registerPerson) submitRegistration(language);
    if (a.registerAnother) {
        m_state.registered = {};
        m_state.idReading = {};
        m_state.problem.reset();
    }
}

// The technician's tools: each answers in a notice on the screen.
void StaffController::applyTechnicianTools(const StaffActions& a, Language language) {
    if (a.checkNetwork) {
        const uint64_t request = m_state.network.start();
        m_state.networkChecked = true;
        m_services.checkNetwork([this, request](auto steps) { m_state.network.accept(request, std::move(steps)); });
    }
    if (a.testPrinter) {
        m_state.notice = ":printing";
        m_services.testPrinter([this, language](Expected<bool> printed) {
            m_state.notice = printed ? tr(language, Msg::Printed)
                                     : tr(language, Msg::PrintFailed) + std::string(" (") + printed.error().message() + ")";
        });
    }
    if (a.testAudio) m_services.testAudio(language);
    if (a.testCamera) {
        m_state.notice = ":working";
        m_services.testCamera([this](Expected<std::string> seen) { m_state.notice = seen ? *seen : seen.error().message(); });
    }
    if (a.exportBundle) {
        m_state.notice = ":working";
        m_services.exportDiagnostics([this, language](Expected<std::string> file) {
            m_state.notice = file ? tr(language, Msg::ExportDone) + std::string(" ") + *file
                                  : tr(language, Msg::ExportFailed) + std::string(" ") + file.error().message();
        });
    }
    if (a.reenroll) {
        m_state.notice = ":working";
        m_services.reenroll([this, language](Expected<bool> started) {
            m_state.notice = started ? tr(language, Msg::ReenrollStarted)
                                     : tr(language, Msg::ReenrollFailed) + std::string(" ") + started.error().message();
        });
    }
}

}  // namespace dc::ui
