#include "drivers/idread/ocr_classifier.hpp"

#include <algorithm>
#include <cmath>

namespace dc::idread {
namespace {

// A dot product the compiler can keep in vector registers (eight independent sums).
float dot(const CellFeatures& a, const CellFeatures& b) {
    float acc[8] = {};
    for (size_t k = 0; k < kCellSize; k += 8)
        for (size_t j = 0; j < 8; ++j) acc[j] += a[k + j] * b[k + j];
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}
static_assert(kCellSize % 8 == 0);

}  // namespace

bool normalise(CellFeatures& cell) {
    float mean = 0;
    for (float v : cell) mean += v;
    mean /= kCellSize;
    float norm = 0;
    for (float& v : cell) {
        v -= mean;
        norm += v * v;
    }
    if (norm < 1e-4f) return false;
    const float scale = 1.0f / std::sqrt(norm);
    for (float& v : cell) v *= scale;
    return true;
}

Expected<OcrClassifier> OcrClassifier::train(const OcrbFont& font) {
    OcrClassifier c;
    c.m_capPerPitch = static_cast<float>(font.capHeight()) / static_cast<float>(font.advance());
    const float pitch = static_cast<float>(font.advance()), cap = static_cast<float>(font.capHeight());
    if (pitch < 8 || cap < 8) return fail(ErrorCode::InvalidInput, "the OCR-B font is rendered too small to learn from");
    // Each character drawn alone on a canvas, then sampled as the reader samples a cell.
    const int margin = static_cast<int>(pitch);
    const int canvasW = static_cast<int>(pitch) + 2 * margin, canvasH = static_cast<int>(cap * 1.6f) + 2 * margin;
    const int baseline = margin + static_cast<int>(cap * 1.3f);
    for (char ch : kMrzAlphabet) {
        image::GrayImage canvas(canvasW, canvasH, 0);
        font.draw(canvas, std::string(1, ch), margin, baseline, 255);  // coverage as "ink" on black
        // Variations a camera makes: focus blur, ink spread and thin print, small misplacements.
        for (float blur : {0.4f, 1.0f, 1.8f}) {
            const image::GrayImage soft = image::gaussianBlur(canvas, blur * cap / 24.0f);
            for (float gamma : {0.55f, 1.0f, 1.8f})
                // (Misplacement is searched when reading, not learned: see MrzReader.)
                for (auto [ox, oy] : {std::pair{0.0f, 0.0f}}) {
                    CellFeatures f;
                    for (int y = 0; y < kCellH; ++y)
                        for (int x = 0; x < kCellW; ++x) {
                            const float u = (x + 0.5f) / kCellW * 2 * kCellHalfWidth - kCellHalfWidth + ox;
                            const float v = kCellTop + (y + 0.5f) / kCellH * (kCellBottom - kCellTop) + oy;
                            const float px = margin + pitch * 0.5f + u * pitch, py = baseline - cap + v * cap;
                            f[static_cast<size_t>(y * kCellW + x)] = std::pow(soft.sample(px, py) / 255.0f, gamma);
                        }
                    if (!normalise(f)) continue;
                    c.m_prototypes.push_back(f);
                    c.m_labels.push_back(ch);
                    c.m_classes.push_back(kMrzAlphabet.find(ch));
                }
        }
    }
    return c;
}

void OcrClassifier::score(const CellFeatures& cell, Scores& scores) const {
    for (size_t i = 0; i < m_prototypes.size(); ++i) {
        float& b = scores[m_classes[i]];
        b = std::max(b, dot(m_prototypes[i], cell));
    }
}

std::pair<Ranked, Ranked> OcrClassifier::rank(const Scores& scores, std::string_view allowed) {
    Ranked first, second;
    for (size_t ci = 0; ci < kMrzAlphabet.size(); ++ci) {
        const char ch = kMrzAlphabet[ci];
        const bool ok = allowed.empty() || allowed.find(ch) != std::string_view::npos;
        if (ok && scores[ci] > first.score) first = {ch, scores[ci]};
    }
    for (size_t ci = 0; ci < kMrzAlphabet.size(); ++ci) {
        const char ch = kMrzAlphabet[ci];
        const bool ok = allowed.empty() || allowed.find(ch) != std::string_view::npos;
        if (ok && ch != first.c && scores[ci] > second.score) second = {ch, scores[ci]};
    }
    return {first, second};
}

std::pair<Ranked, Ranked> OcrClassifier::classify(const CellFeatures& cell, std::string_view allowed) const {
    Scores scores;
    scores.fill(-2);
    score(cell, scores);
    return rank(scores, allowed);
}

}  // namespace dc::idread
