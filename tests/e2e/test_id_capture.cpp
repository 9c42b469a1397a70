// Issue 6 end to end: a jobseeker fills the application from their ID document held up to the
// kiosk's camera (frames replayed from files), in English and Georgian; the picture reaches the
// office's server, which can read the document on it, and leaves the kiosk once it has; with a
// document the camera cannot read, the person types the numbers instead.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>

#include "catalog/demo_catalog.hpp"
#include "catalog/catalog_json.hpp"
#include "drivers/idread/mrz_reader.hpp"
#include "drivers/idread/synthetic_document.hpp"
#include "e2e/catalog_words.hpp"
#include "e2e/kiosk_process.hpp"
#include "support/temp_dir.hpp"
#include "sync/server_process.hpp"

using namespace dc::test;
using dc::idread::DocumentRenderer;

namespace {

const std::string kShots = DC_SCREENSHOT_DIR;

const DocumentRenderer& renderer() {
    static auto r = DocumentRenderer::open();
    REQUIRE(r);
    return **r;
}

// What the camera sees, as files the kiosk's file camera replays in name order: the desk, then
// the document held up (the same scene, a hand's drift from frame to frame).
void writeHeldUpDocument(const std::filesystem::path& folder, const dc::idread::Scene& scene, uint64_t seed) {
    std::filesystem::create_directories(folder);
    REQUIRE(dc::image::savePng(dc::image::GrayImage(1280, 720, 90), folder / "1-desk.png"));
    const auto frames = renderer().heldUp(scene, seed, 0.2, 3);
    for (size_t i = 0; i < frames.size(); ++i)
        REQUIRE(dc::image::savePng(frames[i], folder / ("2-document-" + std::to_string(i) + ".png")));
}

// A document swept past the camera, too blurred to read.
void writeBlurredDocument(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    std::mt19937 rng(5);
    const auto id = dc::idread::randomIdentity(rng, dc::idread::MrzFormat::TD1);
    dc::idread::SceneParams p;
    p.scale = 0.7;
    p.motionPixels = 18;
    const auto document = renderer().printDocument(id, rng, p);
    for (int i = 0; i < 4; ++i) {
        p.centreX = 0.4 + 0.05 * i;
        REQUIRE(dc::image::savePng(renderer().photograph(document, p, rng, 1280, 720),
                                   folder / ("frame-" + std::to_string(i) + ".png")));
    }
}

std::filesystem::path deviceConfig(const TempDir& dir, const std::string& language, const std::filesystem::path& frames,
                                   const std::string& serverUrl = "") {
    const auto file = dir / "device.toml";
    std::ofstream out(file);
    out << "[site]\nname = \"Batumi employment office\"\nlanguage = \"" << language << "\"\n";
    if (!serverUrl.empty()) out << "[server]\nurl = \"" << serverUrl << "\"\nsync_interval_s = 5\n";
    out << "[camera]\nbackend = \"file:" << frames.string() << "\"\n";
    return file;
}

std::string tap(const std::string& label) { return "tap \"" + label + "\"\n"; }
std::string expect(const std::string& text) { return "expect \"" + text + "\"\n"; }

// "TSKHADADZE" -> "Tskhadadze": as the form writes a name read from the MRZ.
std::string asWritten(std::string mrzName) {
    for (size_t i = 1; i < mrzName.size(); ++i)
        mrzName[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(mrzName[i])));
    return mrzName;
}

size_t sealedFiles(const std::filesystem::path& folder) {
    size_t n = 0;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(folder, ec)) n += f.path().extension() == ".sealed";
    return n;
}

}  // namespace

