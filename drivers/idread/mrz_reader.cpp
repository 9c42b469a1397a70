#include "drivers/idread/mrz_reader.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>

#include "drivers/idread/mrz_line.hpp"
#include "drivers/idread/mrz_locator.hpp"

namespace dc::idread {
namespace {

// Below this correlation a character is a guess (calibrated on the development set: correct
// reads stay well above it, misplaced cells fall below).
constexpr float kMinConfidence = 0.5f;

// A character no check digit covers must lead its runner-up by this much (D and O, H and M
// differ by a few pixels; a frame that cannot tell them apart is not read, the next one may be).
constexpr float kMinMargin = 0.012f;
constexpr float kMinMarginLetterOrDigit = 0.025f;

// What no check digit can confirm must at least look like a document: a code ICAO defines
// (passports P, ID cards I, A or C, visas V), known state codes, a surname, and nothing but
// fillers after the names end.
bool plausible(const MrzData& d) {
    const char first = d.lines[0][0];
    const bool code = d.format == MrzFormat::TD3 ? (first == 'P' || first == 'V')
                                                 : (first == 'I' || first == 'A' || first == 'C' || first == 'V');
    const std::string& names = d.format == MrzFormat::TD1 ? d.lines[2] : d.lines[0];
    const size_t end = names.find("<<<", d.format == MrzFormat::TD1 ? 0 : 5);
    const bool namesEnd = end == std::string::npos || names.find_first_not_of('<', end) == std::string::npos;
    return code && isIcaoStateCode(d.issuingState) && isIcaoStateCode(d.nationality) && !d.surname.empty() && namesEnd;
}

// Whether another reading of the near ties also passes every check digit.
bool ambiguous(const std::vector<std::string>& lines, const std::vector<std::pair<size_t, size_t>>& doubtful,
               const std::vector<std::string>& best, const std::vector<std::string>& runnersUp) {
    if (doubtful.size() > 10) return true;  // too many near ties to vouch for
    auto other = [&](size_t li, size_t i) {
        const char now = lines[li][i];
        return now == best[li][i] ? runnersUp[li][i] : best[li][i];
    };
    auto passes = [](const std::vector<std::string>& l) {
        auto parsed = parseMrz(l);
        return parsed && parsed->allChecksPass();
    };
    for (size_t a = 0; a < doubtful.size(); ++a) {
        auto trial = lines;
        trial[doubtful[a].first][doubtful[a].second] = other(doubtful[a].first, doubtful[a].second);
        if (passes(trial)) return true;
        for (size_t b = a + 1; b < doubtful.size(); ++b) {
            auto pair = trial;
            pair[doubtful[b].first][doubtful[b].second] = other(doubtful[b].first, doubtful[b].second);
            if (passes(pair)) return true;
        }
    }
    return false;
}

// A failing check digit is mended only where the classifier itself hesitated: its runner-up at
// the least certain characters of that field, one and then two at a time, and only when exactly
// one mend makes the field pass. (A fixed table of look-alikes, as repairMrz uses for readings
// of unknown origin, "mends" the wrong character as often as the right one.)
Expected<MrzData> repairByRunnersUp(MrzFormat format, std::vector<std::string> lines, const std::vector<std::string>& runnersUp,
                                    const std::vector<std::vector<float>>& margins) {
    constexpr float kHesitant = 0.1f;
    constexpr size_t kMostTried = 6;
    auto fieldPasses = [](const std::vector<std::string>& l, const std::string& field) {
        auto parsed = parseMrz(l);
        if (!parsed) return false;
        for (const auto& c : parsed->checks)
            if (c.field == field) return c.passed;
        return false;
    };
    int repairs = 0;
    for (const MrzCheckedSpan& span : mrzCheckedSpans(format, lines)) {
        if (fieldPasses(lines, span.field)) continue;
        std::vector<std::pair<int, int>> hesitant;
        for (auto [li, i] : span.positions) {
            const auto l = static_cast<size_t>(li), k = static_cast<size_t>(i);
            if (k < margins[l].size() && margins[l][k] < kHesitant && runnersUp[l][k] != lines[l][k])
                hesitant.emplace_back(li, i);
        }
        std::sort(hesitant.begin(), hesitant.end(), [&](auto a, auto b) {
            return margins[static_cast<size_t>(a.first)][static_cast<size_t>(a.second)] <
                margins[static_cast<size_t>(b.first)][static_cast<size_t>(b.second)];
        });
        if (hesitant.size() > kMostTried) hesitant.resize(kMostTried);
        auto swapped = [&](std::vector<std::string> l, std::initializer_list<std::pair<int, int>> at) {
            for (auto [li, i] : at)
                l[static_cast<size_t>(li)][static_cast<size_t>(i)] = runnersUp[static_cast<size_t>(li)][static_cast<size_t>(i)];
            return l;
        };
        std::vector<std::vector<std::string>> mends;
        for (size_t a = 0; a < hesitant.size(); ++a)
            if (auto t = swapped(lines, {hesitant[a]}); fieldPasses(t, span.field)) mends.push_back(t);
        int size = 1;
        if (mends.empty()) {
            size = 2;
            for (size_t a = 0; a < hesitant.size(); ++a)
                for (size_t b = a + 1; b < hesitant.size(); ++b)
                    if (auto t = swapped(lines, {hesitant[a], hesitant[b]}); fieldPasses(t, span.field)) mends.push_back(t);
        }
        if (mends.size() == 1) {
            lines = mends.front();
            repairs += size;
        }
    }
    DC_TRY(parsed, parseMrz(lines));
    parsed->repairs = repairs;
    return parsed;
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
            r.zone = candidate.lines;
            r.confidence = 1;
            float glare = 0, sharpness = 1;
            bool readable = true;
            std::vector<std::vector<float>> margins;
            std::vector<std::string> runnersUp;
            for (size_t i = 0; i < candidate.lines.size() && readable; ++i) {
                const LineRead line = readLine(frame, candidate.lines[i], width, slots[i], *m_classifier);
                readable = line.ok;
                r.lines.push_back(line.text);
                margins.push_back(line.margins);
                runnersUp.push_back(line.runnersUp);
                r.confidence = std::min(r.confidence, line.weakest);
                glare = std::max(glare, line.glare), sharpness = std::min(sharpness, line.sharpness);
            }
            if (!readable) continue;
            if (auto repaired = repairByRunnersUp(format, r.lines, runnersUp, margins); repaired) {
                // Names and codes have no check digit: the reading must also look like a
                // document and every character must resemble what it was read as.
                // Where no check digit covers a character (names, codes) it must be clearly itself.
                float weakestUnchecked = 1;
                const auto unchecked = mrzUncheckedMask(format, repaired->lines);
                std::vector<std::pair<size_t, size_t>> doubtful;  // checked, but a near tie
                // The fillers after the names need no margin: anything else there is refused
                // by plausible() (names end with fillers only).
                const size_t namesLine = format == MrzFormat::TD1 ? 2 : 0;
                const size_t namesEnd = repaired->lines[namesLine].find("<<<", format == MrzFormat::TD1 ? 0 : 5);
                for (size_t li = 0; li < unchecked.size(); ++li)
                    for (size_t i = 0; i < unchecked[li].size() && i < margins[li].size(); ++i) {
                        const bool fillerTail = li == namesLine && namesEnd != std::string::npos && i >= namesEnd;
                        if (unchecked[li][i] == '1' && !fillerTail) {
                            // A near tie whose other reading is no document (a state code ICAO
                            // does not know, a wrong document code) is settled by that.
                            if (margins[li][i] < kMinMargin) {
                                auto other = repaired->lines;
                                other[li][i] = runnersUp[li][i] == repaired->lines[li][i] ? r.lines[li][i] : runnersUp[li][i];
                                auto parsedOther = parseMrz(other);
                                if (parsedOther && !plausible(*parsedOther)) continue;
                            }
                            weakestUnchecked = std::min(weakestUnchecked, margins[li][i]);
                        }
                        // Letters and digits both allowed: a confusion between them (5/S, 0/O, 8/B)
                        // is what can cancel out in a check digit, so a wider tie is doubtful.
                        else if (margins[li][i] < (slots[li][i] == 'X' ? kMinMarginLetterOrDigit : kMinMargin))
                            doubtful.emplace_back(li, i);
                    }
                // Where one does, a near tie is settled by it only if the other reading (alone, or
                // with another near tie, as two confusions can cancel out) fails the checks.
                if (repaired->allChecksPass() && ambiguous(repaired->lines, doubtful, r.lines, runnersUp)) weakestUnchecked = -1;
                r.uncheckedMargin = weakestUnchecked;
                r.accepted = repaired->allChecksPass() && plausible(*repaired) && r.confidence >= kMinConfidence &&
                    weakestUnchecked >= kMinMargin;
                r.data = std::move(*repaired);
            }
            const double capHeight = candidate.lines[0].height;
            r.hint = r.accepted     ? ReadHint::None
                : capHeight < 9     ? ReadHint::MoveCloser
                : glare > 0.04f     ? ReadHint::TooMuchGlare
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
