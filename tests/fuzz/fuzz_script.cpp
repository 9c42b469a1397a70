// libFuzzer target: the automation script reader takes any bytes without crashing; what it
// accepts stays within its limits and every step names the line it came from.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/ui/automation/automation_script.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto steps = dc::ui::parseScript(text);
    if (!steps) {
        if (steps.error().message().empty()) __builtin_trap();
        return 0;
    }
    if (steps->size() > dc::ui::kMaxScriptSteps) __builtin_trap();
    for (const auto& s : *steps)
        if (s.line < 1 || s.argument.size() > dc::ui::kMaxScriptLineBytes) __builtin_trap();
    return 0;
}
