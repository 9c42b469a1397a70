#include "drivers/idread/mrz_line.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>

namespace dc::idread {
namespace {

constexpr std::string_view kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
constexpr std::string_view kDigits = "0123456789<";
constexpr std::string_view kSex = "MFX<";

std::string_view allowedFor(char slot) {
    switch (slot) {
        case 'A': return kLetters;
        case '9':
        case 'c': return kDigits;
        case 'S': return kSex;
        default: return {};
    }
}

// A line of print straightened: darkness 0..1 on a grid along (u) and across (v) the line.
struct Strip {
    int width = 0, height = 0;
    std::vector<float> dark;
    float glare = 0;  // share of the strip blown out to white
    float sharpness = 0;  // the strongest darkness steps along the line, 0..1
    float at(float u, float v) const {
        u = std::clamp(u, 0.0f, width - 1.001f), v = std::clamp(v, 0.0f, height - 1.001f);
        const int x = static_cast<int>(u), y = static_cast<int>(v);
        const float fx = u - x, fy = v - y;
        const float* r0 = &dark[static_cast<size_t>(y) * static_cast<size_t>(width)];
        const float* r1 = r0 + width;
        return (r0[x] * (1 - fx) + r0[x + 1] * fx) * (1 - fy) + (r1[x] * (1 - fx) + r1[x + 1] * fx) * fy;
    }
};

// Samples the frame along a line (step `s` frame pixels per strip pixel) and turns gray into
// darkness against the paper and ink nearby, so shadow and glare along the line even out.
Strip straighten(const image::GrayImage& frame, const TextLine& l, double s) {
    Strip st;
    // Generous along the line: a light run of fillers at its end makes the located length short.
    st.width = static_cast<int>((l.length * 1.12 + 4 * l.height) / s);
    st.height = static_cast<int>(2.0 * l.height / s);  // not reaching the next line
    if (st.width < 8 || st.height < 8 || st.width > 4000 || st.height > 400) return {};
    std::vector<float> gray(static_cast<size_t>(st.width) * static_cast<size_t>(st.height));
    const double ox = l.cx - l.dx * st.width * s / 2 + l.dy * st.height * s / 2;
    const double oy = l.cy - l.dy * st.width * s / 2 - l.dx * st.height * s / 2;
    for (int v = 0; v < st.height; ++v)
        for (int u = 0; u < st.width; ++u)
            gray[static_cast<size_t>(v * st.width + u)] = frame.sample(static_cast<float>(ox + (u * l.dx - v * l.dy) * s),
                                                                       static_cast<float>(oy + (u * l.dy + v * l.dx) * s));
    // Paper and ink levels per stretch of about two characters, interpolated between stretches.
    const int chunk = std::max(8, st.height);
    const int chunks = (st.width + chunk - 1) / chunk;
    std::vector<float> paper(static_cast<size_t>(chunks)), ink(static_cast<size_t>(chunks));
    st.glare = static_cast<float>(std::count_if(gray.begin(), gray.end(), [](float g) { return g >= 248; })) /
        static_cast<float>(gray.size());
    std::vector<float> values;
    for (int c = 0; c < chunks; ++c) {
        values.clear();
        for (int v = 0; v < st.height; ++v)
            for (int u = c * chunk; u < std::min(st.width, (c + 1) * chunk); ++u)
                values.push_back(gray[static_cast<size_t>(v * st.width + u)]);
        auto nth = [&](double q) {
            auto it = values.begin() + static_cast<long>(q * (values.size() - 1));
            std::nth_element(values.begin(), it, values.end());
            return *it;
        };
        paper[static_cast<size_t>(c)] = nth(0.9);
        ink[static_cast<size_t>(c)] = nth(0.03);
    }
    // Stretches without print (the margins) borrow the contrast of their neighbours.
    float widest = 0;
    for (int c = 0; c < chunks; ++c) widest = std::max(widest, paper[static_cast<size_t>(c)] - ink[static_cast<size_t>(c)]);
    for (int c = 0; c < chunks; ++c) {
        const float span = paper[static_cast<size_t>(c)] - ink[static_cast<size_t>(c)];
        if (span < widest * 0.35f) ink[static_cast<size_t>(c)] = paper[static_cast<size_t>(c)] - widest * 0.6f;
    }
    st.dark.resize(gray.size());
    for (int u = 0; u < st.width; ++u) {
        const float pos = std::clamp((u + 0.5f) / chunk - 0.5f, 0.0f, chunks - 1.0f);
        const int c0 = static_cast<int>(pos), c1 = std::min(chunks - 1, c0 + 1);
        const float f = pos - c0;
        const float p = paper[static_cast<size_t>(c0)] * (1 - f) + paper[static_cast<size_t>(c1)] * f;
        const float k = ink[static_cast<size_t>(c0)] * (1 - f) + ink[static_cast<size_t>(c1)] * f;
        const float span = std::max(8.0f, p - k);
        for (int v = 0; v < st.height; ++v) {
            const size_t i = static_cast<size_t>(v * st.width + u);
            st.dark[i] = std::clamp((p - gray[i]) / span, 0.0f, 1.0f);
        }
    }
    return st;
}

// The print's band across the strip: capital top and baseline rows.
bool band(const Strip& st, float& top, float& bottom) {
    std::vector<float> rows(static_cast<size_t>(st.height));
    for (int v = 0; v < st.height; ++v)
        for (int u = 0; u < st.width; ++u) rows[static_cast<size_t>(v)] += st.dark[static_cast<size_t>(v * st.width + u)];
    const auto peak = std::max_element(rows.begin(), rows.end());
    if (*peak <= 0) return false;
    const float threshold = *peak * 0.4f;
    int a = static_cast<int>(peak - rows.begin()), b = a;
    while (a > 0 && rows[static_cast<size_t>(a - 1)] >= threshold) --a;
    while (b + 1 < st.height && rows[static_cast<size_t>(b + 1)] >= threshold) ++b;
    // Edges to a fraction of a row: where the profile crosses the threshold.
    auto cross = [&](int inside, int outside) {
        if (outside < 0 || outside >= st.height) return static_cast<float>(inside);
        const float vi = rows[static_cast<size_t>(inside)], vo = rows[static_cast<size_t>(outside)];
        return inside + (outside - inside) * (vi - threshold) / std::max(1e-3f, vi - vo);
    };
    top = cross(a, a - 1) + 0.5f;
    bottom = cross(b, b + 1) + 0.5f;
    return bottom - top >= 4;
}

// The ink's middle row in stretches along the strip, fitted by a straight line: how much the
// line estimate is off in angle (slope) and place (offset at the strip's centre).
bool residualTilt(const Strip& st, float top, float bottom, double& slope, double& offset) {
    const int chunk = std::max(8, st.height);
    double n = 0, su = 0, sv = 0, suu = 0, suv = 0;
    const int v0 = std::max(0, static_cast<int>(top - (bottom - top) * 0.5f)),
              v1 = std::min(st.height, static_cast<int>(bottom + (bottom - top) * 0.5f));
    for (int c = 0; c * chunk < st.width; ++c) {
        double w = 0, wv = 0;
        for (int u = c * chunk; u < std::min(st.width, (c + 1) * chunk); ++u)
            for (int v = v0; v < v1; ++v) {
                const float d = st.dark[static_cast<size_t>(v * st.width + u)];
                w += d, wv += d * v;
            }
        if (w < chunk * (bottom - top) * 0.1) continue;
        const double u = (c + 0.5) * chunk, v = wv / w;
        n += 1, su += u, sv += v, suu += u * u, suv += u * v;
    }
    if (n < 4) return false;
    slope = (n * suv - su * sv) / (n * suu - su * su);
    offset = (sv - slope * su) / n + slope * st.width / 2.0 - st.height / 2.0;
    return true;
}

}  // namespace

// Long on purpose: one line's stages (straighten, find the ink, fit the character lattice, refit
// its drift, read each cell) share the same arrays of the straightened line, and each stage is
// commented where it starts; split, they would pass a dozen arrays between them.
LineRead readLine(const image::GrayImage& frame, TextLine l, int count, const std::string& slots, const OcrClassifier& ocr) {
    LineRead out;
    const double s = std::max(0.25, l.height / 22.0);
    Strip st = straighten(frame, l, s);
    float top = 0, bottom = 0;
    if (st.width == 0 || !band(st, top, bottom)) return out;
    // Straighten once more with the angle and place the print itself shows.
    double slope = 0, offset = 0;
    if (residualTilt(st, top, bottom, slope, offset)) {
        const double a = std::atan(slope);
        const double ndx = l.dx * std::cos(a) - l.dy * std::sin(a), ndy = l.dx * std::sin(a) + l.dy * std::cos(a);
        l.cx += -l.dy * offset * s, l.cy += l.dx * offset * s;
        l.dx = ndx, l.dy = ndy;
        st = straighten(frame, l, s);
        if (st.width == 0 || !band(st, top, bottom)) return out;
    }
    out.glare = st.glare;
    // Columns with print, between the band's rows.
    std::vector<float> cols(static_cast<size_t>(st.width));
    for (int u = 0; u < st.width; ++u)
        for (int v = static_cast<int>(top); v < static_cast<int>(bottom) + 1 && v < st.height; ++v)
            cols[static_cast<size_t>(u)] += st.dark[static_cast<size_t>(v * st.width + u)];
    const float inkCol = (bottom - top) * 0.15f;
    int first = 0, last = st.width - 1;
    while (first + 1 < st.width && !(cols[static_cast<size_t>(first)] > inkCol && cols[static_cast<size_t>(first + 1)] > inkCol))
        ++first;
    while (last > 0 && !(cols[static_cast<size_t>(last)] > inkCol && cols[static_cast<size_t>(last - 1)] > inkCol)) --last;
    if (last - first < count * 2) return out;
    // Fixed pitch. Between any two OCR-B characters there is paper, so the lattice of cell edges
    // is the pitch and phase whose edges cross the least ink; the line is then the run of
    // `count` cells holding the most ink. A first guess of the pitch from the print's width
    // bounds the search (stray marks at the ends only make that guess a little off).
    auto colAt = [&](double u) {
        if (u < 0 || u >= st.width - 1) return 0.0f;
        const int i = static_cast<int>(u);
        const float f = static_cast<float>(u - i);
        return cols[static_cast<size_t>(i)] * (1 - f) + cols[static_cast<size_t>(i + 1)] * f;
    };
    // The pitch follows from the print's height (the band is a capital or a digit high).
    const double guess = (bottom - top) / ocr.capPerPitch() * 0.95;
    // The lattice is fitted where the locator saw the line (its core), not on whatever else the
    // generous strip holds at its ends.
    const double coreFrom = std::max<double>(first, st.width / 2.0 - l.length / s * 0.45);
    const double coreTo = std::min<double>(last, st.width / 2.0 + l.length / s * 0.45);
    // The pitch is the line's strongest period: the autocorrelation peak of its column profile
    // within reach of the guess (twice the pitch and half of it lie outside that reach).
    double period = guess;
    {
        std::vector<double> c;
        for (int u = static_cast<int>(coreFrom); u < static_cast<int>(coreTo); ++u) c.push_back(cols[static_cast<size_t>(u)]);
        double mean = 0;
        for (double v : c) mean += v;
        mean /= std::max<size_t>(1, c.size());
        for (double& v : c) v -= mean;
        double bestR = -1e30;
        for (double p = guess * 0.65; p <= guess * 1.35; p += 0.1) {
            double r = 0;
            const int whole = static_cast<int>(p);
            const double f = p - whole;
            for (size_t u = 0; u + static_cast<size_t>(whole) + 1 < c.size(); ++u)
                r += c[u] * (c[u + static_cast<size_t>(whole)] * (1 - f) + c[u + static_cast<size_t>(whole) + 1] * f);
            r /= std::max<double>(1, static_cast<double>(c.size()) - p);
            if (r > bestR) bestR = r, period = p;
        }
    }
    // The lattice of cell edges: a pitch that may grow or shrink steadily along the line (a
    // document tilted away from the camera), anchored near the middle; the best lattice is the
    // one whose edges cross the least ink in the core.
    const double mid = (coreFrom + coreTo) / 2;
    auto lattice = [&](double p0, double growth, double anchor, double from, double to) {
        auto pitchAt = [&](double u) { return p0 * (1 + growth * (u - mid) / st.width); };
        std::vector<double> edges;
        for (double u = anchor; u > from; u -= pitchAt(u - pitchAt(u) / 2)) edges.push_back(u);
        std::reverse(edges.begin(), edges.end());
        for (double u = anchor + pitchAt(anchor + pitchAt(anchor) / 2); u < to; u += pitchAt(u + pitchAt(u) / 2))
            edges.push_back(u);
        return edges;
    };
    double pitch = period, growth = 0, anchor = mid, bestCost = 1e30;
    auto consider = [&](double p, double g, double at) {
        double cost = 0;
        const auto edges = lattice(p, g, at, coreFrom, coreTo);
        for (double u : edges) cost += colAt(u);
        cost /= std::max<size_t>(1, edges.size());
        if (cost < bestCost) bestCost = cost, pitch = p, growth = g, anchor = at;
    };
    // Coarse, then fine around the best.
    for (double g = -0.3; g <= 0.301; g += 0.1)
        for (double p = period * 0.97; p <= period * 1.03; p += period * 0.005)
            for (double ph = 0; ph < p; ph += 1) consider(p, g, mid + ph);
    const double coarseP = pitch, coarseG = growth, coarseAt = anchor;
    for (double g = coarseG - 0.05; g <= coarseG + 0.051; g += 0.025)
        for (double p = coarseP - period * 0.004; p <= coarseP + period * 0.0041; p += period * 0.001)
            for (double at = coarseAt - 1; at <= coarseAt + 1.01; at += 0.25) consider(p, g, at);
    // Cells of the lattice, between consecutive edges. The run of `count` with the most ink.
    const std::vector<double> edges = lattice(pitch, growth, anchor, first - 2 * pitch, last + 2 * pitch);
    const int cells = static_cast<int>(edges.size()) - 1;
    if (cells < count) return out;
    std::vector<double> cellInk(static_cast<size_t>(cells));
    for (int k = 0; k < cells; ++k)
        for (double u = edges[static_cast<size_t>(k)]; u < edges[static_cast<size_t>(k + 1)]; u += 1)
            cellInk[static_cast<size_t>(k)] += colAt(u);
    // Every position of a zone holds a character (fillers too) and paper lies beyond its ends:
    // a run is scored by its cells that have ink, less any ink just outside it.
    std::vector<double> sorted = cellInk;
    std::sort(sorted.begin(), sorted.end());
    const double typical = sorted[sorted.size() / 2];
    int runStart = 0;
    double runBest = -1e30;
    for (int k = 0; k + count <= cells; ++k) {
        // The run holds the core, unless the core is longer than the run (then it lies within).
        const double from = edges[static_cast<size_t>(k)], to = edges[static_cast<size_t>(k + count)];
        const bool holdsCore = (from <= coreFrom + pitch && to >= coreTo - pitch) || (from >= coreFrom && to <= coreTo);
        if (!holdsCore) continue;
        double score = 0;
        for (int j = k; j < k + count; ++j) score += std::min(cellInk[static_cast<size_t>(j)], typical);
        if (k > 0) score -= 2 * std::min(cellInk[static_cast<size_t>(k - 1)], typical);
        if (k + count < cells) score -= 2 * std::min(cellInk[static_cast<size_t>(k + count)], typical);
        if (score > runBest) runBest = score, runStart = k;
    }
    // The cells' middles, then refitted (x = a + b i + c i^2) to where each cell's ink sits.
    std::vector<double> centre(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        centre[static_cast<size_t>(i)] =
            (edges[static_cast<size_t>(runStart + i)] + edges[static_cast<size_t>(runStart + i + 1)]) / 2;
    pitch = (edges[static_cast<size_t>(runStart + count)] - edges[static_cast<size_t>(runStart)]) / count;
    // Refined three times, each from the last, so the fit can follow a drift the constant
    // lattice could not (a middle more than 0.3 pitch away is a stray mark, not the character).
    for (int pass = 0; pass < 3; ++pass) {
        double m[3][4] = {};
        int used = 0;
        for (int i = 0; i < count; ++i) {
            const double c = centre[static_cast<size_t>(i)];
            double w = 0, wx = 0;
            for (int u = static_cast<int>(c - pitch * 0.5); u <= static_cast<int>(c + pitch * 0.5); ++u)
                if (u >= 0 && u < st.width) w += cols[static_cast<size_t>(u)], wx += cols[static_cast<size_t>(u)] * u;
            if (w <= 0 || std::abs(wx / w - c) > pitch * 0.3) continue;
            const double t[3] = {1.0, double(i), double(i) * i};
            for (int r = 0; r < 3; ++r) {
                for (int k = 0; k < 3; ++k) m[r][k] += t[r] * t[k];
                m[r][3] += t[r] * (wx / w);
            }
            ++used;
        }
        if (used < count * 2 / 3) break;
        for (int c = 0; c < 3; ++c)
            for (int r = 0; r < 3; ++r)
                if (r != c && m[c][c] != 0) {
                    const double f = m[r][c] / m[c][c];
                    for (int k = 0; k < 4; ++k) m[r][k] -= f * m[c][k];
                }
        const double a0 = m[0][3] / m[0][0], a1 = m[1][3] / m[1][1], a2 = m[2][3] / m[2][2];
        bool sane = true;
        for (int i = 0; i < count; ++i)
            sane = sane && std::abs(a0 + a1 * i + a2 * i * i - centre[static_cast<size_t>(i)]) < pitch * 0.4;
        if (!sane) break;
        for (int i = 0; i < count; ++i) centre[static_cast<size_t>(i)] = a0 + a1 * i + a2 * i * i;
    }
    // Sharpness: the steepest darkness steps along the band's middle row.
    {
        const int v = static_cast<int>((top + bottom) / 2);
        std::vector<float> steps;
        for (int u = first; u < last; ++u)
            steps.push_back(
                std::abs(st.dark[static_cast<size_t>(v * st.width + u + 1)] - st.dark[static_cast<size_t>(v * st.width + u)]));
        std::sort(steps.rbegin(), steps.rend());
        out.sharpness = steps.empty() ? 0 : steps[std::min(steps.size() - 1, steps.size() / 20)] * static_cast<float>(pitch) / 4;
    }
    // The baseline is where every character stands; the height follows from the pitch.
    const float capH = static_cast<float>(pitch) * ocr.capPerPitch();
    // Each cell as wide as its own pitch (and as tall, by the font's proportions): a document
    // tilted away shrinks its far characters.
    auto localPitch = [&](int i) {
        const double before = i > 0 ? centre[static_cast<size_t>(i)] - centre[static_cast<size_t>(i - 1)] : pitch;
        const double after = i + 1 < count ? centre[static_cast<size_t>(i + 1)] - centre[static_cast<size_t>(i)] : before;
        const double p = (i > 0 ? (before + after) / 2 : after);
        return std::clamp(p, pitch * 0.8, pitch * 1.2);
    };
    auto cellScores = [&](int i, double shift, float baseline, OcrClassifier::Scores& scores) {
        const double cellPitch = localPitch(i);
        const double c = centre[static_cast<size_t>(i)] + shift * cellPitch;
        const float cellCap = static_cast<float>(cellPitch) * ocr.capPerPitch();
        const float cellTop = baseline - cellCap;
        CellFeatures f;
        for (int y = 0; y < kCellH; ++y)
            for (int x = 0; x < kCellW; ++x) {
                const float u = static_cast<float>(c + ((x + 0.5f) / kCellW * 2 * kCellHalfWidth - kCellHalfWidth) * cellPitch);
                const float v = cellTop + (kCellTop + (y + 0.5f) / kCellH * (kCellBottom - kCellTop)) * cellCap;
                f[static_cast<size_t>(y * kCellW + x)] = st.at(u, v);
            }
        if (!normalise(f)) return false;
        ocr.score(f, scores);
        return true;
    };
    // The baseline to a fraction of a pixel, for the whole line at once: digits stand taller
    // than capitals in OCR-B (0 and O differ in little else), so each cell must not choose its
    // own height. The offset that makes every fourth cell look most like some character wins.
    float baseline = bottom;
    {
        double bestSum = -1e30;
        for (float dv : {0.0f, -0.025f, 0.025f, -0.05f, 0.05f, -0.075f, 0.075f, -0.1f, 0.1f}) {
            double sum = 0;
            for (int i = 1; i < count; i += 4) {
                OcrClassifier::Scores scores;
                scores.fill(-2);
                if (cellScores(i, 0, bottom + dv * capH, scores)) sum += *std::max_element(scores.begin(), scores.end());
            }
            if (sum > bestSum) bestSum = sum, baseline = bottom + dv * capH;
        }
    }
    for (int i = 0; i < count; ++i) {
        // The cell where the lattice puts it, and a little to either side: each character keeps
        // its best placement (perspective and print leave a cell a few percent off sideways).
        OcrClassifier::Scores scores;
        scores.fill(-2);
        bool blank = true;
        for (double shift : {0.0, -0.06, 0.06, -0.12, 0.12})
            if (cellScores(i, shift, baseline, scores)) blank = false;
        if (blank) {
            out.text += '<';
            out.margins.push_back(0);
            out.runnersUp += '<';
            out.weakest = 0;
            continue;
        }
        const auto [best, second] = OcrClassifier::rank(scores, allowedFor(slots[static_cast<size_t>(i)]));
        out.text += best.c;
        out.weakest = std::min(out.weakest, best.score);
        out.margins.push_back(best.score - second.score);
        out.runnersUp += second.c;
    }
    out.ok = true;
    return out;
}

}  // namespace dc::idread
