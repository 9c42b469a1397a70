// schema.org JobPosting JSON-LD as found on the web, into catalog jobs; malformed, hostile and
// oversized input refused with the posting named and nothing imported.
#include <catch2/catch.hpp>

#include "app/store/jobposting_jsonld.hpp"

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

}  // namespace

TEST_CASE("a JobPosting as published becomes a catalog job", "[store][jsonld]") {
    CHECK(store::looksLikeJsonLd(kPosting));
    CHECK_FALSE(store::looksLikeJsonLd(R"({"kind":"job","op":"upsert","record":{}})"));
    auto batch = store::parseJobPostingJsonLd(kPosting);
    REQUIRE(batch);
    REQUIRE(batch->jobUpserts.size() == 1);
    const auto& j = batch->jobUpserts[0];
    CHECK(j.id == "ld-BP-1042");
    CHECK(j.title == "Accountant & office manager");
    CHECK(j.description == "Keep the books. 1C Excel");
    CHECK(j.employer == "Batumi Port LLC");
    CHECK(j.city == "Batumi");
    CHECK(j.region == "Adjara");
    CHECK(j.workMode == store::WorkMode::OnSite);
    CHECK(j.salaryMin == 1500);  // per year -> per month
    CHECK(j.salaryMax == 2000);
    CHECK(j.salaryCurrency == "GEL");
    CHECK(j.skills == std::vector<std::string>{"accounting", "1C", "Excel"});
    CHECK(j.employmentType == "FULL_TIME,CONTRACTOR");
    CHECK(j.datePosted == "2026-11-02");
}

TEST_CASE("lists, graphs and lines of postings, remote work, postings without an identifier", "[store][jsonld]") {
    const std::string remote = R"({"@type":"JobPosting","title":"Support agent","hiringOrganization":"Help Inc",
        "jobLocationType":"TELECOMMUTE","baseSalary":900,"datePosted":"2026-11-20"})";
    auto list = store::parseJobPostingJsonLd("[" + remote + "," + std::string(kPosting) + "]");
    REQUIRE(list);
    CHECK(list->jobUpserts.size() == 2);
    CHECK(list->jobUpserts[0].workMode == store::WorkMode::Remote);
    CHECK(list->jobUpserts[0].salaryMax == 900);
    CHECK(list->jobUpserts[0].id.starts_with("ld-"));
    // The same posting imported twice gets the same id.
    CHECK(store::parseJobPostingJsonLd(remote)->jobUpserts[0].id == list->jobUpserts[0].id);
    auto graph = store::parseJobPostingJsonLd(R"({"@context":"https://schema.org","@graph":[)" + remote + "]}");
    REQUIRE(graph);
    CHECK(graph->jobUpserts.size() == 1);
    std::string lines = remote;
    for (char& c : lines) if (c == '\n') c = ' ';
    auto byLine = store::parseJobPostingJsonLd(lines + "\n\n" + lines + "\n");
    REQUIRE(byLine);
    CHECK(byLine->jobUpserts.size() == 2);
}

TEST_CASE("malformed and hostile JSON-LD is refused, naming the posting", "[store][jsonld]") {
    struct Case { std::string text, says; };
    const Case cases[] = {
        {R"({"@type":"Organization","name":"x"})", "posting 1 is a \"Organization\""},
        {R"([{"@type":"JobPosting","title":"ok"},{"@type":"JobPosting"}])", "posting 2 has no title"},
        {R"([{"@type":"JobPosting","title":"ok"}, 7])", "posting 2 is not a JSON object"},
        {"{\"@type\":\"JobPosting\",\"title\":\"\xff\xfe\"}", "not valid JSON"},
        {"{\"@type\":\"JobPosting\"\n{", "line 1: not valid JSON"},
        {R"({"@context":"https://schema.org","@graph":[]})", "no JobPosting"},
        {R"({"@type":"JobPosting","title":"<b></b>"})", "has no title"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto r = store::parseJobPostingJsonLd(c.text);
        REQUIRE_FALSE(r);
        CHECK(r.error().message().find(c.says) != std::string::npos);
    }
    // Odd but harmless values are ignored, not trusted.
    auto odd = store::parseJobPostingJsonLd(R"({"@type":"JobPosting","title":"T","baseSalary":{"value":{"minValue":-5,"maxValue":"1e300"}},
        "jobLocation":[],"skills":[[1],{"a":2}],"employmentType":{"x":1}})");
    REQUIRE(odd);
    CHECK_FALSE(odd->jobUpserts[0].salaryMin);
    CHECK_FALSE(odd->jobUpserts[0].salaryMax);
    CHECK(store::parseJobPostingJsonLd(std::string(store::kMaxJsonLdBytes + 1, ' ')).error().message().find("64 MiB") !=
          std::string::npos);
    CHECK(store::parseJobPostingJsonLd(std::string(200000, '[') + std::string(200000, ']')).error().message().find("deeper") !=
          std::string::npos);
}
