#pragma once
// Runs a shell command line and collects what it prints (stdout; add "2>&1" for stderr too).
#include <string>

namespace dc::test {

struct CommandOutput {
    int exitCode = -1;  // -1 when it could not run or did not exit normally
    std::string output;
};

CommandOutput runShell(const std::string& command);

}  // namespace dc::test
