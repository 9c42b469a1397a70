#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>

#include "drivers/idread/barcodes.hpp"
#include "drivers/idread/document_capture.hpp"
#include "drivers/idread/mrz_reader.hpp"
#include "drivers/idread/synthetic_document.hpp"
#include "drivers/idread/transliterate.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace dc::idread;
using dc::test::TempDir;

namespace {

const DocumentRenderer& renderer() {
    static auto r = DocumentRenderer::open();
    REQUIRE(r);
    return **r;
}
const MrzReader& reader() {
    static auto r = MrzReader::open();
    REQUIRE(r);
    return **r;
}

std::string run(const std::string& command, int* status) {
    auto result = dc::test::runShell(command);
    *status = result.exitCode;
    return std::move(result.output);
}

}  // namespace

TEST_CASE("names are transliterated as the MRZ prints them", "[idread][transliterate]") {
    CHECK(transliterateForMrz("ბერიძე") == "BERIDZE");
    CHECK(transliterateForMrz("ჯავახიშვილი") == "JAVAKHISHVILI");
    CHECK(transliterateForMrz("წიკლაური") == "TSIKLAURI");
    CHECK(transliterateForMrz("Шэўчук") == "SHEUCHUK");
    CHECK(transliterateForMrz("Наталля") == "NATALLIA");
    CHECK(transliterateForMrz("Юрый Шчарбакоў") == "IURYI<SHCHARBAKOU");
    CHECK(transliterateForMrz("Пётр") == "PETR");
    CHECK(transliterateForMrz("Анна-Мария") == "ANNA<MARIIA");
    CHECK(transliterateForMrz("O'Brien") == "OBRIEN");
    CHECK(transliterateForMrz("Müller Čapek") == "MULLER<CAPEK");
    CHECK_FALSE(transliterateForMrz("王"));
    CHECK_FALSE(transliterateForMrz("\xff\xfe"));
    CHECK(transliterateForMrz("") == "");
}

TEST_CASE("every generated identity composes an MRZ that parses back with every check passing", "[idread][synthetic]") {
    std::mt19937 rng(7);
    int longNumbers = 0;
    for (int i = 0; i < 300; ++i) {
        const MrzFormat format = i % 3 == 0 ? MrzFormat::TD1 : i % 3 == 1 ? MrzFormat::TD2 : MrzFormat::TD3;
        const Identity id = randomIdentity(rng, format);
        const auto lines = composeMrz(id);
        auto parsed = parseMrz(lines);
        INFO(lines[0] << "\n" << lines[1]);
        REQUIRE(parsed);
        CHECK(parsed->allChecksPass());
        CHECK(parsed->documentNumber == id.documentNumber);
        CHECK(parsed->surname == id.surname);
        CHECK(parsed->issuingState == id.issuingState);
        CHECK(parsed->birthDate == id.birthDate);
        longNumbers += id.documentNumber.size() > 9;
    }
    CHECK(longNumbers > 0);  // the generator exercises ICAO's long TD1 numbers too
}

TEST_CASE("the reader reads lightly distorted documents and accepts nothing wrong", "[idread][reader]") {
    int right = 0, wrong = 0;
    for (uint64_t seed = 500; seed < 520; ++seed) {
        const Scene s = renderer().scene(seed, 0.15, seed % 2 ? MrzFormat::TD3 : MrzFormat::TD1);
        const MrzReading r = reader().read(s.frame);
        if (r.accepted) (r.data->lines == s.mrz ? right : wrong) += 1;
        if (r.accepted && r.data->lines == s.mrz) CHECK(r.hint == ReadHint::None);
    }
    CHECK(right >= 19);
    CHECK(wrong == 0);
}

TEST_CASE("a frame without a document, or no frame at all, is not read and says so", "[idread][reader][hostile]") {
    dc::image::GrayImage desk(1280, 720, 120);
    std::mt19937 rng(3);
    for (auto& p : desk.pixels) p = static_cast<uint8_t>(100 + rng() % 40);
    auto r = reader().read(desk);
    CHECK_FALSE(r.accepted);
    CHECK(r.hint == ReadHint::NoDocument);
    for (const auto& frame : {dc::image::GrayImage(), dc::image::GrayImage(1, 1, 0), dc::image::GrayImage(4000, 10, 255),
                              dc::image::GrayImage(640, 480, 0)})
        CHECK_FALSE(reader().read(frame).accepted);
    // Printed text that is not a zone: lines of random letters.
    auto font = OcrbFont::open(kOcrbFontPath, 40);
    REQUIRE(font);
    dc::image::GrayImage page(1280, 720, 230);
    for (int y = 100; y < 700; y += 60) (*font)->draw(page, "QWERTYUIOPASDFGHJKLZXCVBNM<<<<1234567890ZZ", 40, y, 20);
    CHECK_FALSE(reader().read(page).accepted);
}

