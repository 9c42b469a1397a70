#include "sync/server/office/console_page.hpp"

#include "common/dates.hpp"

namespace dc::server::office {

std::string utcTime(int64_t t) { return t <= 0 ? std::string("—") : dates::utcText(t, "%Y-%m-%d %H:%M"); }

// Security headers on every answer: no inline script, no framing, nothing cached.
HttpResponse page(int status, std::string body, std::string type) {
    HttpResponse r{status, std::move(type), std::move(body), {}};
    r.headers = {{"Content-Security-Policy",
                  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
                  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
                 {"X-Content-Type-Options", "nosniff"},
                 {"Referrer-Policy", "no-referrer"},
                 {"Cache-Control", "no-store"}};
    return r;
}

std::string problemText(const std::string& text) { return "<p class=\"problem\" role=\"alert\">" + htmlEscape(text) + "</p>"; }

std::string field(const std::map<std::string, std::string>& form, const std::string& key) {
    const auto it = form.find(key);
    return it == form.end() ? std::string() : it->second;
}

HttpResponse redirect(const std::string& to) {
    HttpResponse r = page(303, "");
    r.headers.emplace_back("Location", to);
    return r;
}

std::string urlEncode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string layout(const Ctx& c, const std::string& title, const std::string& active, const std::string& body,
                   const std::string& extraHead) {
    std::string h = "<!doctype html><html lang=\"" + std::string(langCode(c.lang)) +
        "\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" +
        htmlEscape(title) + " · " + c.w(W::Console) +
        "</title>"
        "<link rel=\"stylesheet\" href=\"/office/static/console.css\">" +
        extraHead +
        "</head><body>"
        "<a class=\"skip\" href=\"#main\">" +
        c.w(W::SkipToContent) + "</a><header><h1>" + c.w(W::Console) + "</h1>";
    if (c.session) {
        auto link = [&](const char* href, W label, const char* key) {
            return std::string("<a href=\"") + href + "\"" + (active == key ? " aria-current=\"page\"" : "") + ">" + c.w(label) +
                "</a>";
        };
        h += "<nav aria-label=\"" + std::string(c.w(W::Console)) + "\">" + link("/office/", W::Inbox, "inbox") +
            link("/office/calls", W::Calls, "calls");
        if (c.session->role != Role::Caseworker)
            h += link("/office/jobs", W::Jobs, "jobs") + link("/office/catalog", W::Catalog, "catalog") +
                link("/office/feeds", W::Feeds, "feeds") + link("/office/fleet", W::Kiosks, "fleet") +
                link("/office/reports", W::Reports, "reports");
        if (c.session->role == Role::Admin) h += link("/office/audit", W::Audit, "audit");
        h += "</nav><div class=\"who\"><span>" + htmlEscape(c.session->user) + " (" + roleName(c.session->role) +
            (c.session->office.empty() ? std::string() : ", " + htmlEscape(c.session->office)) +
            ")</span><form method=\"post\" action=\"/office/logout\"><input type=\"hidden\" name=\"csrf\" value=\"" +
            c.session->csrf + "\"><button type=\"submit\">" + c.w(W::SignOut) + "</button></form>";
    } else {
        h += "<div class=\"who\">";
    }
    h += "<span class=\"langs\" aria-label=\"" + std::string(c.w(W::Language)) + "\">";
    for (Lang l : {Lang::Ka, Lang::Ru, Lang::Be, Lang::En})
        h += std::string("<a href=\"?lang=") + langCode(l) + "\" lang=\"" + langCode(l) + "\"" +
            (l == c.lang ? " aria-current=\"true\"" : "") + ">" + langName(l) + "</a>";
    h += "</span></div></header><main id=\"main\">" + body + "</main>";
    h += "<script src=\"/office/static/console.js\"></script></body></html>";
    return h;
}

}  // namespace dc::server::office
