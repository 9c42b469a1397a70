#pragma once
// The office console: server-rendered pages under /office/ on dc-server's office listener (no CDN,
// no build step; one small script for the live calls board). Every state-changing request is a
// POST that carries the session's CSRF token; the session is a cookie (HttpOnly, SameSite=Strict,
// Secure under TLS); every page is sent with a Content-Security-Policy that allows no inline
// script. What a person sent is escaped wherever it is shown.
#include "sync/server/http_api.hpp"
#include "sync/server/office/catalog_admin.hpp"
#include "sync/server/office/feeds.hpp"
#include "sync/server/office/reports.hpp"
#include "sync/server/office/fleet.hpp"
#include "sync/server/office/office_service.hpp"

namespace dc::server::office {

inline constexpr size_t kMaxFormBytes = 64 * 1024;

class Console {
public:
    Console(OfficeService& service, bool tls)
        : m_service(service),
          m_fleet(service.pool(), [&service] { return service.now(); }),
          m_catalog(service.pool(), [&service] { return service.now(); }),
          m_feeds(service.pool(), [&service] { return service.now(); }),
          m_reports(service.pool(), [&service] { return service.now(); }),
          m_tls(tls) {}
    HttpResponse handle(const HttpRequest& request);

private:
    OfficeService& m_service;
    FleetService m_fleet;
    CatalogAdmin m_catalog;
    FeedService m_feeds;
    ReportService m_reports;
    bool m_tls;
};

// application/x-www-form-urlencoded (and query strings): name -> value, percent-decoded. Invalid
// escapes and invalid UTF-8 make it fail.
Expected<std::map<std::string, std::string>> parseForm(std::string_view body);
std::string htmlEscape(std::string_view text);

}  // namespace dc::server::office
