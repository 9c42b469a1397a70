#pragma once
// Cameras behind one small interface, so the capture screen, the technician's camera test and the
// tests run the same code whatever is attached: libcamera (the design's camera stack), V4L2
// (plain USB webcams where libcamera is absent), a synthetic camera (documents drawn with
// realistic distortions, at a real frame rate) and a file replayer. Frames are gray: the MRZ
// and barcodes need nothing else, and a quarter of the memory of colour.
//
// A camera unplugged mid-capture makes nextFrame() fail with ErrorCode::Transient and a plain
// message; once the camera is back, start() works again. "No camera" is an empty list, never a
// crash.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "drivers/image/gray_image.hpp"

namespace dc::camera {

struct CameraInfo {
    std::string id;  // stable within a backend: "/dev/video0", a libcamera id, "synthetic"
    std::string name;  // what a technician reads: "HD Webcam C270 (usb-0000:00:14.0-1)"
    std::string backend;  // "libcamera", "v4l2", "synthetic", "file"
};

struct Frame {
    image::GrayImage image;
    double seconds = 0;  // capture time on the steady clock
    uint64_t sequence = 0;  // counts from 0 after start(); a gap means frames were dropped
};

// Controls a technician may set where the camera offers them (values as the driver defines).
enum class Control { Exposure, Focus, Gain };

class Camera {
public:
    virtual ~Camera() = default;
    virtual const CameraInfo& info() const = 0;
    // Starts streaming at about this size and rate (the camera picks its nearest mode).
    virtual Expected<void> start(int width, int height, double fps) = 0;
    virtual void stop() = 0;
    // The next frame, waiting up to `timeoutSeconds`. Transient errors: unplugged, timed out.
    virtual Expected<Frame> nextFrame(double timeoutSeconds) = 0;
    virtual std::vector<Control> controls() const { return {}; }
    virtual Expected<void> setControl(Control, double) { return fail(ErrorCode::Refused, "this camera has no such control"); }
};

class Backend {
public:
    virtual ~Backend() = default;
    virtual const char* name() const = 0;
    virtual Expected<std::vector<CameraInfo>> enumerate() = 0;
    virtual Expected<std::unique_ptr<Camera>> open(const std::string& id) = 0;
};

// The synthetic camera: a desk, then a document brought into view and held (a new one each
// `documentEverySeconds`), at `fps` frames a second; with `unplugAfterFrames` > 0 it "comes
// unplugged" after that many frames and returns after `unpluggedSeconds`.
struct SyntheticOptions {
    double fps = 15;
    double distortion = 0.3;
    double emptySeconds = 1.0;  // the desk alone before the document comes
    double documentEverySeconds = 8;
    uint64_t seed = 1;
    int unplugAfterFrames = 0;
    double unpluggedSeconds = 1.0;
    bool realTime = true;  // false: frames as fast as they are drawn (tests)
};
std::unique_ptr<Backend> makeSyntheticBackend(SyntheticOptions options = {});
// Replays the PNG/JPEG/BMP files of a directory in name order, looping, at `fps`.
std::unique_ptr<Backend> makeFileBackend(const std::string& directory, double fps = 10);
std::unique_ptr<Backend> makeV4l2Backend();
std::unique_ptr<Backend> makeLibcameraBackend();

// The backend a device's configuration names: "libcamera", "v4l2", "synthetic", "file:DIR", or
// "auto" (libcamera when it sees a camera, else V4L2). "none" and unknown names are errors that
// say what is accepted.
Expected<std::unique_ptr<Backend>> backendNamed(const std::string& name);

}  // namespace dc::camera
