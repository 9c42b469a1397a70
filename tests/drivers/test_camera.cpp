#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "drivers/camera/camera.hpp"
#include "drivers/idread/mrz_reader.hpp"
#include "drivers/idread/synthetic_document.hpp"
#include "support/temp_dir.hpp"

using namespace dc;
using namespace dc::camera;
using dc::test::TempDir;

namespace {

std::unique_ptr<Camera> openOnly(Backend& backend) {
    auto cameras = backend.enumerate();
    REQUIRE(cameras);
    REQUIRE(cameras->size() == 1);
    auto camera = backend.open(cameras->front().id);
    REQUIRE(camera);
    return std::move(*camera);
}

}  // namespace

TEST_CASE("the synthetic camera shows a desk, then a document the reader reads in agreeing frames", "[camera][synthetic]") {
    auto backend = makeSyntheticBackend({.fps = 10, .distortion = 0.1, .emptySeconds = 0.3, .seed = 4, .realTime = false});
    auto camera = openOnly(*backend);
    CHECK(camera->info().backend == "synthetic");
    REQUIRE(camera->start(1280, 720, 10));
    auto reader = idread::MrzReader::open();
    REQUIRE(reader);
    idread::MrzConsensus consensus(2);
    std::optional<idread::MrzData> agreed;
    int deskFrames = 0;
    uint64_t lastSequence = 0;
    for (int i = 0; i < 12 && !agreed; ++i) {
        auto frame = camera->nextFrame(1.0);
        REQUIRE(frame);
        CHECK(frame->image.width == 1280);
        if (i > 0) CHECK(frame->sequence == lastSequence + 1);
        lastSequence = frame->sequence;
        const auto reading = (*reader)->read(frame->image);
        if (reading.hint == idread::ReadHint::NoDocument) ++deskFrames;
        agreed = consensus.add(reading);
    }
    CHECK(deskFrames == 3);  // 0.3 s of desk at 10 frames a second
    REQUIRE(agreed);
    CHECK(agreed->allChecksPass());
    camera->stop();
    CHECK_FALSE(camera->nextFrame(0.1));
}

TEST_CASE("a camera unplugged mid-capture says so, and works again when it is back", "[camera][synthetic]") {
    auto backend =
        makeSyntheticBackend({.fps = 30, .emptySeconds = 10, .unplugAfterFrames = 2, .unpluggedSeconds = 0.3, .realTime = false});
    auto camera = openOnly(*backend);
    REQUIRE(camera->start(320, 240, 30));
    REQUIRE(camera->nextFrame(1.0));
    REQUIRE(camera->nextFrame(1.0));
    auto gone = camera->nextFrame(1.0);
    REQUIRE_FALSE(gone);
    CHECK(gone.error().code() == ErrorCode::Transient);
    CHECK(gone.error().message().find("unplugged") != std::string::npos);
    auto early = camera->start(320, 240, 30);
    REQUIRE_FALSE(early);
    CHECK(early.error().code() == ErrorCode::Transient);
    std::this_thread::sleep_for(std::chrono::milliseconds(350));
    REQUIRE(camera->start(320, 240, 30));
    CHECK(camera->nextFrame(1.0));
}

TEST_CASE("the file camera replays a directory of stills, and a vanished file is a clear error", "[camera][file]") {
    TempDir dir;
    image::GrayImage a(64, 48, 10), b(64, 48, 200);
    REQUIRE(image::savePng(a, dir / "1.png"));
    REQUIRE(image::savePng(b, dir / "2.png"));
    std::ofstream(dir / "notes.txt") << "not an image";
    auto backend = makeFileBackend(dir.path().string(), 100);
    auto camera = openOnly(*backend);
    REQUIRE(camera->start(0, 0, 100));
    std::vector<uint8_t> seen;
    for (int i = 0; i < 4; ++i) {
        auto frame = camera->nextFrame(1.0);
        REQUIRE(frame);
        seen.push_back(frame->image.at(0, 0));
    }
    CHECK(seen == std::vector<uint8_t>{10, 200, 10, 200});
    std::filesystem::remove(dir / "1.png");
    auto missing = camera->nextFrame(1.0);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code() == ErrorCode::Transient);

    TempDir empty;
    auto none = makeFileBackend(empty.path().string())->open(empty.path().string());
    REQUIRE_FALSE(none);
    CHECK(none.error().message().find("no PNG") != std::string::npos);
    CHECK(makeFileBackend("/nonexistent/dir")->enumerate()->empty());
}

TEST_CASE("V4L2 and libcamera enumerate what is attached, zero cameras included, and refuse what is not a camera",
          "[camera][hardware]") {
    auto v4l2 = makeV4l2Backend();
    auto cameras = v4l2->enumerate();
    REQUIRE(cameras);  // none here in CI: an empty list, not an error
    for (const auto& c : *cameras) CHECK(c.backend == "v4l2");
    auto notCamera = v4l2->open("/dev/null");
    REQUIRE_FALSE(notCamera);
    CHECK(notCamera.error().code() == ErrorCode::NotFound);
    CHECK_FALSE(v4l2->open("/dev/video-nonexistent"));

    auto lc = makeLibcameraBackend();
    auto listed = lc->enumerate();
    if (listed) {
        for (const auto& c : *listed) CHECK(c.backend == "libcamera");
    } else {
        CHECK(listed.error().code() == ErrorCode::MissingResource);
    }
    CHECK_FALSE(lc->open("no-such-camera"));
}

TEST_CASE("the configured backend is named plainly, and an unknown name lists the choices", "[camera]") {
    CHECK(std::string((*backendNamed("synthetic"))->name()) == "synthetic");
    CHECK(std::string((*backendNamed("v4l2"))->name()) == "v4l2");
    CHECK(std::string((*backendNamed("file:/tmp"))->name()) == "file");
    REQUIRE(backendNamed("auto"));
    for (const char* bad : {"", "none", "file:", "webcam", "synthetic\n"}) {
        auto b = backendNamed(bad);
        REQUIRE_FALSE(b);
        CHECK(b.error().message().find("auto, libcamera, v4l2, synthetic, file:DIRECTORY") != std::string::npos);
    }
}
