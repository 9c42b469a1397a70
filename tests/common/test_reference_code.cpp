// One rule for a reference code, however it is typed or read, at the kiosk and at the office.
#include <catch2/catch.hpp>

#include "common/reference_code.hpp"

TEST_CASE("reference codes: spaces and dashes ignored, look-alike letters read as what they look like, anything else refused",
          "[common]") {
    using dc::normalizeReferenceCode;
    CHECK(normalizeReferenceCode("k7m-4qx") == "K7M-4QX");
    CHECK(normalizeReferenceCode(" K7M 4QX ") == "K7M-4QX");
    CHECK(normalizeReferenceCode("K7M4QX") == "K7M-4QX");
    CHECK(normalizeReferenceCode("K7M.4QX").empty());  // another character: not a code
    CHECK(normalizeReferenceCode("K7M4QX9").empty());
    CHECK(normalizeReferenceCode("K7").empty());
    CHECK(normalizeReferenceCode("").empty());
    CHECK(normalizeReferenceCode(std::string(10000, 'A')).empty());
    // Cyrillic look-alikes typed off a printed code on a Russian or Belarusian keyboard are read as
    // what they look like; other Cyrillic or Georgian letters, and broken UTF-8, are not codes.
    CHECK(normalizeReferenceCode("К7М-4QХ") == "K7M-4QX");
    CHECK(normalizeReferenceCode("р 3 м 6 а 4") == "P3M-6A4");
    CHECK(normalizeReferenceCode("ЧЕТ-9ЗУ") == "4ET-93Y");
    CHECK(normalizeReferenceCode("Ж7М-4QХ").empty());
    CHECK(normalizeReferenceCode("ა7М-4QХ").empty());
    CHECK(normalizeReferenceCode("K7M-4Q\xd0").empty());
    CHECK(normalizeReferenceCode(std::string_view("K7M\0QX", 6)).empty());
}
