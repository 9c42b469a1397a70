#include "sync/server/office/fleet.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "common/utf8.hpp"
#include "firmware-config/device_config.hpp"
#include "sync/server/request_metrics.hpp"

namespace dc::server::office {
namespace {

using nlohmann::json;

bool mayManage(const Session& who) { return who.role == Role::Coordinator || who.role == Role::Admin; }

// Prometheus label values: backslash, quote and line break escaped.
std::string label(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

}  // namespace

FleetService::FleetService(ConnectionPool& pool, std::function<int64_t()> clock) : m_pool(pool), m_clock(std::move(clock)) {}

Expected<std::vector<KioskRow>> FleetService::kiosks(const Session& who) {
    if (!mayManage(who)) return fail(ErrorCode::Refused, "the fleet is for coordinators and administrators");
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT d.id, d.name, d.office, d.version, d.last_error, d.enrolled_at, coalesce(d.last_seen, 0), "
                    "d.sync_interval, d.queue_depth, d.oldest_pending, d.quarantined, d.disk_free, d.revoked, "
                    "(SELECT count(*) FROM intake i WHERE i.device_id = d.id AND i.kind = 'event' AND i.received_at >= $2 "
                    " AND NOT EXISTS (SELECT 1 FROM call_acks a WHERE a.record_id = i.record_id)), "
                    "d.os_version, d.printer, d.camera, d.database_bytes "
                    "FROM devices d WHERE ($1 = '' OR d.office = $1) ORDER BY d.name, d.id",
                    {who.office, now() - 3600}));
    std::vector<KioskRow> out;
    for (const auto& r : *rows) {
        KioskRow k{r.text(0),
                   r.text(1),
                   r.text(2),
                   r.text(3),
                   r.text(4),
                   r.integer(5),
                   r.integer(6),
                   r.integer(7),
                   r.integer(8),
                   r.integer(9),
                   r.integer(10),
                   r.integer(11),
                   r.integer(13),
                   r.integer(12) != 0,
                   false,
                   r.text(14),
                   r.text(15),
                   r.text(16),
                   {},
                   r.integer(17)};
        const int64_t interval = k.syncInterval > 0 ? k.syncInterval : kDefaultSyncInterval;
        k.silent = !k.revoked && (k.lastSeen == 0 || now() - k.lastSeen > kSilentIntervals * interval);
        out.push_back(std::move(k));
    }
    // Why records were set aside: the server's own refusals, most frequent first (few rows: an index
    // holds only the refused ones).
    DC_TRY(why,
           c->query("SELECT device_id, reason, count(*) FROM received WHERE outcome = 'rejected' "
                    "GROUP BY device_id, reason ORDER BY 3 DESC, 2"));
    std::map<std::string, std::string> reasons;
    for (const auto& r : *why) {
        std::string& line = reasons[r.text(0)];
        if (line.size() < 300) line += (line.empty() ? "" : "; ") + r.text(1).substr(0, 120) + " (" + r.text(2) + ")";
    }
    for (auto& k : out)
        if (auto it = reasons.find(k.id); it != reasons.end()) k.setAsideWhy = it->second;
    std::stable_sort(out.begin(), out.end(), [](const KioskRow& a, const KioskRow& b) { return a.silent && !b.silent; });
    return out;
}

