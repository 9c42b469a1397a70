#pragma once
// One line of the zone, read: straightened out of the frame, cut into its fixed-pitch cells and
// each cell recognised among the characters its field may hold. MrzReader puts the lines of a
// zone together, mends and vouches for them.
#include <string>
#include <vector>

#include "drivers/idread/mrz_locator.hpp"
#include "drivers/idread/ocr_classifier.hpp"

namespace dc::idread {

struct LineRead {
    std::string text;
    std::vector<float> margins;  // per character: how far its best reading leads the next
    std::string runnersUp;  // per character: the next best reading
    float weakest = 1;
    float sharpness = 1, glare = 0;  // for the hint: steepest steps along the line, share blown out
    bool ok = false;
};

// Reads `count` characters along `line`; `slots` says what each may hold (see mrzSlots).
LineRead readLine(const image::GrayImage& frame, TextLine line, int count, const std::string& slots, const OcrClassifier& ocr);

}  // namespace dc::idread
