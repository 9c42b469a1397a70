#pragma once
// One log for every module: each line goes to stderr (journald keeps it under systemd), after
// the program's name, and into a small ring of recent lines that the technician's screen and the
// diagnostics bundle show. Log lines never carry what a person typed.
#include <string>
#include <string_view>
#include <vector>

namespace dc::log {

inline constexpr size_t kKeep = 40;  // lines the ring keeps
inline constexpr size_t kMaxLineBytes = 500;  // longer lines are cut in the ring

// The name each line starts with on stderr ("dc-kiosk", "dc-server"); set once at start.
void setProgram(std::string_view name);
void line(std::string_view text);
// The ring's lines, oldest first.
std::vector<std::string> recent();

}  // namespace dc::log

namespace dc {
// The short form most callers use.
inline void logLine(std::string_view text) { log::line(text); }
}  // namespace dc
