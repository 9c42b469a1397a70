#include "domain/records.hpp"

namespace dc::domain {

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

bool isSalaryPeriod(std::string_view period) {
    return period.empty() || period == "HOUR" || period == "DAY" || period == "WEEK" || period == "MONTH" || period == "YEAR";
}

std::optional<int64_t> monthlyAmount(std::optional<int64_t> amount, std::string_view period) {
    if (!amount) return std::nullopt;
    // Whole units, computed in integers: 21.75 days of 8 hours a month, 52 weeks in 12 months.
    const int64_t v = *amount;
    if (period == "HOUR") return v * 174;
    if (period == "DAY") return v * 87 / 4;
    if (period == "WEEK") return v * 52 / 12;
    if (period == "YEAR") return v / 12;
    return v;
}

}  // namespace dc::domain
