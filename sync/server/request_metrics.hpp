#pragma once
// How long dc-server takes to answer, per listener ("api" for kiosks, "office" for the console):
// a Prometheus histogram kept in atomic counters (no lock on the request path), written into
// /metrics. Process-wide: one server process, one set of listeners.
#include <string>

namespace dc::server {

// Counts one answered request of `listener` that took `seconds` (from its head arriving).
void observeRequest(const std::string& listener, double seconds);
// dc_http_request_duration_seconds as a Prometheus text histogram (buckets, sum, count).
std::string requestMetrics();

}  // namespace dc::server
