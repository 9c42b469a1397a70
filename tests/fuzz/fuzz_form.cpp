// libFuzzer target: the office console's form and query parser takes any bytes without crashing;
// every name and value it accepts is valid UTF-8, and HTML escaping leaves no markup.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/utf8.hpp"
#include "sync/server/office/console.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto form = dc::server::office::parseForm(text);
    if (!form) return 0;
    for (const auto& [name, value] : *form) {
        if (!dc::utf8::isValid(name) || !dc::utf8::isValid(value)) __builtin_trap();
        const std::string escaped = dc::server::office::htmlEscape(value);
        if (escaped.find_first_of("<>\"'") != std::string::npos) __builtin_trap();
    }
    return 0;
}
