// Receipts: drawn in every script, encoded as ESC/POS raster, written to a device file, and the
// fake printer's PNG; bad input and a missing printer are clear errors.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "drivers/idread/barcodes.hpp"
#include "drivers/printer/printer.hpp"
#include "support/temp_dir.hpp"

using namespace dc;
using namespace dc::printer;
using dc::test::TempDir;

namespace {

const std::filesystem::path kFonts = "/usr/share/fonts/truetype/noto";

Receipt sample() {
    using S = ReceiptLine::Style;
    return {{{S::Large, "Digital Citizen", true},
             {S::Rule, "", false},
             {S::Bold, "თქვენი კოდი: K7M-4QX", false},
             {S::Body, "Ваша заявка сохранена. Ўсё будзе дастаўлена.", false},
             {S::Body, "Junior QA tester · Silknet · Tbilisi — a long line that has to wrap onto the next one", false},
             {S::Rule, "", false}},
            std::string("K7M-4QX")};
}

int inkRows(const image::GrayImage& img, int fromY, int toY) {
    int rows = 0;
    for (int y = fromY; y < toY && y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            if (img.at(x, y) == 0) {
                ++rows;
                break;
            }
    return rows;
}

// Reads the "GS v 0" bands back into a picture: what a printer would print.
image::GrayImage decodeRaster(const std::string& bytes, int& bands) {
    REQUIRE(bytes.substr(0, 2) == "\x1b@");
    size_t at = 2;
    image::GrayImage out;
    bands = 0;
    while (at + 8 <= bytes.size() && bytes.compare(at, 3, "\x1dv0") == 0) {
        const int wBytes = static_cast<unsigned char>(bytes[at + 4]) | static_cast<unsigned char>(bytes[at + 5]) << 8;
        const int rows = static_cast<unsigned char>(bytes[at + 6]) | static_cast<unsigned char>(bytes[at + 7]) << 8;
        at += 8;
        if (out.empty()) out = image::GrayImage(wBytes * 8, 0);
        const int top = out.height;
        out.height += rows;
        out.pixels.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height), 255);
        for (int y = 0; y < rows; ++y)
            for (int bx = 0; bx < wBytes; ++bx) {
                const auto byte = static_cast<unsigned char>(bytes[at++]);
                for (int bit = 0; bit < 8; ++bit)
                    if (byte & (0x80 >> bit)) out.at(bx * 8 + bit, top + y) = 0;
            }
        ++bands;
    }
    CHECK(bytes.substr(at) ==
          std::string("\x1b"
                      "d\x04"
                      "\x1dV\x01"));
    return out;
}

}  // namespace

TEST_CASE("a receipt is drawn in Georgian, Cyrillic and Latin, wrapped, with its QR code", "[printer]") {
    auto img = drawReceipt(sample(), kDots80mm, kFonts);
    REQUIRE(img);
    CHECK(img->width == kDots80mm);
    CHECK(inkRows(*img, 0, img->height) > 150);
    // The QR code at the bottom carries the reference code.
    const auto codes = idread::readBarcodes(*img);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].text == "K7M-4QX");
    // Narrow paper wraps more: the receipt grows longer.
    auto narrow = drawReceipt(sample(), kDots58mm, kFonts);
    REQUIRE(narrow);
    CHECK(narrow->height > img->height);
}

TEST_CASE("ESC/POS: the picture goes as raster bands and comes back dot for dot", "[printer]") {
    auto img = drawReceipt(sample(), kDots58mm, kFonts);
    REQUIRE(img);
    int bands = 0;
    const auto back = decodeRaster(encodeEscPos(*img), bands);
    CHECK(bands == (img->height + 254) / 255);
    REQUIRE(back.width == img->width);
    REQUIRE(back.height == img->height);
    CHECK(back.pixels == img->pixels);
}

TEST_CASE("the printer writes to its device file, the fake saves PNGs, a missing printer says so", "[printer]") {
    TempDir dir;
    REQUIRE(makeEscPosPrinter("/dev/null", kDots80mm, kFonts)->print(sample()));  // a character device, as /dev/usb/lp0

    auto fake = makePngPrinter(dir / "printed", kDots58mm, kFonts);
    REQUIRE(fake->print(sample()));
    REQUIRE(fake->print(sample()));
    CHECK(std::filesystem::exists(dir / "printed" / "receipt-2.png"));
    CHECK(image::loadImage(dir / "printed" / "receipt-1.png")->width == kDots58mm);

    auto missing = makeEscPosPrinter(dir / "no-such-printer", kDots80mm, kFonts)->print(sample());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code() == ErrorCode::Transient);
    CHECK(missing.error().message().find("plugged in") != std::string::npos);
}

TEST_CASE("receipts that cannot be printed are refused in plain words", "[printer][hostile]") {
    CHECK_FALSE(drawReceipt(sample(), 10, kFonts));
    auto noFonts = drawReceipt(sample(), kDots80mm, "/nonexistent");
    REQUIRE_FALSE(noFonts);
    CHECK(noFonts.error().message().find("fonts-noto-core") != std::string::npos);
    Receipt endless;
    for (int i = 0; i < 1000; ++i) endless.lines.push_back({ReceiptLine::Style::Body, "line", false});
    auto tooLong = drawReceipt(endless, kDots80mm, kFonts);
    REQUIRE_FALSE(tooLong);
    CHECK(tooLong.error().message().find("at most") != std::string::npos);
    Receipt bigQr{{}, std::string(5000, 'x')};
    CHECK_FALSE(drawReceipt(bigQr, kDots80mm, kFonts));
    // Invalid UTF-8 prints as question marks rather than failing the receipt.
    Receipt broken{{{ReceiptLine::Style::Body, "ok \xff\xfe ok", false}}, std::nullopt};
    CHECK(drawReceipt(broken, kDots80mm, kFonts));
}

TEST_CASE("the printer writes only to a character device, never to a file or through a link", "[printer][hostile]") {
    // A pushed or mistyped printer.device naming the kiosk's database must not write over it.
    TempDir dir;
    const std::string precious = "SQLite format 3";
    std::ofstream(dir / "kiosk.db") << precious;
    auto intoFile = makeEscPosPrinter(dir / "kiosk.db", kDots80mm, kFonts)->print(sample());
    REQUIRE_FALSE(intoFile);
    CHECK(intoFile.error().message().find("not a device") != std::string::npos);
    std::filesystem::create_symlink(dir / "kiosk.db", dir / "lp0");
    CHECK_FALSE(makeEscPosPrinter(dir / "lp0", kDots80mm, kFonts)->print(sample()));
    std::filesystem::create_symlink("/dev/null", dir / "null-link");
    CHECK_FALSE(makeEscPosPrinter(dir / "null-link", kDots80mm, kFonts)->print(sample()));
    std::ifstream in(dir / "kiosk.db", std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(after == precious);
}
