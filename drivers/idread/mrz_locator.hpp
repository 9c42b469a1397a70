#pragma once
// Finding the machine readable zone in a camera frame: its 2 or 3 text lines are the longest,
// densest, parallel and evenly spaced lines of print on the document. Each line comes back as a
// straight segment (centre, direction, length, height) in frame pixels, for the reader to
// straighten and cut into characters.
#include <vector>

#include "drivers/image/gray_image.hpp"

namespace dc::idread {

struct TextLine {
    double cx = 0, cy = 0;  // centre, frame pixels
    double dx = 1, dy = 0;  // unit direction along the line (left to right)
    double length = 0;  // of the print along the line
    double height = 0;  // of the print across it (about the capital height)
};

struct MrzCandidate {
    std::vector<TextLine> lines;  // top to bottom
    double score = 0;
};

// Candidates best first (at most a few): 3-line groups suit ID cards, 2-line groups passports.
std::vector<MrzCandidate> locateMrz(const image::GrayImage& frame);

}  // namespace dc::idread
