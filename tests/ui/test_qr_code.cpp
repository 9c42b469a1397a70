#include <catch2/catch.hpp>

#include "app/ui/kit/qr_code.hpp"

using dc::ui::encodeQr;

namespace {

// A finder pattern: a 7x7 dark ring, a light ring inside it, a 3x3 dark centre.
bool finderAt(const dc::ui::QrMatrix& qr, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (qr.at(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("a reference code becomes a small, well-formed QR symbol", "[ui][qr]") {
    auto qr = encodeQr("K7M-4QX");
    REQUIRE(qr);
    CHECK(qr->size == 21);  // version 1: the smallest, easiest to scan
    CHECK(qr->dark.size() == 21u * 21u);
    CHECK(finderAt(*qr, 0, 0));
    CHECK(finderAt(*qr, qr->size - 7, 0));
    CHECK(finderAt(*qr, 0, qr->size - 7));
    CHECK_FALSE(finderAt(*qr, qr->size - 7, qr->size - 7));  // no finder in the fourth corner
    // Different text, different symbol.
    CHECK(encodeQr("K7M-4QY")->dark != qr->dark);
}

TEST_CASE("longer text takes a larger symbol, bad input is refused", "[ui][qr]") {
    auto longer = encodeQr(std::string(300, 'x'));
    REQUIRE(longer);
    CHECK(longer->size > 21);
    CHECK(encodeQr(std::string(dc::ui::kMaxQrBytes, 'y')));
    CHECK_FALSE(encodeQr(""));
    CHECK_FALSE(encodeQr(std::string(dc::ui::kMaxQrBytes + 1, 'y')));
    CHECK_FALSE(encodeQr(std::string("a\0b", 3)));
    CHECK(encodeQr("ბუღალტერი · Бухгалтер"));  // UTF-8 as bytes
}
