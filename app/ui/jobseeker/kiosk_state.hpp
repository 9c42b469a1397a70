#pragma once
// The jobseeker's screens' model: the shell's part (which screen, the screen stack, typing, the
// person's display choices, idle) and one part per feature, each in its folder with the actions
// its views may ask for. Only the UI thread reads or writes it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ui/jobseeker/apply/form_state.hpp"
#include "app/ui/jobseeker/courses/courses_state.hpp"
#include "app/ui/jobseeker/id_capture/id_capture_state.hpp"
#include "app/ui/jobseeker/jobs/jobs_state.hpp"
#include "app/ui/jobseeker/status/status_state.hpp"
#include "app/ui/kit/delivery_info.hpp"
#include "app/ui/kit/i18n.hpp"
#include "app/ui/kit/loadable.hpp"
#include "app/ui/kit/screen_frame.hpp"
#include "app/ui/kit/typing.hpp"

namespace dc::ui {

enum class Screen { Home, Jobs, JobDetail, Courses, CourseDetail, Apply, Review, Receipt, Status, Language, Help, IdCapture };
const char* screenName(Screen screen);

// The shell's part: the screen stack, typing, how the person wants to see and hear it, idle.
struct ShellState : TypingState {
    Screen screen = Screen::Home;
    std::vector<Screen> history;  // screens "Back" returns to
    Language language = Language::English;
    int textSize = 0;  // index into kTextScales: 100%, 135%, 170%
    bool highContrast = false;
    bool attract = false;  // the kiosk is at rest: the attract screen is up
    bool audioGuidance = false;  // speak each screen, counts and the idle countdown
    DeliveryInfo delivery;
    // Idle reset: the warning shows from `idleWarningAt` on, the wipe happens at `idleResetAt`.
    bool idleWarning = false;
    int idleSecondsLeft = 0;
};

struct KioskState : ShellState, JobsState, CoursesState, FormState, StatusState, IdCaptureState {
    using FormFor = FormState::FormFor;
};

// Text fields own their text while a person types; views get them mutable, nothing else.
struct EditBuffers {
    std::string search;
    std::string name, phone, email, note;
    std::string document, birthDate;  // optional, typed or read from the ID document
    std::string referenceCode;
};

struct ShellActions : TypingInput, NavigationInput {
    std::optional<Screen> open;
    std::optional<Language> language;
    bool finish = false;  // "Finish": wipe the session now
    bool moreTime = false;  // the idle warning's "More time"
    std::optional<int> textSize;
    bool toggleContrast = false;
    bool syncNow = false;
    bool toggleAudio = false;
    bool dismissAttract = false;  // a touch on the attract screen: to Home, and nothing else
    bool staffSignIn = false;  // Help's "Staff sign-in": the clerk's PIN pad
};

// What a view asks for during a frame; the shell and the feature controllers carry it out after
// the frame is drawn, each reading its own part.
struct Actions : ShellActions, JobsActions, CoursesActions, FormActions, StatusActions, IdCaptureActions {};

}  // namespace dc::ui