TEST_CASE("the camera's rule: two frames in a row must agree before a reading counts", "[idread][reader]") {
    // The first of a few light scenes that reads (most do).
    Scene s;
    MrzReading good;
    for (uint64_t seed = 600; seed < 610 && !good.accepted; ++seed) {
        s = renderer().scene(seed, 0.1, MrzFormat::TD3);
        good = reader().read(s.frame);
    }
    REQUIRE(good.accepted);
    MrzConsensus consensus(2);
    CHECK_FALSE(consensus.add(good));
    MrzReading other = good;
    other.data->lines[1][0] = other.data->lines[1][0] == 'X' ? 'Y' : 'X';
    CHECK_FALSE(consensus.add(other));  // a different reading starts over
    CHECK_FALSE(consensus.add(good));
    MrzReading unread;
    CHECK_FALSE(consensus.add(unread));  // an unreadable frame neither confirms nor breaks the run
    auto agreed = consensus.add(good);
    REQUIRE(agreed);
    CHECK(agreed->lines == s.mrz);
}

TEST_CASE("a document held up to the camera: later frames move and differ, and agree on the same zone",
          "[idread][synthetic][reader]") {
    const uint64_t seed = 1234;
    const Scene s = renderer().scene(seed, 0.3, MrzFormat::TD1);
    const auto frames = renderer().heldUp(s, seed, 0.3, 5);
    REQUIRE(frames.size() == 5);
    CHECK(frames[0].pixels == s.frame.pixels);
    for (size_t f = 1; f < frames.size(); ++f) {
        INFO("frame " << f);
        CHECK(frames[f].width == 1280);
        CHECK(frames[f].pixels != frames[f - 1].pixels);
    }
    // Read as the capture screen reads them: two frames in a row agreeing on the true zone.
    MrzConsensus consensus;
    std::optional<MrzData> agreed;
    for (const auto& frame : frames)
        if (!agreed) agreed = consensus.add(reader().read(frame));
    REQUIRE(agreed);
    CHECK(agreed->lines == s.mrz);
    // The same seed holds up the same document again (the benchmark's sets stay fixed).
    CHECK(renderer().heldUp(s, seed, 0.3, 3)[2].pixels == frames[2].pixels);
}

TEST_CASE("capture: a document held up is confirmed by two frames, with a crop that holds its zone", "[idread][capture]") {
    const uint64_t seed = 4242;
    for (MrzFormat format : {MrzFormat::TD1, MrzFormat::TD3}) {
        const Scene s = renderer().scene(seed, 0.3, format);
        INFO("format " << static_cast<int>(format));
        DocumentCapture capture(reader());
        // First the desk alone: nothing to read, and the screen says to hold the document up.
        const dc::image::GrayImage desk(1280, 720, 90);
        for (int i = 0; i < 2; ++i) {
            const CaptureStep step = capture.add(desk);
            CHECK(step.hint == ReadHint::NoDocument);
            CHECK_FALSE(step.confirmed);
        }
        std::optional<CaptureStep> done;
        for (const auto& frame : renderer().heldUp(s, seed, 0.3, 6))
            if (auto step = capture.add(frame); step.confirmed) {
                done = std::move(step);
                break;
            }
        REQUIRE(done);
        CHECK(done->confirmed->lines == s.mrz);
        CHECK(done->hint == ReadHint::None);
        CHECK_FALSE(done->documentCrop.empty());
    }
}

