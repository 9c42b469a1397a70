#include <ft2build.h>
#include FT_FREETYPE_H

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "common/utf8.hpp"
#include "drivers/printer/printer.hpp"

namespace dc::printer {
namespace {

struct Style {
    int px;
    bool bold;
};
Style styleOf(ReceiptLine::Style s) {
    switch (s) {
        case ReceiptLine::Style::Large: return {44, true};
        case ReceiptLine::Style::Bold: return {26, true};
        default: return {26, false};
    }
}

// A glyph as drawn on the paper: one byte per dot (1 = black), where it sits, how far it moves on.
struct Glyph {
    int advance = 0, left = 0, top = 0, width = 0, rows = 0;
    std::vector<uint8_t> dots;
};

// Noto Sans for Latin and Cyrillic, Noto Sans Georgian for Georgian; regular and bold. Opened once
// per process (a receipt used to spend most of its time opening the four fonts), with the glyphs
// already rendered kept, up to a bound. FreeType faces are not for two threads at once: whoever
// draws holds the lock (Faces::forDir).
class Faces {
public:
    // The faces for `dir`, locked for the caller while `lock` lives.
    static Expected<Faces*> forDir(const std::filesystem::path& dir, std::unique_lock<std::mutex>& lock) {
        static std::mutex mutex;
        static std::unique_ptr<Faces> cached;
        lock = std::unique_lock(mutex);
        if (cached && cached->m_dir == dir) return cached.get();
        cached.reset();
        std::unique_ptr<Faces> f(new Faces);
        f->m_dir = dir;
        if (FT_Init_FreeType(&f->m_library)) return fail(ErrorCode::Internal, "FreeType did not start");
        const char* files[4] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansGeorgian-Regular.ttf",
                                "NotoSansGeorgian-Bold.ttf"};
        for (int i = 0; i < 4; ++i)
            if (FT_New_Face(f->m_library, (dir / files[i]).c_str(), 0, &f->m_faces[i]))
                return fail(ErrorCode::MissingResource, (dir / files[i]).string() + " is missing (Debian: fonts-noto-core)");
        cached = std::move(f);
        return cached.get();
    }
    Faces(const Faces&) = delete;
    Faces& operator=(const Faces&) = delete;
    ~Faces() {
        for (FT_Face face : m_faces)
            if (face) FT_Done_Face(face);
        if (m_library) FT_Done_FreeType(m_library);
    }

    const Glyph& glyph(char32_t c, Style st) {
        const uint64_t key = (uint64_t{c} << 16) | (static_cast<uint64_t>(st.px) << 1) | (st.bold ? 1 : 0);
        if (auto it = m_glyphs.find(key); it != m_glyphs.end()) return it->second;
        if (m_glyphs.size() >= 8192) m_glyphs.clear();  // any text at all: memory stays bounded
        Glyph& g = m_glyphs[key];
        const bool georgian = (c >= 0x10A0 && c <= 0x10FF) || (c >= 0x1C90 && c <= 0x1CBF);
        FT_Face f = m_faces[(georgian ? 2 : 0) + (st.bold ? 1 : 0)];
        FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(st.px));
        if (FT_Load_Char(f, c, FT_LOAD_RENDER | FT_LOAD_TARGET_MONO) != 0) {
            g.advance = st.px / 2;
            return g;
        }
        const FT_Bitmap& b = f->glyph->bitmap;
        g.advance = static_cast<int>(f->glyph->advance.x >> 6);
        g.left = f->glyph->bitmap_left;
        g.top = f->glyph->bitmap_top;
        g.width = static_cast<int>(b.width);
        g.rows = static_cast<int>(b.rows);
        g.dots.resize(static_cast<size_t>(b.width) * b.rows);
        for (unsigned r = 0; r < b.rows; ++r)
            for (unsigned col = 0; col < b.width; ++col)
                g.dots[r * b.width + col] =
                    (b.buffer[r * static_cast<unsigned>(b.pitch) + col / 8] & (0x80 >> (col % 8))) ? 1 : 0;
        return g;
    }

private:
    Faces() = default;
    std::filesystem::path m_dir;
    FT_Library m_library = nullptr;
    FT_Face m_faces[4] = {};
    std::unordered_map<uint64_t, Glyph> m_glyphs;
};

int advanceOf(Faces& faces, char32_t c, Style st) { return faces.glyph(c, st).advance; }

