// libFuzzer target: the job feed reader takes any bytes without crashing; every posting it offers
// passes the catalog's own checks (what a kiosk would refuse never reaches the change log), and
// every refusal says why.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/catalog_checks.hpp"
#include "catalog/jobposting_jsonld.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto feed = dc::catalog::readJobPostingFeed(text, {.source = "fuzz", .today = "2026-12-03"});
    if (!feed) return 0;
    for (const auto* list : {&feed->jobs, &feed->expired})
        for (const auto& job : *list)
            if (!dc::domain::validateJob(job) || !job.id.starts_with("ld-fuzz-")) __builtin_trap();
    for (const auto& job : feed->expired)
        if (job.validThrough.empty() || job.validThrough >= "2026-12-03") __builtin_trap();
    for (const auto& r : feed->refused)
        if (r.reason.empty()) __builtin_trap();
    return 0;
}
