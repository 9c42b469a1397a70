#include "sync/server/office/sms.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/utf8.hpp"

namespace dc::server::office {
namespace {

using nlohmann::json;

struct PersonWord {
    std::string_view context;
    std::array<const char*, 4> text;  // en, ka, ru, be
};
// The kiosk's own words (app/ui/po), so a text says what the kiosk's screen says.
constexpr PersonWord kPersonWords[] = {
#include "person_words.inc"
};

size_t languageIndex(std::string_view language) {
    if (language == "ka") return 1;
    if (language == "ru") return 2;
    if (language == "be") return 3;
    return 0;
}

std::string personWord(std::string_view context, size_t lang) {
    for (const auto& w : kPersonWords)
        if (w.context == context) return w.text[lang];
    return {};
}

std::string sentenceFor(std::string_view status, std::optional<int64_t> position, size_t lang) {
    if (status == "waitlisted") {
        std::string s = personWord("StatusWaitlisted", lang);
        if (const size_t at = s.find("%d"); at != std::string::npos) s.replace(at, 2, position ? std::to_string(*position) : "?");
        return s;
    }
    static constexpr std::pair<std::string_view, std::string_view> kContexts[] = {
        {"submitted", "StatusSubmitted"}, {"forwarded", "StatusForwarded"},      {"invited", "StatusInvited"},
        {"hired", "StatusHired"},         {"not_selected", "StatusNotSelected"}, {"withdrawn", "StatusWithdrawn"},
        {"rejected", "StatusRejected"},   {"confirmed", "StatusConfirmed"},      {"promoted", "StatusConfirmed"},
        {"cancelled", "StatusCancelled"}, {"accepted", "StatusAccepted"},
    };
    for (const auto& [name, context] : kContexts)
        if (name == status) return personWord(context, lang);
    return {};
}

// Keeps at most `limit` characters, ending with "…" when cut.
std::string cutTo(const std::string& text, size_t limit) {
    std::vector<char32_t> points;
    if (!utf8::decode(text, points) || points.size() <= limit) return text;
    std::string out;
    for (size_t i = 0; i + 1 < limit; ++i) utf8::append(out, points[i]);
    out += "…";
    return out;
}

std::string utf16WithBom(const std::string& text) {
    std::vector<char32_t> points;
    utf8::decode(text, points);
    std::string out = "\xFF\xFE";
    auto unit = [&](uint32_t u) {
        out += static_cast<char>(u & 0xFF);
        out += static_cast<char>((u >> 8) & 0xFF);
    };
    for (char32_t p : points) {
        if (p >= 0x10000) {
            const uint32_t v = p - 0x10000;
            unit(0xD800 + (v >> 10));
            unit(0xDC00 + (v & 0x3FF));
        } else {
            unit(p);
        }
    }
    return out;
}

size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

}  // namespace

std::string smsNumber(std::string_view phone) {
    std::string digits;
    bool plus = false;
    for (size_t i = 0; i < phone.size(); ++i) {
        const char ch = phone[i];
        if (ch >= '0' && ch <= '9')
            digits += ch;
        else if (ch == '+' && digits.empty() && !plus)
            plus = true;
        else if (ch != ' ' && ch != '-' && ch != '.' && ch != '(' && ch != ')')
            return {};
    }
    if (digits.size() < 6 || digits.size() > 15) return {};
    return (plus ? "+" : "") + digits;
}

std::string smsText(std::string_view language, std::string_view code, std::string_view status,
                    std::optional<int64_t> waitlistPosition, std::string_view detail, std::string_view message) {
    const size_t lang = languageIndex(language);
    std::string text =
        personWord("AppName", lang) + ", " + std::string(code) + ": " + sentenceFor(status, waitlistPosition, lang);
    if (!detail.empty()) text += " " + std::string(detail);
    if (!message.empty()) text += " " + std::string(message);
    return cutTo(text, kMaxSmsCharacters);
}

Expected<bool> queueSmsInTransaction(SqlConnection& c, const std::string& record, const std::string& personJson,
                                     const std::string& text, int64_t now) {
    const json person = json::parse(personJson, nullptr, false);
    if (!person.is_object() || !person.contains("sms") || person["sms"] != true || !person.contains("phone") ||
        !person["phone"].is_string())
        return false;
    const std::string number = smsNumber(person["phone"].get<std::string>());
    if (number.empty() || text.empty()) return false;
    DC_TRY(id, nextCounter(c, "sms"));
    DC_CHECK(
        c.query("INSERT INTO sms_outbox (id, record, number, text, state, attempts, next_at, created_at) "
                "VALUES ($1, $2, $3, $4, 'waiting', 0, $5, $5)",
                {*id, record, number, text, now}));
    return true;
}

Expected<void> GammuSpoolGateway::send(const SmsMessage& m) {
    if (smsNumber(m.number) != m.number) return fail(ErrorCode::InvalidInput, "not a phone number: " + m.number);
    const std::time_t t = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d_%H%M%S", &utc);
    const std::string name = "OUTB" + std::string(stamp) + "_00_" + m.number + "_dc" + std::to_string(m.id) + ".txt";
    const std::string hidden = m_outbox + "/.dc-" + std::to_string(m.id) + ".tmp", final = m_outbox + "/" + name;
    const int fd = ::open(hidden.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0640);
    if (fd < 0) return fail(ErrorCode::IoError, "cannot write into gammu-smsd's outbox " + m_outbox);
    const std::string bytes = utf16WithBom(m.text);
    const bool written = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || std::rename(hidden.c_str(), final.c_str()) != 0) {
        ::unlink(hidden.c_str());
        return fail(ErrorCode::IoError, "cannot write into gammu-smsd's outbox " + m_outbox);
    }
    return {};
}

