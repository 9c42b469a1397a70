#include "app/ui/jobseeker/session.hpp"

#include "common/log.hpp"

namespace dc::ui {

void logLoadError(const char* what, const Error& error) {
    logLine(std::string("could not load ") + what + ": " + error.message());
}

}  // namespace dc::ui
