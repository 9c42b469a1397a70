// The .po reader behind the build's translations: real catalogs parse and agree; malformed,
// hostile and incomplete catalogs are refused with the line or the message named.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "common/i18n/po_file.hpp"

using namespace dc;

namespace {

std::string readPo(const std::string& language) {
    std::ifstream in(std::string(DC_PO_DIR) + "/" + language + ".po", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("the kiosk's catalogs parse, and every language translates every message", "[ui][po]") {
    auto en = po::parse(readPo("en"));
    REQUIRE(en);
    CHECK(en->size() > 100);
    CHECK(en->front().context == "AppName");
    for (const char* l : {"ka", "ru", "be"}) {
        INFO(l);
        auto t = po::parse(readPo(l));
        REQUIRE(t);
        CHECK(po::checkAgainst(*en, *t, l));
    }
}

TEST_CASE("entries, continuation lines, escapes and comments", "[ui][po]") {
    auto e = po::parse(
        "# a comment\nmsgid \"\"\nmsgstr \"\"\n\"Language: ka\\n\"\n\n"
        "msgctxt \"A\"\nmsgid \"Say \\\"hi\\\"\\n\"\nmsgstr \"\"\n\"two \"\n\"lines\"\n\n"
        "#, fuzzy, c-format\nmsgctxt \"B\"\nmsgid \"%d\"\nmsgstr \"%d\"\n");
    REQUIRE(e);
    REQUIRE(e->size() == 2);
    CHECK((*e)[0].id == "Say \"hi\"\n");
    CHECK((*e)[0].text == "two lines");
    CHECK((*e)[1].fuzzy);
    CHECK(po::cppLiteral("a\"b\\c\nd?") == "\"a\\\"b\\\\c\\nd\\?\"");
}

TEST_CASE("malformed and hostile catalogs are refused, naming the line", "[ui][po]") {
    struct Case {
        std::string text, says;
    };
    const Case cases[] = {
        {"msgctxt \"A\"\nmsgid \"x\"\n", "no msgstr"},
        {"msgctxt \"A\"\nmsgid \"x\nmsgstr \"y\"\n", "line 2: the string is not closed"},
        {"msgctxt \"A\"\nmsgid \"x\" junk\nmsgstr \"y\"\n", "line 2: text after the closing quote"},
        {"msgctxt \"A\"\nmsgid \"\\q\"\nmsgstr \"y\"\n", "line 2: unknown escape"},
        {"\"orphan\"\n", "line 1: a continuation line"},
        {"msgstr \"y\"\n", "line 1: msgstr without a msgid"},
        {"msgid \"x\"\nmsgstr \"y\"\n", "needs a msgctxt"},
        {"msgctxt \"A\"\nmsgid \"x\"\nmsgstr \"y\"\nmsgctxt \"A\"\nmsgid \"x\"\nmsgstr \"y\"\n", "appears twice"},
        {"msgctxt \"A\"\nmsgid \"x\"\nmsgid_plural \"xs\"\n", "plural forms"},
        {"hello\n", "line 1: not a .po line"},
        {"msgctxt \"A\"\nmsgid \"\xff\"\nmsgstr \"y\"\n", "not valid UTF-8"},
        {std::string(po::kMaxPoBytes + 1, '#'), "larger than 4 MiB"},
    };
    for (const auto& c : cases) {
        INFO(c.text.substr(0, 80));
        auto r = po::parse(c.text);
        REQUIRE_FALSE(r);
        CHECK(r.error().message().find(c.says) != std::string::npos);
    }
}

TEST_CASE("a translation that misses, reorders, empties, fuzzes or loses a %d stops the build", "[ui][po]") {
    const auto en =
        *po::parse("msgctxt \"A\"\nmsgid \"One\"\nmsgstr \"One\"\n\nmsgctxt \"B\"\nmsgid \"%d left\"\nmsgstr \"%d left\"\n");
    auto check = [&](const std::string& text) { return po::checkAgainst(en, *po::parse(text), "ka"); };
    CHECK(check("msgctxt \"A\"\nmsgid \"One\"\nmsgstr \"ერთი\"\n\nmsgctxt \"B\"\nmsgid \"%d left\"\nmsgstr \"დარჩა %d\"\n"));
    CHECK(check("msgctxt \"A\"\nmsgid \"One\"\nmsgstr \"ერთი\"\n").error().message().find("\"B\" is missing") !=
          std::string::npos);
    CHECK(check("msgctxt \"B\"\nmsgid \"%d left\"\nmsgstr \"%d\"\n\nmsgctxt \"A\"\nmsgid \"One\"\nmsgstr \"x\"\n")
              .error()
              .message()
              .find("was expected") != std::string::npos);
    CHECK(check("msgctxt \"A\"\nmsgid \"One\"\nmsgstr \"\"\n\nmsgctxt \"B\"\nmsgid \"%d left\"\nmsgstr \"%d\"\n")
              .error()
              .message()
              .find("not translated") != std::string::npos);
    CHECK(check("#, fuzzy\nmsgctxt \"A\"\nmsgid \"One\"\nmsgstr \"x\"\n\nmsgctxt \"B\"\nmsgid \"%d left\"\nmsgstr \"%d\"\n")
              .error()
              .message()
              .find("fuzzy") != std::string::npos);
    CHECK(check("msgctxt \"A\"\nmsgid \"One\"\nmsgstr \"x\"\n\nmsgctxt \"B\"\nmsgid \"%d left\"\nmsgstr \"left\"\n")
              .error()
              .message()
              .find("%d") != std::string::npos);
    CHECK(check("msgctxt \"A\"\nmsgid \"One\"\nmsgstr \"x\"\n\nmsgctxt \"B\"\nmsgid \"%d left\"\nmsgstr \"%d\"\n\n"
                "msgctxt \"C\"\nmsgid \"c\"\nmsgstr \"c\"\n")
              .error()
              .message()
              .find("not in en.po") != std::string::npos);
}
