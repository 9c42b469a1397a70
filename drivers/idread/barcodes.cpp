#include "drivers/idread/barcodes.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

namespace dc::idread {

std::vector<Barcode> readBarcodes(const image::GrayImage& frame, int most) {
    if (frame.empty() || most <= 0) return {};
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::PDF417 | ZXing::BarcodeFormat::DataMatrix);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setMaxNumberOfSymbols(static_cast<uint8_t>(std::min(most, 255)));
    const ZXing::ImageView view(frame.pixels.data(), frame.width, frame.height, ZXing::ImageFormat::Lum);
    std::vector<Barcode> out;
    for (const auto& r : ZXing::ReadBarcodes(view, hints))
        if (r.isValid()) out.push_back({ZXing::ToString(r.format()), r.text()});
    return out;
}

image::GrayImage drawBarcode(const std::string& format, const std::string& text, int size) {
    const ZXing::BarcodeFormat f = format == "PDF417" ? ZXing::BarcodeFormat::PDF417
        : format == "DataMatrix"                      ? ZXing::BarcodeFormat::DataMatrix
                                                      : ZXing::BarcodeFormat::QRCode;
    try {
        const auto matrix = ZXing::MultiFormatWriter(f)
                                .setMargin(4)
                                .setEncoding(ZXing::CharacterSet::UTF8)
                                .encode(text, size, f == ZXing::BarcodeFormat::PDF417 ? size / 3 : size);
        image::GrayImage out(matrix.width(), matrix.height(), 255);
        for (int y = 0; y < matrix.height(); ++y)
            for (int x = 0; x < matrix.width(); ++x)
                if (matrix.get(x, y)) out.at(x, y) = 0;
        return out;
    } catch (const std::exception&) {
        return {};  // ZXing's writer throws when the text does not fit the symbol
    }
}

}  // namespace dc::idread
