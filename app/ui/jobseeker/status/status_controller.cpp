#include "app/ui/jobseeker/status/status_controller.hpp"

#include "app/ui/jobseeker/status_words.hpp"

namespace dc::ui {

void StatusController::apply(const StatusActions& actions) {
    if (actions.callClerk) callClerk();
    if (actions.scanQr) scan();
    if (actions.checkStatus) check();
}

void StatusController::callClerk() {
    StatusState& s = m_session.state;
    if (s.clerkCalled.loading || s.clerkCalled.value) return;  // one call per session
    const uint64_t request = s.clerkCalled.start();
    m_services.callClerk(languageCode(m_session.language()), m_session.guard([this, request](Expected<std::string> called) {
        if (!called) logLoadError("a clerk call", called.error());
        m_session.state.clerkCalled.accept(request, std::move(called));
    }));
}

void StatusController::scan() {
    StatusState& s = m_session.state;
    if (!m_scanner || s.scan.loading) return;
    const uint64_t request = s.scan.start();
    m_scanner(m_session.guard([this, request](Expected<std::string> code) {
        if (m_session.state.screen != Screen::Status || !m_session.state.scan.accept(request, code) || !code) return;
        // The code read is checked at once, as if it had been typed and "Check" touched.
        m_session.edit.referenceCode = *code;
        check();
    }));
}

void StatusController::check() {
    StatusState& s = m_session.state;
    const uint64_t request = s.status.start();
    s.status.value.reset();
    s.statusOffline = false;
    const std::string code = m_session.edit.referenceCode;
    auto local = [this, request, code](bool officeUnreachable) {
        m_services.lookUpReference(code,
                                   m_session.guard([this, request, officeUnreachable](Expected<domain::StatusAnswer> result) {
                                       if (m_session.state.status.accept(request, std::move(result)))
                                           m_session.state.statusOffline = officeUnreachable;
                                   }));
    };
    if (!m_remote) {
        local(false);
        return;
    }
    m_remote(code, m_session.guard([this, request, local](Expected<std::optional<domain::StatusAnswer>> office) {
        StatusState& st = m_session.state;
        if (request != st.status.request) return;  // a newer check
        if (office && *office) {
            st.status.accept(request, **office);
            return;
        }
        if (!office) logLoadError("the office's answer", office.error());
        local(!office);
    }));
}

void StatusController::deliveryProgressed() {
    const StatusState& s = m_session.state;
    if (!s.clerkCalled.value || !s.clerkComing.empty()) return;
    const std::string call = *s.clerkCalled.value;
    m_services.whoIsComing(call, m_session.guard([this, call](Expected<std::string> who) {
        StatusState& st = m_session.state;
        if (!who || who->empty() || !st.clerkCalled.value || *st.clerkCalled.value != call) return;
        st.clerkComing = *who;
        if (m_narrator && m_session.state.audioGuidance)
            m_narrator->say(clerkComingText(m_session.language(), *who), m_session.language());
    }));
}

}  // namespace dc::ui
