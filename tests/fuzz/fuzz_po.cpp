// libFuzzer target: the .po reader takes any bytes without crashing; an entry it accepts has
// valid text that the C++ literal writer can always write.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/i18n/po_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto entries = dc::po::parse(text);
    if (!entries) return 0;
    for (const auto& e : *entries) {
        const std::string literal = dc::po::cppLiteral(e.text);
        if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"') __builtin_trap();
    }
    (void)dc::po::checkAgainst(*entries, *entries, "ka");
    return 0;
}
