// libFuzzer target: the catalog's JSON Lines (what the server sends and dc-server import reads)
// take any bytes without crashing; a batch it accepts is written and read again to the same batch.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "catalog/catalog_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto batch = dc::catalog::parseJsonLines(text);
    if (!batch) return 0;
    const std::string written = dc::catalog::toJsonLines(*batch);
    auto again = dc::catalog::parseJsonLines(written);
    if (!again || dc::catalog::toJsonLines(*again) != written) __builtin_trap();
    return 0;
}
