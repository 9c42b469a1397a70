#pragma once

namespace dc::app {

// Exit codes: 0 normal end (or every script step passed), 1 a script step failed,
// 2 the kiosk could not start (bad option, database, fonts, display).
int runKiosk(int argc, char** argv);

}  // namespace dc::app
