#pragma once
// What every console page is made of: the request's context (language, session), the page frame
// with its header and navigation, and answers with the console's security headers.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sync/server/http_api.hpp"
#include "sync/server/office/console_words.hpp"
#include "sync/server/office/office_service.hpp"

namespace dc::server::office {

struct Ctx {
    Lang lang = Lang::En;
    std::optional<Session> session;
    std::string token;
    const char* w(W key) const { return word(lang, key); }
};

// "2026-12-03 10:25" (UTC), "—" for none.
std::string utcTime(int64_t t);
// Security headers on every answer: no inline script, no framing, nothing cached.
HttpResponse page(int status, std::string body, std::string type = "text/html; charset=utf-8");
HttpResponse redirect(const std::string& to);
std::string urlEncode(std::string_view s);
std::string htmlEscape(std::string_view text);
// A problem to show at the top of a page (escaped, announced to screen readers).
std::string problemText(const std::string& text);
// A form's field, empty when it was not sent.
std::string field(const std::map<std::string, std::string>& form, const std::string& key);
// The page: header, navigation (`active` marks the current part), the language links, `body`.
std::string layout(const Ctx& c, const std::string& title, const std::string& active, const std::string& body,
                   const std::string& extraHead = {});

class FleetService;
class CatalogAdmin;
class FeedService;
class ReportService;
// /office/jobs and its forms (console_jobs.cpp).
std::optional<HttpResponse> jobPages(CatalogAdmin& catalog, const HttpRequest& r, const Ctx& c,
                                     const std::map<std::string, std::string>& form);
// /office/reports, its CSV and the completion of a course place (console_reports.cpp).
std::optional<HttpResponse> reportPages(ReportService& reports, const HttpRequest& r, const Ctx& c,
                                        const std::map<std::string, std::string>& form);
// /office/feeds and its forms (console_feeds.cpp); nullopt for any other path.
std::optional<HttpResponse> feedPages(FeedService& feeds, const HttpRequest& r, const Ctx& c,
                                      const std::map<std::string, std::string>& form);
// /office/catalog and its forms (console_catalog.cpp); nullopt for any other path.
std::optional<HttpResponse> catalogPages(CatalogAdmin& catalog, const HttpRequest& r, const Ctx& c,
                                         const std::map<std::string, std::string>& form);
// /office/fleet and its forms (console_fleet.cpp); nullopt for any other path.
std::optional<HttpResponse> fleetPages(FleetService& fleet, const HttpRequest& r, const Ctx& c,
                                       const std::map<std::string, std::string>& form);

}  // namespace dc::server::office
