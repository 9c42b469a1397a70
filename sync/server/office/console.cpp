#include "sync/server/office/console.hpp"

#include <sodium.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "common/dates.hpp"
#include "common/utf8.hpp"
#include "sync/server/office/console_assets.hpp"
#include "sync/server/office/console_page.hpp"
#include "sync/server/office/console_words.hpp"
#include "sync/server/office/multipart.hpp"

namespace dc::server::office {
namespace {

using json = nlohmann::json;

std::string header(const HttpRequest& r, const char* name) {
    const auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string() : it->second;
}

std::string cookie(const HttpRequest& r, std::string_view name) {
    const std::string all = header(r, "cookie");
    size_t at = 0;
    while (at < all.size()) {
        size_t end = all.find(';', at);
        if (end == std::string::npos) end = all.size();
        std::string_view part(all.data() + at, end - at);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
        at = end + 1;
    }
    return {};
}

// JSON inside a <script type="application/json"> element: raw text, so only "<" must not appear.
std::string scriptSafe(const std::string& jsonText) {
    std::string out;
    for (char ch : jsonText) out += ch == '<' ? std::string("\\u003c") : std::string(1, ch);
    return out;
}

// The screen's language of a call, named in itself ("ka" -> "ქართული"), so the right clerk goes.
std::string spokenLanguage(const std::string& code) {
    for (const char* known : {"ka", "ru", "be", "en"})
        if (code == known) return langName(langFromCode(code));
    return code;
}

bool sameSecret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string loginPage(const Ctx& c, const std::string& problem) {
    std::string body = "<h2>" + std::string(c.w(W::SignIn)) + "</h2>";
    if (!problem.empty()) body += "<p class=\"problem\" role=\"alert\">" + htmlEscape(problem) + "</p>";
    body +=
        "<form method=\"post\" action=\"/office/login\" class=\"card narrow\">"
        "<label for=\"name\">" +
        std::string(c.w(W::Name)) +
        "</label><input id=\"name\" name=\"name\" autocomplete=\"username\" required maxlength=\"64\">"
        "<label for=\"password\">" +
        c.w(W::Password) +
        "</label><input id=\"password\" name=\"password\" type=\"password\" "
        "autocomplete=\"current-password\" required maxlength=\"200\"><p><input type=\"submit\" value=\"" +
        c.w(W::SignIn) + "\"></p></form>";
    return layout(c, c.w(W::SignIn), "", body);
}

std::string personBlock(const Ctx& c, const std::string& personJson) {
    const json p = json::parse(personJson, nullptr, false);
    if (!p.is_object()) return {};
    auto field = [&](W label, const char* key) -> std::string {
        const auto it = p.find(key);
        if (it == p.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) return {};
        return "<dt>" + std::string(c.w(label)) + "</dt><dd>" + htmlEscape(it->get<std::string>()) + "</dd>";
    };
    std::string out = "<dl>" + field(W::Name, "name") + field(W::Phone, "phone") + field(W::Email, "email") +
        field(W::Document, "documentNumber") + field(W::BirthDate, "birthDate") + field(W::Language, "language");
    if (const auto it = p.find("skills"); it != p.end() && it->is_array() && !it->empty()) {
        std::string skills;
        for (const auto& s : *it)
            if (s.is_string()) skills += (skills.empty() ? "" : ", ") + s.get<std::string>();
        out += "<dt>" + std::string(c.w(W::Skills)) + "</dt><dd>" + htmlEscape(skills) + "</dd>";
    }
    return out + "</dl>";
}

}  // namespace

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += ch;
        }
    }
    return out;
}

