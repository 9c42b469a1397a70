// libFuzzer target: the console's multipart/form-data reader takes any bytes without crashing; it
// never returns more parts than it allows, and every text field it accepts is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/utf8.hpp"
#include "sync/server/office/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The first line is the Content-Type header, the rest the body.
    const size_t nl = text.find('\n');
    const std::string_view type = nl == std::string_view::npos ? text : text.substr(0, nl);
    const std::string_view body = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    auto parts = dc::server::office::parseMultipart(type, body);
    if (!parts) return 0;
    if (parts->size() > dc::server::office::kMaxParts) __builtin_trap();
    for (const auto& [name, part] : *parts)
        if (name.empty() || (!part.isFile && !dc::utf8::isValid(part.value))) __builtin_trap();
    return 0;
}
