#pragma once
// Barcodes in a camera frame or a still (ZXing-cpp): QR codes (the kiosk's own receipts, the back
// of Belarusian ID cards), PDF417 (many ID cards' backs), DataMatrix. Text comes back as UTF-8;
// binary content as it is.
#include <string>
#include <vector>

#include "drivers/image/gray_image.hpp"

namespace dc::idread {

struct Barcode {
    std::string format;  // "QRCode", "PDF417", "DataMatrix"
    std::string text;
};

// Every QR, PDF417 and DataMatrix symbol found (at most `most`); empty when there is none.
std::vector<Barcode> readBarcodes(const image::GrayImage& frame, int most = 4);

// For tests and the synthetic camera: `text` as a symbol of `format` ("QRCode", "PDF417",
// "DataMatrix"), `size` pixels across with a quiet zone, black on white. Empty when the text
// does not fit the format.
image::GrayImage drawBarcode(const std::string& format, const std::string& text, int size);

}  // namespace dc::idread
