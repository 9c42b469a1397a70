#include "app/store/records.hpp"

namespace dc::store {

const char* workModeText(WorkMode mode) {
    switch (mode) {
        case WorkMode::Remote: return "remote";
        case WorkMode::Hybrid: return "hybrid";
        case WorkMode::OnSite: break;
    }
    return "onsite";
}

std::optional<WorkMode> workModeFromText(std::string_view text) {
    if (text == "remote") return WorkMode::Remote;
    if (text == "hybrid") return WorkMode::Hybrid;
    if (text == "onsite") return WorkMode::OnSite;
    return std::nullopt;
}

}  // namespace dc::store
