#include "app/ui/jobseeker/session.hpp"

#include "common/log.hpp"

#include <ctime>

namespace dc::ui {

std::string todayIso() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
    return buf;
}

void logLoadError(const char* what, const Error& error) {
    logLine(std::string("could not load ") + what + ": " + error.message());
}

}  // namespace dc::ui
