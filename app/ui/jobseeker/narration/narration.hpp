#pragma once
// Audio for people who cannot see the screen. Guidance speaks each screen as it arrives, counts
// as they change, what to fix, and the idle countdown; "Listen" reads the screen on request.
// Audio-nav: a keypad with arrows, Enter and Escape (and headphones): Down/Right move to the next
// button or field in reading order, Up/Left to the one before, each spoken; Enter presses it
// (the shell taps its centre); Escape goes back. The first arrow turns guidance on.
#include <optional>
#include <string>
#include <vector>

#include "app/ui/jobseeker/id_capture/id_capture_controller.hpp"
#include "app/ui/jobseeker/session.hpp"
#include "app/ui/kit/narrator.hpp"
#include "app/ui/kit/ui_registry.hpp"

namespace dc::ui {

struct NavKeys {
    bool next = false, previous = false, enter = false, escape = false;
};

struct NavPoint {
    float x = 0, y = 0;
};

class Narration {
public:
    Narration(Session& session, const IdCaptureController& idCapture) : m_session(session), m_idCapture(idCapture) {}

    void setNarrator(Narrator* narrator) { m_narrator = narrator; }
    Narrator* narrator() const { return m_narrator; }

    // After each frame: speaks what changed when guidance is on, and the screen when `listen`.
    void narrate(bool listen);
    // What "Listen" reads on the current screen, in its language.
    std::string screenSpeech() const;
    // The help key (Tab; a keypad's Help key is set to send it): where the person is, what the
    // focus is on, and what the keys do. Turns audio guidance on.
    void help();

    // One frame of audio-nav over what the previous frame showed. Returns true when Escape asked
    // to go back (the shell does it).
    bool navigate(const std::vector<WidgetInfo>& lastFrame, NavKeys keys);
    // The point Enter asked to be tapped, once.
    std::optional<NavPoint> takeTap() { return std::exchange(m_tap, std::nullopt); }
    const std::string& focusLabel() const { return m_label; }
    // The focus's rectangle on the current screen, for whoever stands beside the person.
    std::optional<std::pair<NavPoint, NavPoint>> focusRect() const;
    // The person left: nothing of theirs is said any more.
    void stop() {
        if (m_narrator) m_narrator->stop();
    }

private:
    Session& m_session;
    const IdCaptureController& m_idCapture;
    Narrator* m_narrator = nullptr;
    // What was last spoken of, so each thing is said once.
    Screen m_spokenScreen = Screen::Home;
    Language m_spokenLanguage = Language::English;
    bool m_audioWasOn = false;
    int64_t m_spokenCount = -1;
    int64_t shownCount() const;  // the jobs found, on the jobs screen; -1 elsewhere
    int m_spokenSeconds = -1;
    std::string m_spokenProblem;
    // Audio-nav: the item in focus (its label and place among the frame's targets), where it is.
    int m_index = -1;
    std::string m_label;
    Screen m_screen = Screen::Home;
    std::optional<NavPoint> m_rectMin, m_rectMax, m_tap;
};

}  // namespace dc::ui
