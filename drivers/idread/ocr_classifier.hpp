#pragma once
// Recognises single OCR-B characters of the MRZ alphabet. It learns at start-up from renderings of
// the font itself (fonts-ocr-b) in the variations a camera produces (blur, ink spread, thin
// print, small offsets) and compares a cell's darkness pattern with each learned prototype by
// normalised correlation. (A whitened nearest-mean classifier was tried: on the development
// set it read 39% of documents against 56% for this, as blur makes each character's variations
// anything but one Gaussian cloud.) A fixed-pitch typeface and a 37-character alphabet make this
// small and exact where general OCR models are not.
#include <array>
#include <string_view>
#include <vector>

#include "drivers/idread/ocrb_font.hpp"

namespace dc::idread {

inline constexpr int kCellW = 16, kCellH = 24;  // the normalised cell
inline constexpr int kCellSize = kCellW * kCellH;

// A cell normalised for the classifier: darkness 0..1 sampled over the character's pitch and
// the line's capital height with margins (see cellBounds), made zero-mean and unit-length.
using CellFeatures = std::array<float, kCellSize>;
bool normalise(CellFeatures& cell);  // false for a blank cell

// Where a cell samples, relative to its centre, in units of the pitch (x) and the capital
// height (y, 0 at the capital top, 1 at the baseline).
inline constexpr float kCellHalfWidth = 0.6f, kCellTop = -0.2f, kCellBottom = 1.2f;

struct Ranked {
    char c = '<';
    float score = -1;  // correlation with the best prototype of c, -1..1
};

class OcrClassifier {
public:
    static Expected<OcrClassifier> train(const OcrbFont& font);
    using Scores = std::array<float, 37>;  // per character of kMrzAlphabet: its best prototype's correlation
    // Raises `scores` to this cell's where it correlates better (so several placements of one
    // cell can be tried and the best of each character kept).
    void score(const CellFeatures& cell, Scores& scores) const;
    // The best character among `allowed` (all when empty) and the runner-up among them.
    static std::pair<Ranked, Ranked> rank(const Scores& scores, std::string_view allowed = {});
    std::pair<Ranked, Ranked> classify(const CellFeatures& cell, std::string_view allowed = {}) const;
    size_t prototypes() const { return m_labels.size(); }
    // The capital height as a share of the pitch: a cell's height follows from the pitch, which
    // the content of a line does not change (a line of digits stands taller than one of letters).
    float capPerPitch() const { return m_capPerPitch; }

private:
    std::vector<CellFeatures> m_prototypes;
    std::vector<char> m_labels;
    std::vector<size_t> m_classes;  // index of each prototype's character in kMrzAlphabet
    float m_capPerPitch = 1;
};

}  // namespace dc::idread
