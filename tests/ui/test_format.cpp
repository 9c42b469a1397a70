#include <catch2/catch.hpp>

#include <limits>

#include "app/ui/kit/format.hpp"
#include "app/ui/kit/qr_code.hpp"

using namespace dc::ui;
namespace ui = dc::ui;
namespace domain = dc::domain;

TEST_CASE("numbers use each language's thousands separator", "[ui][format]") {
    CHECK(formatNumber(Language::English, 0) == "0");
    CHECK(formatNumber(Language::English, 999) == "999");
    CHECK(formatNumber(Language::English, 1000) == "1,000");
    CHECK(formatNumber(Language::English, 1234567) == "1,234,567");
    CHECK(formatNumber(Language::Russian, 12345) == "12\u00A0345");
    CHECK(formatNumber(Language::English, -1500) == "-1,500");
    CHECK(formatNumber(Language::English, std::numeric_limits<int64_t>::min()) == "-9,223,372,036,854,775,808");
}

TEST_CASE("salary ranges read naturally and missing bounds are handled", "[ui][format]") {
    CHECK(formatSalary(Language::English, 1800, 2400, "GEL") == "1,800–2,400 GEL");
    CHECK(formatSalary(Language::English, 900, 900, "BYN") == "900 BYN");
    CHECK(formatSalary(Language::English, 900, std::nullopt, "BYN") == "900 BYN");
    CHECK(formatSalary(Language::English, std::nullopt, 1500, "USD") == "1,500 USD");
    CHECK(formatSalary(Language::English, std::nullopt, std::nullopt, "USD").empty());
    // Pay keeps the period it was stated in; a monthly figure says so only where it stands alone.
    CHECK(formatSalary(Language::English, 15, 20, "USD", "HOUR") == "15–20 USD per hour");
    CHECK(formatSalary(Language::Russian, 100000, 100000, "USD", "YEAR") ==
          formatNumber(Language::Russian, 100000) + " USD в год");
    CHECK(formatSalary(Language::English, 900, 900, "BYN", "MONTH") == "900 BYN");
    CHECK(formatSalary(Language::English, 900, 900, "BYN", "", true) == "900 BYN per month");
    CHECK(formatSalary(Language::English, std::nullopt, std::nullopt, "USD", "HOUR", true).empty());
}

TEST_CASE("a job or course goes to the phone as plain text that fits a QR code", "[ui][format]") {
    domain::JobRecord j{.id = "demo-job-001",
                        .title = "ბუღალტერი",
                        .employer = "შპს ბათუმის პორტი",
                        .city = "ბათუმი",
                        .salaryMin = 1200,
                        .salaryMax = 1500,
                        .salaryCurrency = "GEL",
                        .datePosted = "2026-11-02"};
    const std::string text = ui::jobShareText(ui::Language::Georgian, j);
    CHECK(text.find("ბუღალტერი\nშპს ბათუმის პორტი · ბათუმი") == 0);
    CHECK(text.find(formatSalary(Language::Georgian, 1200, 1500, "GEL")) != std::string::npos);
    CHECK(text.ends_with("#demo-job-001"));
    CHECK(ui::encodeQr(text));
    // The longest fields the catalog allows still make a code.
    j.title = std::string(200, 'x');
    j.employer = std::string(200, 'y');
    CHECK(ui::encodeQr(ui::jobShareText(ui::Language::English, j)));

    domain::CourseRecord c{.id = "c-1", .name = "Excel для работы", .provider = "Центр цифровых навыков", .format = "webinar"};
    c.sessions = {{.id = "s-1", .center = "Минск", .startsAt = "2026-12-03"}, {.id = "s-2", .startsAt = "2027-01-10"}};
    const std::string course = ui::courseShareText(ui::Language::Russian, c);
    CHECK(course.find("Excel для работы\nЦентр цифровых навыков") == 0);
    CHECK(course.find("3 декабря 2026 · Минск") != std::string::npos);
    CHECK(course.find("2027") == std::string::npos);
}

TEST_CASE("dates read as people write them, in each language", "[ui][format]") {
    CHECK(formatDate(Language::English, "2026-11-29") == "29 November 2026");
    CHECK(formatDate(Language::Russian, "2026-11-29") == "29 ноября 2026");
    CHECK(formatDate(Language::Belarusian, "2027-01-05") == "5 студзеня 2027");
    CHECK(formatDate(Language::Georgian, "2026-03-08") == "8 მარტი 2026");
    CHECK(formatDate(Language::English, "2026-12-01T18:00:00Z") == "1 December 2026, 18:00");
    // Not a date: shown as it came, never a crash or a wrong month.
    for (const char* odd : {"", "soon", "2026-13-01", "2026-00-10", "2026-1-1", "20x6-01-01", "2026-02-32", "2026/01/01"})
        CHECK(formatDate(Language::English, odd) == odd);
}
