#pragma once
// Runs an automation script against the live app, one tick per rendered frame. It sees the screen
// only through the UiRegistry (what was drawn last frame) and acts only through AutomationHost,
// which the app implements with real input events of its window backend.
#include <filesystem>
#include <string>
#include <vector>

#include "app/ui/automation/automation_script.hpp"
#include "app/ui/kit/i18n.hpp"
#include "app/ui/kit/ui_registry.hpp"

namespace dc::ui {

class AutomationHost {
public:
    virtual ~AutomationHost() = default;
    virtual void pointerMove(float x, float y) = 0;
    virtual void pointerButton(bool down) = 0;
    virtual void typeText(const std::string& utf8) = 0;
    virtual void pressKey(const std::string& name) = 0;
    virtual void setLanguage(Language language) = 0;
    virtual bool busy() const = 0;  // background work whose result is not on screen yet
    virtual void requestScreenshot(const std::filesystem::path& file) = 0;
    virtual bool screenshotPending() const = 0;
    virtual std::string takeScreenshotError() = 0;  // empty when the last screenshot was saved
    virtual Expected<void> writeDump(const std::filesystem::path& file) = 0;
    virtual float screenWidth() const = 0;
    virtual float screenHeight() const = 0;
    virtual std::string focusedLabel() const = 0;  // what audio-nav's focus rests on (spoken); empty if none
    virtual void requestClose() = 0;  // as a window manager's close button or Alt+F4 would
};

class AutomationRunner {
public:
    enum class Status { Running, Succeeded, Failed };

    AutomationRunner(std::vector<ScriptStep> steps, double stepTimeoutSeconds);

    // Call once per loop turn with what the last frame drew, whether a frame was drawn this turn,
    // and the current time.
    Status tick(const std::vector<WidgetInfo>& frame, bool frameDrawn, double nowSeconds, AutomationHost& host);

    // False while the current step only lets time pass: the app then draws nothing, exactly as
    // an idle kiosk would, which is what lets a test observe idleness.
    bool needsFrames() const { return m_index < m_steps.size() && m_steps[m_index].kind != StepKind::Wait; }

    const std::string& failure() const { return m_failure; }
    size_t stepIndex() const { return m_index; }

    // What a person would wait for, apart from the script's own pacing (it lets frames pass
    // between moving, pressing and checking that the screen settled): when the last tap let go,
    // and when the text of the last `expect` was first drawn. Tick-clock seconds; < 0 until then.
    struct Timing {
        double lastRelease = -1;
        double lastExpectSeen = -1;
    };
    const Timing& timing() const { return m_timing; }

private:
    bool settled(const AutomationHost& host) const { return m_quietFrames >= 3 && !host.busy(); }
    Status next(double now);
    Status failStep(const std::string& why, const std::vector<WidgetInfo>& frame);
    // The steps that take several phases of input, each its own function.
    Status tap(const ScriptStep& step, const std::vector<WidgetInfo>& frame, double now, bool timedOut, AutomationHost& host);
    Status swipe(const ScriptStep& step, const std::vector<WidgetInfo>& frame, bool frameDrawn, double now, bool timedOut,
                 AutomationHost& host);
    // Phase 1 of a tap or a swipe: the finger goes down once the backend has seen where it is.
    void pressWhenSeen(AutomationHost& host);
    void sentInput() { m_quietFrames = 0; }

    std::vector<ScriptStep> m_steps;
    double m_timeout;
    size_t m_index = 0;
    int m_phase = 0;
    double m_stepStart = -1;
    int m_quietFrames = 0;  // frames drawn since the last input we sent
    int m_presses = 0;  // Down presses of the current listen-for step
    Timing m_timing;
    std::string m_failure;
};

}  // namespace dc::ui