TEST_CASE("capture: the crop is the document, not the frame, and still reads as it", "[idread][capture]") {
    std::mt19937 rng(11);
    for (MrzFormat format : {MrzFormat::TD1, MrzFormat::TD3}) {
        INFO("format " << static_cast<int>(format));
        const Identity id = randomIdentity(rng, format);
        SceneParams p;
        p.scale = 0.55;
        p.rotationDegrees = 4;
        p.noiseSigma = 3;
        const auto frame = renderer().photograph(renderer().printDocument(id, rng, p), p, rng, 1280, 720);
        DocumentCapture capture(reader());
        CaptureStep step = capture.add(frame);
        CHECK_FALSE(step.confirmed);  // one frame is never enough
        step = capture.add(frame);
        REQUIRE(step.confirmed);
        CHECK(step.confirmed->lines == composeMrz(id));
        // About the document's size (55% of the frame's width, a little margin), not the frame's.
        const auto& crop = step.documentCrop;
        CHECK(crop.width > 1280 * 0.5);
        CHECK(crop.width < 1280 * 0.75);
        CHECK(crop.height < 720 * 0.85);
        const auto again = reader().read(crop);
        CHECK(again.accepted);
        if (again.data) CHECK(again.data->lines == composeMrz(id));
        // Sent as a JPEG: a real one, far smaller than the raw pixels.
        auto jpeg = dc::image::encodeJpeg(crop);
        REQUIRE(jpeg);
        CHECK(jpeg->substr(0, 2) == "\xFF\xD8");
        CHECK(jpeg->size() < crop.pixels.size() / 3);
        auto decoded = dc::image::decodeImage(reinterpret_cast<const uint8_t*>(jpeg->data()), jpeg->size());
        REQUIRE(decoded);
        CHECK(decoded->width == crop.width);
    }
}

TEST_CASE("capture: a document swept across the camera is told to hold still", "[idread][capture]") {
    std::mt19937 rng(5);
    const Identity id = randomIdentity(rng, MrzFormat::TD1);
    SceneParams p;
    p.scale = 0.7;
    p.motionPixels = 18;  // blurred by the movement: not readable
    const auto document = renderer().printDocument(id, rng, p);
    DocumentCapture capture(reader());
    CaptureStep step;
    for (int i = 0; i < 4; ++i) {
        p.centreX = 0.4 + 0.05 * i;  // and each frame somewhere else
        step = capture.add(renderer().photograph(document, p, rng, 1280, 720));
        INFO("frame " << i << ": " << toString(step.hint));
        CHECK_FALSE(step.confirmed);
    }
    CHECK(step.hint == ReadHint::HoldStill);
}

TEST_CASE("capture: one odd frame does not change what the screen says", "[idread][capture]") {
    const Scene s = renderer().scene(77, 0.2, MrzFormat::TD1);
    const dc::image::GrayImage desk(1280, 720, 90);
    DocumentCapture capture(reader());
    for (int i = 0; i < 2; ++i) REQUIRE(capture.add(desk).hint == ReadHint::NoDocument);
    // A far-away document for a single frame, then the desk again: still "hold it up".
    SceneParams far;
    far.scale = 0.2;
    std::mt19937 rng(3);
    const auto small = renderer().photograph(renderer().printDocument(s.identity, rng, far), far, rng, 1280, 720);
    CHECK(capture.add(small).hint == ReadHint::NoDocument);
    CHECK(capture.add(desk).hint == ReadHint::NoDocument);
}

TEST_CASE("capture: the crop is clipped to the frame, and nothing is cut from nothing", "[idread][capture][hostile]") {
    const dc::image::GrayImage frame(640, 360, 128);
    CHECK(cropAroundZone(frame, {}).empty());
    CHECK(cropAroundZone({}, {TextLine{}}).empty());
    // A zone at the frame's corner: the page would reach far outside; the crop stops at the edge.
    TextLine line{.cx = 600, .cy = 20, .dx = 1, .dy = 0, .length = 500, .height = 12};
    const auto crop = cropAroundZone(frame, {line, line, line});
    CHECK(crop.width <= 640);
    CHECK(crop.height <= 360);
    CHECK_FALSE(crop.empty());
    CHECK(dc::image::crop(frame, 700, 0, 10, 10).empty());
    CHECK(dc::image::crop(frame, -5, -5, 10, 10).width == 5);
    CHECK_FALSE(dc::image::encodeJpeg({}));
}

