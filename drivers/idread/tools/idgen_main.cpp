// dc-idgen: draws synthetic ID documents as a camera sees them, for tuning and testing the reader.
//   dc-idgen OUTDIR --count N [--first-seed S] [--level L] [--format td1|td3|mixed]
// Writes OUTDIR/doc-SEED.png and one JSON line per document to stdout: the seed, the file, the
// MRZ lines that are printed on it, and the scene's parameters.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "drivers/idread/synthetic_document.hpp"

using namespace dc::idread;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: dc-idgen OUTDIR [--count N] [--first-seed S] [--level 0..1] [--format td1|td3|mixed]\n");
        return 2;
    }
    const std::filesystem::path out = argv[1];
    long count = 10, firstSeed = 1;
    double level = 0.5;
    std::string format = "mixed";
    for (int i = 2; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            std::fprintf(stderr, "dc-idgen: %s needs a value\n", flag.c_str());
            return 2;
        }
        const std::string value = argv[i + 1];
        char* end = nullptr;
        if (flag == "--count")
            count = std::strtol(value.c_str(), &end, 10);
        else if (flag == "--first-seed")
            firstSeed = std::strtol(value.c_str(), &end, 10);
        else if (flag == "--level")
            level = std::strtod(value.c_str(), &end);
        else if (flag == "--format")
            format = value;
        else {
            std::fprintf(stderr, "dc-idgen: unknown option %s\n", flag.c_str());
            return 2;
        }
        if (end && (*end != '\0' || end == value.c_str())) {
            std::fprintf(stderr, "dc-idgen: %s takes a number, not '%s'\n", flag.c_str(), value.c_str());
            return 2;
        }
    }
    if (count < 0 || count > 1000000 || !(level >= 0 && level <= 1) ||
        (format != "td1" && format != "td3" && format != "mixed")) {
        std::fprintf(stderr, "dc-idgen: --count 0..1000000, --level 0..1, --format td1, td3 or mixed\n");
        return 2;
    }
    auto renderer = DocumentRenderer::open();
    if (!renderer) {
        std::fprintf(stderr, "dc-idgen: %s\n", renderer.error().message().c_str());
        return 1;
    }
    std::filesystem::create_directories(out);
    for (long seed = firstSeed; seed < firstSeed + count; ++seed) {
        const MrzFormat f = format == "td1" ? MrzFormat::TD1
            : format == "td3"               ? MrzFormat::TD3
            : seed % 2                      ? MrzFormat::TD1
                                            : MrzFormat::TD3;
        const Scene s = (*renderer)->scene(static_cast<uint64_t>(seed), level, f);
        const auto file = out / ("doc-" + std::to_string(seed) + ".png");
        if (auto saved = dc::image::savePng(s.frame, file); !saved) {
            std::fprintf(stderr, "dc-idgen: %s\n", saved.error().message().c_str());
            return 1;
        }
        const nlohmann::json line = {{"seed", seed},
                                     {"file", file.string()},
                                     {"mrz", s.mrz},
                                     {"name", s.identity.givenNamesNative + " " + s.identity.surnameNative},
                                     {"rotation", s.params.rotationDegrees},
                                     {"blur", s.params.blurSigma},
                                     {"noise", s.params.noiseSigma},
                                     {"glare", s.params.glare}};
        std::printf("%s\n", line.dump().c_str());
    }
    return 0;
}