TEST_CASE("a jobseeker fills the application from their ID document, and its picture reaches the office",
          "[e2e][flows][camera][id]") {
    for (const std::string lang : {"en", "ka"}) {
        INFO(lang);
        const Words w(lang);
        TempDir dir;
        const uint64_t seed = lang == "en" ? 31 : 32;
        const auto scene = renderer().scene(seed, 0.2, dc::idread::MrzFormat::TD1);
        const std::string number = scene.identity.documentNumber;
        writeHeldUpDocument(dir / "frames", scene, seed);
        const std::string db = (dir / "server.db").string();
        writeFile(dir / "seed.jsonl", dc::catalog::toJsonLines(dc::catalog::kioskSeedCatalog()));
        REQUIRE(runServerCommand({"import", "--db", db, (dir / "seed.jsonl").string()}).exitCode == 0);
        ServerProcess server(db, dir.path());
        auto token = runServerCommand({"token", "--db", db});
        REQUIRE(token.exitCode == 0);
        // The catalog comes from the office: first it has arrived (the list does not change under a
        // person's eyes while they read it, so it would not appear on a list already open).
        const std::string script = tap(w("TileHelp")) + tap(w("SyncNow")) + expect(w("DeliveryUpToDate")) + tap(w("Home")) +
            tap(w("TileJobs")) + "type \"junior qa\"\n" + tap("Junior QA tester") + tap(w("ApplyButton")) + tap(w("ReadMyId")) +
            expect(w("IdConsentYes")) + "screenshot " + kShots + "/id-consent-" + lang + ".png\n" + tap(w("IdConsentYes")) +
            expect(w("IdUseThese")) + expect(number) + expect(asWritten(scene.identity.surname)) + "screenshot " + kShots +
            "/id-check-" + lang + ".png\n" + tap(w("IdUseThese")) + expect(w("IdPhotoAttached")) + "screenshot " + kShots +
            "/apply-id-" + lang + ".png\n" + tap(w("FieldPhone")) + "type \"599 12 34 56\"\n" + tap(w("KeyDone")) + "swipe up\n" +
            tap(w("ConsentAgree")) + tap(w("ReviewNext")) + expect(number) + expect(w("Attached")) + "screenshot " + kShots +
            "/review-id-" + lang + ".png\n" + tap(w("SendApplication")) + expect(w("YourCode")) + expect(w("ReceiptDelivered")) +
            tap(w("Finish")) + tap(w("TileHelp")) + tap(w("SyncNow")) + expect(w("DeliveryUpToDate")) + "wait 1500\n";
        const auto result = runKiosk({.args = {"--data-dir", (dir / "data").string(), "--config",
                                               deviceConfig(dir, lang, dir / "frames", server.url()).string(), "--windowed",
                                               "1280x800", "--enroll-token", token.output.substr(0, token.output.find('\n'))},
                                      .script = script},
                                     dir.path());
        INFO(result.output);
        REQUIRE(result.exitCode == 0);
        // The office has the picture whole, and it shows the document: its zone reads as the
        // camera read it. The kiosk has deleted its sealed copy.
        const auto list = runServerCommand({"attachments", "--db", db});
        INFO(list.output);
        CHECK(list.output.find("complete, SHA-256 verified") != std::string::npos);
        const std::string row = list.output.substr(list.output.find("\n") + 1);  // after the header
        const std::string id = row.substr(0, row.find(' '));
        REQUIRE(runServerCommand({"attachment", "--db", db, id, "--out", (dir / "photo.jpg").string()}).exitCode == 0);
        auto photo = dc::image::loadImage(dir / "photo.jpg");
        REQUIRE(photo);
        CHECK(photo->width < 1280);
        auto reader = dc::idread::MrzReader::open();
        REQUIRE(reader);
        const auto read = (*reader)->read(*photo);
        REQUIRE(read.data);
        CHECK(read.data->lines == scene.mrz);
        CHECK(sealedFiles(dir / "data" / "attachments") == 0);
    }
}

