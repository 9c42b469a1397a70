#pragma once
// A dc-server's services and its office console in one process, with three staff accounts (a
// caseworker, a coordinator, an admin) and one enrolled kiosk: what the console's tests start from.
#include <nlohmann/json.hpp>

#include "sync/server/http_api.hpp"
#include "sync/server/office/console.hpp"
#include "sync/server_fixture.hpp"

namespace dc::test {

using nlohmann::json;
namespace office = server::office;
using server::HttpRequest;
using server::HttpResponse;

inline constexpr const char* kXss = "<script>alert(1)</script>\"' onmouseover=x";

struct ConsoleFixture : test::ServerFixture {
    std::unique_ptr<office::OfficeService> office;
    std::unique_ptr<office::Console> console;
    sync::EnrollResponse kiosk;
    std::string jobId;

    ConsoleFixture() {
        office = std::make_unique<office::OfficeService>(*pool, [this] { return clock; });
        console = std::make_unique<office::Console>(*office, false);
        REQUIRE(office->addUser("Nino", office::Role::Caseworker, "nino password 1"));
        REQUIRE(office->addUser("Giorgi", office::Role::Coordinator, "giorgi password 1"));
        REQUIRE(office->addUser("Admin", office::Role::Admin, "admin password 1"));
        kiosk = enroll();
        jobId = catalog.jobUpserts.at(0).id;
    }

    void apply(const std::string& appId, const std::string& code, const std::string& name, const std::string& note = "") {
        sync::PushRequest push;
        push.records.push_back({"rec-" + appId, "application",
                                json{{"applicationId", appId},
                                     {"referenceCode", code},
                                     {"jobId", jobId},
                                     {"note", note},
                                     {"person", {{"name", name}, {"phone", "+995 555 12 34 56"}, {"language", "ka"}}}}
                                    .dump()});
        REQUIRE(service->push(kiosk.deviceId, push));
    }

    HttpResponse request(const std::string& method, const std::string& target, const std::string& body = "",
                         const std::string& cookie = "") {
        HttpRequest r;
        r.method = method;
        r.target = target;
        r.path = target.substr(0, target.find('?'));
        if (const size_t q = target.find('?'); q != std::string::npos) {
            auto query = office::parseForm(target.substr(q + 1));
            REQUIRE(query);
            for (auto& [k, v] : *query) r.query.emplace(k, v);
        }
        if (!cookie.empty()) r.headers.emplace("cookie", cookie);
        r.body = body;
        return console->handle(r);
    }

    // Signs in through the login form; returns the cookie header and the CSRF token.
    std::pair<std::string, std::string> signIn(const std::string& name, const std::string& password) {
        const HttpResponse res = request("POST", "/office/login", "name=" + name + "&password=" + password);
        REQUIRE(res.status == 303);
        std::string cookie;
        for (const auto& [k, v] : res.headers)
            if (k == "Set-Cookie" && v.starts_with("dc_session=")) cookie = v.substr(0, v.find(';'));
        REQUIRE_FALSE(cookie.empty());
        auto session = office->session(cookie.substr(11));
        REQUIRE(session);
        return {cookie, session->csrf};
    }
};

inline std::string headerOf(const HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return {};
}

}  // namespace dc::test
