// schema.org JobPosting JSON-LD as found on the web, into catalog jobs: each posting imported,
// withdrawn (past its closing date) or refused with the reason, never at the cost of the others;
// real-world feeds' quirks each have a case; hostile and oversized files are refused whole.
#include <catch2/catch.hpp>

#include "catalog/jobposting_jsonld.hpp"
#include "domain/catalog_checks.hpp"
#include "catalog/catalog_json.hpp"
#include "domain/isco08.hpp"

using namespace dc;

namespace {

const char* kPosting = R"({
  "@context": "https://schema.org/", "@type": "JobPosting",
  "title": "Accountant &amp; office manager",
  "description": "<p>Keep the books.</p><ul><li>1C</li><li>Excel</li></ul>",
  "identifier": {"@type": "PropertyValue", "name": "Batumi Port", "value": "BP-1042"},
  "datePosted": "2026-11-02T09:00:00+04:00", "validThrough": "2026-12-31",
  "employmentType": ["FULL_TIME", "CONTRACTOR"],
  "hiringOrganization": {"@type": "Organization", "name": "Batumi Port LLC"},
  "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Batumi",
                  "addressRegion": "Adjara", "addressCountry": "GE"}},
  "baseSalary": {"@type": "MonetaryAmount", "currency": "GEL",
                 "value": {"@type": "QuantitativeValue", "minValue": 18000, "maxValue": 24000, "unitText": "YEAR"}},
  "skills": "accounting, 1C,  Excel ",
  "occupationalCategory": "13-2011.00 Accountants"
})";

catalog::JobPostingFeed read(const std::string& text, std::string source = "", std::string today = "2026-12-03") {
    auto feed = catalog::readJobPostingFeed(text, {.source = source, .today = today});
    REQUIRE(feed);
    return *feed;
}

}  // namespace

TEST_CASE("a JobPosting as published becomes a catalog job", "[store][jsonld]") {
    CHECK(catalog::looksLikeJsonLd(kPosting));
    CHECK_FALSE(catalog::looksLikeJsonLd(R"({"kind":"job","op":"upsert","record":{}})"));
    const auto feed = read(kPosting);
    REQUIRE(feed.jobs.size() == 1);
    CHECK(feed.refused.empty());
    CHECK(feed.notes.empty());
    const auto& j = feed.jobs[0];
    CHECK(j.id == "ld-batumi-port-llc-BP-1042");  // no feed: the organisation is the namespace
    CHECK(j.title == "Accountant & office manager");
    CHECK(j.description == "Keep the books. 1C Excel");
    CHECK(j.employer == "Batumi Port LLC");
    CHECK(j.city == "Batumi");
    CHECK(j.region == "Adjara");
    CHECK(j.workMode == domain::WorkMode::OnSite);
    CHECK(j.salaryMin == 18000);  // as stated, with its period
    CHECK(j.salaryMax == 24000);
    CHECK(j.salaryPeriod == "YEAR");
    CHECK(domain::monthlyAmount(j.salaryMax, j.salaryPeriod) == 2000);
    CHECK(j.salaryCurrency == "GEL");
    CHECK(j.skills == std::vector<std::string>{"accounting", "1C", "Excel"});
    CHECK(j.employmentType == "FULL_TIME,CONTRACTOR");
    CHECK(j.datePosted == "2026-11-02");
    CHECK(j.validThrough == "2026-12-31");
    // The pay period survives the catalog's JSON Lines, what the kiosks pull.
    auto back = catalog::parseJsonLines(catalog::toJsonLines({.jobUpserts = {j}}));
    REQUIRE(back);
    CHECK(back->jobUpserts.at(0).salaryPeriod == "YEAR");
}

