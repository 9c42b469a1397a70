// The console's jobs page (coordinators and administrators): the jobs the office publishes itself,
// a form to add or change one (its ISCO-08 occupation chosen from a list in the reader's language)
// and closing one. Every change reaches the kiosks through the catalog's change log.
#include <map>
#include <sstream>

#include "domain/isco08.hpp"
#include "sync/server/office/catalog_admin.hpp"
#include "sync/server/office/console_page.hpp"

namespace dc::server::office {
namespace {

int langIndex(Lang l) { return l == Lang::Ka ? 1 : l == Lang::Ru ? 2 : l == Lang::Be ? 3 : 0; }

std::optional<int64_t> amountOf(const std::string& text) {
    if (text.empty()) return std::nullopt;
    try {
        size_t used = 0;
        const long long n = std::stoll(text, &used);
        return used == text.size() ? n : -1;  // not a whole number: out of range, and said so
    } catch (...) {
        return -1;
    }
}

domain::JobRecord jobFromForm(const std::map<std::string, std::string>& form) {
    domain::JobRecord j;
    j.id = field(form, "id");
    j.title = field(form, "title");
    j.employer = field(form, "employer");
    j.description = field(form, "description");
    j.city = field(form, "city");
    j.region = field(form, "region");
    const std::string mode = field(form, "mode");
    j.workMode = mode == "remote" ? domain::WorkMode::Remote
        : mode == "hybrid"        ? domain::WorkMode::Hybrid
                                  : domain::WorkMode::OnSite;
    j.employmentType = field(form, "type");
    j.isco = field(form, "isco");
    std::stringstream skills(field(form, "skills"));
    for (std::string s; std::getline(skills, s, ',');) {
        while (!s.empty() && s.front() == ' ') s.erase(s.begin());
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (!s.empty()) j.skills.push_back(s);
    }
    j.salaryMin = amountOf(field(form, "pay_from"));
    j.salaryMax = amountOf(field(form, "pay_to"));
    j.salaryCurrency = field(form, "currency");
    j.salaryPeriod = field(form, "period");
    j.validThrough = field(form, "closes");
    return j;
}

std::string input(const std::string& id, const std::string& label, const std::string& value, const std::string& extra = {}) {
    return "<label for=\"" + id + "\">" + label + "</label><input id=\"" + id + "\" name=\"" + id + "\" value=\"" +
        htmlEscape(value) + "\"" + extra + ">";
}

std::string select(const std::string& id, const std::string& label, const std::string& chosen,
                   const std::vector<std::pair<std::string, std::string>>& options) {
    std::string s = "<label for=\"" + id + "\">" + label + "</label><select id=\"" + id + "\" name=\"" + id + "\">";
    for (const auto& [value, text] : options)
        s += "<option value=\"" + htmlEscape(value) + "\"" + (value == chosen ? " selected" : "") + ">" + htmlEscape(text) +
            "</option>";
    return s + "</select>";
}

std::string jobForm(const Ctx& c, const domain::JobRecord& j) {
    const Session& who = *c.session;
    std::vector<std::pair<std::string, std::string>> occupations = {{"", "—"}};
    for (const auto& g : domain::iscoGroups())
        occupations.emplace_back(g.code, std::string(g.code) + " · " + g.title[static_cast<size_t>(langIndex(c.lang))]);
    const std::string isco2 = j.isco.substr(0, 2);
    const std::string mode = j.workMode == domain::WorkMode::Remote ? "remote"
        : j.workMode == domain::WorkMode::Hybrid                    ? "hybrid"
                                                                    : "onsite";
    std::string skills;
    for (const auto& s : j.skills) skills += (skills.empty() ? "" : ", ") + s;
    return "<form class=\"card\" method=\"post\" action=\"/office/jobs/save\"><h3>" +
        std::string(c.w(j.id.empty() ? W::AddJob : W::EditJob)) + "</h3><input type=\"hidden\" name=\"csrf\" value=\"" +
        who.csrf + "\"><input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(j.id) + "\">" +
        input("title", c.w(W::JobTitle), j.title, " maxlength=\"200\" required") +
        input("employer", c.w(W::Employer), j.employer, " maxlength=\"200\" required") +
        select("isco", c.w(W::Occupation), isco2, occupations) + "<label for=\"description\">" + c.w(W::Description) +
        "</label><textarea id=\"description\" name=\"description\" maxlength=\"4000\">" + htmlEscape(j.description) +
        "</textarea>" + input("city", c.w(W::City), j.city, " maxlength=\"100\"") +
        input("region", c.w(W::Region), j.region, " maxlength=\"100\"") +
        select("mode", c.w(W::WorkMode), mode,
               {{"onsite", c.w(W::WorkOnSite)}, {"remote", c.w(W::WorkRemote)}, {"hybrid", c.w(W::WorkHybrid)}}) +
        select("type", c.w(W::EmploymentType), j.employmentType,
               {{"", "—"},
                {"FULL_TIME", c.w(W::FullTime)},
                {"PART_TIME", c.w(W::PartTime)},
                {"CONTRACTOR", c.w(W::Contract)},
                {"TEMPORARY", c.w(W::Temporary)}}) +
        input("skills", c.w(W::Skills), skills, " maxlength=\"1000\"") +
        input("pay_from", c.w(W::PayFrom), j.salaryMin ? std::to_string(*j.salaryMin) : "",
              " inputmode=\"numeric\" maxlength=\"9\"") +
        input("pay_to", c.w(W::PayTo), j.salaryMax ? std::to_string(*j.salaryMax) : "",
              " inputmode=\"numeric\" maxlength=\"9\"") +
        input("currency", c.w(W::Currency), j.salaryCurrency, " maxlength=\"3\"") +
        select("period", c.w(W::PayPeriod), j.salaryPeriod.empty() ? "MONTH" : j.salaryPeriod,
               {{"HOUR", c.w(W::PayPerHour)},
                {"DAY", c.w(W::PayPerDay)},
                {"WEEK", c.w(W::PayPerWeek)},
                {"MONTH", c.w(W::PayPerMonth)},
                {"YEAR", c.w(W::PayPerYear)}}) +
        input("closes", c.w(W::ClosingDate), j.validThrough, " type=\"date\"") + "<p><input type=\"submit\" value=\"" +
        c.w(W::SaveJob) + "\"></p></form>";
}

}  // namespace

std::optional<HttpResponse> jobPages(CatalogAdmin& catalog, const HttpRequest& r, const Ctx& c,
                                     const std::map<std::string, std::string>& form) {
    if (r.path != "/office/jobs" && !r.path.starts_with("/office/jobs/")) return std::nullopt;
    const Session& who = *c.session;
    auto shown = [&](int status, const std::string& body) { return page(status, layout(c, c.w(W::Jobs), "jobs", body)); };
    if (who.role == Role::Caseworker) return shown(403, problemText(c.w(W::NotAllowed)));
    std::string problem;
    int status = 200;
    domain::JobRecord editing;
    bool showForm = r.query.count("add") > 0;
    if (r.method == "POST" && r.path == "/office/jobs/save") {
        editing = jobFromForm(form);
        auto saved = catalog.saveJob(editing, who);
        if (saved) return redirect("/office/jobs?saved=1");
        status = saved.error().code() == ErrorCode::NotFound ? 404 : 400;
        problem = std::string(c.w(W::BadForm)) + " " + saved.error().message();
        showForm = true;
    } else if (r.method == "POST" && r.path.starts_with("/office/jobs/close/")) {
        if (auto closed = catalog.closeJob(r.path.substr(19), who); !closed)
            return shown(404, problemText(closed.error().message()));
        return redirect("/office/jobs?saved=1");
    } else if (r.method == "GET" && r.path.starts_with("/office/jobs/job/")) {
        auto found = catalog.job(r.path.substr(17), who);
        if (!found) return shown(404, problemText(c.w(W::NotFound)));
        editing = std::move(*found);
        showForm = true;
    } else if (r.path != "/office/jobs" || r.method != "GET") {
        return shown(404, problemText(c.w(W::NotFound)));
    }
    std::string body = "<h2>" + std::string(c.w(W::JobsTitle)) + "</h2>";
    if (r.query.count("saved")) body += "<p class=\"notice\" role=\"status\">" + std::string(c.w(W::JobPublished)) + "</p>";
    if (!problem.empty()) body += problemText(problem);
    if (showForm)
        body += jobForm(c, editing);
    else
        body += "<p><a class=\"button\" href=\"/office/jobs?add=1\">" + std::string(c.w(W::AddJob)) + "</a></p>";
    auto jobs = catalog.jobs(who);
    if (!jobs) return shown(500, problemText(jobs.error().message()));
    body += "<table id=\"jobs\"><thead><tr><th scope=\"col\">" + std::string(c.w(W::JobTitle)) + "</th><th scope=\"col\">" +
        c.w(W::Employer) + "</th><th scope=\"col\">" + c.w(W::City) + "</th><th scope=\"col\">" + c.w(W::Occupation) +
        "</th><th scope=\"col\">" + c.w(W::ClosingDate) + "</th><th scope=\"col\"></th></tr></thead><tbody>";
    if (jobs->empty()) body += "<tr><td colspan=\"6\">" + std::string(c.w(W::Nothing)) + "</td></tr>";
    for (const auto& j : *jobs) {
        const auto* group = domain::iscoGroupOf(j.isco);
        body += "<tr><td><a href=\"/office/jobs/job/" + urlEncode(j.id) + "\">" + htmlEscape(j.title) + "</a></td><td>" +
            htmlEscape(j.employer) + "</td><td>" + htmlEscape(j.city) + "</td><td>" +
            (group ? htmlEscape(j.isco + " · " + group->title[static_cast<size_t>(langIndex(c.lang))]) : std::string("—")) +
            "</td><td>" + htmlEscape(j.validThrough.empty() ? "—" : j.validThrough) +
            "</td><td><form method=\"post\" action=\"/office/jobs/close/" + urlEncode(j.id) +
            "\"><input type=\"hidden\" name=\"csrf\" value=\"" + who.csrf + "\"><button type=\"submit\">" + c.w(W::CloseJob) +
            "</button></form></td></tr>";
    }
    return shown(status, body + "</tbody></table>");
}

}  // namespace dc::server::office
