#pragma once
// Faults a test asks the server to commit, in order, one per matching request:
//   "push:503,push:drop,pull:truncate,any:429:7,heartbeat:slow:3000"
// route: push | pull | heartbeat | enroll | report | attachment | any.  action:
//   500 | 503          answer with that status before doing anything
//   429:<seconds>      answer 429 with Retry-After
//   drop               do the work, then close the connection without an answer
//   truncate           do the work, send half of the answer, then close the connection
//   slow:<ms>          wait that long, then answer normally
// Only for tests and drills: `dc-server serve --faults`.
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace dc::server {

struct Fault {
    enum class Action { Status, Drop, Truncate, Slow } action = Action::Status;
    std::string route;
    int status = 0;
    int arg = 0;  // Retry-After seconds, or milliseconds to wait
};

class FaultPlan {
public:
    static Expected<FaultPlan> parse(std::string_view spec);
    FaultPlan() = default;
    FaultPlan(FaultPlan&& o) noexcept : m_faults(std::move(o.m_faults)) {}
    // The next fault for this route, consumed; nullopt when none is left for it.
    std::optional<Fault> take(std::string_view route);

private:
    std::mutex m_mutex;
    std::vector<Fault> m_faults;
};

}  // namespace dc::server
