// The console's job feeds page (coordinators and administrators): the feeds, a file uploaded as a
// feed's new list, a feed fetched from its address on a schedule or now, and each run's report of
// what was added, changed, closed and refused, and why.
#include <map>

#include "sync/server/office/console_page.hpp"
#include "sync/server/office/feeds.hpp"

namespace dc::server::office {
namespace {

W outcomeWord(const std::string& outcome) {
    if (outcome == "added") return W::OutcomeAdded;
    if (outcome == "changed") return W::OutcomeChanged;
    if (outcome == "closed") return W::OutcomeClosed;
    if (outcome == "refused") return W::OutcomeRefused;
    return W::OutcomeNoted;
}

std::string counts(const Ctx& c, const FeedRun& run) {
    if (!run.error.empty()) return "<span class=\"problem\">" + htmlEscape(run.error) + "</span>";
    std::string out;
    for (auto [n, w] : {std::pair{run.added, W::OutcomeAdded}, std::pair{run.changed, W::OutcomeChanged},
                        std::pair{run.closed, W::OutcomeClosed}, std::pair{run.refused, W::OutcomeRefused}})
        out += (out.empty() ? "" : ", ") + std::string(c.w(w)) + ": " + std::to_string(n);
    return out;
}

std::string reportPage(const Ctx& c, const FeedRun& run) {
    std::string body = "<h2>" + std::string(c.w(W::FeedReport)) + ": " + htmlEscape(run.feed) + "</h2><p>" + utcTime(run.at) +
        " · " + htmlEscape(run.by) + "</p><p id=\"summary\">" + counts(c, run) + ", " + c.w(W::Unchanged) + ": " +
        std::to_string(run.unchanged) + "</p>";
    if (run.items.empty()) return body + "<p><a href=\"/office/feeds\">" + c.w(W::Feeds) + "</a></p>";
    body += "<table id=\"report\"><thead><tr><th scope=\"col\">" + std::string(c.w(W::Outcome)) +
        "</th><th scope=\"col\">#</th><th scope=\"col\">" + c.w(W::Posting) + "</th><th scope=\"col\">" + c.w(W::Why) +
        "</th></tr></thead><tbody>";
    for (const auto& i : run.items)
        body += "<tr class=\"" + htmlEscape(i.outcome) + "\"><td>" + c.w(outcomeWord(i.outcome)) + "</td><td>" +
            (i.index ? std::to_string(i.index) : std::string()) + "</td><td>" + htmlEscape(i.title) +
            (i.id.empty() ? std::string() : " <small>" + htmlEscape(i.id) + "</small>") + "</td><td>" + htmlEscape(i.reason) +
            "</td></tr>";
    return body + "</tbody></table><p><a href=\"/office/feeds\">" + c.w(W::Feeds) + "</a></p>";
}

std::string feedsPage(const Ctx& c, const std::vector<FeedRow>& feeds, const std::string& problem) {
    const Session& who = *c.session;
    const std::string csrf = "<input type=\"hidden\" name=\"csrf\" value=\"" + who.csrf + "\">";
    std::string body = "<h2>" + std::string(c.w(W::FeedsTitle)) + "</h2><p class=\"hint\">" + c.w(W::FeedsHint) + "</p>";
    if (!problem.empty()) body += problemText(problem);
    body += "<table id=\"feeds\"><thead><tr><th scope=\"col\">" + std::string(c.w(W::FeedName)) + "</th><th scope=\"col\">" +
        c.w(W::FeedAddress) + "</th><th scope=\"col\">" + c.w(W::EveryHours) + "</th><th scope=\"col\">" + c.w(W::LastRun) +
        "</th><th scope=\"col\"></th></tr></thead><tbody>";
    if (feeds.empty()) body += "<tr><td colspan=\"5\">" + std::string(c.w(W::Nothing)) + "</td></tr>";
    for (const auto& f : feeds) {
        body += "<tr><td>" + htmlEscape(f.name) + "</td><td>" +
            (f.url.empty() ? std::string(c.w(W::Uploaded)) : htmlEscape(f.url)) + "</td><td>" +
            (f.everyHours > 0 ? std::to_string(f.everyHours) : std::string(c.w(W::ByHand))) + "</td><td>";
        if (f.lastRunSeq)
            body += "<a href=\"/office/feeds/run?seq=" + std::to_string(f.lastRunSeq) + "\">" + utcTime(f.lastRunAt) + "</a> · " +
                htmlEscape(f.lastSummary);
        else
            body += "—";
        body += "</td><td>";
        if (!f.url.empty())
            body += "<form method=\"post\" action=\"/office/feeds/run-now\">" + csrf +
                "<input type=\"hidden\" name=\"name\" value=\"" + htmlEscape(f.name) + "\"><button type=\"submit\">" +
                c.w(W::RunNow) + "</button></form>";
        body += "</td></tr>";
    }
    body += "</tbody></table>";
    std::string names;
    for (const auto& f : feeds) names += "<option value=\"" + htmlEscape(f.name) + "\">";
    body += "<form class=\"card\" method=\"post\" action=\"/office/feeds/upload\" enctype=\"multipart/form-data\"><h3>" +
        std::string(c.w(W::ImportFile)) + "</h3>" + csrf + "<label for=\"upload-name\">" + c.w(W::FeedName) +
        "</label><input id=\"upload-name\" name=\"name\" list=\"feed-names\" required maxlength=\"32\" pattern=\"[a-z0-9-]+\">"
        "<datalist id=\"feed-names\">" +
        names + "</datalist><label for=\"file\">" + c.w(W::FeedFile) +
        "</label><input id=\"file\" name=\"file\" type=\"file\" required "
        "accept=\".json,.jsonld,.jsonl,application/json,application/ld+json\">"
        "<p><input type=\"submit\" value=\"" +
        c.w(W::Import) + "\"></p></form>";
    body += "<form class=\"card\" method=\"post\" action=\"/office/feeds/save\"><h3>" + std::string(c.w(W::AddFeed)) + "</h3>" +
        csrf + "<label for=\"name\">" + c.w(W::FeedName) +
        "</label><input id=\"name\" name=\"name\" required maxlength=\"32\" pattern=\"[a-z0-9-]+\">"
        "<label for=\"url\">" +
        c.w(W::FeedAddress) +
        "</label><input id=\"url\" name=\"url\" type=\"url\" maxlength=\"2000\">"
        "<label for=\"every\">" +
        c.w(W::EveryHours) +
        "</label><input id=\"every\" name=\"every\" type=\"number\" min=\"0\" max=\"744\" value=\"24\">"
        "<p><input type=\"submit\" value=\"" +
        c.w(W::SaveFeed) + "\"></p></form>";
    return body;
}

}  // namespace

std::optional<HttpResponse> feedPages(FeedService& feeds, const HttpRequest& r, const Ctx& c,
                                      const std::map<std::string, std::string>& form) {
    if (r.path != "/office/feeds" && !r.path.starts_with("/office/feeds/")) return std::nullopt;
    const Session& who = *c.session;
    auto shown = [&](int status, const std::string& body) { return page(status, layout(c, c.w(W::Feeds), "feeds", body)); };
    if (who.role == Role::Caseworker) return shown(403, problemText(c.w(W::NotAllowed)));
    auto failed = [&](const Error& e) {
        const int status = e.code() == ErrorCode::NotFound ? 404 : e.code() == ErrorCode::Refused ? 403 : 400;
        auto list = feeds.feeds(who);
        return shown(status,
                     feedsPage(c, list ? *list : std::vector<FeedRow>{}, std::string(c.w(W::BadForm)) + " " + e.message()));
    };
    auto toReport = [](const FeedRun& run) { return redirect("/office/feeds/run?seq=" + std::to_string(run.seq)); };
    if (r.method == "POST" && r.path == "/office/feeds/upload") {
        auto run = feeds.importUpload(field(form, "name"), field(form, "file"), who);
        return run ? toReport(*run) : failed(run.error());
    }
    if (r.method == "POST" && r.path == "/office/feeds/run-now") {
        auto run = feeds.runNow(field(form, "name"), who);
        return run ? toReport(*run) : failed(run.error());
    }
    if (r.method == "POST" && r.path == "/office/feeds/save") {
        int64_t every = -1;
        try {
            size_t used = 0;
            const std::string text = field(form, "every");
            every = text.empty() ? 0 : std::stoll(text, &used);
            if (used != text.size()) every = -1;
        } catch (...) {}
        auto saved = feeds.saveFeed(field(form, "name"), field(form, "url"), every, who);
        return saved ? redirect("/office/feeds") : failed(saved.error());
    }
    if (r.method == "GET" && r.path == "/office/feeds/run") {
        const auto it = r.query.find("seq");
        int64_t seq = 0;
        try {
            seq = it == r.query.end() ? 0 : std::stoll(it->second.substr(0, 18));
        } catch (...) {}
        auto run = feeds.run(seq, who);
        if (!run) return shown(404, problemText(c.w(W::NotFound)));
        return shown(200, reportPage(c, *run));
    }
    if (r.method == "GET" && r.path == "/office/feeds") {
        auto list = feeds.feeds(who);
        if (!list) return shown(500, problemText(list.error().message()));
        return shown(200, feedsPage(c, *list, ""));
    }
    return shown(404, problemText(c.w(W::NotFound)));
}

}  // namespace dc::server::office
