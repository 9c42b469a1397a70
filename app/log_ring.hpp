#pragma once
// The kiosk's log: each line goes to stderr (journald under systemd) and into a small ring the
// technician screen and the diagnostics bundle show. Log lines never carry what a person typed.
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace dc::app {

class LogRing {
public:
    static LogRing& instance() {
        static LogRing ring;
        return ring;
    }
    void write(const std::string& line) {
        std::fprintf(stderr, "dc-kiosk: %s\n", line.c_str());
        std::lock_guard lock(m_mutex);
        m_lines.push_back(line.substr(0, 500));
        if (m_lines.size() > kKeep) m_lines.pop_front();
    }
    std::vector<std::string> recent() const {
        std::lock_guard lock(m_mutex);
        return {m_lines.begin(), m_lines.end()};
    }
    static constexpr size_t kKeep = 40;

private:
    mutable std::mutex m_mutex;
    std::deque<std::string> m_lines;
};

inline void logLine(const std::string& line) { LogRing::instance().write(line); }

}  // namespace dc::app
