#pragma once
// Checks on a --dump-ui file that more than one end-to-end test makes.
#include <nlohmann/json.hpp>

namespace dc::test {

// Every touch target at least 48x48 px (on a 1920x1080 screen) and 8 px from its neighbours.
void checkTouchTargets(const nlohmann::json& dump);

}  // namespace dc::test
