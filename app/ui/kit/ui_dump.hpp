#pragma once
// `--dump-ui` and the script's `dump`: the visible widgets as JSON, for tests and tools.
#include <filesystem>
#include <string>
#include <vector>

#include "app/ui/kit/ui_registry.hpp"
#include "common/error.hpp"

namespace dc::ui {

struct DumpInfo {
    std::string screen;
    std::string language;
    int width = 0, height = 0;
    long long framesDrawn = 0;  // lets tests check that an idle kiosk stops drawing
    double frameBuildCpuMs = 0;  // UI-thread CPU spent building frames (layout, text, lists), in total
    double framePresentCpuMs = 0;  // UI-thread CPU spent handing frames to GL and swapping, in total
    std::vector<std::string> spoken;  // what audio guidance said lately (this session only)
    long long speechSamples = 0;  // sound the synthesiser made: proof the words were spoken
    long long jobRows = 0;  // rows of the job list loaded so far (pages join as it scrolls)
    // Milliseconds since the process started (< 0: not yet): the first frame on screen, and from
    // a script, when its last tap let go and when its last expected text was first drawn.
    double firstFrameMs = -1, tapReleasedMs = -1, expectSeenMs = -1;
    // The process's start on the steady clock (CLOCK_MONOTONIC, shared by every process), so a
    // benchmark that started the kiosk also counts the time before main (loading its libraries).
    double startedSteadyMs = 0;
};

std::string dumpJson(const DumpInfo& info, const std::vector<WidgetInfo>& widgets);

// Writes atomically (temp file + rename) so a reader never sees half a file.
Expected<void> writeDumpFile(const std::filesystem::path& file, const std::string& json);

}  // namespace dc::ui