Expected<void> FleetService::pushConfig(const std::string& target, const std::string& key, const std::string& value,
                                        const Session& who) {
    if (!mayManage(who)) return fail(ErrorCode::Refused, "configuration is pushed by coordinators and administrators");
    if (value.size() > 1000 || !utf8::isValid(value))
        return fail(ErrorCode::InvalidInput, "the value is at most 1,000 bytes of text");
    const config::SchemaKey* schemaKey = nullptr;
    for (const auto& k : config::schema())
        if (key == k.key) schemaKey = &k;
    if (!schemaKey) return fail(ErrorCode::InvalidInput, "there is no configuration key " + key);
    if (!config::pushable(key))
        return fail(ErrorCode::InvalidInput, key + " may not be set by the server (only by provisioning)");
    json typed;
    const std::string type = schemaKey->type;
    if (type == "integer") {
        int64_t n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc() || end != value.data() + value.size())
            return fail(ErrorCode::InvalidInput, key + " takes a whole number");
        typed = n;
    } else if (type == "boolean") {
        if (value != "true" && value != "false") return fail(ErrorCode::InvalidInput, key + " takes true or false");
        typed = value == "true";
    } else {
        typed = value;
    }
    // The kiosk's own rules: what it would refuse, the console refuses now, in the same words.
    const auto tried = config::applyPushedConfig(config::DeviceConfig{}, json{{key, typed}}.dump());
    if (!tried.problems.empty()) return fail(ErrorCode::InvalidInput, tried.problems.front());
    auto c = m_pool.acquire();
    return inTransaction<void>(*c, [&]() -> Expected<void> {
        // Within the account's office: its own kiosks, or the office as a whole; the fleet for an admin of every office.
        if (target == "*") {
            if (!who.office.empty())
                return fail(ErrorCode::Refused, "only an administrator of every office configures the whole fleet");
        } else if (target.starts_with("office:")) {
            if (!who.office.empty() && target != "office:" + who.office) return fail(ErrorCode::NotFound, "no such office");
        } else {
            DC_TRY(device, c->query("SELECT office FROM devices WHERE id = $1", {target}));
            if (device->empty() || (!who.office.empty() && (*device)[0].text(0) != who.office))
                return fail(ErrorCode::NotFound, "no kiosk has this id");
        }
        DC_TRY(current, c->query("SELECT config FROM device_config WHERE device_id = $1", {target}));
        json merged = current->empty() ? json::object() : json::parse((*current)[0].text(0), nullptr, false);
        if (!merged.is_object()) merged = json::object();
        merged[key] = typed;
        DC_CHECK(
            c->query("INSERT INTO device_config (device_id, config) VALUES ($1, $2) "
                     "ON CONFLICT (device_id) DO UPDATE SET config = excluded.config",
                     {target, merged.dump()}));
        DC_TRY(seq, nextCounter(*c, "config_history"));
        const std::string change = key + " = " + typed.dump();
        DC_CHECK(c->query("INSERT INTO config_history (seq, at, user_name, target, change) VALUES ($1, $2, $3, $4, $5)",
                          {*seq, now(), who.user, target, change}));
        return writeAudit(*c, now(), who.user, "config.push", target, change);
    });
}

Expected<std::vector<ConfigChange>> FleetService::configHistory(const Session& who, int limit) {
    if (!mayManage(who)) return fail(ErrorCode::Refused, "the fleet is for coordinators and administrators");
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT h.seq, h.at, h.user_name, h.target, h.change FROM config_history h WHERE $1 = '' OR h.target = "
                    "'office:' || $1 "
                    "OR h.target IN (SELECT id FROM devices WHERE office = $1) ORDER BY h.seq DESC LIMIT $2",
                    {who.office, int64_t{std::clamp(limit, 1, 500)}}));
    std::vector<ConfigChange> out;
    for (const auto& r : *rows) out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4)});
    return out;
}

Expected<std::string> FleetService::issueToken(const std::string& note, int64_t validHours, const std::string& office,
                                               const Session& who) {
    if (who.role != Role::Admin) return fail(ErrorCode::Refused, "enrollment tokens are made by administrators");
    if (note.size() > 200 || !utf8::isValid(note) || note.find_first_of("\r\n") != std::string::npos)
        return fail(ErrorCode::InvalidInput, "a note is at most 200 characters on one line");
    if (validHours < 1 || validHours > 8760) return fail(ErrorCode::InvalidInput, "a token is valid 1 to 8760 hours");
    if (!who.office.empty() && office != who.office)
        return fail(ErrorCode::Refused, "an administrator of one office makes tokens for it only");
    CentralService central(m_pool, m_clock);
    DC_TRY(token, central.issueToken(note, validHours * 3600, office));
    auto c = m_pool.acquire();
    DC_CHECK(writeAudit(*c, now(), who.user, "token.issue", office.empty() ? "(no office)" : office, note));
    return *token;
}

Expected<std::vector<TokenRow>> FleetService::tokens(const Session& who) {
    if (who.role != Role::Admin) return fail(ErrorCode::Refused, "enrollment tokens are made by administrators");
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT substr(token_hash, 1, 16), note, office, coalesce(device_id, ''), expires_at FROM tokens "
                    "WHERE ($1 = '' OR office = $1) AND expires_at > $2 - 30 * 86400 ORDER BY expires_at DESC LIMIT 500",
                    {who.office, now()}));
    std::vector<TokenRow> out;
    for (const auto& r : *rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.integer(4)});
    return out;
}

Expected<void> FleetService::revokeToken(const std::string& hashPrefix, const Session& who) {
    if (who.role != Role::Admin) return fail(ErrorCode::Refused, "enrollment tokens are revoked by administrators");
    if (hashPrefix.size() != 16 || hashPrefix.find_first_not_of("0123456789abcdef") != std::string::npos)
        return fail(ErrorCode::NotFound, "no unused token has this id");
    auto c = m_pool.acquire();
    return inTransaction<void>(*c, [&]() -> Expected<void> {
        // Expired now: enrolling with it is refused as "unknown, used or expired", like any other.
        DC_TRY(done,
               c->query("UPDATE tokens SET expires_at = $1 WHERE substr(token_hash, 1, 16) = $2 AND device_id IS NULL "
                        "AND expires_at > $1 AND ($3 = '' OR office = $3) RETURNING note",
                        {now(), hashPrefix, who.office}));
        if (done->size() != 1) return fail(ErrorCode::NotFound, "no unused token has this id");
        return writeAudit(*c, now(), who.user, "token.revoke", hashPrefix, (*done)[0].text(0));
    });
}

