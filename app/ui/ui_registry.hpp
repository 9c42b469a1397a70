#pragma once
// Every widget a screen draws reports its label and on-screen rectangle here. The automation
// driver taps and checks through it, `--dump-ui` writes it out, and accessibility tests read it
// (target sizes now, text clipping and speech later). Only what is visible is recorded.
#include <string>
#include <vector>

namespace dc::ui {

enum class WidgetKind { Button, Input, Text };
const char* toString(WidgetKind kind);

struct WidgetInfo {
    WidgetKind kind;
    std::string label;
    float x, y, w, h;  // visible part, in window pixels
    bool enabled = true;
};

class UiRegistry {
public:
    // Starts recording a new frame; the previous one stays readable as lastFrame().
    void beginFrame() {
        m_last.swap(m_current);
        m_current.clear();
    }
    void add(WidgetInfo info) { m_current.push_back(std::move(info)); }
    const std::vector<WidgetInfo>& lastFrame() const { return m_last; }
    const std::vector<WidgetInfo>& currentFrame() const { return m_current; }

private:
    std::vector<WidgetInfo> m_current, m_last;
};

}  // namespace dc::ui
