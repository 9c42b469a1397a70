#include "app/ui/kit/ui_dump.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace dc::ui {

const char* toString(WidgetKind kind) {
    switch (kind) {
        case WidgetKind::Button: return "button";
        case WidgetKind::Input: return "input";
        case WidgetKind::Text: return "text";
    }
    return "?";
}

std::string dumpJson(const DumpInfo& info, const std::vector<WidgetInfo>& widgets) {
    nlohmann::json root = {{"screen", info.screen},
                           {"language", info.language},
                           {"width", info.width},
                           {"height", info.height},
                           {"frames_drawn", info.framesDrawn},
                           {"frame_build_cpu_ms", info.frameBuildCpuMs},
                           {"frame_present_cpu_ms", info.framePresentCpuMs},
                           {"spoken", info.spoken},
                           {"speech_samples", info.speechSamples},
                           {"job_rows", info.jobRows},
                           {"first_frame_ms", info.firstFrameMs},
                           {"tap_released_ms", info.tapReleasedMs},
                           {"expect_seen_ms", info.expectSeenMs},
                           {"started_steady_ms", info.startedSteadyMs}};
    nlohmann::json list = nlohmann::json::array();
    for (const WidgetInfo& w : widgets)
        list.push_back({{"kind", toString(w.kind)},
                        {"label", w.label},
                        {"x", w.x},
                        {"y", w.y},
                        {"w", w.w},
                        {"h", w.h},
                        {"enabled", w.enabled},
                        {"clipped", w.clipped}});
    root["widgets"] = std::move(list);
    // Labels come from the catalog and the database: replace invalid UTF-8 instead of throwing.
    return root.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Expected<void> writeDumpFile(const std::filesystem::path& file, const std::string& json) {
    const std::filesystem::path temp = file.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return fail(ErrorCode::IoError, "cannot write '" + temp.string() + "'");
        out << json << '\n';
        if (!out.flush()) return fail(ErrorCode::IoError, "cannot write '" + temp.string() + "'");
    }
    std::error_code ec;
    std::filesystem::rename(temp, file, ec);
    if (ec) return fail(ErrorCode::IoError, "cannot write '" + file.string() + "': " + ec.message());
    return {};
}

}  // namespace dc::ui
