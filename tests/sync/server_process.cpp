#include "sync/server_process.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "support/run_command.hpp"

#include "support/temp_dir.hpp"

namespace dc::test {
namespace {

std::string shellQuote(const std::string& arg) {
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string run(const std::string& command, int& exitCode) {
    auto result = runShell(command);
    exitCode = result.exitCode;
    return std::move(result.output);
}

}  // namespace

int freeLoopbackPort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(s);
    return ntohs(addr.sin_port);
}

CommandResult runServerCommand(const std::vector<std::string>& args) {
    std::string command = shellQuote(DC_SERVER_PATH);
    for (const auto& a : args) command += " " + shellQuote(a);
    CommandResult r;
    r.output = run(command + " 2>/dev/null", r.exitCode);
    return r;
}

ServerProcess::ServerProcess(std::string db, const std::filesystem::path& workDir, std::vector<std::string> extra)
    : m_db(std::move(db)) {
    const auto portFile = workDir / ("port-" + std::to_string(::getpid()) + "-" + std::to_string(freeLoopbackPort()));
    std::filesystem::remove(portFile);
    for (const auto& e : extra) m_tls = m_tls || e == "--tls-cert";
    std::vector<std::string> args = {DC_SERVER_PATH, "serve",           "--db",   m_db, "--listen", "127.0.0.1:0",
                                     "--port-file",  portFile.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    m_pid = ::fork();
    if (m_pid == 0) {
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    // Until it listens or exits: a busy machine may take many seconds to start it.
    for (int i = 0; i < 6000 && m_port == 0; ++i) {
        std::ifstream in(portFile);
        if (!(in >> m_port)) m_port = 0;
        if (m_port == 0) {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                throw std::runtime_error("dc-server exited at start");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    std::filesystem::remove(portFile);
    if (m_port == 0) throw std::runtime_error("dc-server did not start listening");
}

ServerProcess::~ServerProcess() { stop(); }

void ServerProcess::stop() {
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGTERM);
    ::waitpid(m_pid, nullptr, 0);
    m_pid = -1;
}

std::string ServerProcess::url() const {
    return std::string(m_tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port);
}

PostgresCluster::PostgresCluster(const std::filesystem::path& dir) : m_dir(dir / "pg") {
    const std::string bin = "/usr/lib/postgresql/15/bin/";
    if (!std::filesystem::exists(bin + "initdb")) {
        m_why = "PostgreSQL 15 is not installed";
        return;
    }
    std::filesystem::create_directories(m_dir);
    // initdb refuses to run as root: then the cluster belongs to the postgres user.
    m_asPostgresUser = ::geteuid() == 0;
    const std::string as = m_asPostgresUser ? "runuser -u postgres -- " : "";
    if (m_asPostgresUser) {
        int rc = 0;
        run("chown postgres " + shellQuote(m_dir.string()) + " && chmod 755 " + shellQuote(dir.string()), rc);
    }
    const int port = freeLoopbackPort();
    int rc = 0;
    const std::string log = run(
        as + bin + "initdb -D " + shellQuote(m_dir.string()) + " -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 2>&1",
        rc);
    if (rc != 0) {
        m_why = "initdb failed: " + log.substr(0, 300);
        return;
    }
    const std::string opts =
        "-p " + std::to_string(port) + " -k " + m_dir.string() + " -c listen_addresses=127.0.0.1 -c fsync=off";
    run(as + bin + "pg_ctl -D " + shellQuote(m_dir.string()) + " -o " + shellQuote(opts) + " -w -l " +
            shellQuote((m_dir / "log").string()) + " start 2>&1",
        rc);
    if (rc != 0) {
        m_why = "pg_ctl start failed";
        return;
    }
    m_conninfo = "host=127.0.0.1 port=" + std::to_string(port) + " user=postgres dbname=postgres";
}

PostgresCluster::~PostgresCluster() {
    if (m_conninfo.empty()) return;
    int rc = 0;
    const std::string as = m_asPostgresUser ? "runuser -u postgres -- " : "";
    run(as + "/usr/lib/postgresql/15/bin/pg_ctl -D " + shellQuote(m_dir.string()) + " -m immediate stop >/dev/null 2>&1", rc);
}

}  // namespace dc::test
