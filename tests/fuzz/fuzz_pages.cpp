// libFuzzer target: the salvage page reader takes any bytes as a database file and its WAL (the
// first two bytes say where the WAL starts) without crashing or looping; every record it decodes
// holds no more bytes than the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "store/page_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace dc::store::pages;
    const std::string input(reinterpret_cast<const char*>(data), size);
    if (auto record = decodeRecord(input)) {
        size_t bytes = 0;
        for (const auto& v : *record) bytes += v.bytes.size();
        if (bytes > input.size()) __builtin_trap();
    }
    size_t split = size;
    if (size >= 2) split = std::min<size_t>(size - 2, (size_t{data[0]} << 8 | data[1]) * 64);
    const std::string body = size >= 2 ? input.substr(2) : input;
    const Image image = Image::fromBytes(body.substr(0, split), body.substr(std::min(split, body.size())));
    const auto counts = scanLeaves(image, [&](const Cell& c) {
        if (c.page == 0 || image.page(c.page).empty()) __builtin_trap();
    });
    if (counts.leafPages > image.pageCount()) __builtin_trap();
    return 0;
}
