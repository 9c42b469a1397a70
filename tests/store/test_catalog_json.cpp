#include <catch2/catch.hpp>

#include "app/core/demo_catalog.hpp"
#include "app/store/catalog_json.hpp"

using namespace dc;

TEST_CASE("a batch survives a round trip through JSON Lines", "[store][json]") {
    auto batch = core::demoCatalog();
    batch.jobTombstones = {"old-1"};
    batch.courseTombstones = {"old-course"};
    const std::string text = store::toJsonLines(batch);
    auto parsed = store::parseJsonLines(text);
    REQUIRE(parsed);
    CHECK(store::toJsonLines(*parsed) == text);
    REQUIRE(parsed->jobUpserts.size() == batch.jobUpserts.size());
    CHECK(parsed->jobUpserts[0].skills == batch.jobUpserts[0].skills);
    CHECK(parsed->jobUpserts[0].salaryMin == batch.jobUpserts[0].salaryMin);
    CHECK(parsed->jobTombstones == batch.jobTombstones);
}

TEST_CASE("unknown fields and blank lines are ignored", "[store][json]") {
    auto parsed = store::parseJsonLines(
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
        {"{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"a\",\"title\":\"" + std::string(300 * 1024, 'x') + "\"}}", "longer than"},
        {std::string(100000, '['), "not valid JSON"},
    };
    for (const Case& c : cases) {
        INFO(c.line.substr(0, 80));
        auto parsed = store::parseJsonLines(
            "{\"kind\":\"job\",\"op\":\"upsert\",\"record\":{\"id\":\"ok\",\"title\":\"Fine\"}}\n" + c.line + "\n");
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code() == ErrorCode::InvalidInput);
        CHECK_THAT(parsed.error().message(), Catch::Contains("line 2") && Catch::Contains(c.message));
    }
}
