// dc-server: the reference central server of protocol v1, and its admin commands.
#include <chrono>
#include <ctime>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "catalog/catalog_json.hpp"
#include "common/utf8.hpp"
#include "catalog/jobposting_jsonld.hpp"
#include "sync/server/central_service.hpp"
#include "common/log.hpp"
#include "sync/server/http_server.hpp"
#include "sync/server/office/console.hpp"
#include "sync/server/office/feeds.hpp"
#include "sync/server/office/office_service.hpp"
#include "sync/server/office/sms.hpp"

namespace {

constexpr const char* kUsage = R"(usage: dc-server COMMAND --db WHERE [options]

WHERE is a SQLite file (server.db, sqlite:/path/server.db) or a PostgreSQL connection string
(postgresql://user@host:port/db, or "host=... port=... dbname=...").

commands:
  serve [--listen HOST:PORT] [--port-file FILE] [--tls-cert PEM --tls-key PEM]
        [--threads N] [--quiet] [--faults SPEC]
        [--max-connections N] [--max-per-client N] [--head-timeout SECONDS]
        [--office-listen HOST:PORT] [--office-port-file FILE] [--call-raise-minutes N]
        [--sms-gateway gammu:OUTBOX-DIR|URL [--sms-token-file FILE]]
                              answer devices (PORT 0: any free port, written to FILE);
                              at most N connections (4000), N from one address (64); a
                              request's line and headers must arrive whole in SECONDS (20);
                              the office console at http(s)://HOST:PORT/office/ when asked,
                              a call for a clerk no one took raised again every N minutes (3);
                              text messages to people who asked for them, through
                              gammu-smsd's outbox folder or an HTTP gateway (JSON POST)
  user add --name NAME --role caseworker|coordinator|admin [--office OFFICE] --password-stdin
  user reset --name NAME --password-stdin | user disable|enable --name NAME | user list
                              staff accounts of the office console (with --office: they
                              see only that office's kiosks and records)
  token [--note TEXT] [--valid-hours N] [--office OFFICE]
                              print a one-time enrollment token for a new device (of OFFICE:
                              its codes are known at that office's kiosks only)
  devices                     list enrolled devices and their last heartbeat
  import [--feed NAME] FILE...
                              add or update jobs and courses: the catalog's JSON Lines (what
                              dc-catalog-gen writes) or schema.org JobPosting JSON-LD (each
                              posting imported, withdrawn when past its closing date, or
                              refused with the reason; exit status 3 when any was refused).
                              With --feed, the files are that feed's whole list, as uploaded
                              in the console: postings gone from it are closed
  export applications|enrollments
                              CSV on standard output
  cancel REFERENCE-CODE       cancel an enrollment; its seat goes to the waitlist
  config [--device ID] JSON   configuration every device (or one) receives with its heartbeat
  attachments                 list attachments (ID photos) and how much of each has arrived
  attachment ID --out FILE    write a complete attachment to FILE
  report [--from DAY] [--to DAY]
                              CSV of the anonymous daily usage counts, summed over devices
)";

struct Args {
    std::string command, db;
    std::vector<std::string> positional;
    dc::server::ServeOptions serve;
    std::string out, device = "*";
    std::string faults, note = "", from = "0000-00-00", to = "9999-99-99";
    std::string name, role, office;
    bool passwordStdin = false;
    int validHours = 168;
    int callRaiseMinutes = 3;
    std::string smsGateway, smsTokenFile;
    std::string feed;
};

int usage(const std::string& problem) {
    std::fprintf(stderr, "dc-server: %s\n\n%s", problem.c_str(), kUsage);
    return 2;
}

bool parsePositiveInt(const std::string& text, int max, int& out) {
    try {
        size_t used = 0;
        const int v = std::stoi(text, &used);
        if (used != text.size() || v < 0 || v > max) return false;
        out = v;
        return true;
    } catch (...) {
        return false;
    }
}

std::string readFile(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    ok = static_cast<bool>(in) || in.eof();
    return s.str();
}

// `dc-server import`: each file through the feed reader the console's upload uses.
int importFiles(dc::server::ConnectionPool& pool, const Args& a) {
    dc::server::office::FeedService feeds(pool, [] { return static_cast<int64_t>(std::time(nullptr)); });
    int status = 0;
    for (const auto& file : a.positional) {
        bool ok = false;
        const std::string text = readFile(file, ok);
        if (!ok) return std::fprintf(stderr, "dc-server: cannot read %s\n", file.c_str()), 1;
        auto run = feeds.importText(a.feed, text, "dc-server import");
        if (!run)
            return std::fprintf(stderr, "dc-server: %s: %s (nothing imported from it)\n", file.c_str(),
                                run.error().message().c_str()),
                   1;
        if (!run->error.empty())
            return std::fprintf(stderr, "dc-server: %s: %s (nothing imported from it)\n", file.c_str(), run->error.c_str()), 1;
        for (const auto& i : run->items)
            if (i.outcome == "refused" || i.outcome == "noted" || i.outcome == "closed")
                std::fprintf(stderr, "dc-server: %s: posting %zu%s%s %s: %s\n", file.c_str(), i.index, i.title.empty() ? "" : " ",
                             dc::utf8::printable(i.title.substr(0, 60)).c_str(), i.outcome.c_str(),
                             dc::utf8::printable(i.reason).c_str());
        std::printf("%s: %zu added, %zu changed, %zu unchanged, %zu closed, %zu refused\n", file.c_str(), run->added,
                    run->changed, run->unchanged, run->closed, run->refused);
        if (run->refused > 0) status = 3;
    }
    return status;
}

}  // namespace

// The subcommands' dispatcher: one branch per command of the usage text above, each a few lines
// handing off to the service; long because dc-server has many commands.
int main(int argc, char** argv) {
    dc::log::setProgram("dc-server");
    Args a;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    a.command = args[0];
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& k = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (k == "--db") {
            if (!value(a.db)) return usage("--db needs a value");
        } else if (k == "--listen") {
            if (!value(v)) return usage("--listen needs HOST:PORT");
            const size_t colon = v.rfind(':');
            if (colon == std::string::npos || !parsePositiveInt(v.substr(colon + 1), 65535, a.serve.port))
                return usage("--listen needs HOST:PORT with a port from 0 to 65535");
            a.serve.host = v.substr(0, colon);
        } else if (k == "--port-file") {
            if (!value(a.serve.portFile)) return usage("--port-file needs a file");
        } else if (k == "--tls-cert") {
            if (!value(a.serve.tlsCert)) return usage("--tls-cert needs a file");
        } else if (k == "--tls-key") {
            if (!value(a.serve.tlsKey)) return usage("--tls-key needs a file");
        } else if (k == "--threads") {
            int n = 0;
            if (!value(v) || !parsePositiveInt(v, 256, n) || n == 0) return usage("--threads needs a number from 1 to 256");
            a.serve.threads = static_cast<size_t>(n);
        } else if (k == "--max-connections") {
            int n = 0;
            if (!value(v) || !parsePositiveInt(v, 100000, n) || n == 0)
                return usage("--max-connections needs a number from 1 to 100000");
            a.serve.limits.maxConnections = static_cast<size_t>(n);
        } else if (k == "--max-per-client") {
            int n = 0;
            if (!value(v) || !parsePositiveInt(v, 100000, n) || n == 0)
                return usage("--max-per-client needs a number from 1 to 100000");
            a.serve.limits.maxPerClient = static_cast<size_t>(n);
        } else if (k == "--head-timeout") {
            int n = 0;
            if (!value(v) || !parsePositiveInt(v, 3600, n) || n == 0) return usage("--head-timeout needs seconds from 1 to 3600");
            a.serve.limits.headSeconds = n;
        } else if (k == "--office-listen") {
            if (!value(v)) return usage("--office-listen needs HOST:PORT");
            const size_t colon = v.rfind(':');
            if (colon == std::string::npos || colon == 0 || !parsePositiveInt(v.substr(colon + 1), 65535, a.serve.officePort))
                return usage("--office-listen needs HOST:PORT with a port from 0 to 65535");
            a.serve.officeHost = v.substr(0, colon);
        } else if (k == "--office-port-file") {
            if (!value(a.serve.officePortFile)) return usage("--office-port-file needs a file");
        } else if (k == "--call-raise-minutes") {
            if (!value(v) || !parsePositiveInt(v, 600, a.callRaiseMinutes) || a.callRaiseMinutes == 0)
                return usage("--call-raise-minutes needs a number from 1 to 600");
        } else if (k == "--sms-gateway") {
            if (!value(a.smsGateway)) return usage("--sms-gateway needs gammu:OUTBOX-DIR or a URL");
        } else if (k == "--sms-token-file") {
            if (!value(a.smsTokenFile)) return usage("--sms-token-file needs a file");
        } else if (k == "--name") {
            if (!value(a.name)) return usage("--name needs a name");
        } else if (k == "--feed") {
            if (!value(a.feed) || !dc::server::office::validFeedName(a.feed))
                return usage("--feed needs a feed's name: 1 to 32 of a-z, 0-9 and -");
        } else if (k == "--office") {
            if (!value(a.office)) return usage("--office needs an office's name");
        } else if (k == "--role") {
            if (!value(a.role)) return usage("--role needs caseworker, coordinator or admin");
        } else if (k == "--password-stdin")
            a.passwordStdin = true;
        else if (k == "--quiet")
            a.serve.quiet = true;
        else if (k == "--faults") {
            if (!value(a.faults)) return usage("--faults needs a plan");
        } else if (k == "--note") {
            if (!value(a.note)) return usage("--note needs text");
        } else if (k == "--device") {
            if (!value(a.device)) return usage("--device needs a device id");
        } else if (k == "--out") {
            if (!value(a.out)) return usage("--out needs a file");
        } else if (k == "--from") {
            if (!value(a.from)) return usage("--from needs a day (YYYY-MM-DD)");
        } else if (k == "--to") {
            if (!value(a.to)) return usage("--to needs a day (YYYY-MM-DD)");
        } else if (k == "--valid-hours") {
            if (!value(v) || !parsePositiveInt(v, 24 * 365, a.validHours) || a.validHours == 0)
                return usage("--valid-hours needs a number of hours (1 to 8760)");
        } else if (k.starts_with("--"))
            return usage("unknown option " + k);
        else
            a.positional.push_back(k);
    }
    if (a.db.empty()) return usage("--db is needed");
    if (a.serve.tlsCert.empty() != a.serve.tlsKey.empty()) return usage("--tls-cert and --tls-key go together");

