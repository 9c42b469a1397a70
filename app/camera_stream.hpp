#pragma once
// Streaming from the device's configured camera, for whatever reads its frames: the jobseeker's
// ID capture, the clerk's ID read, the receipt QR scan and the technician's camera test.
#include <functional>
#include <string>

#include "common/error.hpp"
#include "drivers/image/gray_image.hpp"

namespace dc::app {

struct CameraRun {
    std::string cameraName;
    int frames = 0;
};

// Streams 1280x720 frames from the configured camera (`deviceId` empty: the first one found) for
// up to `seconds`, handing each to `onFrame` until it returns true. Blocks: call it on a thread
// of its own. Frames never leave memory.
Expected<CameraRun> streamCamera(const std::string& backendName, const std::string& deviceId, double seconds,
                                 const std::function<bool(const image::GrayImage&)>& onFrame);

}  // namespace dc::app
