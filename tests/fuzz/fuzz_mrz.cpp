// libFuzzer target: the MRZ parser and repair take any bytes without crashing, and what they
// accept is consistent (a parse that passes every check parses again to the same fields).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "drivers/idread/mrz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = dc::idread::parseMrz(text);
    if (parsed) {
        auto again = dc::idread::parseMrz(parsed->lines);
        if (!again || again->documentNumber != parsed->documentNumber || again->allChecksPass() != parsed->allChecksPass())
            __builtin_trap();
    }
    // Repair takes lines of any characters.
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t i = 0; i <= text.size() && lines.size() < 4; ++i)
        if (i == text.size() || text[i] == '\n') {
            lines.emplace_back(text.substr(start, i - start));
            start = i + 1;
        }
    if (auto repaired = dc::idread::repairMrz(lines); repaired) {
        for (const auto& line : repaired->lines)
            for (char c : line)
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<')) __builtin_trap();
    }
    return 0;
}
