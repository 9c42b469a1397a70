#include "e2e/kiosk_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "support/run_command.hpp"

namespace dc::test {
namespace {

// One Xvfb for the test process, started on first use on a display number it picks itself
// (-displayfd), stopped at exit. (xvfb-run was flaky here: now and then it failed to remove
// its own temporary folder and turned a passing run into exit code 5.)
class XServer {
public:
    static const std::string& display() {
        static XServer server;
        return server.m_display;
    }
    ~XServer() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
    }

private:
    XServer() {
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
        m_pid = ::fork();
        if (m_pid == 0) {
            ::close(fds[0]);
            const int null = ::open("/dev/null", O_RDWR);
            ::dup2(null, 1);
            ::dup2(null, 2);
            const std::string fd = std::to_string(fds[1]);
            ::execlp(DC_XVFB, DC_XVFB, "-displayfd", fd.c_str(), "-screen", "0", "1920x1080x24", "-nolisten", "tcp",
                     static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        std::string number;
        pollfd p{fds[0], POLLIN, 0};
        char c = 0;
        while (::poll(&p, 1, 120000) > 0 && ::read(fds[0], &c, 1) == 1 && c != '\n') number += c;
        ::close(fds[0]);
        if (number.empty()) throw std::runtime_error("Xvfb did not start");
        m_display = ":" + number;
    }
    pid_t m_pid = -1;
    std::string m_display;
};

}  // namespace

const std::string& xvfbDisplay() { return XServer::display(); }

std::string quote(const std::string& arg) {
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

ProcessResult runKiosk(const KioskRun& run, const std::filesystem::path& workDir) {
    std::string command = run.environment.empty() ? "" : run.environment + " ";
    if (run.underXvfb) command = "DISPLAY=" + XServer::display() + " " + command;
    command += quote(run.binary);
    for (const auto& a : run.args) command += " " + quote(a);
    if (!run.script.empty()) {
        // A step waits for its condition (text on screen, a screen settled); the cap only decides
        // how long a failing run takes, so it is generous enough for a machine many times slower
        // than ours (an answer from the server, a first catalog, a busy machine's llvmpipe).
        if (std::find(run.args.begin(), run.args.end(), "--step-timeout") == run.args.end()) command += " --step-timeout 180";
        const auto scriptFile = workDir / "test.script";
        std::ofstream(scriptFile) << run.script;
        command += " --script " + quote(scriptFile.string());
    }
    command += " 2>&1";

    auto ran = runShell(command);
    return {ran.exitCode, std::move(ran.output)};
}

}  // namespace dc::test
