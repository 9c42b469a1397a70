// libFuzzer target: every sync protocol message parser takes any bytes without crashing, and
// what one accepts survives a round trip (written again and read again, it reads the same).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sync/protocol/messages.hpp"

namespace {

template <class Parse>
void roundTrip(std::string_view text, Parse parse) {
    auto first = parse(text);
    if (!first) return;
    const std::string written = dc::sync::toJson(*first);
    auto second = parse(written);
    if (!second || dc::sync::toJson(*second) != written) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    using namespace dc::sync;
    roundTrip(text, [](std::string_view t) { return parseErrorBody(t); });
    roundTrip(text, [](std::string_view t) { return parseEnrollRequest(t); });
    roundTrip(text, [](std::string_view t) { return parseEnrollResponse(t); });
    roundTrip(text, [](std::string_view t) { return parsePushRequest(t); });
    roundTrip(text, [](std::string_view t) { return parsePushResponse(t); });
    roundTrip(text, [](std::string_view t) { return parseHeartbeat(t); });
    roundTrip(text, [](std::string_view t) { return parseHeartbeatResponse(t); });
    roundTrip(text, [](std::string_view t) { return parseStatusRequest(t); });
    roundTrip(text, [](std::string_view t) { return parseStatusResponse(t); });
    roundTrip(text, [](std::string_view t) { return parseReport(t); });
    roundTrip(text, [](std::string_view t) { return parseAttachmentStatus(t); });
    return 0;
}