    const size_t poolSize = a.command == "serve" ? a.serve.threads : 1;
    auto pool = dc::server::ConnectionPool::open(a.db, poolSize);
    if (!pool) {
        std::fprintf(stderr, "dc-server: %s\n", pool.error().message().c_str());
        return 1;
    }
    dc::server::CentralService service(**pool);
    if (auto r = service.prepareSchema(); !r) {
        std::fprintf(stderr, "dc-server: preparing the database: %s\n", r.error().message().c_str());
        return 1;
    }

    if (a.command == "serve") {
        auto faults = dc::server::FaultPlan::parse(a.faults);
        if (!faults) return usage(faults.error().message());
        if (!a.faults.empty()) std::fprintf(stderr, "dc-server: FAULTS WILL BE INJECTED: %s\n", a.faults.c_str());
        dc::server::office::OfficeService office(**pool);
        office.setCallRaiseSeconds(int64_t{a.callRaiseMinutes} * 60);
        dc::server::Api api(service, &office);
        dc::server::office::Console console(office, !a.serve.tlsCert.empty());
        std::unique_ptr<dc::server::office::SmsGateway> gateway;
        if (!a.smsGateway.empty()) {
            auto opened = dc::server::office::openSmsGateway(a.smsGateway, a.smsTokenFile);
            if (!opened) return usage(opened.error().message());
            gateway = std::move(*opened);
        }
        // The server's own chores, on their own thread so a slow SMS gateway or feed host never holds
        // up a kiosk or a caseworker: texts every second, due feeds every minute, and jobs past their
        // closing date taken off the kiosks at start and every hour.
        dc::server::office::FeedService feeds(**pool, [&office] { return office.now(); });
        std::mutex stopMutex;
        std::condition_variable stopSignal;
        bool stopping = false;
        if (gateway && !a.serve.quiet) std::fprintf(stderr, "dc-server: text messages through %s\n", gateway->describe().c_str());
        std::thread chores([&] {
            int64_t feedsAt = 0, expiryAt = 0;
            auto say = [&](const char* what, const dc::Error& e) {
                if (!a.serve.quiet) std::fprintf(stderr, "dc-server: %s: %s\n", what, e.message().c_str());
            };
            std::unique_lock lock(stopMutex);
            while (!stopping) {
                lock.unlock();
                const int64_t now = office.now();
                if (gateway)
                    if (auto sent = dc::server::office::sendDueSms(**pool, *gateway, now); !sent)
                        say("text messages", sent.error());
                if (now - feedsAt >= 60) {
                    feedsAt = now;
                    if (auto ran = feeds.runDue(); !ran) say("job feeds", ran.error());
                }
                if (now - expiryAt >= 3600) {
                    expiryAt = now;
                    auto gone = feeds.withdrawExpired();
                    if (!gone)
                        say("closing expired jobs", gone.error());
                    else if (!gone->empty() && !a.serve.quiet)
                        std::fprintf(stderr, "dc-server: %zu jobs past their closing date taken off the kiosks\n", gone->size());
                }
                lock.lock();
                stopSignal.wait_for(lock, std::chrono::seconds(1), [&] { return stopping; });
            }
        });
        const int rc =
            dc::server::serve(api, *faults, a.serve, [&console](const dc::server::HttpRequest& r) { return console.handle(r); });
        {
            std::lock_guard lock(stopMutex);
            stopping = true;
        }
        stopSignal.notify_all();
        chores.join();
        return rc;
    }
    if (a.command == "user") {
        dc::server::office::OfficeService office(**pool);
        const std::string verb = a.positional.empty() ? "" : a.positional[0];
        auto password = [&]() -> std::optional<std::string> {
            if (!a.passwordStdin) return std::nullopt;
            std::string line;
            std::getline(std::cin, line);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return line;
        };
        auto report = [](const dc::Expected<void>& r) {
            if (r) return 0;
            std::fprintf(stderr, "dc-server: %s\n", r.error().message().c_str());
            return r.error().code() == dc::ErrorCode::InvalidInput ? 2 : 1;
        };
        if (verb == "add") {
            const auto role = dc::server::office::roleFromName(a.role);
            if (a.name.empty() || !role)
                return usage("user add needs --name NAME --role caseworker|coordinator|admin --password-stdin");
            const auto pw = password();
            if (!pw) return usage("user add reads the password from standard input: --password-stdin");
            return report(office.addUser(a.name, *role, *pw, a.office));
        }
        if (verb == "reset") {
            const auto pw = password();
            if (a.name.empty() || !pw) return usage("user reset needs --name NAME --password-stdin");
            return report(office.setPassword(a.name, *pw));
        }
        if (verb == "disable" || verb == "enable") {
            if (a.name.empty()) return usage("user " + verb + " needs --name NAME");
            return report(office.setDisabled(a.name, verb == "disable"));
        }
        if (verb == "list") {
            auto users = office.users();
            if (!users) return std::fprintf(stderr, "dc-server: %s\n", users.error().message().c_str()), 1;
            for (const auto& u : *users)
                std::printf("%-24s %-12s %-8s %s\n", u.name.c_str(), dc::server::office::roleName(u.role),
                            u.disabled                         ? "disabled"
                                : u.lockedUntil > office.now() ? "locked"
                                                               : "active",
                            u.office.empty() ? "(every office)" : u.office.c_str());
            return 0;
        }
        return usage("user needs add, reset, disable, enable or list");
    }
    if (a.command == "token") {
        auto token = service.issueToken(a.note, int64_t{a.validHours} * 3600, a.office);
        if (!token) return std::fprintf(stderr, "dc-server: %s\n", token.error().message().c_str()), 1;
        std::printf("%s\n", token->c_str());
        return 0;
    }
    if (a.command == "devices") {
        auto list = service.devices();
        if (!list) return std::fprintf(stderr, "dc-server: %s\n", list.error().message().c_str()), 1;
        std::printf("%-20s %-28s %-10s %8s %8s %12s  %s\n", "device", "name", "version", "queue", "set-aside", "last seen",
                    "last error");
        const int64_t now = service.now();
        for (const auto& d : *list) {
            const std::string seen = d.lastSeen ? std::to_string(now - d.lastSeen) + " s ago" : "never";
            // What devices sent is shown, never obeyed: no escape sequences, no direction overrides.
            std::printf("%-20s %-28s %-10s %8lld %8lld %12s  %s\n", dc::utf8::printable(d.id).c_str(),
                        dc::utf8::printable(d.name.substr(0, 28)).c_str(), dc::utf8::printable(d.version).c_str(),
                        static_cast<long long>(d.queueDepth), static_cast<long long>(d.quarantined), seen.c_str(),
                        dc::utf8::printable(d.lastError).c_str());
        }
        return 0;
    }
    if (a.command == "import") {
        if (a.positional.empty()) return usage("import needs one or more files");
        return importFiles(**pool, a);
    }
    if (a.command == "export") {
        if (a.positional.size() != 1) return usage("export needs \"applications\" or \"enrollments\"");
        auto csv = service.exportCsv(a.positional[0]);
        if (!csv) return usage(csv.error().message());
        std::fwrite(csv->data(), 1, csv->size(), stdout);
        return 0;
    }
    if (a.command == "cancel") {
        if (a.positional.size() != 1) return usage("cancel needs one reference code");
        auto said = service.cancelEnrollment(a.positional[0]);
        if (!said) return std::fprintf(stderr, "dc-server: %s\n", said.error().message().c_str()), 1;
        std::printf("%s\n", said->c_str());
        return 0;
    }
    if (a.command == "config") {
        if (a.positional.size() != 1)
            return usage("config needs one JSON object of configuration keys, e.g. '{\"kiosk.idle_timeout_s\":120}'");
        if (auto r = service.setConfig(a.device, a.positional[0]); !r)
            return std::fprintf(stderr, "dc-server: %s\n", r.error().message().c_str()), 1;
        return 0;
    }
    if (a.command == "attachments") {
        auto list = service.attachments();
        if (!list) return std::fprintf(stderr, "dc-server: %s\n", list.error().message().c_str()), 1;
        std::printf("%-34s %-20s %-10s %10s %10s  %s\n", "attachment", "device", "kind", "size", "received", "state");
        for (const auto& x : *list)
            std::printf("%-34s %-20s %-10s %10lld %10lld  %s\n", x.id.c_str(), x.deviceId.c_str(), x.kind.c_str(),
                        static_cast<long long>(x.size), static_cast<long long>(x.received),
                        x.complete ? "complete, SHA-256 verified" : "arriving");
        return 0;
    }
    if (a.command == "attachment") {
        if (a.positional.size() != 1 || a.out.empty()) return usage("attachment needs an id and --out FILE");
        auto bytes = service.attachmentBytes(a.positional[0]);
        if (!bytes) return std::fprintf(stderr, "dc-server: %s\n", bytes.error().message().c_str()), 1;
        std::ofstream file(a.out, std::ios::binary | std::ios::trunc);
        if (!(file << *bytes) || !file.flush()) return std::fprintf(stderr, "dc-server: cannot write %s\n", a.out.c_str()), 1;
        return 0;
    }
    if (a.command == "report") {
        auto csv = service.reportCsv(a.from, a.to);
        if (!csv) return std::fprintf(stderr, "dc-server: %s\n", csv.error().message().c_str()), 1;
        std::fwrite(csv->data(), 1, csv->size(), stdout);
        return 0;
    }
    return usage("unknown command \"" + a.command + "\"");
}
