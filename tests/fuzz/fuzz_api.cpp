// libFuzzer target: the kiosks' HTTP API answers any request (method, path, query, headers, body:
// "METHOD TARGET\nName: value\n...\n\nbody") with a status from 200 to 599 and, when it says JSON,
// JSON; never a crash. Unsigned requests stop at authentication; signed-looking ones reach the
// parsers behind it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sync/server/central_service.hpp"
#include "sync/server/http_api.hpp"
#include "fuzz/fuzz_request.hpp"

namespace {
dc::server::Api& api() {
    static auto pool = [] {
        const std::string file = "/tmp/dc-fuzz-api-" + std::to_string(::getpid()) + ".db";
        ::unlink(file.c_str());
        auto p = dc::server::ConnectionPool::open(file, 1);
        if (!p) __builtin_trap();
        return std::move(*p);
    }();
    static dc::server::CentralService service(*pool, [] { return int64_t{1'800'000'000}; });
    static bool ready = service.prepareSchema().has_value();
    static dc::server::Api handler(service);
    if (!ready) __builtin_trap();
    return handler;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const dc::server::HttpRequest r = dc::fuzz::requestFrom(text, "/");
    const auto res = api().handle(r);
    if (res.status < 200 || res.status > 599) __builtin_trap();
    if (res.contentType.starts_with("application/json") && nlohmann::json::parse(res.body, nullptr, false).is_discarded())
        __builtin_trap();
    return 0;
}