TEST_CASE("lists, graphs and lines of postings, remote work, postings without an identifier", "[store][jsonld]") {
    const std::string remote = R"({"@type":"JobPosting","title":"Support agent","hiringOrganization":"Help Inc",
        "jobLocationType":"TELECOMMUTE","baseSalary":900,"datePosted":"2026-11-20"})";
    const auto list = read("[" + remote + "," + std::string(kPosting) + "]");
    REQUIRE(list.jobs.size() == 2);
    CHECK(list.jobs[0].workMode == domain::WorkMode::Remote);
    CHECK(list.jobs[0].salaryMax == 900);
    CHECK(list.jobs[0].salaryPeriod.empty());  // a bare number: per month
    CHECK(list.jobs[0].id.starts_with("ld-help-inc-"));
    // The same posting imported twice gets the same id.
    CHECK(read(remote).jobs[0].id == list.jobs[0].id);
    const auto graph =
        read(R"({"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Careers"},)" + remote + "]}");
    CHECK(graph.jobs.size() == 1);
    CHECK(graph.refused.empty());  // the page's other things are not postings, not refusals
    std::string lines = remote;
    for (char& c : lines)
        if (c == '\n') c = ' ';
    const auto byLine = read(lines + "\n\n" + lines + "\nnot json\n");
    CHECK(byLine.jobs.size() == 1);
    REQUIRE(byLine.refused.size() == 2);
    CHECK(byLine.refused[0].reason == "line 4 is not valid JSON");
    CHECK(byLine.refused[1].reason.find("same identifier as posting 1") != std::string::npos);
}

// Public JobPosting examples as found in the wild, each of which today's import mishandled.
TEST_CASE("real-world feeds: two feeds numbering from 1 do not overwrite each other", "[store][jsonld]") {
    const std::string one = R"({"@type":"JobPosting","title":"Driver","identifier":"1","hiringOrganization":"A"})";
    const std::string other = R"({"@type":"JobPosting","title":"Cook","identifier":"1","hiringOrganization":"B"})";
    const auto a = read(one, "kutaisi-jobs"), b = read(other, "remote-market");
    CHECK(a.jobs.at(0).id == "ld-kutaisi-jobs-1");
    CHECK(b.jobs.at(0).id == "ld-remote-market-1");
    // Without a feed, two organisations' postings numbered 1 stay apart too.
    CHECK(read(one).jobs.at(0).id != read(other).jobs.at(0).id);
    // A name without Latin letters still namespaces (by its digest), and the same way each time.
    CHECK(catalog::feedNamespace("საქართველო").size() == 16);
    CHECK(catalog::feedNamespace("საქართველო") == catalog::feedNamespace("საქართველო"));
    CHECK(catalog::feedNamespace("Batumi Port, LLC") == "batumi-port-llc");
}

TEST_CASE("real-world feeds: a @graph wrapper beside a posting costs nothing", "[store][jsonld]") {
    const std::string text = std::string("[") + kPosting +
        R"(, {"@context":"https://schema.org","@graph":[{"@type":"JobPosting","title":"Welder",
                                 "identifier":"W-7","hiringOrganization":"Rustavi Steel"}]}])";
    const auto feed = read(text);
    REQUIRE(feed.jobs.size() == 2);
    CHECK(feed.jobs[1].title == "Welder");
    CHECK(feed.refused.empty());
}

