#include <catch2/catch.hpp>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "catalog/catalog_json.hpp"

using namespace dc;

TEST_CASE("a batch survives a round trip through JSON Lines", "[store][json]") {
    auto batch = catalog::demoCatalog();
    batch.jobTombstones = {"old-1"};
    batch.courseTombstones = {"old-course"};
    const std::string text = catalog::toJsonLines(batch);
    auto parsed = catalog::parseJsonLines(text);
    REQUIRE(parsed);
    CHECK(catalog::toJsonLines(*parsed) == text);
    REQUIRE(parsed->jobUpserts.size() == batch.jobUpserts.size());
    CHECK(parsed->jobUpserts[0].skills == batch.jobUpserts[0].skills);
    CHECK(parsed->jobUpserts[0].salaryMin == batch.jobUpserts[0].salaryMin);
    CHECK(parsed->jobTombstones == batch.jobTombstones);
}

TEST_CASE("unknown fields and blank lines are ignored", "[store][json]") {
    auto parsed = catalog::parseJsonLines(
        "\n{\"kind\":\"job\",\"op\":\"upsert\",\"future\":1,\"record\":{\"id\":\"a\",\"title\":\"Baker\",\"x\":[1]}}\n\n");
    REQUIRE(parsed);
    REQUIRE(parsed->jobUpserts.size() == 1);
    CHECK(parsed->jobUpserts[0].title == "Baker");
}

TEST_CASE("malformed and hostile lines are refused with the line named", "[store][json]") {
    struct Case {
        std::string line;
        const char* message;
    };
    const Case cases[] = {
        {"{not json", "not valid JSON"},
        {"[1,2,3]", "JSON object"},
        {"{\"kind\":\"job\"}", "\"op\" is missing"},
        {"{\"kind\":\"rocket\",\"op\":\"upsert\",\"record\":{}}", "unknown kind"},
        {"{\"kind\":\"job\",\"op\":\"explode\"}", "unknown op"},
        {"{\"kind\":\"job\",\"op\":\"upsert\"}", "\"record\" must be an object"},
        {"{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"a\"}}", "\"title\" is missing"},
        {"{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":7,\"title\":\"x\"}}", "must be a string"},
        {"{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"a\",\"title\":\"x\",\"salaryMin\":\"lots\"}}", "whole number"},
        {"{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"a\",\"title\":\"x\",\"skills\":[1]}}", "list of strings"},
        {"{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"a\",\"title\":\"x\",\"workMode\":\"moon\"}}", "workMode"},
        {"{\"kind\":\"job\",\"op\":\"delete\"}", "\"id\" is missing"},
        {"{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"a\",\"title\":\"" + std::string(300 * 1024, 'x') + "\"}}",
         "longer than"},
        {std::string(100000, '['), "nested deeper than 64 levels"},
        {std::string(60, '['), "not valid JSON"},
    };
    for (const Case& c : cases) {
        INFO(c.line.substr(0, 80));
        auto parsed = catalog::parseJsonLines(
            "{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"ok\",\"title\":\"Fine\"}}\n" + c.line + "\n");
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code() == ErrorCode::InvalidInput);
        CHECK_THAT(parsed.error().message(), Catch::Contains("line 2") && Catch::Contains(c.message));
    }
}

TEST_CASE("course sessions survive the round trip, hostile sessions are refused", "[store][json]") {
    auto batch = catalog::generateCatalog({.seed = 3, .jobs = 0, .courses = 5});
    REQUIRE_FALSE(batch.courseUpserts[0].sessions.empty());
    auto parsed = catalog::parseJsonLines(catalog::toJsonLines(batch));
    REQUIRE(parsed);
    for (size_t i = 0; i < batch.courseUpserts.size(); ++i) {
        CHECK(parsed->courseUpserts[i].sessions == batch.courseUpserts[i].sessions);
        CHECK(parsed->courseUpserts[i].cost == batch.courseUpserts[i].cost);
    }
    const std::string head = "{\"kind\":\"course\",\"op\":\"upsert\",\"record\":{\"id\":\"c\",\"name\":\"n\",";
    std::string many = "[";
    for (size_t i = 0; i <= catalog::kMaxSessionsPerCourse; ++i) many += std::string(i ? "," : "") + "{\"id\":\"s\"}";
    many += "]";
    const std::pair<std::string, const char*> cases[] = {
        {"\"hasCourseInstance\":{}}}", "must be a list"},
        {"\"hasCourseInstance\":" + many + "}}", "at most"},
        {"\"hasCourseInstance\":[7]}}", "must be an object"},
        {"\"hasCourseInstance\":[{\"startDate\":\"2026-12-01\"}]}}", "\"id\" is missing"},
        {"\"hasCourseInstance\":[{\"id\":\"s\",\"accessibleVenue\":\"yes\"}]}}", "true or false"},
        {"\"hasCourseInstance\":[{\"id\":\"s\",\"maximumAttendeeCapacity\":1.5}]}}", "whole number"},
        {"\"price\":\"free\"}}", "whole number"},
    };
    for (const auto& [tail, message] : cases) {
        INFO(tail.substr(0, 80));
        auto bad = catalog::parseJsonLines(head + tail + "\n");
        REQUIRE_FALSE(bad);
        CHECK_THAT(bad.error().message(), Catch::Contains("line 1") && Catch::Contains(message));
    }
}