Expected<std::map<std::string, std::string>> parseForm(std::string_view body) {
    if (body.size() > kMaxFormBytes) return fail(ErrorCode::InvalidInput, "the form is too large");
    std::map<std::string, std::string> out;
    auto decode = [](std::string_view s) -> std::optional<std::string> {
        std::string r;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '+')
                r += ' ';
            else if (s[i] == '%') {
                if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
                    !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
                    return std::nullopt;
                r += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
                i += 2;
            } else
                r += s[i];
        }
        return r;
    };
    size_t at = 0;
    while (at <= body.size() && !body.empty()) {
        size_t end = body.find('&', at);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view pair = body.substr(at, end - at);
        if (!pair.empty()) {
            const size_t eq = pair.find('=');
            auto k = decode(pair.substr(0, eq));
            auto v = decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
            if (!k || !v || !utf8::isValid(*k) || !utf8::isValid(*v))
                return fail(ErrorCode::InvalidInput, "the form is not valid (bad escape or not UTF-8)");
            out[*k] = *v;
        }
        if (end == body.size()) break;
        at = end + 1;
    }
    return out;
}

// The console's route table: one short branch per page or form, each handing off to the page's
// own file; long because the console has many pages, not because a branch does much.
HttpResponse Console::handle(const HttpRequest& r) {
    if (r.path == "/" || r.path == "/office") return redirect("/office/");
    if (r.path == "/metrics" && r.method == "GET") {
        // For the office's monitoring (Prometheus text format); no personal data in it.
        auto text = m_fleet.metrics();
        if (!text) return page(500, text.error().message(), "text/plain; charset=utf-8");
        return page(200, std::move(*text), "text/plain; version=0.0.4; charset=utf-8");
    }
    if (!r.path.starts_with("/office/")) return page(404, "not found", "text/plain; charset=utf-8");
    if (r.path == "/office/static/console.css") {
        HttpResponse res = page(200, kConsoleCss, "text/css; charset=utf-8");
        return res;
    }
    if (r.path == "/office/static/console.js") return page(200, kConsoleJs, "text/javascript; charset=utf-8");
    if (r.method != "GET" && r.method != "POST") return page(405, "use GET or POST", "text/plain; charset=utf-8");

    Ctx c;
    std::vector<std::pair<std::string, std::string>> setCookies;
    const std::string secure = m_tls ? "; Secure" : "";
    if (const auto it = r.query.find("lang"); it != r.query.end()) {
        c.lang = langFromCode(it->second);
        setCookies.emplace_back(
            "Set-Cookie",
            std::string("dc_lang=") + langCode(c.lang) + "; Path=/office/; SameSite=Strict; Max-Age=31536000" + secure);
    } else if (const std::string l = cookie(r, "dc_lang"); !l.empty()) {
        c.lang = langFromCode(l);
    } else {
        c.lang = langFromAcceptLanguage(header(r, "accept-language"));
    }
    auto finish = [&](HttpResponse res) {
        for (auto& h : setCookies) res.headers.push_back(h);
        return res;
    };

    std::map<std::string, std::string> form;
    const std::string contentType = header(r, "content-type");
    if (r.method == "POST" && contentType.starts_with("multipart/form-data")) {
        // Only the feed upload sends a file; its fields join the form, the file's bytes as "file".
        if (r.path != "/office/feeds/upload")
            return finish(
                page(415, layout(c, c.w(W::BadForm), "", "<p class=\"problem\">" + std::string(c.w(W::BadForm)) + "</p>")));
        auto parts = parseMultipart(contentType, r.body);
        if (!parts)
            return finish(page(
                400, layout(c, c.w(W::BadForm), "", "<p class=\"problem\">" + htmlEscape(parts.error().message()) + "</p>")));
        for (auto& [name, part] : *parts) form[name] = std::move(part.value);
    } else if (r.method == "POST") {
        auto parsed = parseForm(r.body);
        if (!parsed)
            return finish(page(
                400, layout(c, c.w(W::BadForm), "", "<p class=\"problem\">" + htmlEscape(parsed.error().message()) + "</p>")));
        form = std::move(*parsed);
    }

    if (r.path == "/office/login") {
        if (r.method == "GET") return finish(page(200, loginPage(c, "")));
        auto done = m_service.login(form["name"], form["password"]);
        if (!done) {
            const bool locked = done.error().message().find("locked") != std::string::npos;
            return finish(page(401, loginPage(c, c.w(locked ? W::Locked : W::WrongLogin))));
        }
        setCookies.emplace_back("Set-Cookie",
                                "dc_session=" + done->token + "; Path=/office/; HttpOnly; SameSite=Strict" + secure);
        return finish(redirect("/office/"));
    }

    c.token = cookie(r, "dc_session");
    if (auto s = m_service.session(c.token)) c.session = *s;
    if (!c.session) {
        if (r.path == "/office/calls.json") return finish(page(401, "[]", "application/json"));
        if (r.method == "GET" && r.path != "/office/logout") return finish(redirect("/office/login"));
        return finish(page(401, loginPage(c, c.w(W::SignedOutIdle))));
    }
    const Session& who = *c.session;
    if (r.method == "POST" && !sameSecret(form["csrf"], who.csrf))
        return finish(page(
            403, layout(c, c.w(W::NotAllowed), "", "<p class=\"problem\">" + std::string(c.w(W::NotAllowed)) + " (CSRF)</p>")));
    if (r.path == "/office/logout") {
        if (r.method != "POST") return finish(page(405, "sign out with the button (POST)", "text/plain; charset=utf-8"));
        (void)m_service.logout(c.token);
        setCookies.emplace_back("Set-Cookie", "dc_session=; Path=/office/; HttpOnly; SameSite=Strict; Max-Age=0" + secure);
        return finish(redirect("/office/login"));
    }

    if (auto fleetPage = fleetPages(m_fleet, r, c, form)) return finish(std::move(*fleetPage));
    if (auto catalogPage = catalogPages(m_catalog, r, c, form)) return finish(std::move(*catalogPage));
    if (auto jobPage = jobPages(m_catalog, r, c, form)) return finish(std::move(*jobPage));
    if (auto feedPage = feedPages(m_feeds, r, c, form)) return finish(std::move(*feedPage));
    if (auto reportPage = reportPages(m_reports, r, c, form)) return finish(std::move(*reportPage));

    // ---- inbox ----
    if (r.path == "/office/" || r.path == "/office/inbox") {
        if (r.method != "GET") return finish(page(405, "use GET", "text/plain; charset=utf-8"));
        InboxFilter f;
        auto q = [&](const char* k) {
            const auto it = r.query.find(k);
            return it == r.query.end() ? std::string() : it->second.substr(0, 200);
        };
        f.kind = kindFromName(q("kind")).value_or(RecordKind::Application);
        f.status = q("status");
        f.device = q("kiosk");
        f.subject = q("subject");
        f.office = who.office;  // another office's records are not there for this account
        // Days (YYYY-MM-DD, UTC) from a date field; "to" takes in the whole day.
        auto day = [](const std::string& text) -> int64_t {
            const auto d = dates::parseDay(text, 2000, 2100);
            return d ? dates::unixSeconds(*d) : 0;
        };
        const std::string fromDay = q("from"), toDay = q("to");
        f.from = day(fromDay);
        if (const int64_t to = day(toDay); to > 0) f.to = to + 86400;
        if (const std::string before = q("before"); !before.empty()) {
            const size_t colon = before.find(':');
            try {
                f.beforeTime = std::stoll(before.substr(0, colon));
            } catch (...) {
                f.beforeTime = 0;
            }
            if (colon != std::string::npos) f.beforeId = before.substr(colon + 1);
        }
        auto rows = m_service.inbox(f);
        if (!rows)
            return finish(page(
                500, layout(c, c.w(W::Inbox), "inbox", "<p class=\"problem\">" + htmlEscape(rows.error().message()) + "</p>")));
        std::string body = "<h2>" + std::string(c.w(W::Inbox)) + "</h2><div class=\"tabs\" role=\"navigation\">";
        for (auto [kind, label] :
             {std::pair{RecordKind::Application, W::Applications}, std::pair{RecordKind::Enrollment, W::Enrollments},
              std::pair{RecordKind::Registration, W::Registrations}})
            body += std::string("<a href=\"/office/?kind=") + kindName(kind) + "\"" +
                (kind == f.kind ? " aria-current=\"page\"" : "") + ">" + c.w(label) + "</a>";
        body += "</div><form class=\"filters\" method=\"get\" action=\"/office/\"><input type=\"hidden\" name=\"kind\" value=\"" +
            std::string(kindName(f.kind)) + "\"><div><label for=\"status\">" + c.w(W::Status) +
            "</label><select id=\"status\" name=\"status\"><option value=\"\">" + c.w(W::Any) + "</option>";
        std::vector<std::string> statuses = f.kind == RecordKind::Application
            ? std::vector<std::string>{"submitted", "forwarded", "invited", "hired", "not_selected", "withdrawn", "rejected"}
            : f.kind == RecordKind::Enrollment ? std::vector<std::string>{"confirmed", "waitlisted", "cancelled"}
                                               : std::vector<std::string>{"received"};
        for (const auto& s : statuses)
            body += "<option value=\"" + s + "\"" + (s == f.status ? " selected" : "") + ">" + htmlEscape(statusWord(c.lang, s)) +
                "</option>";
        body += "</select></div><div><label for=\"kiosk\">" + std::string(c.w(W::Kiosk)) +
            "</label><input id=\"kiosk\" name=\"kiosk\" value=\"" + htmlEscape(f.device) +
            "\" maxlength=\"64\"></div><div><label for=\"subject\">" + c.w(W::JobOrCourse) +
            "</label><input id=\"subject\" name=\"subject\" value=\"" + htmlEscape(f.subject) +
            "\" maxlength=\"200\"></div><div><label for=\"from\">" + c.w(W::From) +
            "</label><input type=\"date\" id=\"from\" name=\"from\" value=\"" + (f.from > 0 ? htmlEscape(fromDay) : "") +
            "\"></div><div><label for=\"to\">" + c.w(W::To) + "</label><input type=\"date\" id=\"to\" name=\"to\" value=\"" +
            (f.to > 0 ? htmlEscape(toDay) : "") + "\"></div><div><input type=\"submit\" value=\"" + c.w(W::Show) +
            "\"></div></form>";
        if (rows->rows.empty())
            body += "<p>" + std::string(c.w(W::Nothing)) + "</p>";
        else {
            body += "<table><thead><tr><th scope=\"col\">" + std::string(c.w(W::Received)) + "</th><th scope=\"col\">" +
                c.w(W::Code) + "</th><th scope=\"col\">" + c.w(W::Person) + "</th><th scope=\"col\">" + c.w(W::JobOrCourse) +
                "</th><th scope=\"col\">" + c.w(W::Status) + "</th><th scope=\"col\">" + c.w(W::Kiosk) +
                "</th></tr></thead><tbody>";
            for (const auto& row : rows->rows) {
                body += "<tr><td>" + utcTime(row.receivedAt) + "</td><td><a href=\"/office/record/" + kindName(f.kind) + "/" +
                    urlEncode(row.id) + "\">" + htmlEscape(row.code.empty() ? row.id : row.code) + "</a></td><td>" +
                    htmlEscape(row.name) + "</td><td>" +
                    (row.subject.empty() ? std::string()
                                         : "<a href=\"/office/?kind=" + std::string(kindName(f.kind)) + "&subject=" +
                             urlEncode(row.subject) + "\">" + htmlEscape(row.title.empty() ? row.subject : row.title) + "</a>") +
                    "</td><td class=\"status\">" + htmlEscape(statusWord(c.lang, row.status)) + "</td><td>" +
                    htmlEscape(row.device) + "</td></tr>";
            }
            body += "</tbody></table>";
            if (rows->more) {
                const auto& last = rows->rows.back();
                body += "<p><a href=\"/office/?kind=" + std::string(kindName(f.kind)) + "&status=" + urlEncode(f.status) +
                    "&kiosk=" + urlEncode(f.device) + "&subject=" + urlEncode(f.subject) +
                    "&from=" + (f.from > 0 ? urlEncode(fromDay) : "") + "&to=" + (f.to > 0 ? urlEncode(toDay) : "") +
                    "&before=" + std::to_string(last.receivedAt) + ":" + urlEncode(last.id) + "\">" + c.w(W::NextPage) +
                    " →</a></p>";
            }
        }
        return finish(page(200, layout(c, c.w(W::Inbox), "inbox", body)));
    }

    // ---- a record: /office/record/KIND/ID[/decide|/photo] ----
    if (r.path.starts_with("/office/record/")) {
        const std::string rest = r.path.substr(15);
        const size_t slash = rest.find('/');
        const auto kind = kindFromName(rest.substr(0, slash));
        if (!kind || slash == std::string::npos)
            return finish(page(404, layout(c, c.w(W::NotFound), "inbox", "<p>" + std::string(c.w(W::NotFound)) + "</p>")));
        std::string id = rest.substr(slash + 1), action;
        if (const size_t more = id.find('/'); more != std::string::npos) {
            action = id.substr(more + 1);
            id.resize(more);
        }
        if (id.empty() || id.size() > 80)
            return finish(page(404, layout(c, c.w(W::NotFound), "inbox", "<p>" + std::string(c.w(W::NotFound)) + "</p>")));
        std::string notice, problem;
        int status = 200;
        if (action == "photo" && r.method == "GET") {
            auto bytes = m_service.photo(*kind, id, who);
            if (!bytes) {
                const bool refused = bytes.error().code() == ErrorCode::Refused;
                return finish(
                    page(refused ? 403 : 404,
                         layout(c, c.w(W::IdPhoto), "inbox",
                                "<p class=\"problem\">" + std::string(c.w(refused ? W::NotAllowed : W::NotFound)) + "</p>")));
            }
            return finish(page(200, std::move(*bytes), "image/jpeg"));
        }
        if (action == "decide" && r.method == "POST") {
            const bool mayDecide = *kind != RecordKind::Enrollment || who.role != Role::Caseworker;
            int64_t version = -1;
            try {
                version = std::stoll(form["version"]);
            } catch (...) {
                version = -1;
            }
            if (!mayDecide) {
                return finish(page(403,
                                   layout(c, c.w(W::NotAllowed), "inbox",
                                          "<p class=\"problem\" role=\"alert\">" + std::string(c.w(W::NotAllowed)) + "</p>")));
            } else if (auto done = m_service.decide(*kind, id, version, form["status"], form["message"], form["detail"], who,
                                                    form["session"]);
                       !done) {
                const ErrorCode code = done.error().code();
                status = code == ErrorCode::Conflict ? 409
                    : code == ErrorCode::NotFound    ? 404
                    : code == ErrorCode::Refused     ? 403
                                                     : 400;
                problem =
                    status == 409 ? std::string(c.w(W::Conflict)) : std::string(c.w(W::BadForm)) + " " + done.error().message();
            } else {
                return finish(redirect("/office/record/" + std::string(kindName(*kind)) + "/" + urlEncode(id) + "?saved=1"));
            }
        } else if (!action.empty() || r.method != "GET") {
            return finish(page(404, layout(c, c.w(W::NotFound), "inbox", "<p>" + std::string(c.w(W::NotFound)) + "</p>")));
        }
        if (r.query.count("saved")) notice = c.w(W::Saved);
        auto v = m_service.open(*kind, id, who);
        if (!v) return finish(page(404, layout(c, c.w(W::NotFound), "inbox", "<p>" + std::string(c.w(W::NotFound)) + "</p>")));
        std::string body =
            "<h2>" + htmlEscape(v->code.empty() ? v->id : v->code) + " — " + htmlEscape(statusWord(c.lang, v->status)) + "</h2>";
        if (!notice.empty()) body += "<p class=\"notice\" role=\"status\">" + htmlEscape(notice) + "</p>";
        if (!problem.empty()) body += "<p class=\"problem\" role=\"alert\">" + htmlEscape(problem) + "</p>";
        body += "<div class=\"grid\"><section class=\"card\"><h3>" + std::string(c.w(W::Person)) + "</h3>" +
            personBlock(c, v->personJson);
        if (!v->note.empty()) body += "<h4>" + std::string(c.w(W::Note)) + "</h4><p>" + htmlEscape(v->note) + "</p>";
        if (!v->photoAttachment.empty()) {
            if (who.role == Role::Caseworker)
                body += "<p class=\"hint\">" + std::string(c.w(W::IdPhoto)) + ": " + c.w(W::NotAllowed) + "</p>";
            else
                body += "<p><a href=\"/office/record/" + std::string(kindName(*kind)) + "/" + urlEncode(id) + "/photo\">" +
                    c.w(W::ShowPhoto) + "</a></p>";
        }
        body += "</section><section class=\"card\"><h3>" + std::string(c.w(W::JobOrCourse)) + "</h3><dl><dt>" +
            c.w(W::JobOrCourse) + "</dt><dd>" + htmlEscape(v->title.empty() ? v->subject : v->title) + "</dd><dt>" +
            c.w(W::Received) + "</dt><dd>" + utcTime(v->receivedAt) + "</dd><dt>" + c.w(W::Kiosk) + "</dt><dd>" +
            htmlEscape(v->device) + "</dd>";
        if (v->waitlistPosition)
            body += "<dt>" + std::string(c.w(W::WaitlistPlace)) + "</dt><dd>" + std::to_string(*v->waitlistPosition) + "</dd>";
        body += "</dl><h3>" + std::string(c.w(W::History)) + "</h3>";
        if (v->history.empty())
            body += "<p>" + std::string(c.w(W::Nothing)) + "</p>";
        else {
            body += "<ol>";
            for (const auto& h : v->history) {
                body += "<li>" + utcTime(h.at) + " · " + htmlEscape(h.user) + " · <strong>" +
                    htmlEscape(statusWord(c.lang, h.status)) + "</strong>";
                if (!h.detail.empty()) body += "<br>" + htmlEscape(h.detail);
                if (!h.message.empty()) body += "<br>“" + htmlEscape(h.message) + "”";
                body += "</li>";
            }
            body += "</ol>";
        }
        body += "<h3>" + std::string(c.w(W::Sms)) + "</h3>";
        if (v->texts.empty())
            body += "<p class=\"hint\">" + std::string(c.w(W::SmsNotAsked)) + "</p>";
        else {
            body += "<ul class=\"texts\">";
            for (const auto& t : v->texts) {
                const W state = t.state == "sent" ? W::SmsSent : t.state == "failed" ? W::SmsFailed : W::SmsWaiting;
                body += "<li>" + utcTime(t.createdAt) + " · " + htmlEscape(t.number) + " · <strong>" + c.w(state) + "</strong>" +
                    (t.lastError.empty() || t.state == "sent" ? "" : " (" + htmlEscape(t.lastError) + ")") + "<br>" +
                    htmlEscape(t.text) + "</li>";
            }
            body += "</ul>";
        }
        body += "</section></div>";
        const bool mayDecide = *kind != RecordKind::Enrollment || who.role != Role::Caseworker;
        if (mayDecide) {
            body += "<form class=\"card\" method=\"post\" action=\"/office/record/" + std::string(kindName(*kind)) + "/" +
                urlEncode(id) + "/decide\"><h3>" + c.w(W::Decide) + "</h3><input type=\"hidden\" name=\"csrf\" value=\"" +
                who.csrf + "\"><input type=\"hidden\" name=\"version\" value=\"" + std::to_string(v->version) +
                "\"><label for=\"decision\">" + c.w(W::Status) + "</label><select id=\"decision\" name=\"status\" required>";
            for (const auto& d : decisionsFor(*kind))
                body += "<option value=\"" + d + "\">" + htmlEscape(statusWord(c.lang, d)) + "</option>";
            body += "</select>";
            if (*kind == RecordKind::Enrollment && !v->sessions.empty()) {
                body += "<label for=\"session\">" + std::string(c.w(W::Session)) +
                    "</label><p class=\"hint\" id=\"session-hint\">" + c.w(W::SessionHint) +
                    "</p><select id=\"session\" name=\"session\" aria-describedby=\"session-hint\"><option value=\"\"></option>";
                for (const auto& choice : v->sessions)
                    body += "<option value=\"" + htmlEscape(choice.id) + "\">" + htmlEscape(choice.label) + " (" +
                        std::to_string(choice.freeSeats) + ")</option>";
                body += "</select>";
            }
            body += "<label for=\"detail\">" + std::string(c.w(W::DatePlace)) +
                "</label><input id=\"detail\" name=\"detail\" maxlength=\"300\" class=\"wide\">"
                "<label for=\"message\">" +
                c.w(W::MessageToPerson) + "</label><p class=\"hint\" id=\"message-hint\">" + c.w(W::MessageHint) +
                "</p><textarea id=\"message\" name=\"message\" maxlength=\"1000\" "
                "aria-describedby=\"message-hint\"></textarea><p><input type=\"submit\" value=\"" +
                c.w(W::SaveDecision) + "\"></p></form>";
        }
        if (*kind == RecordKind::Enrollment && v->status == "confirmed" && who.role != Role::Caseworker)
            body +=
                "<form class=\"card\" method=\"post\" action=\"/office/reports/completed\"><input type=\"hidden\" name=\"csrf\" "
                "value=\"" +
                who.csrf + "\"><input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(id) + "\"><button type=\"submit\">" +
                c.w(W::MarkCompleted) + "</button></form>";
        return finish(page(status, layout(c, v->code.empty() ? v->id : v->code, "inbox", body)));
    }

    // ---- calls ----
    if (r.path == "/office/calls.json" && r.method == "GET") {
        auto calls = m_service.calls(8 * 3600, who.office);
        if (!calls) return finish(page(500, "[]", "application/json"));
        json out = json::array();
        for (const auto& call : *calls)
            out.push_back({{"id", call.recordId},
                           {"kiosk", call.deviceName.empty() ? call.device : call.deviceName + " (" + call.device + ")"},
                           {"language", spokenLanguage(call.language)},
                           {"at", utcTime(call.receivedAt)},
                           {"ackBy", call.ackBy},
                           {"raised", call.raised},
                           {"waitingMinutes", std::max<int64_t>(0, m_service.now() - call.receivedAt) / 60}});
        return finish(page(200, out.dump(), "application/json"));
    }
    if (r.path.starts_with("/office/calls/") && r.path.ends_with("/ack") && r.method == "POST") {
        const std::string id = r.path.substr(14, r.path.size() - 14 - 4);
        if (auto done = m_service.acknowledge(id, who); !done && done.error().code() == ErrorCode::NotFound)
            return finish(page(404, layout(c, c.w(W::NotFound), "calls", "<p>" + std::string(c.w(W::NotFound)) + "</p>")));
        return finish(redirect("/office/calls"));
    }
    if (r.path == "/office/calls" && r.method == "GET") {
        auto calls = m_service.calls(8 * 3600, who.office);
        if (!calls)
            return finish(page(
                500,
                layout(c, c.w(W::CallsTitle), "calls", "<p class=\"problem\">" + htmlEscape(calls.error().message()) + "</p>")));
        const json words = {{"none", c.w(W::NoCalls)},    {"takenBy", c.w(W::TakenBy)},           {"going", c.w(W::Going)},
                            {"newCall", c.w(W::NewCall)}, {"stillWaiting", c.w(W::StillWaiting)}, {"minutes", c.w(W::Minutes)}};
        std::string body = "<h2>" + std::string(c.w(W::CallsTitle)) + "</h2><p class=\"hint\">" + c.w(W::CallsHint) +
            "</p><p id=\"calls-live\" role=\"status\" aria-live=\"polite\"></p>"
            // Words for the script, as data (a JSON script element is not executed).
            "<script type=\"application/json\" id=\"calls-words\">" +
            scriptSafe(words.dump()) +
            "</script>"
            "<table><thead><tr><th scope=\"col\">" +
            c.w(W::Received) + "</th><th scope=\"col\">" + c.w(W::Kiosk) + "</th><th scope=\"col\">" + c.w(W::CallLanguage) +
            "</th><th scope=\"col\"></th></tr></thead><tbody id=\"calls-body\">";
        if (calls->empty()) body += "<tr><td colspan=\"4\">" + std::string(c.w(W::NoCalls)) + "</td></tr>";
        for (const auto& call : *calls) {
            body += "<tr data-call=\"" + htmlEscape(call.recordId) + "\"><td>" + utcTime(call.receivedAt) + "</td><td>" +
                htmlEscape(call.deviceName.empty() ? call.device : call.deviceName + " (" + call.device + ")") + "</td><td>" +
                htmlEscape(spokenLanguage(call.language)) + "</td><td>";
            if (!call.ackBy.empty())
                body += std::string(c.w(W::TakenBy)) + " " + htmlEscape(call.ackBy);
            else
                body += "<form method=\"post\" action=\"/office/calls/" + urlEncode(call.recordId) +
                    "/ack\"><input type=\"hidden\" name=\"csrf\" value=\"" + who.csrf +
                    "\"><button class=\"primary\" type=\"submit\">" + c.w(W::Going) + "</button></form>";
            body += "</td></tr>";
        }
        body += "</tbody></table>";
        return finish(
            page(200, layout(c, c.w(W::CallsTitle), "calls", body, "<meta name=\"csrf\" content=\"" + who.csrf + "\">")));
    }

    // ---- audit (administrators) ----
    if (r.path == "/office/audit" || r.path == "/office/audit.csv") {
        if (who.role != Role::Admin)
            return finish(page(403,
                               layout(c, c.w(W::Audit), "audit",
                                      "<p class=\"problem\" role=\"alert\">" + std::string(c.w(W::NotAllowed)) + "</p>")));
        if (r.path == "/office/audit.csv") {
            auto csv = m_service.auditCsv(who);
            if (!csv) return finish(page(500, csv.error().message(), "text/plain; charset=utf-8"));
            HttpResponse res = page(200, std::move(*csv), "text/csv; charset=utf-8");
            res.headers.emplace_back("Content-Disposition", "attachment; filename=\"audit.csv\"");
            return finish(res);
        }
        auto rows = m_service.audit(0, 500);
        if (!rows)
            return finish(page(
                500, layout(c, c.w(W::Audit), "audit", "<p class=\"problem\">" + htmlEscape(rows.error().message()) + "</p>")));
        std::string body = "<h2>" + std::string(c.w(W::AuditTitle)) + "</h2><p><a href=\"/office/audit.csv\">" +
            c.w(W::ExportCsv) + "</a></p><table><thead><tr><th scope=\"col\">" + c.w(W::When) + "</th><th scope=\"col\">" +
            c.w(W::Who) + "</th><th scope=\"col\">" + c.w(W::What) + "</th><th scope=\"col\">" + c.w(W::Subject) +
            "</th></tr></thead><tbody>";
        for (const auto& a : *rows)
            body += "<tr><td>" + utcTime(a.at) + "</td><td>" + htmlEscape(a.user) + "</td><td>" + htmlEscape(a.action) +
                (a.detail.empty() ? "" : " · " + htmlEscape(a.detail)) + "</td><td>" + htmlEscape(a.subject) + "</td></tr>";
        body += "</tbody></table>";
        return finish(page(200, layout(c, c.w(W::Audit), "audit", body)));
    }
    return finish(page(404, layout(c, c.w(W::NotFound), "", "<p>" + std::string(c.w(W::NotFound)) + "</p>")));
}

}  // namespace dc::server::office
