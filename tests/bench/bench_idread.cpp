// dc-bench-idread: the MRZ reader on synthetic documents it has not seen (a seed range apart from
// the development set), per 1280x720 frame: how many are read fully correct (every field), how
// many wrong readings pass every check digit (false accepts), how long a read takes; and the
// same frames through Tesseract's stock English model as a baseline.
// With --frames K it also reads each document as the capture screen does: held up for up to K
// frames (the hand drifting, new focus, shake and noise each frame), accepted once two frames in
// a row agree (MrzConsensus).
//   dc-bench-idread [--count N] [--level L] [--set test|dev] [--frames K] [--no-tesseract] [--show-failures]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "drivers/idread/mrz_reader.hpp"
#include "drivers/idread/synthetic_document.hpp"
#include "tests/bench/tesseract_baseline.hpp"

using namespace dc::idread;

namespace {

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(q * (v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
    long count = 200;
    double level = 0.5;
    bool dev = false, tesseract = true, showFailures = false;
    int frames = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--count" && i + 1 < argc)
            count = std::strtol(argv[++i], nullptr, 10);
        else if (a == "--level" && i + 1 < argc)
            level = std::strtod(argv[++i], nullptr);
        else if (a == "--set" && i + 1 < argc)
            dev = std::string(argv[++i]) == "dev";
        else if (a == "--frames" && i + 1 < argc)
            frames = std::clamp(std::atoi(argv[++i]), 0, 100);
        else if (a == "--no-tesseract")
            tesseract = false;
        else if (a == "--show-failures")
            showFailures = true;
        else {
            std::fprintf(stderr,
                         "usage: dc-bench-idread [--count N] [--level 0..1] [--set test|dev] [--frames K] [--no-tesseract] "
                         "[--show-failures]\n");
            return 2;
        }
    }
    auto renderer = DocumentRenderer::open();
    auto reader = MrzReader::open();
    if (!renderer || !reader) {
        std::fprintf(stderr, "dc-bench-idread: %s\n", (!renderer ? renderer.error() : reader.error()).message().c_str());
        return 1;
    }
    std::unique_ptr<TesseractBaseline> baseline;
    if (tesseract) baseline = TesseractBaseline::open();
    // The development set is seeds 1.., the test set 1,000,000..: never tuned on.
    const uint64_t firstSeed = dev ? 1 : 1000000;
    long correct = 0, accepted = 0, falseAccepts = 0, tessCorrect = 0;
    long correctChars = 0, totalChars = 0, tessChars = 0;
    std::vector<double> ms, tessMs;
    long heldCorrect = 0, heldFalse = 0;
    std::vector<double> framesToAccept;
    double minAcceptedConfidence = 1;
    for (long n = 0; n < count; ++n) {
        const MrzFormat format = n % 2 ? MrzFormat::TD3 : MrzFormat::TD1;
        const Scene scene = (*renderer)->scene(firstSeed + static_cast<uint64_t>(n), level, format);
        const MrzReading r = (*reader)->read(scene.frame);
        ms.push_back(r.milliseconds);
        if (r.accepted) minAcceptedConfidence = std::min(minAcceptedConfidence, static_cast<double>(r.confidence));
        const bool right = r.data && r.data->lines == scene.mrz;
        correct += right && r.accepted;
        accepted += r.accepted;
        falseAccepts += r.accepted && !right;
        for (size_t l = 0; l < scene.mrz.size(); ++l)
            for (size_t c = 0; c < scene.mrz[l].size(); ++c) {
                ++totalChars;
                correctChars += r.data && l < r.data->lines.size() && r.data->lines[l][c] == scene.mrz[l][c];
            }
        if (std::getenv("DC_BENCH_MARGINS") && r.data && r.data->allChecksPass())
            std::printf("margin %s %.3f conf %.2f\n", right ? "right" : "WRONG", r.uncheckedMargin, r.confidence);
        if (showFailures && !(right && r.accepted)) {
            std::printf("seed %llu (%s) %s, hint %s, confidence %.2f, unchecked margin %.3f, checks %s:\n",
                        static_cast<unsigned long long>(firstSeed + n), toString(format),
                        r.accepted ? "FALSE ACCEPT" : "not read", toString(r.hint), r.confidence, r.uncheckedMargin,
                        r.data && r.data->allChecksPass() ? "pass" : "fail");
            for (size_t l = 0; l < scene.mrz.size(); ++l)
                std::printf("  want %s\n  read %s\n", scene.mrz[l].c_str(), l < r.lines.size() ? r.lines[l].c_str() : "-");
        }
        if (frames > 0) {
            MrzConsensus consensus;
            const auto burst = (*renderer)->heldUp(scene, firstSeed + static_cast<uint64_t>(n), level, frames);
            for (size_t f = 0; f < burst.size(); ++f) {
                const MrzReading fr = f == 0 ? r : (*reader)->read(burst[f]);
                if (auto agreed = consensus.add(fr)) {
                    const bool ok = agreed->lines == scene.mrz;
                    heldCorrect += ok;
                    heldFalse += !ok;
                    framesToAccept.push_back(static_cast<double>(f + 1));
                    break;
                }
            }
        }
        if (baseline) {
            const auto t = baseline->read(scene.frame, scene.mrz);
            tessMs.push_back(t.milliseconds);
            tessCorrect += t.allLinesRight;
            tessChars += t.rightCharacters;
        }
    }
    std::printf("MRZ reader, %ld synthetic %s documents at distortion %.2f (half TD1 cards, half TD3 passports), 1280x720:\n",
                count, dev ? "development" : "test", level);
    std::printf("| reader | fully correct | characters right | false accepts | ms per frame (median / p95) |\n");
    std::printf("|---|---|---|---|---|\n");
    std::printf("| dc-idread | %.1f%% (%ld) | %.2f%% | %ld of %ld accepted | %.1f / %.1f |\n", 100.0 * correct / count, correct,
                100.0 * correctChars / std::max(1L, totalChars), falseAccepts, accepted, percentile(ms, 0.5),
                percentile(ms, 0.95));
    std::printf("(weakest character among accepted readings: %.2f)\n", minAcceptedConfidence);
    if (frames > 0)
        std::printf(
            "| dc-idread, held up for up to %d frames, two agreeing in a row | %.1f%% (%ld) | | %ld of %zu accepted | "
            "frames to accept: median %.0f, p95 %.0f |\n",
            frames, 100.0 * heldCorrect / count, heldCorrect, heldFalse, framesToAccept.size(), percentile(framesToAccept, 0.5),
            percentile(framesToAccept, 0.95));
    if (baseline)
        std::printf("| Tesseract 5 stock eng (baseline) | %.1f%% (%ld) | %.2f%% | (no check digits) | %.1f / %.1f |\n",
                    100.0 * tessCorrect / count, tessCorrect, 100.0 * tessChars / std::max(1L, totalChars),
                    percentile(tessMs, 0.5), percentile(tessMs, 0.95));
    return 0;
}
