// The console's kiosks page (coordinators and administrators): the fleet, settings pushed to it
// and their history, and for administrators enrollment tokens and revoking a kiosk. Also the
// office listener's /metrics for monitoring (Prometheus text, no session: the office listener is
// the office's own network).
#include <algorithm>
#include <map>

#include "firmware-config/device_config.hpp"
#include "sync/server/office/console_page.hpp"
#include "sync/server/office/fleet.hpp"

namespace dc::server::office {
namespace {

std::string problemPage(const Ctx&, const std::string& text) {
    return "<p class=\"problem\" role=\"alert\">" + htmlEscape(text) + "</p>";
}

// Whole megabytes, one decimal below 10 MB (a fresh kiosk's database is a fraction of one).
std::string megabytes(int64_t bytes) {
    if (bytes <= 0) return "—";
    constexpr int64_t kMB = 1024 * 1024;
    if (bytes >= 10 * kMB) return std::to_string(bytes / kMB) + " MB";
    const int64_t tenths = std::max<int64_t>(1, bytes * 10 / kMB);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

}  // namespace

std::optional<HttpResponse> fleetPages(FleetService& fleet, const HttpRequest& r, const Ctx& c,
                                       const std::map<std::string, std::string>& form) {
    if (r.path != "/office/fleet" && !r.path.starts_with("/office/fleet/")) return std::nullopt;
    const Session& who = *c.session;
    if (who.role == Role::Caseworker) return page(403, layout(c, c.w(W::Kiosks), "fleet", problemPage(c, c.w(W::NotAllowed))));
    auto field = [&](const char* k) {
        const auto it = form.find(k);
        return it == form.end() ? std::string() : it->second;
    };
    std::string notice, problem, newToken;
    int status = 200;
    if (r.method == "POST") {
        Expected<void> done;
        if (r.path == "/office/fleet/config") {
            done = fleet.pushConfig(field("target"), field("key"), field("value"), who);
        } else if (r.path == "/office/fleet/token") {
            int64_t hours = 0;
            try {
                hours = std::stoll(field("hours"));
            } catch (...) {
                hours = 0;
            }
            auto token = fleet.issueToken(field("note"), hours, who.office.empty() ? field("office") : who.office, who);
            if (token)
                newToken = *token;
            else
                done = std::unexpected(token.error());
        } else if (r.path.starts_with("/office/fleet/revoke-token/")) {
            done = fleet.revokeToken(r.path.substr(27), who);
        } else if (r.path.starts_with("/office/fleet/revoke/")) {
            done = fleet.revokeDevice(r.path.substr(21), who);
        } else {
            return page(404, layout(c, c.w(W::NotFound), "fleet", problemPage(c, c.w(W::NotFound))));
        }
        if (!done) {
            const ErrorCode code = done.error().code();
            status = code == ErrorCode::Refused ? 403 : code == ErrorCode::NotFound ? 404 : 400;
            problem = std::string(c.w(code == ErrorCode::Refused ? W::NotAllowed : W::BadForm)) + " " + done.error().message();
        } else if (newToken.empty()) {
            return redirect("/office/fleet?saved=1");
        }
    } else if (r.path != "/office/fleet") {
        return page(404, layout(c, c.w(W::NotFound), "fleet", problemPage(c, c.w(W::NotFound))));
    }
    if (r.query.count("saved")) notice = c.w(W::SettingSaved);

    auto kiosks = fleet.kiosks(who);
    if (!kiosks) return page(500, layout(c, c.w(W::Kiosks), "fleet", problemPage(c, kiosks.error().message())));
    std::string body = "<h2>" + std::string(c.w(W::KiosksTitle)) + "</h2>";
    if (!notice.empty()) body += "<p class=\"notice\" role=\"status\">" + htmlEscape(notice) + "</p>";
    if (!problem.empty()) body += problemPage(c, problem);
    if (!newToken.empty())
        body += "<p class=\"notice\" role=\"status\">" + std::string(c.w(W::TokenOnce)) + " <code id=\"new-token\">" +
            htmlEscape(newToken) + "</code></p>";
    if (kiosks->empty())
        body += "<p>" + std::string(c.w(W::Nothing)) + "</p>";
    else {
        body += "<table id=\"kiosks\"><thead><tr><th scope=\"col\">" + std::string(c.w(W::Kiosk)) + "</th><th scope=\"col\">" +
            c.w(W::Status) + "</th><th scope=\"col\">" + c.w(W::LastHeard) + "</th><th scope=\"col\">" + c.w(W::Version) +
            "</th><th scope=\"col\">" + c.w(W::Waiting) + "</th><th scope=\"col\">" + c.w(W::SetAside) +
            "</th><th scope=\"col\">" + c.w(W::CallsWaiting) + "</th><th scope=\"col\">" + c.w(W::DiskFree) +
            "</th><th scope=\"col\">" + c.w(W::PrinterCamera) + "</th><th scope=\"col\">" + c.w(W::LastError) + "</th>" +
            (who.role == Role::Admin ? "<th scope=\"col\"></th>" : "") + "</tr></thead><tbody>";
        for (const auto& k : *kiosks) {
            const W state = k.revoked ? W::KioskRevoked : k.silent ? W::KioskSilent : W::KioskOk;
            body += std::string("<tr") + (k.silent ? " class=\"call-raised\"" : "") + " data-kiosk=\"" + htmlEscape(k.id) +
                "\"><td>" + htmlEscape(k.name.empty() ? k.id : k.name + " (" + k.id + ")") +
                (k.office.empty() ? "" : "<br>" + htmlEscape(k.office)) + "</td><td class=\"status\">" + c.w(state) +
                "</td><td>" + utcTime(k.lastSeen) + "</td><td>" + htmlEscape(k.version) +
                (k.osVersion.empty() ? std::string() : "<br><small>" + htmlEscape(k.osVersion) + "</small>") + "</td><td>" +
                std::to_string(k.queueDepth) + "</td><td>" + std::to_string(k.quarantined) +
                (k.setAsideWhy.empty() ? std::string() : "<br><small class=\"why\">" + htmlEscape(k.setAsideWhy) + "</small>") +
                "</td><td>" + std::to_string(k.callsWaiting) + "</td><td>" + megabytes(k.diskFree) +
                (k.databaseBytes > 0
                     ? "<br><small>" + std::string(c.w(W::DatabaseSize)) + " " + megabytes(k.databaseBytes) + "</small>"
                     : std::string()) +
                "</td><td class=\"devices\">" + htmlEscape(k.printer) + (k.camera.empty() ? "" : "<br>" + htmlEscape(k.camera)) +
                "</td><td>" + htmlEscape(k.lastError) + "</td>";
            if (who.role == Role::Admin)
                body += "<td>" +
                    (k.revoked ? std::string()
                               : "<form method=\"post\" action=\"/office/fleet/revoke/" + urlEncode(k.id) +
                             "\"><input type=\"hidden\" name=\"csrf\" value=\"" + who.csrf + "\"><button type=\"submit\">" +
                             c.w(W::Revoke) + "</button></form>") +
                    "</td>";
            body += "</tr>";
        }
        body += "</tbody></table>";
    }

    // A setting for one kiosk, the office, or (an administrator of every office) every kiosk.
    body += "<form class=\"card\" method=\"post\" action=\"/office/fleet/config\"><h3>" + std::string(c.w(W::PushConfig)) +
        "</h3><p class=\"hint\" id=\"push-hint\">" + c.w(W::PushHint) + "</p><input type=\"hidden\" name=\"csrf\" value=\"" +
        who.csrf + "\"><label for=\"target\">" + c.w(W::Target) +
        "</label><select id=\"target\" name=\"target\" aria-describedby=\"push-hint\">";
    if (who.office.empty())
        body += "<option value=\"*\">" + std::string(c.w(W::AllKiosks)) + "</option>";
    else
        body += "<option value=\"office:" + htmlEscape(who.office) + "\">" + c.w(W::WholeOffice) + " (" + htmlEscape(who.office) +
            ")</option>";
    for (const auto& k : *kiosks)
        if (!k.revoked)
            body += "<option value=\"" + htmlEscape(k.id) + "\">" +
                htmlEscape(k.name.empty() ? k.id : k.name + " (" + k.id + ")") + "</option>";
    body += "</select><label for=\"key\">" + std::string(c.w(W::Setting)) + "</label><select id=\"key\" name=\"key\">";
    for (const auto& k : config::schema())
        if (config::pushable(k.key))
            body +=
                "<option value=\"" + htmlEscape(k.key) + "\">" + htmlEscape(k.key) + " (" + htmlEscape(k.range) + ")</option>";
    body += "</select><label for=\"value\">" + std::string(c.w(W::Value)) +
        "</label><input id=\"value\" name=\"value\" maxlength=\"200\" required>"
        "<p><input type=\"submit\" value=\"" +
        c.w(W::Push) + "\"></p></form>";
    auto history = fleet.configHistory(who, 20);
    if (history && !history->empty()) {
        body += "<h3>" + std::string(c.w(W::ConfigHistory)) + "</h3><ol id=\"config-history\">";
        for (const auto& h : *history)
            body += "<li>" + utcTime(h.at) + " · " + htmlEscape(h.user) + " · " + htmlEscape(h.target) + " · <code>" +
                htmlEscape(h.change) + "</code></li>";
        body += "</ol>";
    }

    if (who.role == Role::Admin) {
        body += "<form class=\"card\" method=\"post\" action=\"/office/fleet/token\"><h3>" + std::string(c.w(W::Tokens)) +
            "</h3><input type=\"hidden\" name=\"csrf\" value=\"" + who.csrf + "\"><label for=\"note\">" + c.w(W::TokenNote) +
            "</label><input id=\"note\" name=\"note\" maxlength=\"200\"><label for=\"hours\">" + c.w(W::ValidHours) +
            "</label><input id=\"hours\" name=\"hours\" type=\"number\" min=\"1\" max=\"8760\" value=\"72\">";
        if (who.office.empty())
            body += "<label for=\"office\">" + std::string(c.w(W::Office)) +
                "</label><input id=\"office\" name=\"office\" maxlength=\"64\">";
        body += "<p><input type=\"submit\" value=\"" + std::string(c.w(W::MakeToken)) + "\"></p></form>";
        if (auto tokens = fleet.tokens(who); tokens && !tokens->empty()) {
            body += "<table><thead><tr><th scope=\"col\">" + std::string(c.w(W::TokenNote)) + "</th><th scope=\"col\">" +
                c.w(W::Office) + "</th><th scope=\"col\">" + c.w(W::Expires) + "</th><th scope=\"col\">" + c.w(W::UsedBy) +
                "</th><th scope=\"col\"></th></tr></thead><tbody>";
            for (const auto& t : *tokens) {
                const bool unused = t.deviceId.empty() && t.expiresAt > fleet.now();
                body += "<tr data-token=\"" + htmlEscape(t.hashPrefix) + "\"><td>" + htmlEscape(t.note) +
                    " <span class=\"hint\">" + htmlEscape(t.hashPrefix.substr(0, 8)) + "…</span></td><td>" +
                    htmlEscape(t.office) + "</td><td>" + utcTime(t.expiresAt) + "</td><td>" + htmlEscape(t.deviceId) +
                    "</td><td>" +
                    (unused ? "<form method=\"post\" action=\"/office/fleet/revoke-token/" + urlEncode(t.hashPrefix) +
                             "\"><input type=\"hidden\" name=\"csrf\" value=\"" + who.csrf + "\"><button type=\"submit\">" +
                             c.w(W::Revoke) + "</button></form>"
                            : std::string()) +
                    "</td></tr>";
            }
            body += "</tbody></table>";
        }
    }
    return page(status, layout(c, c.w(W::Kiosks), "fleet", body));
}

}  // namespace dc::server::office
