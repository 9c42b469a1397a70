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
    bool clipped = false;  // partly scrolled out of sight: x, y, w, h are the part still visible
    bool operator==(const WidgetInfo&) const = default;
};

class UiRegistry {
public:
    // A frame records between beginFrame() and endFrame(); lastFrame() is the last complete one.
    void beginFrame() { m_current.clear(); }
    void add(WidgetInfo info) { m_current.push_back(std::move(info)); }
    void endFrame() { m_last.swap(m_current); }
    const std::vector<WidgetInfo>& lastFrame() const { return m_last; }

private:
    std::vector<WidgetInfo> m_current, m_last;
};

}  // namespace dc::ui
