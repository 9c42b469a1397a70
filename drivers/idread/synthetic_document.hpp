#pragma once
// Synthetic ID documents for tests, benchmarks and the synthetic camera: random valid identities
// (Georgian and Belarusian, names transliterated as ICAO asks), their MRZ with every check digit,
// and a camera's view of the document: a card or passport page on a desk, turned, tilted in
// perspective, blurred, shaken, noisy, lit unevenly and with glare, each by a chosen amount.
// Everything follows from a seed, so a failing case can be drawn again.
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "drivers/idread/mrz.hpp"
#include "drivers/idread/ocrb_font.hpp"

namespace dc::idread {

struct Identity {
    MrzFormat format = MrzFormat::TD1;
    std::string documentCode;  // "ID" for cards, "P" for passports
    std::string issuingState;  // GEO or BLR
    std::string surnameNative, givenNamesNative;  // as the person writes them (Mkhedruli, Cyrillic)
    std::string surname, givenNames;  // as the MRZ prints them
    std::string documentNumber;
    std::string nationality;
    std::string birthDate, expiryDate;  // YYMMDD
    std::string sex;  // M or F
    std::string optionalData;  // a personal number
};

Identity randomIdentity(std::mt19937& rng, MrzFormat format);
// The lines of the zone, fillers and check digits in place (a long TD1 number continues in the
// optional data, then its check digit and a filler: ICAO 9303-5 4.2.4).
std::vector<std::string> composeMrz(const Identity& id);

// How hard the camera's view is: 0 a flat, sharp scan; 0.5 "moderate" (a hand-held card under
// office light); 1 the worst a person would still expect to be read.
struct SceneParams {
    double rotationDegrees = 0;
    double perspective = 0;  // corner displacement as a share of the document's size
    double scale = 0.75;  // document width as a share of the frame's
    double blurSigma = 0;
    double motionPixels = 0;
    double noiseSigma = 0;
    double glare = 0;  // 0 none .. 1 a blown-out patch
    double shadow = 0;  // 0 even light .. 1 one side much darker
    int paper = 220, ink = 40;
    double centreX = 0.5, centreY = 0.5;  // where the document's centre falls in the frame
};
SceneParams randomScene(std::mt19937& rng, double level);

struct Scene {
    Identity identity;
    std::vector<std::string> mrz;
    SceneParams params;
    image::GrayImage frame;
};

class DocumentRenderer {
public:
    static Expected<std::unique_ptr<DocumentRenderer>> open(const std::filesystem::path& ocrbFont = kOcrbFontPath);
    // The document as printed (10 pixels per millimetre), MRZ at the bottom as ICAO places it.
    image::GrayImage printDocument(const Identity& id, std::mt19937& rng, const SceneParams& p) const;
    // The camera's view: `width` x `height` gray frame. `mrzInFrame` (optional) tells whether the
    // zone's `mrzLines` lines all fall inside the frame.
    image::GrayImage photograph(const image::GrayImage& document, const SceneParams& p, std::mt19937& rng, int width, int height,
                                int mrzLines = 0, bool* mrzInFrame = nullptr) const;
    // A whole scene from a seed: identity, MRZ, parameters at `level`, frame. The zone is always
    // whole in the frame (the capture screen's guide asks for that); the document may not be.
    Scene scene(uint64_t seed, double level, MrzFormat format, int width = 1280, int height = 720) const;
    // The same document held up to the camera for `frames` frames, as scene(seed, level, format)
    // made it: frame 0 is that scene's; each later one drifts as a hand does (a little rotation,
    // shift and distance) and has its own focus, shake and sensor noise under the same light.
    std::vector<image::GrayImage> heldUp(const Scene& first, uint64_t seed, double level, int frames, int width = 1280,
                                         int height = 720) const;

private:
    DocumentRenderer() = default;
    std::unique_ptr<OcrbFont> m_mrzFont;  // 2.54 mm pitch at 10 px/mm
    std::unique_ptr<OcrbFont> m_smallFont;  // the printed fields above the zone
};

}  // namespace dc::idread
