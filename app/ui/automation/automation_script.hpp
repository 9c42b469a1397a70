#pragma once
// The automation script language: one step per line, `#` starts a comment.
//   language CODE        switch the UI language (en, ka, ru, be)
//   tap "LABEL"          tap the centre of the visible button or field with exactly this label
//   type "TEXT"          type text into the focused field
//   key NAME             press Enter, Escape, Backspace, Tab, Up, Down, Left or Right, or a
//                        combination that quits other programs: Alt+F4, Ctrl+Q, Ctrl+W, Alt+Tab
//   tap-at X Y           tap at a point (pixels from the top left), for targets with no label
//   close-window         ask the window to close, as a window manager's close button would
//   expect "TEXT"        wait until visible text contains TEXT
//   expect-not "TEXT"    once the screen has settled, no visible text may contain TEXT
//   expect-gone "TEXT"   wait until, on a settled screen, no visible text contains TEXT
//   screenshot PATH      save the next frame as a PNG
//   dump PATH            write the visible widgets as JSON
//   wait MS              let MS milliseconds pass
//   swipe up|down        drag a finger up (to see what is below) or down across the middle
//   listen-for "LABEL"   press Down until audio-nav's spoken focus names LABEL (as a blind person would)
// Arguments may be "quoted" (with \" \\ \n escapes) or bare to the end of the line.
// Scripts are input like any other: size limits, invalid UTF-8 and unknown words are errors
// that name the line.
#include <filesystem>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace dc::ui {

// ListenFor is how a person who cannot see the screen finds something: press Down and listen
// until the spoken focus names it (at most kMaxListenPresses presses).
enum class StepKind {
    Language,
    Tap,
    Type,
    Key,
    Expect,
    ExpectNot,
    ExpectGone,
    Screenshot,
    Dump,
    Wait,
    Swipe,
    ListenFor,
    TapAt,
    CloseWindow
};

struct ScriptStep {
    StepKind kind;
    std::string argument;
    int line = 0;
};

inline constexpr size_t kMaxScriptBytes = 1 << 20;
inline constexpr size_t kMaxScriptLineBytes = 4096;
inline constexpr size_t kMaxScriptSteps = 10000;
inline constexpr int kMaxWaitMs = 600000;
inline constexpr int kMaxListenPresses = 150;

Expected<std::vector<ScriptStep>> parseScript(std::string_view text);
Expected<std::vector<ScriptStep>> loadScript(const std::filesystem::path& file);

const char* toString(StepKind kind);
// "X Y" of a tap-at step; nullopt unless two whole numbers from 0 to 16384.
std::optional<std::pair<int, int>> parsePoint(std::string_view text);
bool isKnownKeyName(std::string_view name);

}  // namespace dc::ui
