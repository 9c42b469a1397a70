#pragma once
// Reads the MRZ from a camera frame or a still: locate the zone, straighten each line, cut it
// into its fixed-pitch characters, recognise each (OcrClassifier) with what its field may hold,
// repair by check digits (repairMrz) and parse. A reading counts only when every check digit
// passes; MrzConsensus adds the camera's rule that consecutive frames must agree.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drivers/idread/mrz.hpp"
#include "drivers/idread/mrz_locator.hpp"
#include "drivers/idread/ocr_classifier.hpp"

namespace dc::idread {

// What the person holding the document can do about a failed read.
enum class ReadHint { None, NoDocument, MoveCloser, HoldStill, TooMuchGlare, Unreadable };
const char* toString(ReadHint hint);

struct MrzReading {
    std::optional<MrzData> data;  // parsed (checks may fail: see accepted)
    bool accepted = false;  // every check digit passes
    std::vector<std::string> lines;  // as recognised, before repair
    float confidence = 0;  // the weakest character's correlation, 0..1
    float uncheckedMargin = 0;  // the weakest lead over a runner-up where no check digit helps
    ReadHint hint = ReadHint::NoDocument;
    std::vector<TextLine> zone;  // where the lines read were found (empty: no zone seen)
    double milliseconds = 0;
};

class MrzReader {
public:
    static Expected<std::unique_ptr<MrzReader>> open(const std::filesystem::path& ocrbFont = kOcrbFontPath);
    MrzReading read(const image::GrayImage& frame) const;

private:
    MrzReader() = default;
    std::optional<OcrClassifier> m_classifier;
};

// The camera's rule: the same accepted reading in `needed` frames in a row.
class MrzConsensus {
public:
    explicit MrzConsensus(int needed = 2) : m_needed(needed) {}
    // The reading once it has been agreed; nothing until then. A different reading starts over.
    std::optional<MrzData> add(const MrzReading& reading);
    void reset() { m_count = 0, m_lines.clear(); }

private:
    int m_needed;
    int m_count = 0;
    std::vector<std::string> m_lines;
};

}  // namespace dc::idread
