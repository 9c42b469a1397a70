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
    dc::server::HttpRequest r;
    const size_t headEnd = text.find("\n\n");
    const std::string_view head = text.substr(0, headEnd);
    r.body = headEnd == std::string_view::npos ? std::string() : std::string(text.substr(headEnd + 2));
    size_t pos = 0;
    bool first = true;
    while (pos <= head.size()) {
        const size_t end = std::min(head.find('\n', pos), head.size());
        const std::string_view line = head.substr(pos, end - pos);
        pos = end + 1;
        if (first) {
            first = false;
            const size_t space = line.find(' ');
            r.method = std::string(line.substr(0, space));
            r.target = space == std::string_view::npos ? "/" : std::string(line.substr(space + 1));
            r.path = r.target.substr(0, r.target.find('?'));
            continue;
        }
        const size_t colon = line.find(':');
        if (colon != std::string_view::npos) r.headers[std::string(line.substr(0, colon))] = std::string(line.substr(colon + 1));
    }
    const auto res = api().handle(r);
    if (res.status < 200 || res.status > 599) __builtin_trap();
    if (res.contentType.starts_with("application/json") && nlohmann::json::parse(res.body, nullptr, false).is_discarded())
        __builtin_trap();
    return 0;
}
