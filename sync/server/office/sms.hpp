#pragma once
// Text messages to a person's phone when the office decides on what they sent. A text is queued
// in the decision's own transaction (sms_outbox), in the person's language, only when the person
// asked for texts on the kiosk's consent screen and gave a number; a sender hands due texts to a
// gateway and tries again later when the gateway fails.
//
// Gateways: gammu-smsd's files backend (Debian's SMS daemon for a GSM modem: a file in its outbox
// folder) and a generic HTTP gateway (a JSON POST). Delivery to the gateway is at least once: a
// crash between handing a text over and noting it can hand it over again, never lose it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server/sql.hpp"

namespace dc::server::office {

inline constexpr size_t kMaxSmsCharacters = 400;  // six parts of a Georgian or Cyrillic (UCS-2) text
inline constexpr int kMaxSmsAttempts = 12;  // then the text is "could not be sent", shown on the record
inline constexpr int64_t kSmsClaimSeconds = 120;  // a sender that died holding a text lets it go after this

// "+995 555 12-34-56" -> "+995555123456"; empty when it is not a number a text can reach
// (6 to 15 digits, an optional leading +, separated only by spaces, dashes, dots or brackets).
std::string smsNumber(std::string_view phone);

// What the person reads, in their language ("ka", "ru", "be"; anything else English), with the
// kiosk's own sentence for the status: "Digital Citizen, K7M-4QX: You are invited to an interview.
// <date and place> <message>". At most kMaxSmsCharacters characters (the message is cut with "…").
std::string smsText(std::string_view language, std::string_view code, std::string_view status,
                    std::optional<int64_t> waitlistPosition, std::string_view detail, std::string_view message);

// In the caller's transaction: queues the text for the person of `record` when `personJson` says
// they asked for texts ("sms": true) and holds a reachable phone number. True when queued.
Expected<bool> queueSmsInTransaction(SqlConnection& c, const std::string& record, const std::string& personJson,
                                     const std::string& text, int64_t now);

struct SmsMessage {
    int64_t id = 0;
    std::string number, text;
};

class SmsGateway {
public:
    virtual ~SmsGateway() = default;
    virtual Expected<void> send(const SmsMessage& message) = 0;
    virtual std::string describe() const = 0;
};

// gammu-smsd's files backend: OUTB<date>_<time>_00_<number>_dc<id>.txt in its outbox folder, the
// text in UTF-16 with a byte order mark (so Georgian and Cyrillic survive whatever locale the
// daemon runs in), written under a hidden name and renamed, so the daemon never reads half a file.
class GammuSpoolGateway : public SmsGateway {
public:
    explicit GammuSpoolGateway(std::string outbox) : m_outbox(std::move(outbox)) {}
    Expected<void> send(const SmsMessage& message) override;
    std::string describe() const override { return "gammu-smsd outbox " + m_outbox; }

private:
    std::string m_outbox;
};

// A generic HTTP gateway: POST {"id": "dc-sms-<id>", "to": number, "text": text} as JSON, with
// "Authorization: Bearer <token>" when a token is given; any 2xx answer means accepted. The id lets
// a gateway drop a repeat.
class HttpSmsGateway : public SmsGateway {
public:
    HttpSmsGateway(std::string url, std::string token) : m_url(std::move(url)), m_token(std::move(token)) {}
    Expected<void> send(const SmsMessage& message) override;
    std::string describe() const override { return "HTTP gateway " + m_url; }

private:
    std::string m_url, m_token;
};

// "gammu:/var/spool/gammu/outbox" or an http:// or https:// URL (the token, when any, read from
// `tokenFile`'s first line).
Expected<std::unique_ptr<SmsGateway>> openSmsGateway(const std::string& spec, const std::string& tokenFile);

// The texts queued for a record, oldest first, for the record's page.
struct SmsRow {
    int64_t id = 0, createdAt = 0, sentAt = 0;
    int attempts = 0;
    std::string number, text, state, lastError;  // state: waiting, sent, failed
};
Expected<std::vector<SmsRow>> smsFor(SqlConnection& c, const std::string& record);

// Sends the texts that are due, one claimed at a time (several dc-server processes can share the
// work over one database). A gateway's failure is tried again later (30 s, doubling, at most an
// hour), kMaxSmsAttempts times. Returns how many were sent.
Expected<int> sendDueSms(ConnectionPool& pool, SmsGateway& gateway, int64_t now);

}  // namespace dc::server::office
