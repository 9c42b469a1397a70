#include "sync/server/fault_plan.hpp"

#include <charconv>

namespace dc::server {
namespace {

std::optional<int> number(std::string_view t, int max) {
    int v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || v < 0 || v > max) return std::nullopt;
    return v;
}

}  // namespace

Expected<FaultPlan> FaultPlan::parse(std::string_view spec) {
    FaultPlan plan;
    size_t pos = 0;
    while (pos < spec.size()) {
        const size_t comma = std::min(spec.find(',', pos), spec.size());
        const std::string_view item = spec.substr(pos, comma - pos);
        pos = comma + 1;
        if (item.empty()) continue;
        std::vector<std::string_view> parts;
        for (size_t p = 0; p <= item.size();) {
            const size_t colon = std::min(item.find(':', p), item.size());
            parts.push_back(item.substr(p, colon - p));
            p = colon + 1;
        }
        const auto bad = [&] { return fail(ErrorCode::InvalidInput, "fault \"" + std::string(item) + "\" is not understood"); };
        if (parts.size() < 2 || parts.size() > 3) return bad();
        Fault f;
        f.route = std::string(parts[0]);
        if (f.route != "push" && f.route != "pull" && f.route != "heartbeat" && f.route != "enroll" && f.route != "report" &&
            f.route != "attachment" && f.route != "any")
            return bad();
        const std::string_view action = parts[1];
        if (action == "drop")
            f.action = Fault::Action::Drop;
        else if (action == "truncate")
            f.action = Fault::Action::Truncate;
        else if (action == "slow") {
            auto ms = parts.size() == 3 ? number(parts[2], 600000) : std::nullopt;
            if (!ms) return bad();
            f.action = Fault::Action::Slow;
            f.arg = *ms;
        } else if (action == "500" || action == "503" || action == "429") {
            f.status = *number(action, 999);
            if (parts.size() == 3) {
                auto seconds = number(parts[2], 86400);
                if (!seconds) return bad();
                f.arg = *seconds;
            }
        } else
            return bad();
        if (f.action != Fault::Action::Slow && f.status == 0 && parts.size() == 3) return bad();
        plan.m_faults.push_back(std::move(f));
    }
    return plan;
}

std::optional<Fault> FaultPlan::take(std::string_view route) {
    std::lock_guard lock(m_mutex);
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if (it->route == route || it->route == "any") {
            Fault f = *it;
            m_faults.erase(it);
            return f;
        }
    }
    return std::nullopt;
}

}  // namespace dc::server
