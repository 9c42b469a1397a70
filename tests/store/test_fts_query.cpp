#include <catch2/catch.hpp>

#include "store/fts_query.hpp"

using dc::store::buildFtsQuery;
using Kind = dc::store::FtsQuery::Kind;

TEST_CASE("blank input searches nothing and shows everything", "[store][search]") {
    CHECK(buildFtsQuery("").kind == Kind::Everything);
    CHECK(buildFtsQuery("   \t ").kind == Kind::Everything);
}

TEST_CASE("words become quoted prefix terms, all required", "[store][search]") {
    const auto q = buildFtsQuery("qa Test");
    REQUIRE(q.kind == Kind::Match);
    CHECK(q.expression == "\"qa\"* \"Test\"*");
    CHECK(buildFtsQuery("ბუღალტ").expression == "\"ბუღალტ\"*");
    CHECK(buildFtsQuery("праграміст-стаж").expression == "\"праграміст\"* \"стаж\"*");
}

TEST_CASE("FTS syntax typed by a person is never syntax", "[store][search]") {
    for (const char* hostile : {"\"", "*", "-", "NEAR(a b)", "a OR b", "(((", "title:x", "^x", "a\"*b"}) {
        const auto q = buildFtsQuery(hostile);
        INFO(hostile);
        if (q.kind != Kind::Match) continue;
        // Every term is exactly "letters"* — no operator, column filter or stray quote survives.
        size_t quotes = 0;
        for (char c : q.expression) quotes += c == '"';
        CHECK(quotes % 2 == 0);
        CHECK(q.expression.find('(') == std::string::npos);
        CHECK(q.expression.find(':') == std::string::npos);
        CHECK(q.expression.find('^') == std::string::npos);
    }
}

TEST_CASE("punctuation alone matches nothing rather than everything", "[store][search]") {
    CHECK(buildFtsQuery("*").kind == Kind::Nothing);
    CHECK(buildFtsQuery("\"\"").kind == Kind::Nothing);
    CHECK(buildFtsQuery("- -- ---").kind == Kind::Nothing);
    CHECK(buildFtsQuery("\xFF\xFE").kind == Kind::Nothing);
}

TEST_CASE("long and many words are capped", "[store][search]") {
    const auto q = buildFtsQuery(std::string(10000, 'a') + " b c d e f g h i j k l");
    REQUIRE(q.kind == Kind::Match);
    CHECK(q.words.size() == dc::store::kMaxTerms);
    CHECK(q.words.front().size() == dc::store::kMaxTermChars);
    CHECK(q.expression.size() < 400);
}

TEST_CASE("minimum prefix rule: one letter is a whole word, two letters look in the short fields", "[store][search]") {
    const auto q = buildFtsQuery("C ab abc", "title skills");
    REQUIRE(q.kind == Kind::Match);
    CHECK(q.expression == "\"C\" {title skills} : \"ab\"* \"abc\"*");
    CHECK(q.words == std::vector<std::string>{"c", "ab", "abc"});
    CHECK(q.isPrefix == std::vector<bool>{false, true, true});
    // Without short fields named, two letters are a prefix anywhere.
    CHECK(buildFtsQuery("ab").expression == "\"ab\"*");
}

TEST_CASE("skill names become safe word groups", "[store][search]") {
    CHECK(dc::store::ftsAllWords("attention to detail") == "(\"attention\" \"to\" \"detail\")");
    CHECK(dc::store::ftsAllWords("C++") == "(\"C\")");
    CHECK(dc::store::ftsAllWords("\" OR (*) NEAR") == "(\"OR\" \"NEAR\")");
    CHECK(dc::store::ftsAllWords("*** ---").empty());
}
