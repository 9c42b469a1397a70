#include "drivers/idread/mrz_locator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdio>
#include <cstdlib>

namespace dc::idread {
namespace {

// Print darker than its surroundings, on a half-size copy (a quarter of the work).
std::vector<uint8_t> inkMask(const image::GrayImage& small) {
    const image::GrayImage local = image::boxBlur(small, 7);
    std::vector<uint8_t> mask(small.pixels.size());
    for (size_t i = 0; i < mask.size(); ++i) {
        const int mean = local.pixels[i], v = small.pixels[i];
        mask[i] = mean - v > std::max(8, mean / 10) ? 1 : 0;
    }
    return mask;
}

// Joins the characters of a line: horizontal gaps up to `gap` pixels are filled.
void smearRows(std::vector<uint8_t>& mask, int width, int height, int gap) {
    for (int y = 0; y < height; ++y) {
        uint8_t* row = &mask[static_cast<size_t>(y) * static_cast<size_t>(width)];
        int last = -1;
        for (int x = 0; x < width; ++x) {
            if (!row[x]) continue;
            if (last >= 0 && x - last > 1 && x - last <= gap)
                for (int k = last + 1; k < x; ++k) row[k] = 1;
            last = x;
        }
    }
}

struct Blob {
    double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    int minX = 1 << 30, maxX = -1, minY = 1 << 30, maxY = -1;
};

std::vector<Blob> components(const std::vector<uint8_t>& mask, int width, int height) {
    std::vector<int> label(mask.size(), -1);
    std::vector<Blob> blobs;
    std::vector<int> stack;
    for (int start = 0; start < static_cast<int>(mask.size()); ++start) {
        if (!mask[static_cast<size_t>(start)] || label[static_cast<size_t>(start)] >= 0) continue;
        Blob b;
        const int id = static_cast<int>(blobs.size());
        stack.push_back(start);
        label[static_cast<size_t>(start)] = id;
        while (!stack.empty()) {
            const int p = stack.back();
            stack.pop_back();
            const int x = p % width, y = p / width;
            b.n += 1, b.sx += x, b.sy += y, b.sxx += double(x) * x, b.syy += double(y) * y, b.sxy += double(x) * y;
            b.minX = std::min(b.minX, x), b.maxX = std::max(b.maxX, x), b.minY = std::min(b.minY, y),
            b.maxY = std::max(b.maxY, y);
            const int next[4] = {x > 0 ? p - 1 : -1, x + 1 < width ? p + 1 : -1, y > 0 ? p - width : -1,
                                 y + 1 < height ? p + width : -1};
            for (int q : next)
                if (q >= 0 && mask[static_cast<size_t>(q)] && label[static_cast<size_t>(q)] < 0) {
                    label[static_cast<size_t>(q)] = id;
                    stack.push_back(q);
                }
        }
        blobs.push_back(b);
    }
    return blobs;
}

Blob merged(const Blob& a, const Blob& b) {
    Blob m = a;
    m.n += b.n, m.sx += b.sx, m.sy += b.sy, m.sxx += b.sxx, m.syy += b.syy, m.sxy += b.sxy;
    m.minX = std::min(a.minX, b.minX), m.maxX = std::max(a.maxX, b.maxX);
    m.minY = std::min(a.minY, b.minY), m.maxY = std::max(a.maxY, b.maxY);
    return m;
}

// The straight segment a blob makes (no judgement yet).
TextLine segmentOf(const Blob& b) {
    const double cx = b.sx / b.n, cy = b.sy / b.n;
    const double vxx = b.sxx / b.n - cx * cx, vyy = b.syy / b.n - cy * cy, vxy = b.sxy / b.n - cx * cy;
    const double angle = 0.5 * std::atan2(2 * vxy, vxx - vyy);
    const double dx = std::cos(angle), dy = std::sin(angle);
    // Variances along and across; a uniform bar of length L has variance L^2 / 12.
    const double along = vxx * dx * dx + 2 * vxy * dx * dy + vyy * dy * dy;
    const double across = std::max(0.0, vxx * dy * dy - 2 * vxy * dx * dy + vyy * dx * dx);
    return {cx, cy, dx, dy, std::sqrt(12 * along), std::sqrt(12 * across)};
}

// A blob as a straight line of print, if it is one.
bool asLine(const Blob& b, int frameWidth, TextLine& out) {
    if (b.n < 50) return false;
    out = segmentOf(b);
    if (std::abs(std::atan2(out.dy, out.dx)) > 0.5) return false;  // more than ~30 degrees: not how a document is held
    if (out.length < frameWidth * 0.2 || out.height < 3) return false;
    return out.length / out.height > 10;
}

}  // namespace

std::vector<MrzCandidate> locateMrz(const image::GrayImage& frame) {
    if (frame.width < 64 || frame.height < 32) return {};
    const image::GrayImage small = image::downscale(frame, 2);
    auto mask = inkMask(small);
    smearRows(mask, small.width, small.height, std::max(6, small.width / 45));
    // A line of print may come apart (a wide gap, a filler run printed faintly): pieces on one
    // straight line with small gaps between them are joined first.
    std::vector<Blob> blobs;
    for (const Blob& b : components(mask, small.width, small.height)) {
        if (b.n < 20) continue;
        const TextLine seg = segmentOf(b);
        if (seg.length > 2 * seg.height && std::abs(std::atan2(seg.dy, seg.dx)) < 0.5) blobs.push_back(b);
    }
    std::sort(blobs.begin(), blobs.end(), [](const Blob& a, const Blob& b) { return a.minX < b.minX; });
    for (bool joined = true; joined;) {
        joined = false;
        for (size_t i = 0; i < blobs.size() && !joined; ++i)
            for (size_t j = i + 1; j < blobs.size() && !joined; ++j) {
                const TextLine a = segmentOf(blobs[i]), b = segmentOf(blobs[j]);
                const double h = std::max(a.height, b.height);
                const double across = std::abs((b.cx - a.cx) * -a.dy + (b.cy - a.cy) * a.dx);
                const double along = std::abs((b.cx - a.cx) * a.dx + (b.cy - a.cy) * a.dy) - (a.length + b.length) / 2;
                if (across < 0.45 * h && along < 2.5 * h && std::min(a.height, b.height) > 0.5 * h) {
                    blobs[i] = merged(blobs[i], blobs[j]);
                    blobs.erase(blobs.begin() + static_cast<long>(j));
                    joined = true;
                }
            }
    }
    std::vector<TextLine> lines;
    for (const Blob& b : blobs) {
        TextLine l;
        if (asLine(b, small.width, l)) lines.push_back(l);
    }
    std::sort(lines.begin(), lines.end(), [](const TextLine& a, const TextLine& b) { return a.cy < b.cy; });

    // Groups of 2 or 3 lines, one above the next: parallel, about as long, evenly spaced.
    auto follows = [](const TextLine& a, const TextLine& b) {
        const double gapAcross = (b.cx - a.cx) * -a.dy + (b.cy - a.cy) * a.dx;
        const double shiftAlong = (b.cx - a.cx) * a.dx + (b.cy - a.cy) * a.dy;
        const double h = std::max(a.height, b.height);
        return std::abs(a.dx * b.dy - a.dy * b.dx) < 0.07 && std::min(a.length, b.length) / std::max(a.length, b.length) > 0.75 &&
            gapAcross > 1.2 * h && gapAcross < 4.0 * h && std::abs(shiftAlong) < 0.15 * a.length;
    };
    std::vector<MrzCandidate> out;
    for (size_t i = 0; i < lines.size(); ++i)
        for (size_t j = i + 1; j < lines.size(); ++j) {
            if (!follows(lines[i], lines[j])) continue;
            for (size_t k = j + 1; k < lines.size(); ++k)
                if (follows(lines[j], lines[k]))
                    out.push_back({{lines[i], lines[j], lines[k]}, lines[i].length + lines[j].length + lines[k].length});
            out.push_back({{lines[i], lines[j]}, lines[i].length + lines[j].length});
        }
    // Back to frame pixels.
    for (auto& c : out)
        for (auto& l : c.lines) l.cx = l.cx * 2 + 0.5, l.cy = l.cy * 2 + 0.5, l.length *= 2, l.height *= 2;
    std::sort(out.begin(), out.end(), [](const MrzCandidate& a, const MrzCandidate& b) { return a.score > b.score; });
    if (out.size() > 4) out.resize(4);
    return out;
}

}  // namespace dc::idread
