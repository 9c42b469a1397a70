#pragma once
// Starts the real dc-kiosk as a separate process (on a private Xvfb unless told otherwise) and
// collects its exit code and output.
#include <filesystem>
#include <string>
#include <vector>

namespace dc::test {

struct ProcessResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

struct KioskRun {
    std::string binary = DC_KIOSK_PATH;
    std::vector<std::string> args;
    std::string script;               // written to a file and passed with --script when not empty
    bool underXvfb = true;
    std::string environment;          // prefix such as "env -u DISPLAY SDL_VIDEODRIVER=x11"
};

ProcessResult runKiosk(const KioskRun& run, const std::filesystem::path& workDir);

// The display of the private Xvfb (started on first use, stopped at exit): ":N".
const std::string& xvfbDisplay();

// Shell-quotes one argument.
std::string quote(const std::string& arg);

}  // namespace dc::test
