#include "sync/client/sync_worker.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <utility>
#include <sstream>

namespace dc::sync {
namespace {

int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A default route in the kernel's table: the cheapest sign that a network is there at all.
bool hasDefaultRoute() {
    std::ifstream routes("/proc/net/route");
    std::string line;
    std::getline(routes, line);  // header
    while (std::getline(routes, line)) {
        std::istringstream fields(line);
        std::string iface, destination;
        fields >> iface >> destination;
        if (destination == "00000000" && iface != "lo") return true;
    }
    return false;
}

}  // namespace

const char* syncStateText(SyncState s) {
    switch (s) {
        case SyncState::NotSetUp: return "not set up";
        case SyncState::Connecting: return "connecting";
        case SyncState::Idle: return "up to date";
        case SyncState::Busy: return "sending and fetching";
        case SyncState::Offline: return "offline";
        case SyncState::BackingOff: return "waiting to retry";
    }
    return "";
}

std::chrono::milliseconds BackoffPolicy::delay(int failures, double unit, std::optional<std::chrono::seconds> retryAfter) const {
    const int shift = std::clamp(failures - 1, 0, 30);
    const double ceiling = std::min(static_cast<double>(cap.count()), static_cast<double>(base.count()) * std::ldexp(1.0, shift));
    auto d = std::chrono::milliseconds(static_cast<int64_t>(std::clamp(unit, 0.0, 1.0) * ceiling));
    if (retryAfter)
        d = std::max<std::chrono::milliseconds>(d, std::min<std::chrono::seconds>(*retryAfter, std::chrono::hours(1)));
    return d;
}

SyncWorker::SyncWorker(std::filesystem::path dbFile, store::FieldCipher cipher, SyncConfig config, CurlOptions curl,
                       Options options, std::function<void()> onChange)
    : m_dbFile(std::move(dbFile)),
      m_cipher(std::move(cipher)),
      m_config(std::move(config)),
      m_curl(std::move(curl)),
      m_options(options),
      m_onChange(std::move(onChange)) {
    m_thread = std::thread([this] { run(); });
}

SyncWorker::~SyncWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
    for (auto& t : m_lookups) t.join();
}

void SyncWorker::lookUpStatus(std::string code, std::function<void(Expected<std::optional<StatusAnswerItem>>)> done) {
    std::lock_guard lock(m_mutex);
    m_lookups.emplace_back([this, code = std::move(code), done = std::move(done)] {
        // Its own connection and transport: a round in progress is not disturbed, and a person
        // waiting at the screen is not kept waiting long by a slow line.
        CurlOptions quick = m_curl;
        quick.connectTimeout = std::min(quick.connectTimeout, std::chrono::seconds(4));
        quick.answerTimeout = std::min(quick.answerTimeout, std::chrono::seconds(8));
        auto db = store::Database::open(m_dbFile);
        if (!db) return done(std::unexpected(db.error()));
        auto http = makeCurlTransport(quick);
        SyncClient client(*db, m_cipher, *http, m_config);
        auto answer = client.lookUpStatus({code});
        if (!answer) return done(std::unexpected(answer.error()));
        if (answer->answers.empty()) return done(std::optional<StatusAnswerItem>());
        done(std::optional<StatusAnswerItem>(answer->answers.front()));
    });
}

void SyncWorker::syncNow() {
    {
        std::lock_guard lock(m_mutex);
        m_nudged = true;
    }
    m_wake.notify_all();
}

SyncStatus SyncWorker::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void SyncWorker::setStatus(const std::function<void(SyncStatus&)>& change) {
    {
        std::lock_guard lock(m_mutex);
        change(m_status);
    }
    if (m_onChange) m_onChange();
}

