#include "app/ui/kit/format.hpp"

#include "app/ui/kit/place_names.hpp"

namespace dc::ui {

std::string formatNumber(Language language, int64_t value) {
    const bool negative = value < 0;
    // Work on the unsigned magnitude so INT64_MIN does not overflow.
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    const std::string digits = std::to_string(magnitude);
    const std::string separator = language == Language::English ? "," : "\u00A0";  // no-break space
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string formatSalary(Language language, std::optional<int64_t> min, std::optional<int64_t> max, const std::string& currency,
                         std::string_view period, bool sayMonth) {
    const std::string unit = currency.empty() ? "" : " " + currency;
    std::string amount;
    if (min && max && *min != *max)
        amount = formatNumber(language, *min) + "–" + formatNumber(language, *max) + unit;
    else if (min)
        amount = formatNumber(language, *min) + unit;
    else if (max)
        amount = formatNumber(language, *max) + unit;
    if (amount.empty()) return amount;
    const Msg per = period == "HOUR" ? Msg::PerHour
        : period == "DAY"            ? Msg::PerDay
        : period == "WEEK"           ? Msg::PerWeek
        : period == "YEAR"           ? Msg::PerYear
                                     : Msg::PerMonth;
    if (per != Msg::PerMonth || sayMonth) amount += " " + std::string(tr(language, per));
    return amount;
}

const char* courseFormatName(Language language, const std::string& format) {
    if (format == "webinar") return tr(language, Msg::FormatWebinar);
    if (format == "seminar") return tr(language, Msg::FormatSeminar);
    if (format == "blended") return tr(language, Msg::FormatBlended);
    return "";
}

std::string formatDate(Language language, const std::string& iso) {
    auto digits = [&](size_t from, size_t n) {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return -1;
            v = v * 10 + (iso[i] - '0');
        }
        return v;
    };
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || year < 0 || month < 1 || month > 12 || day < 1 || day > 31)
        return iso;
    const std::string names = tr(language, Msg::MonthNames);
    size_t start = 0;
    for (int m = 1; m < month && start != std::string::npos; ++m) {
        start = names.find('|', start);
        if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) return iso;
    const std::string name = names.substr(start, names.find('|', start) - start);
    std::string out = std::to_string(day) + " " + name + " " + std::to_string(year);
    if (iso.size() >= 16 && iso[10] == 'T' && digits(11, 2) >= 0 && iso[13] == ':' && digits(14, 2) >= 0)
        out += ", " + iso.substr(11, 5);
    return out;
}

std::string jobShareText(Language language, const domain::JobRecord& j) {
    std::string text = j.title + "\n" + j.employer;
    const std::string where = j.city.empty() ? regionName(language, j.region) : j.city;
    if (!where.empty()) text += " · " + where;
    const std::string salary = formatSalary(language, j.salaryMin, j.salaryMax, j.salaryCurrency, j.salaryPeriod, true);
    if (!salary.empty()) text += "\n" + std::string(tr(language, Msg::Salary)) + ": " + salary;
    if (!j.datePosted.empty()) text += "\n" + std::string(tr(language, Msg::Posted)) + ": " + formatDate(language, j.datePosted);
    // The id lets a clerk or the office's website find the posting again.
    return text + "\n#" + j.id;
}

std::string courseShareText(Language language, const domain::CourseRecord& c) {
    std::string text = c.name + "\n" + c.provider;
    if (!c.city.empty()) text += " · " + c.city;
    const std::string format = courseFormatName(language, c.format);
    if (!format.empty()) text += "\n" + format;
    for (const auto& s : c.sessions) {
        if (s.startsAt.empty()) continue;
        text += "\n" + std::string(tr(language, Msg::Starts)) + " " + formatDate(language, s.startsAt) +
            (s.center.empty() ? "" : " · " + s.center);
        break;  // the soonest date: the rest are one tap away at the kiosk
    }
    return text + "\n#" + c.id;
}

std::string targetGroupName(Language language, const std::string& group) {
    if (group == "youth") return tr(language, Msg::GroupYouth);
    if (group == "adults") return tr(language, Msg::GroupAdults);
    if (group == "children") return tr(language, Msg::GroupChildren);
    if (group == "parental_leave") return tr(language, Msg::GroupParentalLeave);
    if (group == "disability") return tr(language, Msg::GroupDisability);
    return group;
}

std::string sessionWhen(Language language, const domain::CourseSession& session) {
    std::string when =
        formatDate(language, session.startsAt) + (session.endsAt.empty() ? "" : " – " + formatDate(language, session.endsAt));
    if (!session.scheduleNote.empty()) when += " · " + session.scheduleNote;
    return when;
}

std::string sessionWhere(const domain::CourseSession& session) {
    return session.center + (session.city.empty() || session.center.empty() ? session.city : " · " + session.city);
}

}  // namespace dc::ui
