#include "drivers/idread/document_capture.hpp"

#include <algorithm>
#include <cmath>

namespace dc::idread {
namespace {

// A hint must be seen in this many frames in a row before the screen says it: one blurred
// frame while the hand settles should not flash "hold still".
constexpr int kFramesToChangeHint = 2;

// The zone's top line moved this share of its own length since the last frame: the hand is
// moving, whatever the reader made of the frame.
constexpr double kMovingShare = 0.04;

}  // namespace

CaptureStep DocumentCapture::add(const image::GrayImage& frame) {
    const MrzReading reading = m_reader.read(frame);
    CaptureStep step;
    step.milliseconds = reading.milliseconds;
    ReadHint raw = reading.hint;
    if (!reading.zone.empty()) {
        const TextLine& top = reading.zone.front();
        if (m_lastTopLine && !reading.accepted && raw != ReadHint::MoveCloser) {
            const double moved = std::hypot(top.cx - m_lastTopLine->cx, top.cy - m_lastTopLine->cy);
            if (moved > kMovingShare * std::max(top.length, 1.0)) raw = ReadHint::HoldStill;
        }
        m_lastTopLine = top;
    } else {
        m_lastTopLine.reset();
    }
    if (auto agreed = m_consensus.add(reading)) {
        step.confirmed = std::move(agreed);
        step.documentCrop = cropAroundZone(frame, reading.zone);
        m_shown = ReadHint::None;
        step.hint = m_shown;
        return step;
    }
    // An accepted frame waiting for its second is "reading": say so at once, it is good news.
    if (reading.accepted) raw = ReadHint::None;
    if (raw == m_candidate)
        ++m_candidateFrames;
    else
        m_candidate = raw, m_candidateFrames = 1;
    if (m_candidateFrames >= kFramesToChangeHint || raw == ReadHint::None) m_shown = raw;
    step.hint = m_shown;
    return step;
}

void DocumentCapture::reset() {
    m_consensus.reset();
    m_shown = m_candidate = ReadHint::NoDocument;
    m_candidateFrames = 0;
    m_lastTopLine.reset();
}

image::GrayImage cropAroundZone(const image::GrayImage& frame, const std::vector<TextLine>& zone) {
    if (zone.empty() || frame.empty()) return {};
    const TextLine& bottom = zone.back();
    double length = 0, cx = 0, cy = 0;
    for (const TextLine& line : zone) {
        length = std::max(length, line.length);
        cx += line.cx / static_cast<double>(zone.size());
        cy += line.cy / static_cast<double>(zone.size());
    }
    // ICAO 9303: a card's 30 characters span 76 of its 85.6 mm, a passport's 44 span 112 of
    // 125 mm; a card is 54 mm high, a passport page 88. A little margin for a hand's drift.
    const bool card = zone.size() == 3;
    const double width = length / (card ? 0.89 : 0.895) * 1.06;
    const double height = width * (card ? 54.0 / 85.6 : 88.0 / 125.0) * 1.04;
    const double dx = bottom.dx, dy = bottom.dy;  // along the lines
    const double nx = -dy, ny = dx;  // across them, downwards in an upright frame
    // The page's bottom edge lies a little below the last line; its centre half a page above.
    const double along = (cx - bottom.cx) * dx + (cy - bottom.cy) * dy;
    const double edgeX = bottom.cx + dx * along + nx * bottom.height * 1.6;
    const double edgeY = bottom.cy + dy * along + ny * bottom.height * 1.6;
    const double centreX = edgeX - nx * height / 2, centreY = edgeY - ny * height / 2;
    const double halfW = (std::abs(dx) * width + std::abs(nx) * height) / 2;
    const double halfH = (std::abs(dy) * width + std::abs(ny) * height) / 2;
    return image::crop(frame, static_cast<int>(std::floor(centreX - halfW)), static_cast<int>(std::floor(centreY - halfH)),
                       static_cast<int>(std::ceil(2 * halfW)), static_cast<int>(std::ceil(2 * halfH)));
}

}  // namespace dc::idread