bool SyncWorker::waitFor(std::chrono::milliseconds d, bool watchNetwork) {
    const auto until = std::chrono::steady_clock::now() + d;
    const bool routeBefore = watchNetwork && hasDefaultRoute();
    std::unique_lock lock(m_mutex);
    while (!m_stop && !m_nudged) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= until) return false;
        // While offline, look for the network every few seconds: when it comes back, go at once.
        const auto step =
            watchNetwork ? std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::seconds(3)) : until - now;
        m_wake.wait_for(lock, step);
        if (watchNetwork && !routeBefore && !m_stop && !m_nudged) {
            lock.unlock();
            const bool up = hasDefaultRoute();
            lock.lock();
            if (up) return true;
        }
    }
    m_nudged = false;
    return true;
}

void SyncWorker::reenroll(std::string token) {
    {
        std::lock_guard lock(m_mutex);
        m_reenrollToken = std::move(token);
        m_nudged = true;
    }
    m_wake.notify_all();
}

void SyncWorker::run() {
    std::mt19937_64 random{std::random_device{}()};
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int failures = 0;
    std::optional<store::Database> db;
    auto transport = makeCurlTransport(m_curl);
    std::optional<SyncClient> client;
    for (;;) {
        std::optional<std::string> reenrollWith;
        {
            std::lock_guard lock(m_mutex);
            if (m_stop) return;
            m_nudged = false;
            reenrollWith = std::exchange(m_reenrollToken, std::nullopt);
        }
        if (!db) {
            auto opened = store::Database::open(m_dbFile);
            if (opened) db.emplace(std::move(*opened));
        }
        if (reenrollWith && db) {
            auto forgot = db->transaction([&]() -> Expected<void> {
                for (const char* key : {"sync.device_id", "sync.secret", "sync.enroll_request", "sync.updates_after"})
                    if (auto r = store::writeSetting(*db, key, ""); !r) return r;
                return {};
            });
            std::error_code gone;
            std::filesystem::remove(SyncClient::identityFileFor(m_dbFile), gone);  // or it would come back
            if (forgot && !gone) {
                m_config.enrollToken = *reenrollWith;
                client.reset();
                failures = 0;
                setStatus([](SyncStatus& s) { s.deviceId.clear(); });
            }
        }
        std::optional<Error> error;
        std::optional<std::chrono::seconds> retryAfter;
        if (!db) {
            error = Error(ErrorCode::IoError, "the kiosk's database could not be opened for sync");
        } else {
            if (!client) client.emplace(*db, m_cipher, *transport, m_config);
            setStatus([&](SyncStatus& s) { s.state = s.lastSuccessAt ? SyncState::Busy : SyncState::Connecting; });
            auto round = client->runRound();
            if (!round) error = round.error();
            retryAfter = client->retryAfter();
            auto stats = store::outboxStats(*db);
            auto officeConfig = store::readSetting(*db, "sync.config");
            setStatus([&](SyncStatus& s) {
                if (stats) {
                    s.pending = stats->pending;
                    s.setAside = stats->quarantined;
                }
                if (officeConfig) s.officeConfig = *officeConfig;
                s.deviceId = client->deviceId();
            });
        }
        if (!error) {
            failures = 0;
            setStatus([&](SyncStatus& s) {
                s.state = SyncState::Idle;
                s.lastSuccessAt = unixNow();
                s.lastError.clear();
                s.retryInSeconds = 0;
                ++s.rounds;
            });
            waitFor(m_options.idleInterval, false);
            continue;
        }
        ++failures;
        const bool offline = client && client->lastCallGotNoAnswer();
        // Not set up: no identity, and the reason is not just a network that is down.
        const bool notSetUp = client && !client->enrolled() && !offline && error->code() == ErrorCode::Refused;
        const auto wait = m_options.backoff.delay(failures, unit(random), retryAfter);
        setStatus([&](SyncStatus& s) {
            s.state = offline ? SyncState::Offline : notSetUp ? SyncState::NotSetUp : SyncState::BackingOff;
            s.lastError = error->message();
            s.retryInSeconds = std::chrono::duration_cast<std::chrono::seconds>(wait).count();
            ++s.rounds;
        });
        waitFor(wait, offline);
    }
}

}  // namespace dc::sync
