#include "drivers/idread/mrz_reader.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "drivers/idread/mrz_locator.hpp"

namespace dc::idread {
namespace {

constexpr std::string_view kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
constexpr std::string_view kDigits = "0123456789<";
constexpr std::string_view kSex = "MFX<";

std::string_view allowedFor(char slot) {
    switch (slot) {
        case 'A': return kLetters;
        case '9': case 'c': return kDigits;
        case 'S': return kSex;
        default: return {};
    }
}

// A line of print straightened: darkness 0..1 on a grid along (u) and across (v) the line.
struct Strip {
    int width = 0, height = 0;
    std::vector<float> dark;
    float contrast = 0;   // paper minus ink, gray levels, the weakest stretch
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
    st.width = static_cast<int>((l.length + 2.5 * l.height) / s);
    st.height = static_cast<int>(2.0 * l.height / s);  // not reaching the next line
    if (st.width < 8 || st.height < 8 || st.width > 4000 || st.height > 400) return {};
    std::vector<float> gray(static_cast<size_t>(st.width) * static_cast<size_t>(st.height));
    const double ox = l.cx - l.dx * st.width * s / 2 + l.dy * st.height * s / 2;
    const double oy = l.cy - l.dy * st.width * s / 2 - l.dx * st.height * s / 2;
    for (int v = 0; v < st.height; ++v)
        for (int u = 0; u < st.width; ++u)
            gray[static_cast<size_t>(v * st.width + u)] =
                frame.sample(static_cast<float>(ox + (u * l.dx - v * l.dy) * s), static_cast<float>(oy + (u * l.dy + v * l.dx) * s));
    // Paper and ink levels per stretch of about two characters, interpolated between stretches.
    const int chunk = std::max(8, st.height);
    const int chunks = (st.width + chunk - 1) / chunk;
    std::vector<float> paper(static_cast<size_t>(chunks)), ink(static_cast<size_t>(chunks));
    st.contrast = 255;
    std::vector<float> values;
    for (int c = 0; c < chunks; ++c) {
        values.clear();
        for (int v = 0; v < st.height; ++v)
            for (int u = c * chunk; u < std::min(st.width, (c + 1) * chunk); ++u) values.push_back(gray[static_cast<size_t>(v * st.width + u)]);
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
        else st.contrast = std::min(st.contrast, span);
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
    const int v0 = std::max(0, static_cast<int>(top - (bottom - top) * 0.5f)), v1 = std::min(st.height, static_cast<int>(bottom + (bottom - top) * 0.5f));
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

struct LineRead {
    std::string text;
    float weakest = 1;
    float contrast = 255, sharpness = 1;
    bool ok = false;
};

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
    out.contrast = st.contrast;
    // Columns with print, between the band's rows.
    std::vector<float> cols(static_cast<size_t>(st.width));
    for (int u = 0; u < st.width; ++u)
        for (int v = static_cast<int>(top); v < static_cast<int>(bottom) + 1 && v < st.height; ++v)
            cols[static_cast<size_t>(u)] += st.dark[static_cast<size_t>(v * st.width + u)];
    const float inkCol = (bottom - top) * 0.15f;
    int first = 0, last = st.width - 1;
    while (first + 1 < st.width && !(cols[static_cast<size_t>(first)] > inkCol && cols[static_cast<size_t>(first + 1)] > inkCol)) ++first;
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
    const double guess = (last - first) / (count - 1 + 0.62);
    double pitch = guess, phase = 0, bestCost = 1e30;
    for (double p = guess * 0.9; p <= guess * 1.1; p += guess * 0.002) {
        for (double ph = 0; ph < p; ph += 0.25) {
            double cost = 0;
            for (double u = first - p + ph; u < last + p; u += p) cost += colAt(u);
            cost /= (last - first) / p;  // per edge: longer lattices are not penalised
            if (cost < bestCost) bestCost = cost, pitch = p, phase = ph;
        }
    }
    // Cells of the lattice: [edge, edge + pitch). The run of `count` with the most ink.
    const double origin = first - pitch + phase;
    const int cells = static_cast<int>((last - origin) / pitch) + 2;
    std::vector<double> cellInk(static_cast<size_t>(cells));
    for (int k = 0; k < cells; ++k)
        for (double u = origin + k * pitch; u < origin + (k + 1) * pitch; u += 1) cellInk[static_cast<size_t>(k)] += colAt(u);
    // Every position of a zone holds a character (fillers too) and paper lies beyond its ends:
    // a run is scored by its cells that have ink, less any ink just outside it.
    std::vector<double> sorted = cellInk;
    std::sort(sorted.begin(), sorted.end());
    const double typical = sorted[sorted.size() / 2];
    int runStart = 0;
    double runBest = -1e30;
    for (int k = 0; k + count <= cells; ++k) {
        double score = 0;
        for (int j = k; j < k + count; ++j) score += std::min(cellInk[static_cast<size_t>(j)], typical);
        if (k > 0) score -= 2 * std::min(cellInk[static_cast<size_t>(k - 1)], typical);
        if (k + count < cells) score -= 2 * std::min(cellInk[static_cast<size_t>(k + count)], typical);
        if (score > runBest) runBest = score, runStart = k;
    }
    const double start = origin + (runStart + 0.5) * pitch;  // the first cell's middle
    // A document tilted away from the camera shrinks its far characters: the middles follow a
    // gentle curve, fitted (x = a + b i + c i^2) to where each cell's ink actually sits.
    std::vector<double> centre(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) centre[static_cast<size_t>(i)] = start + i * pitch;
    {
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
        if (used >= count * 2 / 3) {
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
            if (sane)
                for (int i = 0; i < count; ++i) centre[static_cast<size_t>(i)] = a0 + a1 * i + a2 * i * i;
        }
    }
    // Sharpness: the steepest darkness steps along the band's middle row.
    {
        const int v = static_cast<int>((top + bottom) / 2);
        std::vector<float> steps;
        for (int u = first; u < last; ++u)
            steps.push_back(std::abs(st.dark[static_cast<size_t>(v * st.width + u + 1)] - st.dark[static_cast<size_t>(v * st.width + u)]));
        std::sort(steps.rbegin(), steps.rend());
        out.sharpness = steps.empty() ? 0 : steps[std::min(steps.size() - 1, steps.size() / 20)] * static_cast<float>(pitch) / 4;
    }
    // The baseline is where every character stands; the height follows from the pitch.
    const float capH = static_cast<float>(pitch) * ocr.capPerPitch();
    top = bottom - capH;
    for (int i = 0; i < count; ++i) {
        const double c = centre[static_cast<size_t>(i)];
        CellFeatures f;
        for (int y = 0; y < kCellH; ++y)
            for (int x = 0; x < kCellW; ++x) {
                const float u = static_cast<float>(c + ((x + 0.5f) / kCellW * 2 * kCellHalfWidth - kCellHalfWidth) * pitch);
                const float v = top + (kCellTop + (y + 0.5f) / kCellH * (kCellBottom - kCellTop)) * capH;
                f[static_cast<size_t>(y * kCellW + x)] = st.at(u, v);
            }
        if (!normalise(f)) {
            out.text += '<';
            out.weakest = 0;
            continue;
        }
        const auto [best, second] = ocr.classify(f, allowedFor(slots[static_cast<size_t>(i)]));
        out.text += best.c;
        out.weakest = std::min(out.weakest, best.score);
    }
    out.ok = true;
    return out;
}

// Below this correlation a character is a guess (calibrated on the development set: correct
// reads stay well above it, misplaced cells fall below).
constexpr float kMinConfidence = 0.5f;

// Document codes ICAO 9303 defines: passports start with P, ID cards with I, A or C, visas V.
bool plausible(const MrzData& d) {
    const char first = d.lines[0][0];
    const bool code = d.format == MrzFormat::TD3 ? (first == 'P' || first == 'V') : (first == 'I' || first == 'A' || first == 'C' || first == 'V');
    return code && d.issuingState.size() >= 1 && d.surname.size() >= 1;
}

int passedChecks(const MrzData& d) {
    return static_cast<int>(std::count_if(d.checks.begin(), d.checks.end(), [](const MrzCheck& c) { return c.passed; }));
}

}  // namespace

const char* toString(ReadHint hint) {
    switch (hint) {
        case ReadHint::None: return "none";
        case ReadHint::NoDocument: return "no document";
        case ReadHint::MoveCloser: return "move closer";
        case ReadHint::HoldStill: return "hold still";
        case ReadHint::TooMuchGlare: return "too much glare";
        case ReadHint::Unreadable: return "unreadable";
    }
    return "?";
}

Expected<std::unique_ptr<MrzReader>> MrzReader::open(const std::filesystem::path& ocrbFont) {
    DC_TRY(font, OcrbFont::open(ocrbFont, 64));
    DC_TRY(classifier, OcrClassifier::train(**font));
    std::unique_ptr<MrzReader> r(new MrzReader);
    r->m_classifier = std::move(*classifier);
    return r;
}

MrzReading MrzReader::read(const image::GrayImage& frame) const {
    const auto start = std::chrono::steady_clock::now();
    MrzReading best;
    int bestPassed = -1;
    const auto candidates = locateMrz(frame);
    for (const MrzCandidate& candidate : candidates) {
        const bool card = candidate.lines.size() == 3;
        for (MrzFormat format : card ? std::vector{MrzFormat::TD1} : std::vector{MrzFormat::TD3, MrzFormat::TD2}) {
            const auto slots = mrzSlots(format);
            const int width = static_cast<int>(slots[0].size());
            MrzReading r;
            r.confidence = 1;
            float contrast = 255, sharpness = 1;
            bool readable = true;
            for (size_t i = 0; i < candidate.lines.size() && readable; ++i) {
                const LineRead line = readLine(frame, candidate.lines[i], width, slots[i], *m_classifier);
                readable = line.ok;
                r.lines.push_back(line.text);
                r.confidence = std::min(r.confidence, line.weakest);
                contrast = std::min(contrast, line.contrast), sharpness = std::min(sharpness, line.sharpness);
            }
            if (!readable) continue;
            if (auto repaired = repairMrz(r.lines); repaired) {
                // Names and codes have no check digit: the reading must also look like a
                // document and every character must resemble what it was read as.
                r.accepted = repaired->allChecksPass() && plausible(*repaired) && r.confidence >= kMinConfidence;
                r.data = std::move(*repaired);
            }
            const double capHeight = candidate.lines[0].height;
            r.hint = r.accepted ? ReadHint::None
                     : capHeight < 9 ? ReadHint::MoveCloser
                     : contrast < 45 ? ReadHint::TooMuchGlare
                     : sharpness < 0.25f ? ReadHint::HoldStill
                                         : ReadHint::Unreadable;
            const int passed = r.data ? passedChecks(*r.data) : 0;
            if (r.accepted || passed > bestPassed) {
                bestPassed = passed;
                best = std::move(r);
            }
            if (best.accepted) break;
        }
        if (best.accepted) break;
    }
    if (candidates.empty()) best.hint = ReadHint::NoDocument;
    best.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return best;
}

std::optional<MrzData> MrzConsensus::add(const MrzReading& reading) {
    if (!reading.accepted || !reading.data) {
        return std::nullopt;  // a frame that could not be read neither confirms nor breaks a run
    }
    if (reading.data->lines == m_lines) {
        ++m_count;
    } else {
        m_lines = reading.data->lines;
        m_count = 1;
    }
    if (m_count >= m_needed) return reading.data;
    return std::nullopt;
}

}  // namespace dc::idread