TEST_CASE("images: undecodable, empty and oversized files get clear errors", "[idread][image][hostile]") {
    TempDir dir;
    CHECK(dc::image::loadImage(dir / "missing.png").error().message().find("cannot be opened") != std::string::npos);
    std::ofstream(dir / "text.png") << "not an image at all";
    CHECK(dc::image::loadImage(dir / "text.png").error().message().find("not a readable image") != std::string::npos);
    std::ofstream(dir / "empty.png");
    CHECK(dc::image::loadImage(dir / "empty.png").error().message().find("empty") != std::string::npos);
    // A PNG header claiming 9000 x 9000 pixels (81 megapixels: a decompression bomb's start).
    const unsigned char huge[] = {0x89, 'P',  'N',  'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
                                  0,    0x23, 0x28, 0,   0,    0x23, 0x28, 8,    0, 0, 0, 0,  0,   0,   0,   0};
    auto r = dc::image::decodeImage(huge, sizeof huge);
    REQUIRE_FALSE(r);
    INFO(r.error().message());
    CHECK(r.error().message().find("at most") != std::string::npos);
    // A round trip keeps every pixel.
    dc::image::GrayImage img(33, 17);
    for (size_t i = 0; i < img.pixels.size(); ++i) img.pixels[i] = static_cast<uint8_t>(i * 7);
    REQUIRE(dc::image::savePng(img, dir / "round.png"));
    auto back = dc::image::loadImage(dir / "round.png");
    REQUIRE(back);
    CHECK(back->pixels == img.pixels);
}

TEST_CASE("dc-idread prints one JSON line per file, errors included", "[idread][cli]") {
    TempDir dir;
    const Scene s = renderer().scene(502, 0.1, MrzFormat::TD1);
    REQUIRE(dc::image::savePng(s.frame, dir / "card.png"));
    std::ofstream(dir / "broken.jpg") << "\xff\xd8 truncated";
    int status = -1;
    const std::string out = run(
        std::string(DC_IDREAD_PATH) + " " + (dir / "card.png").string() + " " + (dir / "broken.jpg").string() + " 2>&1", &status);
    std::istringstream lines(out);
    std::string first, second;
    REQUIRE(std::getline(lines, first));
    REQUIRE(std::getline(lines, second));
    const auto card = nlohmann::json::parse(first);
    CHECK(card["accepted"] == true);
    CHECK(card["lines"] == s.mrz);
    CHECK(card["fields"]["document_number"] == s.identity.documentNumber);
    CHECK(card["fields"]["checks"]["composite"] == true);
    CHECK(card["ms"].get<double>() > 0);
    const auto broken = nlohmann::json::parse(second);
    CHECK(broken["error"].get<std::string>().find("broken.jpg") != std::string::npos);
    CHECK(status == 1);  // not every file was read
    run(std::string(DC_IDREAD_PATH) + " 2>/dev/null", &status);
    CHECK(status == 2);
}

TEST_CASE("barcodes: the kiosk's receipt QR, a PDF417 and a DataMatrix are read back, also on a page", "[idread][barcodes]") {
    const std::string receipt = "K7M-4QX";
    const std::string pdf = "BLR;3140289A001PB7;IARMOLENKA;VOLGA";  // the kind of text an ID card's back carries
    for (auto [format, text] :
         {std::pair{"QRCode", receipt}, std::pair{"PDF417", pdf}, std::pair{"DataMatrix", std::string("DC1;7f3a9c;2026-11-23")},
          std::pair{"QRCode", std::string("ნინო ბერიძე · Ольга")}}) {
        INFO(format);
        const auto symbol = drawBarcode(format, text, std::string(format) == "PDF417" ? 640 : 240);
        REQUIRE_FALSE(symbol.empty());
        // On a larger gray page, off centre, a little soft.
        dc::image::GrayImage page(1100, 700, 200);
        for (int y = 0; y < symbol.height; ++y)
            for (int x = 0; x < symbol.width; ++x) page.at(200 + x, 150 + y) = symbol.at(x, y);
        const auto found = readBarcodes(dc::image::gaussianBlur(page, 0.8f));
        REQUIRE(found.size() == 1);
        CHECK(found[0].format == format);
        CHECK(found[0].text == text);
    }
    CHECK(readBarcodes(dc::image::GrayImage(640, 480, 128)).empty());
    CHECK(readBarcodes(dc::image::GrayImage()).empty());
    CHECK(drawBarcode("QRCode", std::string(10000, 'x'), 200).empty());  // too much for any QR code
}
