#pragma once
// Receipts on thermal printers. A receipt is drawn as one picture (text in Noto Sans: Latin,
// Cyrillic and Georgian alike, the QR code, rules) and sent as an ESC/POS raster image, so no
// printer code page is ever needed; the fake printer saves the same picture as a PNG.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "drivers/image/gray_image.hpp"

namespace dc::printer {

struct ReceiptLine {
    enum class Style { Body, Bold, Large, Rule };
    Style style = Style::Body;
    std::string text;  // UTF-8; wrapped to the paper's width
    bool centred = false;
};

struct Receipt {
    std::vector<ReceiptLine> lines;
    std::optional<std::string> qr;  // drawn after the lines, centred
};

inline constexpr int kDots58mm = 384, kDots80mm = 576;  // printable dots across at 203 dpi
inline constexpr int kMaxReceiptDots = 8000;  // about a metre: longer is a mistake

// Draws the receipt `width` dots wide (white paper 255, black ink 0). Invalid UTF-8 is shown as
// '?'; a receipt longer than kMaxReceiptDots is an error.
Expected<image::GrayImage> drawReceipt(const Receipt& receipt, int width, const std::filesystem::path& fontDir);

// ESC/POS: initialise, the picture as "GS v 0" raster bands, feed, cut.
std::string encodeEscPos(const image::GrayImage& picture);

class Printer {
public:
    virtual ~Printer() = default;
    virtual Expected<void> print(const Receipt& receipt) = 0;
};
// Writes to a device file: /dev/usb/lp0 (USB) or /dev/ttyUSB0 (serial, set up by udev/stty).
std::unique_ptr<Printer> makeEscPosPrinter(std::filesystem::path device, int width, std::filesystem::path fontDir);
// The fake: receipt-1.png, receipt-2.png, ... in `directory`.
std::unique_ptr<Printer> makePngPrinter(std::filesystem::path directory, int width, std::filesystem::path fontDir);

}  // namespace dc::printer
