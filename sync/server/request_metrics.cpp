#include "sync/server/request_metrics.hpp"

#include <array>
#include <atomic>
#include <cstdio>

namespace dc::server {
namespace {

constexpr std::array<double, 10> kBounds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

struct Histogram {
    std::array<std::atomic<uint64_t>, kBounds.size() + 1> buckets{};  // the last: above every bound
    std::atomic<uint64_t> count{0};
    std::atomic<uint64_t> sumMicros{0};
};

constexpr const char* kListeners[] = {"api", "office"};
Histogram& histogram(size_t i) {
    static Histogram h[2];
    return h[i];
}

}  // namespace

void observeRequest(const std::string& listener, double seconds) {
    const size_t which = listener == "office" ? 1 : 0;
    Histogram& h = histogram(which);
    size_t b = 0;
    while (b < kBounds.size() && seconds > kBounds[b]) ++b;
    h.buckets[b].fetch_add(1, std::memory_order_relaxed);
    h.count.fetch_add(1, std::memory_order_relaxed);
    h.sumMicros.fetch_add(static_cast<uint64_t>(seconds > 0 ? seconds * 1e6 : 0), std::memory_order_relaxed);
}

std::string requestMetrics() {
    std::string out =
        "# HELP dc_http_request_duration_seconds Time to answer a request, by listener.\n"
        "# TYPE dc_http_request_duration_seconds histogram\n";
    char line[160];
    for (size_t i = 0; i < 2; ++i) {
        const Histogram& h = histogram(i);
        uint64_t cumulative = 0;
        for (size_t b = 0; b <= kBounds.size(); ++b) {
            cumulative += h.buckets[b].load(std::memory_order_relaxed);
            if (b < kBounds.size())
                std::snprintf(line, sizeof line, "dc_http_request_duration_seconds_bucket{listener=\"%s\",le=\"%g\"} %llu\n",
                              kListeners[i], kBounds[b], static_cast<unsigned long long>(cumulative));
            else
                std::snprintf(line, sizeof line, "dc_http_request_duration_seconds_bucket{listener=\"%s\",le=\"+Inf\"} %llu\n",
                              kListeners[i], static_cast<unsigned long long>(cumulative));
            out += line;
        }
        std::snprintf(line, sizeof line, "dc_http_request_duration_seconds_sum{listener=\"%s\"} %.6f\n", kListeners[i],
                      static_cast<double>(h.sumMicros.load(std::memory_order_relaxed)) / 1e6);
        out += line;
        std::snprintf(line, sizeof line, "dc_http_request_duration_seconds_count{listener=\"%s\"} %llu\n", kListeners[i],
                      static_cast<unsigned long long>(h.count.load(std::memory_order_relaxed)));
        out += line;
    }
    return out;
}

}  // namespace dc::server
