#include "common/log.hpp"

#include <cstdio>
#include <deque>
#include <mutex>

namespace dc::log {
namespace {

struct Ring {
    std::mutex mutex;
    std::string program = "dc";
    std::deque<std::string> lines;
};

Ring& ring() {
    static Ring r;
    return r;
}

}  // namespace

void setProgram(std::string_view name) {
    std::lock_guard lock(ring().mutex);
    ring().program = std::string(name.substr(0, 40));
}

void line(std::string_view text) {
    Ring& r = ring();
    std::lock_guard lock(r.mutex);
    std::fprintf(stderr, "%s: %.*s\n", r.program.c_str(), static_cast<int>(text.size()), text.data());
    r.lines.emplace_back(text.substr(0, kMaxLineBytes));
    if (r.lines.size() > kKeep) r.lines.pop_front();
}

std::vector<std::string> recent() {
    std::lock_guard lock(ring().mutex);
    return {ring().lines.begin(), ring().lines.end()};
}

}  // namespace dc::log
