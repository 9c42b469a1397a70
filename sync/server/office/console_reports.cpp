// The console's reports page (coordinators and administrators): the program's outcomes over a span
// of days, each dimension as a bar chart the server draws (SVG, no script) beside the same numbers
// in a table, and all of it as CSV. Counts from 1 to 4 are shown as "fewer than 5", never drawn.
#include <algorithm>
#include <map>

#include "sync/server/office/console_page.hpp"
#include "sync/server/office/reports.hpp"

namespace dc::server::office {
namespace {

// Okabe-Ito colours: told apart with every common colour blindness, and each bar is labelled too.
constexpr const char* kColours[] = {"#0072B2", "#009E73", "#B86E00", "#CC79A7"};
constexpr W kMeasureWords[] = {W::MeasureApplications, W::MeasureHires, W::MeasurePlaces, W::MeasureCompletions};

std::string valueLabel(const Ctx& c, Dimension d, const std::string& key) {
    if (key.empty()) return c.w(W::NotStated);
    if (d == Dimension::Group) {
        static const std::map<std::string, W> groups = {{"youth", W::GroupYouth},
                                                        {"adults", W::GroupAdults},
                                                        {"children", W::GroupChildren},
                                                        {"parental_leave", W::GroupParents},
                                                        {"disability", W::GroupDisability}};
        if (const auto it = groups.find(key); it != groups.end()) return c.w(it->second);
    }
    if (d == Dimension::Language) {
        for (Lang l : {Lang::Ka, Lang::Ru, Lang::Be, Lang::En})
            if (key == langCode(l)) return langName(l);
    }
    return key;
}

std::string countText(const Ctx& c, int64_t n) {
    const auto s = shown(n);
    return s ? std::to_string(*s) : std::string(c.w(W::FewerThan5));
}

// Horizontal grouped bars: one group per value, one bar per measure, its count at its end.
std::string chart(const Ctx& c, const std::string& id, const std::string& title,
                  const std::vector<std::pair<std::string, Counts>>& rows) {
    constexpr int kLabel = 170, kBarsWidth = 470, kBar = 11, kGap = 3, kGroupGap = 14, kLegend = 28, kWidth = 760;
    int64_t most = 1;
    for (const auto& [label, counts] : rows)
        for (Measure m : kMeasures)
            if (shown(counts[m])) most = std::max(most, counts[m]);
    const int groupHeight = 4 * (kBar + kGap) + kGroupGap;
    const int height = kLegend + static_cast<int>(rows.size()) * groupHeight + 4;
    std::string svg = "<svg id=\"" + id + "\" class=\"chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
        std::to_string(height) + "\" width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(height) +
        "\" role=\"img\" aria-labelledby=\"" + id + "-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"" + id +
        "-title\">" + htmlEscape(title) + "</title>";
    int x = 0;
    for (int m = 0; m < 4; ++m) {
        const std::string word = c.w(kMeasureWords[m]);
        svg += "<rect x=\"" + std::to_string(x) + "\" y=\"4\" width=\"14\" height=\"14\" fill=\"" + kColours[m] +
            "\"/><text x=\"" + std::to_string(x + 20) + "\" y=\"16\" font-size=\"13\" fill=\"#1a1a1a\">" + htmlEscape(word) +
            "</text>";
        x += 40 + static_cast<int>(word.size()) * 7;
    }
    int y = kLegend;
    for (const auto& [label, counts] : rows) {
        svg += "<text x=\"0\" y=\"" + std::to_string(y + 2 * (kBar + kGap) + 4) + "\" font-size=\"13\" fill=\"#1a1a1a\">" +
            htmlEscape(label.substr(0, 28)) + "</text>";
        for (int m = 0; m < 4; ++m) {
            const int64_t n = counts[kMeasures[m]];
            const int barY = y + m * (kBar + kGap);
            const auto s = shown(n);
            const int w = s ? static_cast<int>(static_cast<double>(*s) / static_cast<double>(most) * kBarsWidth) : 0;
            if (w > 0)
                svg += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(barY) + "\" width=\"" +
                    std::to_string(w) + "\" height=\"" + std::to_string(kBar) + "\" fill=\"" + kColours[m] + "\"/>";
            svg += "<text x=\"" + std::to_string(kLabel + w + 4) + "\" y=\"" + std::to_string(barY + kBar - 1) +
                "\" font-size=\"11\" fill=\"#1a1a1a\">" + htmlEscape(countText(c, n)) + "</text>";
        }
        y += groupHeight;
    }
    return svg + "</svg>";
}

std::string table(const Ctx& c, const std::string& id, const std::string& head,
                  const std::vector<std::pair<std::string, Counts>>& rows) {
    std::string t = "<table id=\"" + id + "\"><thead><tr><th scope=\"col\">" + htmlEscape(head) + "</th>";
    for (W w : kMeasureWords) t += "<th scope=\"col\">" + std::string(c.w(w)) + "</th>";
    t += "</tr></thead><tbody>";
    for (const auto& [label, counts] : rows) {
        t += "<tr><th scope=\"row\">" + htmlEscape(label) + "</th>";
        for (Measure m : kMeasures) t += "<td>" + htmlEscape(countText(c, counts[m])) + "</td>";
        t += "</tr>";
    }
    return t + "</tbody></table>";
}

std::string reportPage(const Ctx& c, const ProgramReport& r, const std::string& problem) {
    std::string body = "<h2>" + std::string(c.w(W::ReportsTitle)) + "</h2><p class=\"hint\">" + c.w(W::ReportsHint) + "</p>";
    if (!problem.empty()) body += problemText(problem);
    body += "<form class=\"filters\" method=\"get\" action=\"/office/reports\"><label for=\"from\">" + std::string(c.w(W::From)) +
        "</label><input id=\"from\" name=\"from\" type=\"date\" value=\"" + htmlEscape(r.from) + "\"><label for=\"to\">" +
        c.w(W::To) + "</label><input id=\"to\" name=\"to\" type=\"date\" value=\"" + htmlEscape(r.to) +
        "\"><input type=\"submit\" value=\"" + c.w(W::Show) + "\"> <a href=\"/office/reports.csv?from=" + urlEncode(r.from) +
        "&amp;to=" + urlEncode(r.to) + "\">" + c.w(W::ExportCsv) + "</a></form>";
    body += table(c, "totals", c.w(W::Total), {{c.w(W::Total), r.total}});
    const std::pair<Dimension, W> parts[] = {{Dimension::Week, W::ByWeek},
                                             {Dimension::Group, W::ByGroup},
                                             {Dimension::Language, W::ByLanguage},
                                             {Dimension::Region, W::ByRegion}};
    for (const auto& [d, word] : parts) {
        std::vector<std::pair<std::string, Counts>> rows;
        for (const auto& [key, counts] : r.of(d)) rows.emplace_back(valueLabel(c, d, key), counts);
        const std::string id = std::string("by-") + dimensionName(d);
        body += "<section class=\"report\"><h3>" + std::string(c.w(word)) + "</h3>";
        if (rows.empty()) {
            body += "<p>" + std::string(c.w(W::Nothing)) + "</p></section>";
            continue;
        }
        body += chart(c, id + "-chart", c.w(word), rows) + table(c, id, c.w(word), rows) + "</section>";
    }
    return body;
}

}  // namespace

std::optional<HttpResponse> reportPages(ReportService& reports, const HttpRequest& r, const Ctx& c,
                                        const std::map<std::string, std::string>& form) {
    if (r.path != "/office/reports" && r.path != "/office/reports.csv" && !r.path.starts_with("/office/reports/"))
        return std::nullopt;
    const Session& who = *c.session;
    auto shownPage = [&](int status, const std::string& body) {
        return page(status, layout(c, c.w(W::Reports), "reports", body));
    };
    if (who.role == Role::Caseworker) return shownPage(403, problemText(c.w(W::NotAllowed)));
    if (r.path == "/office/reports/completed" && r.method == "POST") {
        const auto it = form.find("id");
        const std::string id = it == form.end() ? std::string() : it->second;
        if (auto done = reports.markCompleted(id, who); !done)
            return shownPage(done.error().code() == ErrorCode::NotFound ? 404 : 400, problemText(done.error().message()));
        return redirect("/office/record/enrollment/" + urlEncode(id) + "?saved=1");
    }
    if (r.method != "GET" || r.path.starts_with("/office/reports/")) return shownPage(404, problemText(c.w(W::NotFound)));
    auto q = [&](const char* k) {
        const auto it = r.query.find(k);
        return it == r.query.end() ? std::string() : it->second.substr(0, 20);
    };
    auto report = reports.report(q("from"), q("to"), who);
    std::string problem;
    if (!report) {
        if (report.error().code() != ErrorCode::InvalidInput) return shownPage(500, problemText(report.error().message()));
        problem = std::string(c.w(W::BadForm)) + " " + report.error().message();
        report = reports.report("", "", who);  // the default span, with the reason above it
        if (!report) return shownPage(500, problemText(report.error().message()));
    }
    if (r.path == "/office/reports.csv") {
        if (!problem.empty()) return page(400, problem + "\n", "text/plain; charset=utf-8");
        HttpResponse csv = page(200, reportCsv(*report), "text/csv; charset=utf-8");
        csv.headers.emplace_back("Content-Disposition",
                                 "attachment; filename=\"program-report-" + report->from + "-" + report->to + ".csv\"");
        return csv;
    }
    return shownPage(problem.empty() ? 200 : 400, reportPage(c, *report, problem));
}

}  // namespace dc::server::office