TEST_CASE("a document the camera cannot read: guidance on screen, then the person types the numbers",
          "[e2e][flows][camera][id]") {
    for (const std::string lang : {"en", "ka"}) {
        INFO(lang);
        const Words w(lang);
        TempDir dir;
        writeBlurredDocument(dir / "frames");
        std::string script = tap(w("TileJobs")) + "type \"junior qa\"\n" + tap("Junior QA tester") + tap(w("ApplyButton"));
        if (lang == "en")
            script += tap(w("FieldName")) + "type \"Nino Beridze\"\n" + tap(w("FieldPhone")) + "type \"599 12 34 56\"\n" +
                tap(w("KeyDone")) + tap(w("ConsentAgree"));
        script += tap(w("ReadMyId")) + tap(w("IdConsentYes")) + expect(w("CaptureHoldStill")) + "screenshot " + kShots +
            "/id-camera-" + lang + ".png\n" + tap(w("IdTypeInstead")) + expect(w("FieldDocument"));
        if (lang == "en") {
            // Typed: a number too short is refused with a plain sentence; then a right one goes.
            script += "type \"ab12\"\n" + tap(w("FieldBirthDate")) + "type \"1990-04-25\"\n" + tap(w("KeyDone")) + "swipe up\n" +
                tap(w("ReviewNext")) + expect(w("ProblemDocument")) + tap(w("FieldDocument")) + "type \"34567\"\n" +
                tap(w("KeyDone")) + "swipe up\n" + tap(w("ReviewNext")) + expect("AB1234567") + expect("1990-04-25") +
                "expect-not \"" + w("ReviewIdPhoto") + "\"\n" + tap(w("SendApplication")) + expect(w("YourCode"));
        }
        const auto result =
            runKiosk({.args = {"--data-dir", (dir / "data").string(), "--config",
                               deviceConfig(dir, lang, dir / "frames").string(), "--windowed", "1280x800", "--demo"},
                      .script = script},
                     dir.path());
        INFO(result.output);
        REQUIRE(result.exitCode == 0);
        CHECK(sealedFiles(dir / "data" / "attachments") == 0);  // nothing read, no picture kept
    }
}

TEST_CASE("walking away after the document was read: its number, date and picture are gone",
          "[e2e][flows][camera][id][privacy]") {
    TempDir dir;
    const uint64_t seed = 33;
    const auto scene = renderer().scene(seed, 0.2, dc::idread::MrzFormat::TD1);
    const std::string number = scene.identity.documentNumber;
    writeHeldUpDocument(dir / "frames", scene, seed);
    const Words w("en");
    const std::string script = tap(w("TileJobs")) + "type \"junior qa\"\n" + tap("Junior QA tester") + tap(w("ApplyButton")) +
        tap(w("ReadMyId")) + tap(w("IdConsentYes")) + tap(w("IdUseThese")) + expect(number) + expect(w("IdPhotoAttached")) +
        "wait 7000\n" + expect(w("HomeInstruction")) + "dump " + (dir / "after.json").string() + "\n" +
        // The form opened again is empty: no number, no date, no picture waiting to be sent.
        tap(w("TileJobs")) + "type \"junior qa\"\n" + tap("Junior QA tester") + tap(w("ApplyButton")) + expect(w("ReadMyId")) +
        "expect-not \"" + number + "\"\nexpect-not \"" + w("IdPhotoAttached") + "\"\n" + "dump " + (dir / "form.json").string() +
        "\n";
    const auto result =
        runKiosk({.args = {"--data-dir", (dir / "data").string(), "--config", deviceConfig(dir, "en", dir / "frames").string(),
                           "--windowed", "1280x800", "--demo", "--short-timings-for-tests", "--idle-timeout", "6"},
                  .script = script},
                 dir.path());
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    for (const char* file : {"after.json", "form.json"}) {
        INFO(file);
        std::ifstream in(dir / file);
        const std::string all((std::istreambuf_iterator<char>(in)), {});
        CHECK(all.find(number) == std::string::npos);
        CHECK(all.find(asWritten(scene.identity.surname)) == std::string::npos);
    }
    CHECK(sealedFiles(dir / "data" / "attachments") == 0);  // nothing was sent, nothing kept
}
