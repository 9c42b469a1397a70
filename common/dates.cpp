#include "common/dates.hpp"

#include <ctime>

namespace dc::dates {

std::optional<Day> parseDay(std::string_view text, int minYear, int maxYear) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](size_t from, size_t count) {
        int n = 0;
        for (size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            n = n * 10 + (text[i] - '0');
        }
        return n;
    };
    const Day d{number(0, 4), number(5, 2), number(8, 2)};
    if (d.year < minYear || d.year > maxYear || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);
    if (d.day > kDays[d.month - 1] || (d.month == 2 && d.day == 29 && !leap)) return std::nullopt;
    return d;
}

int64_t unixSeconds(const Day& day) {
    std::tm t{};
    t.tm_year = day.year - 1900;
    t.tm_mon = day.month - 1;
    t.tm_mday = day.day;
    return static_cast<int64_t>(timegm(&t));
}

std::string utcText(int64_t unixSeconds, const char* format) {
    const std::time_t tt = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    const size_t n = std::strftime(buf, sizeof buf, format, &tm);
    return std::string(buf, n);
}

}  // namespace dc::dates