TEST_CASE("real-world feeds: pay written as text, per year and per hour, keeps its period", "[store][jsonld]") {
    const auto yearly = read(R"({"@type":"JobPosting","title":"Engineer","baseSalary":{"@type":"MonetaryAmount",
        "value":{"@type":"QuantitativeValue","value":"$100,000","unitText":"YEAR"}}})");
    REQUIRE(yearly.jobs.size() == 1);
    CHECK(yearly.jobs[0].salaryMin == 100000);
    CHECK(yearly.jobs[0].salaryMax == 100000);
    CHECK(yearly.jobs[0].salaryPeriod == "YEAR");
    CHECK(yearly.jobs[0].salaryCurrency == "USD");  // from the sign, when no currency is given
    CHECK(yearly.notes.empty());
    const auto hourly = read(R"({"@type":"JobPosting","title":"Barista","baseSalary":{"@type":"MonetaryAmount","currency":"EUR",
        "value":{"@type":"QuantitativeValue","minValue":"12.50","maxValue":15,"unitText":"HOUR"}}})");
    CHECK(hourly.jobs.at(0).salaryMin == 13);  // whole units
    CHECK(hourly.jobs.at(0).salaryMax == 15);
    CHECK(hourly.jobs.at(0).salaryPeriod == "HOUR");
    CHECK(domain::monthlyAmount(15, "HOUR") == 15 * 174);
    struct Case {
        const char* text;
        int64_t amount;
    };
    for (const Case& c : {Case{"1 200 GEL", 1200}, Case{"1.234,50 EUR", 1235}, Case{"100.000", 100000}, Case{"15.5", 16},
                          Case{"\u20be2,500", 2500}}) {
        INFO(c.text);
        const auto f = read(std::string(R"({"@type":"JobPosting","title":"T","baseSalary":")") + c.text + "\"}");
        CHECK(f.jobs.at(0).salaryMax == c.amount);
    }
    // Pay that cannot be read is left out, and the report says so: never dropped without a word.
    const auto unread = read(R"({"@type":"JobPosting","title":"Nurse","baseSalary":{"currency":"GEL","value":"negotiable"}})");
    REQUIRE(unread.jobs.size() == 1);
    CHECK_FALSE(unread.jobs[0].salaryMax);
    REQUIRE(unread.notes.size() == 1);
    CHECK(unread.notes[0].reason.find("\"negotiable\" could not be read") != std::string::npos);
    const auto perPiece =
        read(R"({"@type":"JobPosting","title":"Picker","baseSalary":{"value":{"value":3,"unitText":"PIECE"}}})");
    CHECK(perPiece.notes.at(0).reason.find("PIECE") != std::string::npos);
}

TEST_CASE("real-world feeds: a posting past its closing date is withdrawn, not offered", "[store][jsonld]") {
    const auto feed = read(R"([{"@type":"JobPosting","title":"Old","identifier":"o","validThrough":"2026-11-30T23:59"},
        {"@type":"JobPosting","title":"Today","identifier":"t","validThrough":"2026-12-03"},
        {"@type":"JobPosting","title":"Odd date","identifier":"x","validThrough":"soon"}])",
                           "f");
    REQUIRE(feed.expired.size() == 1);
    CHECK(feed.expired[0].id == "ld-f-o");
    REQUIRE(feed.jobs.size() == 1);  // its last day is today: still offered
    CHECK(feed.jobs[0].title == "Today");
    REQUIRE(feed.refused.size() == 1);
    CHECK(feed.refused[0].reason.find("\"soon\" is not a date") != std::string::npos);
}

TEST_CASE("broken postings are refused one by one, the rest read", "[store][jsonld]") {
    const auto feed = read(R"([{"@type":"JobPosting","title":"ok"},{"@type":"JobPosting"},7,{"@type":"Organization","name":"x"},
        {"@type":"JobPosting","title":"<b></b>"},{"title":"no type"},{"@type":"JobPosting","title":"Bad code","identifier":"b"}])");
    CHECK(feed.jobs.size() == 2);
    std::vector<std::string> reasons;
    for (const auto& r : feed.refused) reasons.push_back(std::to_string(r.index) + ": " + r.reason);
    CHECK(reasons ==
          std::vector<std::string>{"2: it has no title", "3: it is not a JSON object",
                                   "4: it is a \"Organization\", not a JobPosting", "5: it has no title",
                                   "6: it has no @type: not a JobPosting"});
}