// Splits text into lines no wider than `width`, at spaces where it can.
std::vector<std::vector<char32_t>> wrap(Faces& faces, const std::vector<char32_t>& text, Style st, int width) {
    std::vector<std::vector<char32_t>> lines(1);
    int x = 0;
    size_t lastSpace = std::string::npos;
    for (char32_t c : text) {
        const int w = advanceOf(faces, c, st);
        auto& line = lines.back();
        if (x + w > width && !line.empty()) {
            if (lastSpace != std::string::npos && lastSpace + 1 < line.size()) {
                std::vector<char32_t> rest(line.begin() + static_cast<long>(lastSpace) + 1, line.end());
                line.resize(lastSpace);
                lines.push_back(rest);
            } else {
                lines.emplace_back();
            }
            x = 0;
            for (char32_t r : lines.back()) x += advanceOf(faces, r, st);
            lastSpace = std::string::npos;
        }
        if (c == ' ') lastSpace = lines.back().size();
        lines.back().push_back(c);
        x += w;
    }
    return lines;
}

}  // namespace

Expected<image::GrayImage> drawReceipt(const Receipt& receipt, int width, const std::filesystem::path& fontDir) {
    if (width < 128 || width > 2048) return fail(ErrorCode::InvalidInput, "a receipt is 128 to 2048 dots wide");
    std::unique_lock<std::mutex> lock;
    DC_TRY(faces, Faces::forDir(fontDir, lock));
    const int margin = 8;
    std::vector<std::pair<int, std::function<void(image::GrayImage&, int)>>> pieces;  // height, painter at y
    for (const ReceiptLine& line : receipt.lines) {
        if (line.style == ReceiptLine::Style::Rule) {
            pieces.push_back({16, [width](image::GrayImage& img, int y) {
                                  for (int x = 0; x < width; ++x) img.at(x, y + 7) = img.at(x, y + 8) = 0;
                              }});
            continue;
        }
        std::vector<char32_t> cps;
        if (!utf8::decode(line.text, cps)) {
            cps.clear();
            for (unsigned char ch : line.text) cps.push_back(ch < 0x80 ? ch : U'?');
        }
        const Style st = styleOf(line.style);
        for (auto& text : wrap(**faces, cps, st, width - 2 * margin)) {
            int textWidth = 0;
            for (char32_t c : text) textWidth += advanceOf(**faces, c, st);
            const int x0 = line.centred ? (width - textWidth) / 2 : margin;
            Faces* fp = *faces;
            pieces.push_back({st.px * 3 / 2, [fp, text, st, x0](image::GrayImage& img, int y) {
                                  int x = x0;
                                  const int baseline = y + st.px * 11 / 10;
                                  for (char32_t c : text) {
                                      const Glyph& g = fp->glyph(c, st);
                                      for (int r = 0; r < g.rows; ++r)
                                          for (int col = 0; col < g.width; ++col) {
                                              const int px = x + g.left + col;
                                              const int py = baseline - g.top + r;
                                              if (g.dots[static_cast<size_t>(r * g.width + col)] && px >= 0 && py >= 0 &&
                                                  px < img.width && py < img.height)
                                                  img.at(px, py) = 0;
                                          }
                                      x += g.advance;
                                  }
                              }});
        }
    }
    if (receipt.qr) {
        try {
            const int size = std::min(width - 2 * margin, 280);
            auto matrix = std::make_shared<ZXing::BitMatrix>(ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                                                 .setMargin(2)
                                                                 .setEncoding(ZXing::CharacterSet::UTF8)
                                                                 .encode(*receipt.qr, size, size));
            pieces.push_back({matrix->height() + 16, [matrix, width](image::GrayImage& img, int y) {
                                  const int x0 = (width - matrix->width()) / 2;
                                  for (int r = 0; r < matrix->height(); ++r)
                                      for (int c = 0; c < matrix->width(); ++c)
                                          if (matrix->get(c, r)) img.at(x0 + c, y + 8 + r) = 0;
                              }});
        } catch (const std::exception&) {
            return fail(ErrorCode::InvalidInput, "the receipt's QR text is too long for a QR code");
        }
    }
    int height = 2 * margin + 80;  // white to tear off at the end
    for (const auto& p : pieces) height += p.first;
    if (height > kMaxReceiptDots)
        return fail(ErrorCode::InvalidInput,
                    "the receipt would be " + std::to_string(height) + " dots long; at most " + std::to_string(kMaxReceiptDots));
    image::GrayImage img(width, height, 255);
    int y = margin;
    for (const auto& [h, paint] : pieces) {
        paint(img, y);
        y += h;
    }
    return img;
}

}  // namespace dc::printer
