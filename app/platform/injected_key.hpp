#pragma once
// A key the automation driver pressed is released only after a frame has seen it down: pressed
// and released before the same frame, ImGui would never know it was pressed. Both window
// backends keep their injected key in one of these.
#include <optional>
#include <utility>

namespace dc::platform {

template <class Key>
class InjectedKeyRelease {
public:
    void pressed(Key key) {
        m_key = key;
        m_seen = false;
    }
    // At the start of each frame.
    void frameStarted() { m_seen = m_key.has_value(); }
    // The key to release now (once a frame has seen it down), at most once.
    std::optional<Key> due() {
        if (!m_key || !m_seen) return std::nullopt;
        m_seen = false;
        return std::exchange(m_key, std::nullopt);
    }

private:
    std::optional<Key> m_key;
    bool m_seen = false;  // a frame has started with the key down
};

}  // namespace dc::platform
