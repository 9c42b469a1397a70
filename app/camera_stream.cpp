#include "app/camera_stream.hpp"

#include <chrono>

#include "drivers/camera/camera.hpp"

namespace dc::app {

Expected<CameraRun> streamCamera(const std::string& backendName, const std::string& deviceId, double seconds,
                                 const std::function<bool(const image::GrayImage&)>& onFrame) {
    auto backend = camera::backendNamed(backendName);
    if (!backend) return std::unexpected(backend.error());
    auto cameras = (*backend)->enumerate();
    if (!cameras) return std::unexpected(cameras.error());
    if (cameras->empty()) return fail(ErrorCode::MissingResource, "no camera found (" + backendName + ")");
    const std::string id = deviceId.empty() ? cameras->front().id : deviceId;
    auto cam = (*backend)->open(id);
    if (!cam) return std::unexpected(cam.error());
    if (auto started = (*cam)->start(1280, 720, 15); !started) return std::unexpected(started.error());
    CameraRun run{(*cam)->info().name, 0};
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        auto frame = (*cam)->nextFrame(2.0);
        if (!frame) {
            (*cam)->stop();
            return std::unexpected(frame.error());
        }
        ++run.frames;
        if (onFrame(frame->image)) break;
    }
    (*cam)->stop();
    return run;
}

}  // namespace dc::app
