#pragma once
// Numbers and money as people of each language write them.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/records.hpp"

#include "app/ui/kit/i18n.hpp"

namespace dc::ui {

// 12345 -> "12,345" in English, "12 345" in Georgian, Russian and Belarusian.
std::string formatNumber(Language language, int64_t value);

// "1,800–2,400 GEL", "from 900 BYN", "up to 1,500 USD", or empty when neither bound is known.
// Pay stated by the hour, day, week or year says so ("15 USD per hour"); a monthly one says "per
// month" only when `sayMonth` (where the figure stands alone).
std::string formatSalary(Language language, std::optional<int64_t> min, std::optional<int64_t> max, const std::string& currency,
                         std::string_view period = {}, bool sayMonth = false);

// How a course is given, in plain words: "webinar" -> "Online (webinar)". Empty if unknown.
const char* courseFormatName(Language language, const std::string& format);
// "2026-11-29" as "29 November 2026" (or "29 ноября 2026"...); a date-time keeps its "18:00".
// Text that is not an ISO date is returned as it is.
std::string formatDate(Language language, const std::string& iso);
// A course session's dates as one line: "10 January 2027 – 14 February 2027 · evenings".
std::string sessionWhen(Language language, const domain::CourseSession& session);
// Where it takes place: "Kutaisi training centre · Kutaisi".
std::string sessionWhere(const domain::CourseSession& session);
// What a QR code carries to the person's phone: plain text, readable without any app.
std::string jobShareText(Language language, const domain::JobRecord& job);
std::string courseShareText(Language language, const domain::CourseRecord& course);
// "youth", "parental_leave", ... in plain words; the value itself when it is not one we know.
std::string targetGroupName(Language language, const std::string& group);

}  // namespace dc::ui