Expected<void> FleetService::revokeDevice(const std::string& deviceId, const Session& who) {
    if (who.role != Role::Admin) return fail(ErrorCode::Refused, "kiosks are revoked by administrators");
    auto c = m_pool.acquire();
    return inTransaction<void>(*c, [&]() -> Expected<void> {
        DC_TRY(done,
               c->query("UPDATE devices SET revoked = 1 WHERE id = $1 AND ($2 = '' OR office = $2) RETURNING id",
                        {deviceId, who.office}));
        if (done->empty()) return fail(ErrorCode::NotFound, "no kiosk has this id");
        return writeAudit(*c, now(), who.user, "device.revoke", deviceId);
    });
}

Expected<std::string> FleetService::metrics() {
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query(
               "SELECT id, name, office, coalesce(last_seen, 0), sync_interval, queue_depth, quarantined, revoked FROM devices"));
    int64_t ok = 0, silent = 0, revoked = 0;
    std::string perKiosk;
    for (const auto& r : *rows) {
        const int64_t interval = r.integer(4) > 0 ? r.integer(4) : kDefaultSyncInterval;
        const bool isRevoked = r.integer(7) != 0,
                   isSilent = !isRevoked && (r.integer(3) == 0 || now() - r.integer(3) > kSilentIntervals * interval);
        (isRevoked ? revoked : isSilent ? silent : ok) += 1;
        const std::string labels = "{kiosk=\"" + label(r.text(0)) + "\",office=\"" + label(r.text(2)) + "\"}";
        perKiosk += "dc_kiosk_queue_depth" + labels + " " + std::to_string(r.integer(5)) + "\n";
        perKiosk += "dc_kiosk_set_aside" + labels + " " + std::to_string(r.integer(6)) + "\n";
        perKiosk += "dc_kiosk_last_seen_seconds" + labels + " " + std::to_string(r.integer(3)) + "\n";
    }
    std::string out;
    out += "# HELP dc_kiosks Kiosks by state (silent: unheard for 3 sync intervals).\n# TYPE dc_kiosks gauge\n";
    out += "dc_kiosks{state=\"ok\"} " + std::to_string(ok) + "\ndc_kiosks{state=\"silent\"} " + std::to_string(silent) +
        "\ndc_kiosks{state=\"revoked\"} " + std::to_string(revoked) + "\n";
    out += "# HELP dc_kiosk_queue_depth Records waiting on the kiosk to be delivered.\n# TYPE dc_kiosk_queue_depth gauge\n";
    out += "# HELP dc_kiosk_set_aside Records the kiosk set aside (refused by the server).\n# TYPE dc_kiosk_set_aside gauge\n";
    out +=
        "# HELP dc_kiosk_last_seen_seconds When the kiosk was last heard (Unix time).\n# TYPE dc_kiosk_last_seen_seconds gauge\n";
    out += perKiosk;
    {
        std::lock_guard lock(m_countsMutex);
        if (m_countsAt == 0 || now() - m_countsAt >= kCountsSeconds || now() < m_countsAt) {
            DC_TRY(intake, c->query("SELECT kind, count(*) FROM received GROUP BY kind ORDER BY kind"));
            m_counts.clear();
            for (const auto& r : *intake)
                m_counts += "dc_records_received_total{kind=\"" + label(r.text(0)) + "\"} " + r.text(1) + "\n";
            m_countsAt = now();
        }
        out +=
            "# HELP dc_records_received_total Records received from kiosks, by kind (counted at most every 15 s).\n"
            "# TYPE dc_records_received_total counter\n" +
            m_counts;
    }
    DC_TRY(sms, c->query("SELECT state, count(*) FROM sms_outbox GROUP BY state ORDER BY state"));
    out += "# HELP dc_sms Text messages to people, by state.\n# TYPE dc_sms gauge\n";
    for (const auto& r : *sms) out += "dc_sms{state=\"" + label(r.text(0)) + "\"} " + r.text(1) + "\n";
    DC_TRY(calls,
           c->query("SELECT count(*) FROM intake i WHERE i.kind = 'event' AND i.received_at >= $1 "
                    "AND NOT EXISTS (SELECT 1 FROM call_acks a WHERE a.record_id = i.record_id)",
                    {now() - 3600}));
    out += "# HELP dc_calls_waiting Calls for a clerk in the last hour no one has taken.\n# TYPE dc_calls_waiting gauge\n";
    out += "dc_calls_waiting " + (*calls)[0].text(0) + "\n";
    return out + requestMetrics();
}

}  // namespace dc::server::office
