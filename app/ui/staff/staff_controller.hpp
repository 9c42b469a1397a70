#pragma once
// Clerk and technician modes: their state, how they are entered and left, and what their screens
// ask for. A clerk signs in from Help ("Staff sign-in"); a technician taps the top-left corner of
// Home five times within four seconds (nothing is there, so a jobseeker will not find it) — both
// then type their PIN. Entering either mode wipes the jobseeker's session first; leaving it, or
// the idle timeout, signs the staff member out, so no clerk screen is left open for the next person.
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "app/ui/kit/delivery_info.hpp"
#include "app/ui/kit/i18n.hpp"
#include "app/ui/kit/loadable.hpp"
#include "app/ui/kit/typing.hpp"
#include "app/ui/staff/staff_services.hpp"
#include "app/ui/kit/ui_context.hpp"

namespace dc::ui {

enum class StaffScreen { None, Pin, Clerk, Register, Technician, TouchTest };
const char* staffScreenName(StaffScreen screen);

struct StaffState : TypingState {
    StaffScreen screen = StaffScreen::None;
    domain::PinRole role = domain::PinRole::Clerk;
    std::string pin;  // digits typed so far (shown as dots)
    std::optional<Msg> pinMessage;  // wrong, locked, not set, checking
    int lockedSeconds = 0;
    bool pinChecking = false;

    Loadable<std::vector<domain::ActionRow>> today;
    Loadable<std::vector<domain::QuarantinedRecord>> setAside;
    DeliveryInfo delivery;
    std::string notice;  // the answer to the last print, export or test, in words

    // Assisted registration.
    std::string name, phone, document, birthDate;
    bool consent = false;
    std::optional<Msg> problem;
    Loadable<domain::ActionReceipt> registered;
    Loadable<IdReading> idReading;  // the camera's reading of the person's document

    Loadable<DiagnosticsReport> diagnostics;
    Loadable<std::vector<NetworkStep>> network;
    bool networkChecked = false;
    bool confirmingStop = false;  // "Stop the kiosk" was tapped once: asking before doing it
    std::vector<bool> touched;  // the touch test's squares
};

struct StaffActions : TypingInput {
    std::optional<StaffScreen> open;
    bool back = false, signOut = false;
    std::string pinKey;  // a digit
    bool pinErase = false, pinSubmit = false;
    bool syncNow = false;
    std::optional<std::string> print;  // a reference code
    bool registerPerson = false, toggleConsent = false, registerAnother = false, readId = false;
    bool checkNetwork = false, testPrinter = false, testAudio = false, testCamera = false, exportBundle = false;
    bool reenroll = false;
    bool askStop = false, cancelStop = false, stopKiosk = false;  // stopKiosk: confirmed
    std::optional<int> touchedSquare;
};

class StaffController {
public:
    explicit StaffController(StaffServices& services) : m_services(services) {}

    bool active() const { return m_state.screen != StaffScreen::None; }
    const StaffState& state() const { return m_state; }
    // Opens the PIN pad for `role` (the caller wipes the jobseeker's session first).
    void openPin(domain::PinRole role);
    // Watches the top-left corner for the technician's five taps; true when they were made.
    bool watchCorner(double nowSeconds);
    void drawFrame(UiContext& ctx);
    void signOut();
    void setDelivery(const DeliveryInfo& info) { m_state.delivery = info; }
    // Sync moved on: the clerk's lists follow.
    void deliveryProgressed();
    std::string screenName() const { return staffScreenName(m_state.screen); }

    static constexpr float kCornerPixels = 96;
    static constexpr int kCornerTaps = 5;
    static constexpr double kCornerWindowSeconds = 4;

    // Carries out what a frame's touches asked (drawFrame calls it after drawing; tests directly).
    void apply(const StaffActions& a, Language language);

private:
    void open(StaffScreen screen);
    void applyRegistration(const StaffActions& a, Language language);
    void applyTechnicianTools(const StaffActions& a, Language language);
    void refreshDiagnostics();
    void refreshClerkLists();
    void submitPin();
    void submitRegistration(Language language);
    std::string* bufferFor(FieldId id);

    StaffServices& m_services;
    StaffState m_state;
    std::vector<double> m_cornerTaps;
};

void drawStaffPin(UiContext& ctx, const StaffState& state, StaffActions& out);
void drawClerk(UiContext& ctx, const StaffState& state, StaffActions& out);
void drawRegister(UiContext& ctx, StaffState& state, StaffActions& out);
void drawTechnician(UiContext& ctx, const StaffState& state, StaffActions& out);
void drawTouchTest(UiContext& ctx, const StaffState& state, StaffActions& out);

}  // namespace dc::ui
