#pragma once
// One person's session at the kiosk: the state the screens are drawn from, the text they typed,
// the screen stack, and the session's epoch. Every answer a feature asks for is guarded by the
// epoch it was asked in, so an answer still on its way when the person walks away never lands in
// the next person's session, whatever new request a feature adds. No ImGui here: the feature
// controllers' unit tests drive a Session directly.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

#include "app/ui/jobseeker/kiosk_state.hpp"
#include "common/error.hpp"

namespace dc::ui {

class Session {
public:
    explicit Session(Language siteLanguage) : m_siteLanguage(siteLanguage) { state.language = siteLanguage; }

    KioskState state;
    EditBuffers edit;

    Language language() const { return state.language; }
    Language siteLanguage() const { return m_siteLanguage; }
    void setSiteLanguage(Language language) { m_siteLanguage = language; }
    uint64_t epoch() const { return m_epoch; }

    // Wraps an answer's callback: it runs only if the session it was asked in is still going.
    template <class F>
    auto guard(F callback) {
        return [this, epoch = m_epoch, callback = std::move(callback)](auto&&... args) mutable {
            if (epoch == m_epoch) callback(std::forward<decltype(args)>(args)...);
        };
    }

    // Shows `screen` with the current one on the stack "Back" returns to; then `onOpen` lets the
    // features load what the screen shows.
    void open(Screen screen) {
        if (screen == state.screen) return;
        state.history.push_back(state.screen);
        state.screen = screen;
        state.keyboardShown = false;
        // Typing goes to the search box on Jobs (from a physical keyboard); elsewhere a field is touched first.
        state.typingInto = screen == Screen::Jobs ? FieldId::Search : FieldId::None;
        if (onOpen) onOpen(screen);
    }
    // Back to the last screen of the stack that is `screen` (the stack above it dropped).
    void returnTo(Screen screen) {
        while (!state.history.empty() && state.screen != screen) {
            state.screen = state.history.back();
            state.history.pop_back();
        }
    }
    std::function<void(Screen)> onOpen;

    // Forgets the person: every field, choice and answer; the site's language; a new epoch.
    // What belongs to the kiosk (its delivery state, its camera) stays.
    void wipe() {
        KioskState fresh;
        fresh.language = m_siteLanguage;
        fresh.delivery = state.delivery;
        fresh.canScan = state.canScan;
        fresh.canReadId = state.canReadId;
        state = std::move(fresh);
        edit = EditBuffers{};
        ++m_epoch;
    }

private:
    Language m_siteLanguage;
    uint64_t m_epoch = 1;
};

// People see a plain sentence from the catalog; the technical reason goes to the log.
void logLoadError(const char* what, const Error& error);

}  // namespace dc::ui
