// libFuzzer target: the office console answers any request (as fuzz_api reads it: "METHOD TARGET",
// headers, a blank line, the body) with a status from 200 to 599 and never crashes, signed in or
// not (a "Cookie: dc_session=" header may carry a real session's token: the first line of the
// corpus's inputs uses one made here).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sync/server/central_service.hpp"
#include "sync/server/office/console.hpp"
#include "sync/server/office/office_service.hpp"
#include "fuzz/fuzz_request.hpp"

namespace {
struct World {
    std::unique_ptr<dc::server::ConnectionPool> pool;
    std::unique_ptr<dc::server::office::OfficeService> office;
    std::unique_ptr<dc::server::office::Console> console;
    std::string cookie;
};

World& world() {
    static World w = [] {
        World x;
        const std::string file = "/tmp/dc-fuzz-console-" + std::to_string(::getpid()) + ".db";
        ::unlink(file.c_str());
        auto p = dc::server::ConnectionPool::open(file, 1);
        if (!p) __builtin_trap();
        x.pool = std::move(*p);
        dc::server::CentralService central(*x.pool, [] { return int64_t{1'800'000'000}; });
        if (!central.prepareSchema()) __builtin_trap();
        x.office = std::make_unique<dc::server::office::OfficeService>(*x.pool, [] { return int64_t{1'800'000'000}; });
        if (!x.office->addUser("fuzz", dc::server::office::Role::Admin, "fuzz password 1")) __builtin_trap();
        auto login = x.office->login("fuzz", "fuzz password 1");
        if (!login) __builtin_trap();
        x.cookie = "dc_session=" + login->token;
        x.console = std::make_unique<dc::server::office::Console>(*x.office, false);
        return x;
    }();
    return w;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    World& w = world();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    dc::server::HttpRequest r = dc::fuzz::requestFrom(text, "/office/", [&w](std::string& name, std::string& value) {
        if (name == "signed-in") name = "cookie", value = w.cookie;  // the corpus's way to be signed in
    });
    if (const size_t q = r.target.find('?'); q != std::string::npos)
        if (auto query = dc::server::office::parseForm(r.target.substr(q + 1))) r.query = std::move(*query);
    const auto res = w.console->handle(r);
    if (res.status < 200 || res.status > 599) __builtin_trap();
    return 0;
}
