#include "e2e/dump_checks.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

namespace dc::test {

using json = nlohmann::json;

void checkTouchTargets(const json& dump) {
    std::vector<json> targets;
    for (const auto& w : dump["widgets"])
        if (w["kind"] != "text") targets.push_back(w);
    REQUIRE_FALSE(targets.empty());
    // The dump's coordinates are pixels of a 1920x1080 screen, so 48 px is the floor as is.
    REQUIRE(dump["height"] == 1080);
    for (const auto& t : targets) {
        INFO(t.dump());
        if (t["clipped"] == true) continue;  // only its visible part is recorded
        CHECK(t["w"].get<double>() >= 48);
        CHECK(t["h"].get<double>() >= 48);
    }
    // Neighbouring targets keep at least 8 px between them (partly scrolled-off cards excepted:
    // their visible part is clipped, never enlarged).
    for (size_t i = 0; i < targets.size(); ++i)
        for (size_t j = i + 1; j < targets.size(); ++j) {
            const auto& a = targets[i];
            const auto& b = targets[j];
            const double ax = a["x"], ay = a["y"], aw = a["w"], ah = a["h"];
            const double bx = b["x"], by = b["y"], bw = b["w"], bh = b["h"];
            const double gapX = std::max(bx - (ax + aw), ax - (bx + bw));
            const double gapY = std::max(by - (ay + ah), ay - (by + bh));
            INFO(a["label"] << " vs " << b["label"]);
            CHECK(std::max(gapX, gapY) >= 8);
        }
}

}  // namespace dc::test
