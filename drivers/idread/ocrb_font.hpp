#pragma once
// The MRZ typeface (OCR-B, Debian's fonts-ocr-b) rendered with FreeType: the synthetic documents
// print with it and the reader's classifier learns its characters from it.
#include <array>
#include <filesystem>
#include <memory>
#include <string>

#include "common/error.hpp"
#include "drivers/image/gray_image.hpp"

namespace dc::idread {

inline constexpr std::string_view kMrzAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
inline const std::filesystem::path kOcrbFontPath = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

// One character as coverage (0 = paper, 255 = full ink), placed in its cell: `advance` pixels
// wide, the pen at x = 0, the baseline at row `baseline` of a `cellHeight`-row bitmap.
struct Glyph {
    image::GrayImage ink;
    int left = 0, top = 0;  // where `ink`'s top-left goes relative to the pen and the baseline
};

class OcrbFont {
public:
    // `pixelHeight`: the em size in pixels.
    static Expected<std::unique_ptr<OcrbFont>> open(const std::filesystem::path& file, int pixelHeight);
    ~OcrbFont();

    const Glyph& glyph(char c) const;  // any character of kMrzAlphabet
    int advance() const { return m_advance; }  // the fixed pitch, pixels
    int capHeight() const { return m_capHeight; }  // the height of 'H' above the baseline, pixels

    // Draws `text` (MRZ characters) as ink onto `target` (darkening towards `ink`), the pen
    // starting at x, the baseline at y.
    void draw(image::GrayImage& target, const std::string& text, int x, int y, uint8_t ink) const;

private:
    OcrbFont() = default;
    std::array<Glyph, 37> m_glyphs;
    int m_advance = 0, m_capHeight = 0;
};

}  // namespace dc::idread
