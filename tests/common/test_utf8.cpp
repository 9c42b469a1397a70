#include <catch2/catch.hpp>

#include "common/utf8.hpp"

using namespace dc;

TEST_CASE("utf8 accepts Georgian, Cyrillic and Latin text", "[common]") {
    CHECK(utf8::isValid("Junior QA tester"));
    CHECK(utf8::isValid("ბუღალტერი"));
    CHECK(utf8::isValid("Праграміст-стажор ў"));
    CHECK(utf8::characters("ბუღ").size() == 3);
}

TEST_CASE("utf8 rejects malformed sequences", "[common]") {
    CHECK_FALSE(utf8::isValid("\xC3"));  // truncated
    CHECK_FALSE(utf8::isValid("\xC0\xAF"));  // overlong '/'
    CHECK_FALSE(utf8::isValid("\xED\xA0\x80"));  // UTF-16 surrogate
    CHECK_FALSE(utf8::isValid("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(utf8::isValid("\xFF"));
    // Invalid bytes still come out one by one, never swallowing valid text after them.
    const auto chars = utf8::characters(
        "a\xFF"
        "b");
    REQUIRE(chars.size() == 3);
    CHECK(chars[2] == "b");
}

TEST_CASE("utf8 append round-trips every encoding length", "[common]") {
    std::string text;
    for (char32_t c : {U'a', U'ж', U'ბ', U'😀'}) utf8::append(text, c);
    std::vector<char32_t> decoded;
    REQUIRE(utf8::decode(text, decoded));
    CHECK(decoded == std::vector<char32_t>{U'a', U'ж', U'ბ', U'😀'});
}

TEST_CASE("case folding covers Latin, Cyrillic and Georgian Mtavruli, Yo folds to Ye", "[common]") {
    CHECK(dc::utf8::foldCase("QA Tester") == "qa tester");
    CHECK(dc::utf8::foldCase("ОФИЦИАНТ Ўзда І") == "официант ўзда і");
    CHECK(dc::utf8::foldCase("Ёлка ёж") == "елка еж");
    CHECK(dc::utf8::foldCase("ÉCOLE") == "école");
    CHECK(dc::utf8::foldCase("\xE1\xB2\x90") == "\xE1\x83\x90");  // Mtavruli AN -> Mkhedruli an
    CHECK(dc::utf8::foldCase("ბუღალტერი") == "ბუღალტერი");
    CHECK(dc::utf8::foldCase("a\xFF"
                             "B") ==
          "a\xFF"
          "b");  // invalid bytes pass through
    CHECK(dc::utf8::foldYo("Ёлка, ёж, Еда") == "Елка, еж, Еда");
    CHECK(dc::utf8::foldYo("\xD1") == "\xD1");  // a cut sequence is left alone
}

TEST_CASE("printable text: escape sequences, direction overrides and bad bytes are shown as ?", "[utf8][hostile]") {
    CHECK(utf8::printable("Kutaisi hall ქუთაისი Кутаиси") == "Kutaisi hall ქუთაისი Кутаиси");
    CHECK(utf8::printable("\x1b[2Jgone") == "?[2Jgone");
    CHECK(utf8::printable(std::string("a\0b", 3)) == "a?b");
    CHECK(utf8::printable("evil\u202Etxt.exe") == "evil?txt.exe");
    CHECK(utf8::printable("x\u2066y\u2069") == "x?y?");
    CHECK(utf8::printable("\xff\xfe") == "??");
    CHECK(utf8::printable("\xc2\x9b"
                          "31m") == "?31m");  // C1 control introducer
}

TEST_CASE("utf8 truncate never cuts a character in two", "[common]") {
    const std::string georgian = "ქართული";  // 3 bytes a letter
    CHECK(utf8::truncate(georgian, 100) == georgian);
    CHECK(utf8::truncate(georgian, 3) == "ქ");
    CHECK(utf8::truncate(georgian, 5) == "ქ");
    CHECK(utf8::truncate(georgian, 6) == "ქა");
    CHECK(utf8::truncate(georgian, 2).empty());
    CHECK(utf8::truncate("abc", 2) == "ab");
    for (size_t n = 0; n <= georgian.size(); ++n) CHECK(utf8::isValid(utf8::truncate(georgian, n)));
}
