#pragma once
// The socket side of dc-server: cpp-httplib, optional TLS, the body size limit, fault hooks.
#include <atomic>
#include <string>

#include "sync/server/fault_plan.hpp"
#include "sync/server/http_api.hpp"

namespace dc::server {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8787;  // 0: any free port (written to portFile)
    std::string portFile;
    std::string tlsCert, tlsKey;  // both set: HTTPS
    size_t threads = 8;
    bool quiet = false;
};

// Serves until SIGINT/SIGTERM. Returns the process exit code.
int serve(Api& api, FaultPlan& faults, const ServeOptions& options);

}  // namespace dc::server
