// The console's courses page (coordinators and administrators): the courses the kiosks offer, a
// form to add or change one with its sessions, and closing one. Every change goes to the kiosks
// through the catalog's change log.
#include <map>
#include <sstream>

#include "sync/server/office/catalog_admin.hpp"
#include "sync/server/office/console_page.hpp"

namespace dc::server::office {
namespace {

// The form's fields into a course; a number that does not read stays out of range (the service says why).
domain::CourseRecord courseFromForm(const std::map<std::string, std::string>& form) {
    domain::CourseRecord c;
    c.id = field(form, "id");
    c.name = field(form, "name");
    c.provider = field(form, "provider");
    c.description = field(form, "description");
    c.format = field(form, "format");
    c.city = field(form, "city");
    c.language = field(form, "language");
    for (const char* g : {"youth", "adults", "children", "parental_leave", "disability"})
        if (!field(form, std::string("group_") + g).empty()) c.targetGroups.push_back(g);
    std::stringstream skills(field(form, "skills"));
    for (std::string s; std::getline(skills, s, ',');) {
        while (!s.empty() && s.front() == ' ') s.erase(s.begin());
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (!s.empty()) c.skillsTaught.push_back(s);
    }
    auto number = [](const std::string& text) -> int64_t {
        try {
            size_t used = 0;
            const long long n = std::stoll(text, &used);
            return used == text.size() ? n : -1;
        } catch (...) {
            return -1;
        }
    };
    if (const std::string cost = field(form, "cost"); !cost.empty()) c.cost = number(cost);
    c.costCurrency = field(form, "currency");
    for (size_t i = 0; i < kMaxConsoleSessions; ++i) {
        const std::string p = "s" + std::to_string(i) + "_";
        if (field(form, p + "start").empty()) continue;
        domain::CourseSession s;
        s.id = field(form, p + "id");
        s.startsAt = field(form, p + "start");
        s.endsAt = field(form, p + "end");
        s.center = field(form, p + "venue");
        s.city = field(form, p + "city");
        s.scheduleNote = field(form, p + "schedule");
        s.capacity = number(field(form, p + "seats"));
        s.accessibleVenue = !field(form, p + "stepfree").empty();
        c.sessions.push_back(std::move(s));
    }
    return c;
}

std::string input(const std::string& id, const std::string& label, const std::string& value, const std::string& extra = {}) {
    return "<label for=\"" + id + "\">" + label + "</label><input id=\"" + id + "\" name=\"" + id + "\" value=\"" +
        htmlEscape(value) + "\"" + extra + ">";
}

std::string courseForm(const Ctx& c, const domain::CourseRecord& course) {
    const Session& who = *c.session;
    std::string f = "<form class=\"card\" method=\"post\" action=\"/office/catalog/save\"><h3>" +
        std::string(c.w(course.id.empty() ? W::AddCourse : W::EditCourse)) +
        "</h3><input type=\"hidden\" name=\"csrf\" value=\"" + who.csrf + "\"><input type=\"hidden\" name=\"id\" value=\"" +
        htmlEscape(course.id) + "\">" + input("name", c.w(W::CourseName), course.name, " maxlength=\"200\" required") +
        input("provider", c.w(W::Organiser), course.provider, " maxlength=\"200\"") + "<label for=\"description\">" +
        c.w(W::Description) + "</label><textarea id=\"description\" name=\"description\" maxlength=\"4000\">" +
        htmlEscape(course.description) + "</textarea><label for=\"format\">" + c.w(W::Format) +
        "</label><select id=\"format\" name=\"format\">";
    for (auto [value, label] :
         {std::pair{"webinar", W::FormatWebinar}, std::pair{"seminar", W::FormatSeminar}, std::pair{"blended", W::FormatBlended}})
        f += std::string("<option value=\"") + value + "\"" + (course.format == value ? " selected" : "") + ">" + c.w(label) +
            "</option>";
    f += "</select>" + input("city", c.w(W::City), course.city, " maxlength=\"100\"") + "<label for=\"language\">" +
        c.w(W::InstructionLanguage) + "</label><select id=\"language\" name=\"language\">";
    for (Lang l : {Lang::Ka, Lang::Ru, Lang::Be, Lang::En})
        f += std::string("<option value=\"") + langCode(l) + "\"" + (course.language == langCode(l) ? " selected" : "") + ">" +
            langName(l) + "</option>";
    f += "</select><fieldset><legend>" + std::string(c.w(W::ForWhom)) + "</legend>";
    for (auto [value, label] :
         {std::pair{"youth", W::GroupYouth}, std::pair{"adults", W::GroupAdults}, std::pair{"children", W::GroupChildren},
          std::pair{"parental_leave", W::GroupParents}, std::pair{"disability", W::GroupDisability}}) {
        const bool on = std::find(course.targetGroups.begin(), course.targetGroups.end(), value) != course.targetGroups.end();
        f += std::string("<label class=\"check\"><input type=\"checkbox\" name=\"group_") + value + "\" value=\"1\"" +
            (on ? " checked" : "") + "> " + c.w(label) + "</label>";
    }
    std::string skills;
    for (const auto& s : course.skillsTaught) skills += (skills.empty() ? "" : ", ") + s;
    f += "</fieldset>" + input("skills", c.w(W::SkillsTaught), skills, " maxlength=\"1000\"") +
        input("cost", c.w(W::Cost), course.cost ? std::to_string(*course.cost) : "", " inputmode=\"numeric\" maxlength=\"9\"") +
        input("currency", c.w(W::Currency), course.costCurrency, " maxlength=\"3\"") + "<p class=\"hint\">" +
        c.w(W::SessionHintEmpty) + "</p>";
    for (size_t i = 0; i < kMaxConsoleSessions; ++i) {
        const domain::CourseSession s = i < course.sessions.size() ? course.sessions[i] : domain::CourseSession{};
        const std::string p = "s" + std::to_string(i) + "_";
        f += "<fieldset><legend>" + std::string(c.w(W::SessionNumber)) + " " + std::to_string(i + 1) +
            "</legend><input type=\"hidden\" name=\"" + p + "id\" value=\"" + htmlEscape(s.id) + "\">" +
            input(p + "start", c.w(W::Starts), s.startsAt, " type=\"date\"") +
            input(p + "end", c.w(W::Ends), s.endsAt, " type=\"date\"") +
            input(p + "venue", c.w(W::Venue), s.center, " maxlength=\"200\"") +
            input(p + "city", c.w(W::City), s.city, " maxlength=\"200\"") +
            input(p + "schedule", c.w(W::Schedule), s.scheduleNote, " maxlength=\"200\"") +
            input(p + "seats", c.w(W::Seats), s.capacity > 0 ? std::to_string(s.capacity) : "",
                  " type=\"number\" min=\"1\" max=\"10000\"") +
            "<label class=\"check\"><input type=\"checkbox\" name=\"" + p + "stepfree\" value=\"1\"" +
            (s.accessibleVenue ? " checked" : "") + "> " + c.w(W::StepFree) + "</label></fieldset>";
    }
    f += "<p><input type=\"submit\" value=\"" + std::string(c.w(W::SaveCourse)) + "\"></p></form>";
    return f;
}

}  // namespace

std::optional<HttpResponse> catalogPages(CatalogAdmin& catalog, const HttpRequest& r, const Ctx& c,
                                         const std::map<std::string, std::string>& form) {
    if (r.path != "/office/catalog" && !r.path.starts_with("/office/catalog/")) return std::nullopt;
    const Session& who = *c.session;
    if (who.role == Role::Caseworker) return page(403, layout(c, c.w(W::Catalog), "catalog", problemText(c.w(W::NotAllowed))));
    std::string problem;
    int status = 200;
    domain::CourseRecord shown;
    bool showForm = r.query.count("add") > 0;
    if (r.method == "POST" && r.path == "/office/catalog/save") {
        shown = courseFromForm(form);
        auto saved = catalog.saveCourse(shown, who);
        if (saved) return redirect("/office/catalog?saved=1");
        status = saved.error().code() == ErrorCode::NotFound ? 404 : 400;
        problem = std::string(c.w(W::BadForm)) + " " + saved.error().message();
        showForm = true;
    } else if (r.method == "POST" && r.path.starts_with("/office/catalog/close/")) {
        if (auto closed = catalog.closeCourse(r.path.substr(22), who); !closed)
            return page(404, layout(c, c.w(W::Catalog), "catalog", problemText(closed.error().message())));
        return redirect("/office/catalog?saved=1");
    } else if (r.method == "GET" && r.path.starts_with("/office/catalog/course/")) {
        auto found = catalog.course(r.path.substr(23), who);
        if (!found) return page(404, layout(c, c.w(W::Catalog), "catalog", problemText(c.w(W::NotFound))));
        shown = std::move(*found);
        showForm = true;
    } else if (r.path != "/office/catalog" || r.method != "GET") {
        return page(404, layout(c, c.w(W::NotFound), "catalog", problemText(c.w(W::NotFound))));
    }
    std::string body = "<h2>" + std::string(c.w(W::CatalogTitle)) + "</h2>";
    if (r.query.count("saved")) body += "<p class=\"notice\" role=\"status\">" + std::string(c.w(W::CoursePublished)) + "</p>";
    if (!problem.empty()) body += problemText(problem);
    if (showForm)
        body += courseForm(c, shown);
    else
        body += "<p><a class=\"button\" href=\"/office/catalog?add=1\">" + std::string(c.w(W::AddCourse)) + "</a></p>";
    auto courses = catalog.courses(who);
    if (!courses) return page(500, layout(c, c.w(W::Catalog), "catalog", problemText(courses.error().message())));
    body += "<table id=\"courses\"><thead><tr><th scope=\"col\">" + std::string(c.w(W::CourseName)) + "</th><th scope=\"col\">" +
        c.w(W::City) + "</th><th scope=\"col\">" + c.w(W::SessionNumber) + "</th><th scope=\"col\">" + c.w(W::Seats) +
        "</th><th scope=\"col\"></th></tr></thead><tbody>";
    for (const auto& l : *courses)
        body += "<tr><td><a href=\"/office/catalog/course/" + urlEncode(l.id) + "\">" + htmlEscape(l.name) + "</a></td><td>" +
            htmlEscape(l.city) + "</td><td>" + std::to_string(l.sessions) + "</td><td>" + std::to_string(l.taken) + " / " +
            std::to_string(l.seats) + "</td><td><form method=\"post\" action=\"/office/catalog/close/" + urlEncode(l.id) +
            "\"><input type=\"hidden\" name=\"csrf\" value=\"" + who.csrf + "\"><button type=\"submit\">" + c.w(W::CloseCourse) +
            "</button></form></td></tr>";
    body += "</tbody></table>";
    return page(status, layout(c, c.w(W::Catalog), "catalog", body));
}

}  // namespace dc::server::office
