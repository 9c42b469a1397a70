#pragma once
// A real dc-server process on 127.0.0.1 (any free port), its admin commands, and a throwaway
// PostgreSQL cluster for the PostgreSQL backend.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace dc::test {

struct CommandResult {
    int exitCode = -1;
    std::string output;  // stdout
};
// Runs dc-server with `args` and waits for it.
CommandResult runServerCommand(const std::vector<std::string>& args);

class ServerProcess {
public:
    // `db`: a SQLite path or a PostgreSQL connection string; `extra`: more serve options.
    ServerProcess(std::string db, const std::filesystem::path& workDir, std::vector<std::string> extra = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    std::string url() const;
    bool running() const { return m_pid > 0; }
    void stop();  // SIGTERM and wait
    const std::string& db() const { return m_db; }

private:
    std::string m_db;
    pid_t m_pid = -1;
    int m_port = 0;
    bool m_tls = false;
};

// initdb + pg_ctl start on a free port, in its own folder; stopped and removed at the end.
// available() is false (with why()) where PostgreSQL is not installed.
class PostgresCluster {
public:
    explicit PostgresCluster(const std::filesystem::path& dir);
    ~PostgresCluster();
    bool available() const { return !m_conninfo.empty(); }
    const std::string& why() const { return m_why; }
    const std::string& conninfo() const { return m_conninfo; }

private:
    std::filesystem::path m_dir;
    std::string m_conninfo, m_why;
    bool m_asPostgresUser = false;
};

int freeLoopbackPort();

}  // namespace dc::test
