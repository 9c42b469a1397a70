#include "app/ui/automation/automation_runner.hpp"

namespace dc::ui {
namespace {

const WidgetInfo* findTappable(const std::vector<WidgetInfo>& frame, const std::string& label) {
    for (const WidgetInfo& w : frame)
        if (w.kind != WidgetKind::Text && w.enabled && w.label == label) return &w;
    return nullptr;
}

bool anyTextContains(const std::vector<WidgetInfo>& frame, const std::string& needle) {
    for (const WidgetInfo& w : frame)
        if (w.label.find(needle) != std::string::npos) return true;
    return false;
}

std::string describe(const std::vector<WidgetInfo>& frame) {
    std::string out;
    for (const WidgetInfo& w : frame) {
        if (out.size() > 2000) {
            out += ", …";
            break;
        }
        out += (out.empty() ? "" : ", ") + std::string(toString(w.kind)) + " \"" + w.label + "\"";
    }
    return out.empty() ? "nothing" : out;
}

}  // namespace

AutomationRunner::AutomationRunner(std::vector<ScriptStep> steps, double stepTimeoutSeconds)
    : m_steps(std::move(steps)), m_timeout(stepTimeoutSeconds) {}

AutomationRunner::Status AutomationRunner::next(double now) {
    ++m_index;
    m_phase = 0;
    m_presses = 0;
    m_stepStart = now;
    return m_index >= m_steps.size() ? Status::Succeeded : Status::Running;
}

AutomationRunner::Status AutomationRunner::failStep(const std::string& why, const std::vector<WidgetInfo>& frame) {
    const ScriptStep& step = m_steps[m_index];
    m_failure = "script line " + std::to_string(step.line) + ": " + toString(step.kind) + " \"" + step.argument +
        "\" failed: " + why + ". Visible: " + describe(frame);
    return Status::Failed;
}

AutomationRunner::Status AutomationRunner::tick(const std::vector<WidgetInfo>& frame, bool frameDrawn, double now,
                                                AutomationHost& host) {
    if (m_index >= m_steps.size()) return m_failure.empty() ? Status::Succeeded : Status::Failed;
    if (!m_failure.empty()) return Status::Failed;
    if (frameDrawn) ++m_quietFrames;
    if (m_stepStart < 0) m_stepStart = now;
    const ScriptStep& step = m_steps[m_index];
    const bool timedOut = now - m_stepStart > m_timeout;

    switch (step.kind) {
        case StepKind::Language:
            if (m_phase == 0) {
                host.setLanguage(*languageFromCode(step.argument));
                sentInput();
                m_phase = 1;
                return Status::Running;
            }
            return settled(host) ? next(now) : Status::Running;

        case StepKind::CloseWindow:
            if (m_phase == 0) {
                if (!settled(host)) return timedOut ? failStep("the screen did not settle", frame) : Status::Running;
                host.requestClose();
                sentInput();
                m_phase = 1;
                return Status::Running;
            }
            return settled(host) ? next(now) : Status::Running;

        case StepKind::Tap:
        case StepKind::TapAt: return tap(step, frame, now, timedOut, host);

        case StepKind::Type:
        case StepKind::Key:
            if (m_phase == 0) {
                if (!settled(host)) return timedOut ? failStep("the screen did not settle", frame) : Status::Running;
                if (step.kind == StepKind::Type)
                    host.typeText(step.argument);
                else
                    host.pressKey(step.argument);
                sentInput();
                m_phase = 1;
                return Status::Running;
            }
            return settled(host) ? next(now) : Status::Running;

        case StepKind::Expect:
            if (m_phase == 0 && frameDrawn && anyTextContains(frame, step.argument)) {
                m_timing.lastExpectSeen = now;  // on screen now, even if the screen is still changing
                m_phase = 1;
            }
            if (settled(host) && anyTextContains(frame, step.argument)) return next(now);
            return timedOut ? failStep("the text did not appear within the time limit", frame) : Status::Running;

        case StepKind::ExpectNot:
            if (!settled(host)) return timedOut ? failStep("the screen did not settle", frame) : Status::Running;
            if (anyTextContains(frame, step.argument)) return failStep("the text is visible", frame);
            return next(now);

        case StepKind::ExpectGone:
            if (settled(host) && !anyTextContains(frame, step.argument)) return next(now);
            return timedOut ? failStep("the text was still visible at the time limit", frame) : Status::Running;

        case StepKind::Screenshot:
            if (m_phase == 0) {
                if (!settled(host)) return timedOut ? failStep("the screen did not settle", frame) : Status::Running;
                host.requestScreenshot(step.argument);
                m_phase = 1;
                return Status::Running;
            }
            if (host.screenshotPending()) return Status::Running;
            if (const std::string error = host.takeScreenshotError(); !error.empty()) return failStep(error, frame);
            return next(now);

        case StepKind::Dump:
            if (!settled(host)) return timedOut ? failStep("the screen did not settle", frame) : Status::Running;
            if (auto written = host.writeDump(step.argument); !written) return failStep(written.error().message(), frame);
            return next(now);

        case StepKind::Swipe: return swipe(step, frame, frameDrawn, now, timedOut, host);

        case StepKind::ListenFor:
            if (!settled(host)) return timedOut ? failStep("the screen did not settle", frame) : Status::Running;
            if (host.focusedLabel() == step.argument) return next(now);
            if (m_presses >= kMaxListenPresses)
                return failStep("the focus went round " + std::to_string(m_presses) + " times without naming it", frame);
            host.pressKey("Down");
            sentInput();
            ++m_presses;
            return Status::Running;

        case StepKind::Wait:
            // The argument was checked by the parser: digits only, within kMaxWaitMs.
            return now - m_stepStart >= std::stoi(step.argument) / 1000.0 ? next(now) : Status::Running;
    }
    return Status::Running;
}

void AutomationRunner::pressWhenSeen(AutomationHost& host) {
    if (m_quietFrames < 2) return;
    host.pointerButton(true);
    sentInput();
    m_phase = 2;
}

AutomationRunner::Status AutomationRunner::tap(const ScriptStep& step, const std::vector<WidgetInfo>& frame, double now,
                                               bool timedOut, AutomationHost& host) {
    // 0: wait for the target; 1: pointer moved, let the backend see it; 2: pressed; 3: released.
    if (m_phase == 0) {
        if (step.kind == StepKind::TapAt) {
            if (!settled(host)) return timedOut ? failStep("the screen did not settle", frame) : Status::Running;
            const auto point = parsePoint(step.argument);  // checked by the parser
            host.pointerMove(static_cast<float>(point->first), static_cast<float>(point->second));
            sentInput();
            m_phase = 1;
            return Status::Running;
        }
        const WidgetInfo* target = settled(host) ? findTappable(frame, step.argument) : nullptr;
        if (!target) {
            if (timedOut) return failStep("no visible button or field has this label", frame);
            return Status::Running;
        }
        host.pointerMove(target->x + target->w * 0.5f, target->y + target->h * 0.5f);
        sentInput();
        m_phase = 1;
    } else if (m_phase == 1) {
        pressWhenSeen(host);
    } else if (m_phase == 2) {
        host.pointerButton(false);
        sentInput();
        m_timing.lastRelease = now;
        m_phase = 3;
    } else if (settled(host)) {
        return next(now);
    }
    return Status::Running;
}

AutomationRunner::Status AutomationRunner::swipe(const ScriptStep& step, const std::vector<WidgetInfo>& frame, bool frameDrawn,
                                                 double now, bool timedOut, AutomationHost& host) {
    // 0: finger at the start; 1: down; 2..kSwipeSteps+1: moving, one step a frame; then up.
    constexpr int kSwipeSteps = 10;
    const float x = host.screenWidth() * 0.5f, h = host.screenHeight();
    // Both start low enough to land on a list below a screen's header, search and chips
    // (a drag that starts outside a scrolling region scrolls nothing), and travel 40%.
    const float from = step.argument == "up" ? h * 0.75f : h * 0.5f;
    const float to = step.argument == "up" ? h * 0.35f : h * 0.9f;
    if (m_phase == 0) {
        if (!settled(host)) return timedOut ? failStep("the screen did not settle", frame) : Status::Running;
        host.pointerMove(x, from);
        sentInput();
        m_phase = 1;
    } else if (m_phase == 1) {
        pressWhenSeen(host);
    } else if (m_phase < 2 + kSwipeSteps) {
        if (frameDrawn) {
            host.pointerMove(x, from + (to - from) * static_cast<float>(m_phase - 1) / kSwipeSteps);
            sentInput();
            ++m_phase;
        }
    } else if (m_phase == 2 + kSwipeSteps) {
        host.pointerButton(false);
        sentInput();
        ++m_phase;
    } else if (settled(host)) {
        return next(now);
    }
    return Status::Running;
}

}  // namespace dc::ui