TEST_CASE("malformed and hostile JSON-LD files are refused whole, saying why", "[store][jsonld]") {
    struct Case {
        std::string text, says;
    };
    const Case cases[] = {
        {"{\"@type\":\"JobPosting\",\"title\":\"\xff\xfe\"}", "not valid JSON"},
        {"{\"@type\":\"JobPosting\"\n{", "not valid JSON"},
        {R"({"@context":"https://schema.org","@graph":[]})", "no JobPosting"},
        {R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite"}]})", "no JobPosting"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto r = catalog::readJobPostingFeed(c.text, {});
        REQUIRE_FALSE(r);
        CHECK(r.error().message().find(c.says) != std::string::npos);
    }
    // Odd but harmless values are ignored, not trusted.
    const auto odd = read(R"({"@type":"JobPosting","title":"T","baseSalary":{"value":{"minValue":-5,"maxValue":"1e300"}},
        "jobLocation":[],"skills":[[1],{"a":2}],"employmentType":{"x":1},"identifier":{"value":"\u0000\u0001"}})");
    REQUIRE(odd.jobs.size() == 1);
    CHECK(odd.jobs[0].salaryMax);  // "1e300" reads as the digits it has, within bounds
    CHECK(catalog::readJobPostingFeed(std::string(catalog::kMaxJsonLdBytes + 1, ' '), {}).error().message().find("256 MiB") !=
          std::string::npos);
    CHECK(catalog::readJobPostingFeed(std::string(200000, '[') + std::string(200000, ']'), {}).error().message().find("deeper") !=
          std::string::npos);
    // An identifier too long for an id is taken by its digest; the id stays within the catalog's limit.
    const auto longId = read(R"({"@type":"JobPosting","title":"T","identifier":")" + std::string(500, 'x') + "\"}");
    CHECK(longId.jobs.at(0).id.size() <= 128);
}

TEST_CASE("occupation codes: ISCO-08 from a CategoryCode or a leading code, never from O*NET", "[store][jsonld][isco]") {
    const auto feed = read(R"([
      {"@type":"JobPosting","title":"A","occupationalCategory":{"@type":"CategoryCode","codeValue":"2512","inCodeSet":"ISCO-08","name":"Software developers"}},
      {"@type":"JobPosting","title":"B","occupationalCategory":"8322 Car, taxi and van drivers"},
      {"@type":"JobPosting","title":"C","occupationalCategory":"15-1132.00 Software Developers"},
      {"@type":"JobPosting","title":"D","occupationalCategory":"9999"},
      {"@type":"JobPosting","title":"E","occupationalCategory":{"codeValue":"2512","inCodeSet":"O*NET-SOC"}}])");
    REQUIRE(feed.jobs.size() == 5);
    CHECK(feed.jobs[0].isco == "2512");
    CHECK(feed.jobs[0].category == "Software developers");
    CHECK(feed.jobs[1].isco == "8322");
    CHECK(feed.jobs[2].isco.empty());
    CHECK(feed.jobs[3].isco.empty());  // 99 is no sub-major group
    CHECK(feed.jobs[4].isco.empty());
    // Every group is titled in the four languages, and codes name their group by the first two digits.
    for (const auto& g : domain::iscoGroups())
        for (const char* title : g.title) CHECK(std::string(title).size() > 3);
    CHECK(std::string(domain::iscoGroupOf("2512")->title[0]) == "Information and communications technology professionals");
    CHECK(domain::iscoGroupOf("25"));
    CHECK_FALSE(domain::iscoGroupOf("2"));
    CHECK_FALSE(domain::iscoGroupOf("25123"));
    CHECK_FALSE(domain::iscoGroupOf("2a"));
    CHECK_FALSE(domain::iscoGroupOf(""));
    // The catalog refuses a job whose code is not ISCO-08.
    domain::JobRecord j{.id = "x", .title = "T"};
    j.isco = "99";
    CHECK_FALSE(domain::validateJob(j));
    j.isco = "83";
    CHECK(domain::validateJob(j));
}
