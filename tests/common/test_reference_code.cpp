// One rule for a reference code, however it is typed or read, at the kiosk and at the office.
#include <catch2/catch.hpp>

#include "common/reference_code.hpp"

TEST_CASE("reference codes: spaces and dashes ignored, anything else refused", "[common]") {
    using dc::normalizeReferenceCode;
    CHECK(normalizeReferenceCode("k7m-4qx") == "K7M-4QX");
    CHECK(normalizeReferenceCode(" K7M 4QX ") == "K7M-4QX");
    CHECK(normalizeReferenceCode("K7M4QX") == "K7M-4QX");
    CHECK(normalizeReferenceCode("K7M.4QX").empty());  // another character: not a code
    CHECK(normalizeReferenceCode("K7M4QX9").empty());
    CHECK(normalizeReferenceCode("K7").empty());
    CHECK(normalizeReferenceCode("").empty());
    CHECK(normalizeReferenceCode(std::string(10000, 'A')).empty());
    CHECK(normalizeReferenceCode("К7М-4QХ").empty());  // Cyrillic look-alikes
    CHECK(normalizeReferenceCode(std::string_view("K7M\0QX", 6)).empty());
}
