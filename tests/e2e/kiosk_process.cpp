#include "e2e/kiosk_process.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

namespace dc::test {

std::string quote(const std::string& arg) {
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

ProcessResult runKiosk(const KioskRun& run, const std::filesystem::path& workDir) {
    std::string command = run.environment.empty() ? "" : run.environment + " ";
    if (run.underXvfb) command += std::string(DC_XVFB_RUN) + " -a -s '-screen 0 1920x1080x24' ";
    command += quote(run.binary);
    for (const auto& a : run.args) command += " " + quote(a);
    if (!run.script.empty()) {
        const auto scriptFile = workDir / "test.script";
        std::ofstream(scriptFile) << run.script;
        command += " --script " + quote(scriptFile.string());
    }
    command += " 2>&1";

    ProcessResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace dc::test
