#include "drivers/idread/ocrb_font.hpp"

#include <algorithm>

#include <ft2build.h>
#include FT_FREETYPE_H

namespace dc::idread {

OcrbFont::~OcrbFont() = default;

Expected<std::unique_ptr<OcrbFont>> OcrbFont::open(const std::filesystem::path& file, int pixelHeight) {
    if (pixelHeight < 4 || pixelHeight > 1000)
        return fail(ErrorCode::InvalidInput, "an OCR-B size of " + std::to_string(pixelHeight) + " px is out of range");
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library)) return fail(ErrorCode::Internal, "FreeType did not start");
    std::unique_ptr<FT_LibraryRec_, decltype(&FT_Done_FreeType)> libraryGuard(library, FT_Done_FreeType);
    FT_Face face = nullptr;
    if (FT_New_Face(library, file.c_str(), 0, &face))
        return fail(ErrorCode::MissingResource,
                    file.string() + ": the OCR-B font is missing or unreadable (Debian: fonts-ocr-b)");
    std::unique_ptr<FT_FaceRec_, decltype(&FT_Done_Face)> faceGuard(face, FT_Done_Face);
    FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(pixelHeight));
    std::unique_ptr<OcrbFont> font(new OcrbFont);
    for (size_t i = 0; i < kMrzAlphabet.size(); ++i) {
        if (FT_Load_Char(face, static_cast<FT_ULong>(kMrzAlphabet[i]), FT_LOAD_RENDER))
            return fail(ErrorCode::MissingResource, file.string() + ": no glyph for '" + std::string(1, kMrzAlphabet[i]) + "'");
        const FT_GlyphSlot slot = face->glyph;
        Glyph& g = font->m_glyphs[i];
        g.ink = image::GrayImage(static_cast<int>(slot->bitmap.width), static_cast<int>(slot->bitmap.rows));
        for (int y = 0; y < g.ink.height; ++y)
            for (int x = 0; x < g.ink.width; ++x) g.ink.at(x, y) = slot->bitmap.buffer[y * slot->bitmap.pitch + x];
        g.left = slot->bitmap_left;
        g.top = slot->bitmap_top;
        font->m_advance = std::max(font->m_advance, static_cast<int>(slot->advance.x >> 6));
        if (kMrzAlphabet[i] == 'H') font->m_capHeight = slot->bitmap_top;
    }
    return font;
}

const Glyph& OcrbFont::glyph(char c) const {
    const size_t at = kMrzAlphabet.find(c);
    return m_glyphs[at == std::string_view::npos ? kMrzAlphabet.size() - 1 : at];
}

void OcrbFont::draw(image::GrayImage& target, const std::string& text, int x, int y, uint8_t ink) const {
    for (size_t i = 0; i < text.size(); ++i) {
        const Glyph& g = glyph(text[i]);
        const int ox = x + static_cast<int>(i) * m_advance + g.left, oy = y - g.top;
        for (int gy = 0; gy < g.ink.height; ++gy)
            for (int gx = 0; gx < g.ink.width; ++gx) {
                const int tx = ox + gx, ty = oy + gy;
                if (tx < 0 || ty < 0 || tx >= target.width || ty >= target.height) continue;
                const int a = g.ink.at(gx, gy);
                uint8_t& p = target.at(tx, ty);
                p = static_cast<uint8_t>(p + (ink - p) * a / 255);
            }
    }
}

}  // namespace dc::idread
