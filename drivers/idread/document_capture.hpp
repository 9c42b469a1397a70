#pragma once
// The capture screen's eyes: camera frames in; out, what the person holding the document should
// do next and, once two frames agree on a reading, that reading and a crop of the document for
// the record. No threads and no camera here: the app feeds it frames on its capture thread, and
// tests feed it synthetic ones.
#include <optional>
#include <vector>

#include "drivers/idread/mrz_reader.hpp"

namespace dc::idread {

struct CaptureStep {
    // What to tell the person, steadied over frames so the words on screen do not flicker.
    ReadHint hint = ReadHint::NoDocument;
    std::optional<MrzData> confirmed;  // agreed by consecutive frames, every check digit passing
    image::GrayImage documentCrop;  // with `confirmed`: the document around its zone
    double milliseconds = 0;  // reading this frame took
};

class DocumentCapture {
public:
    explicit DocumentCapture(const MrzReader& reader) : m_reader(reader) {}
    CaptureStep add(const image::GrayImage& frame);
    void reset();

private:
    const MrzReader& m_reader;
    MrzConsensus m_consensus;
    ReadHint m_shown = ReadHint::NoDocument;
    ReadHint m_candidate = ReadHint::NoDocument;
    int m_candidateFrames = 0;
    std::optional<TextLine> m_lastTopLine;
};

// The document a zone belongs to, as an upright rectangle in the frame: the zone sits at the
// bottom of an ID card's back (3 lines) or a passport's photo page (2 lines), whose sizes ICAO
// fixes, so the zone's length gives the page's width and height. Clipped to the frame.
image::GrayImage cropAroundZone(const image::GrayImage& frame, const std::vector<TextLine>& zone);

}  // namespace dc::idread