Expected<void> HttpSmsGateway::send(const SmsMessage& m) {
    CURL* curl = curl_easy_init();
    if (!curl) return fail(ErrorCode::Internal, "libcurl could not start");
    const std::string body = json{{"id", "dc-sms-" + std::to_string(m.id)}, {"to", m.number}, {"text", m.text}}.dump();
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    if (!m_token.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + m_token).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, m_url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK)
        return fail(ErrorCode::Transient, std::string("the SMS gateway is unreachable: ") + curl_easy_strerror(rc));
    if (status < 200 || status > 299) return fail(ErrorCode::Transient, "the SMS gateway answered " + std::to_string(status));
    return {};
}

Expected<std::unique_ptr<SmsGateway>> openSmsGateway(const std::string& spec, const std::string& tokenFile) {
    if (spec.starts_with("gammu:")) {
        const std::string dir = spec.substr(6);
        if (dir.empty() || ::access(dir.c_str(), W_OK) != 0)
            return fail(ErrorCode::InvalidInput, "gammu-smsd's outbox folder " + dir + " is not there or not writable");
        return std::unique_ptr<SmsGateway>(std::make_unique<GammuSpoolGateway>(dir));
    }
    if (spec.starts_with("http://") || spec.starts_with("https://")) {
        std::string token;
        if (!tokenFile.empty()) {
            std::ifstream in(tokenFile);
            if (!in || !std::getline(in, token))
                return fail(ErrorCode::InvalidInput, "cannot read the SMS gateway's token from " + tokenFile);
        }
        if (token.find_first_of("\r\n") != std::string::npos)
            return fail(ErrorCode::InvalidInput, "the SMS token holds a line break");
        return std::unique_ptr<SmsGateway>(std::make_unique<HttpSmsGateway>(spec, token));
    }
    return fail(ErrorCode::InvalidInput, "an SMS gateway is gammu:/path/to/outbox or an http(s):// URL");
}

Expected<std::vector<SmsRow>> smsFor(SqlConnection& c, const std::string& record) {
    DC_TRY(rows,
           c.query("SELECT id, created_at, coalesce(sent_at, 0), attempts, number, text, state, last_error FROM sms_outbox "
                   "WHERE record = $1 ORDER BY id",
                   {record}));
    std::vector<SmsRow> out;
    for (const auto& r : *rows)
        out.push_back({r.integer(0), r.integer(1), r.integer(2), static_cast<int>(r.integer(3)), r.text(4), r.text(5), r.text(6),
                       r.text(7)});
    return out;
}

Expected<int> sendDueSms(ConnectionPool& pool, SmsGateway& gateway, int64_t now) {
    int sent = 0;
    for (int round = 0; round < 100; ++round) {
        SmsMessage m;
        int attempts = 0;
        {
            // Claiming moves next_at past the claim's life: another sender skips it, and a sender that
            // dies holding it lets it go. The second condition makes the claim safe under PostgreSQL's
            // read committed (a racing claim re-checks it and finds nothing).
            auto c = pool.acquire();
            DC_TRY(claimed,
                   c->query("UPDATE sms_outbox SET next_at = $2, attempts = attempts + 1 WHERE id = "
                            "(SELECT id FROM sms_outbox WHERE state = 'waiting' AND next_at <= $1 ORDER BY next_at, id LIMIT 1) "
                            "AND state = 'waiting' AND next_at <= $1 RETURNING id, number, text, attempts",
                            {now, now + kSmsClaimSeconds}));
            if (claimed->empty()) break;
            m = {(*claimed)[0].integer(0), (*claimed)[0].text(1), (*claimed)[0].text(2)};
            attempts = static_cast<int>((*claimed)[0].integer(3));
        }
        auto done = gateway.send(m);  // no connection held while the gateway takes its time
        auto c = pool.acquire();
        if (done) {
            DC_CHECK(c->query("UPDATE sms_outbox SET state = 'sent', sent_at = $2, last_error = '' WHERE id = $1", {m.id, now}));
            ++sent;
        } else {
            const int64_t wait = std::min<int64_t>(3600, int64_t{30} << std::min(attempts - 1, 7));
            DC_CHECK(c->query("UPDATE sms_outbox SET state = $2, next_at = $3, last_error = $4 WHERE id = $1",
                              {m.id, std::string(attempts >= kMaxSmsAttempts ? "failed" : "waiting"), now + wait,
                               done.error().message().substr(0, 300)}));
        }
    }
    return sent;
}

}  // namespace dc::server::office
