#pragma once
// Protocol v1 over HTTP, independent of the HTTP library: a request in, a response out. The
// socket layer (http_server.cpp) only moves bytes, so every route, check and error is testable
// without a network.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sync/server/central_service.hpp"
#include "sync/server/office/office_service.hpp"

namespace dc::server {

struct HttpRequest {
    std::string method;  // "GET", "POST"
    std::string path;  // "/v1/pull"
    std::string target;  // path and query exactly as sent: what the signature covers
    std::map<std::string, std::string> headers;  // names in lower case
    std::map<std::string, std::string> query;
    std::string body;
    std::string peer;  // the client's address ("127.0.0.1"), for logs and per-client limits
};

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

class Api {
public:
    explicit Api(CentralService& service, office::OfficeService* office = nullptr) : m_service(service), m_office(office) {}
    HttpResponse handle(const HttpRequest& request);

private:
    // The authenticated device's id, or the 401 to send.
    std::variant<std::string, HttpResponse> authenticate(const HttpRequest& request);
    CentralService& m_service;
    office::OfficeService* m_office;  // answers /v1/status (what the office decided); optional
};

HttpResponse errorResponse(int status, const std::string& code, const std::string& message);

}  // namespace dc::server
