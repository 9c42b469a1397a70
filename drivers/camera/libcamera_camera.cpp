// libcamera: the camera stack of the design's boards (and, through its UVC pipeline, of USB
// webcams). A viewfinder stream in YUV 4:2:0, whose first plane is the gray image; completed
// requests are copied out under a lock and queued again at once.
#include <sys/mman.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

#include <libcamera/libcamera.h>

#include "drivers/camera/camera.hpp"

namespace dc::camera {
namespace {

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// One manager per process (libcamera allows no more), started on first use.
libcamera::CameraManager* manager(std::string* error) {
    static std::unique_ptr<libcamera::CameraManager> instance;
    static int started = -1;
    static std::mutex m;
    std::lock_guard lock(m);
    if (started < 0) {
        instance = std::make_unique<libcamera::CameraManager>();
        started = instance->start();
    }
    if (started != 0) {
        if (error) *error = "libcamera did not start (" + std::to_string(started) + ")";
        return nullptr;
    }
    return instance.get();
}

class LibcameraCamera final : public Camera {
public:
    LibcameraCamera(std::shared_ptr<libcamera::Camera> camera, CameraInfo info)
        : m_camera(std::move(camera)), m_info(std::move(info)) {}
    ~LibcameraCamera() override {
        stop();
        m_camera->release();
    }
    const CameraInfo& info() const override { return m_info; }

    Expected<void> start(int width, int height, double) override {
        stop();
        auto config = m_camera->generateConfiguration({libcamera::StreamRole::Viewfinder});
        if (!config || config->empty()) return fail(ErrorCode::IoError, m_info.name + ": no viewfinder stream");
        libcamera::StreamConfiguration& sc = config->at(0);
        sc.pixelFormat = libcamera::formats::YUV420;
        sc.size = {static_cast<unsigned>(width), static_cast<unsigned>(height)};
        sc.bufferCount = 4;
        if (config->validate() == libcamera::CameraConfiguration::Invalid || sc.pixelFormat != libcamera::formats::YUV420)
            return fail(ErrorCode::IoError, m_info.name + ": the camera offers no YUV 4:2:0 stream");
        if (m_camera->configure(config.get()) < 0)
            return fail(ErrorCode::Transient, m_info.name + ": could not be configured (unplugged?)");
        m_width = static_cast<int>(sc.size.width), m_height = static_cast<int>(sc.size.height),
        m_stride = static_cast<int>(sc.stride);
        m_stream = sc.stream();
        m_allocator = std::make_unique<libcamera::FrameBufferAllocator>(m_camera);
        if (m_allocator->allocate(m_stream) < 0) return fail(ErrorCode::IoError, m_info.name + ": no frame buffers");
        for (const auto& buffer : m_allocator->buffers(m_stream)) {
            const auto& plane = buffer->planes()[0];
            void* p = mmap(nullptr, plane.length, PROT_READ, MAP_SHARED, plane.fd.get(), plane.offset);
            if (p == MAP_FAILED) return fail(ErrorCode::IoError, m_info.name + ": a frame buffer could not be mapped");
            m_maps[buffer.get()] = {p, plane.length};
            auto request = m_camera->createRequest();
            if (!request || request->addBuffer(m_stream, buffer.get()) < 0)
                return fail(ErrorCode::IoError, m_info.name + ": a capture request could not be made");
            m_requests.push_back(std::move(request));
        }
        m_camera->requestCompleted.connect(this, &LibcameraCamera::completed);
        if (m_camera->start() < 0) return fail(ErrorCode::Transient, m_info.name + ": did not start");
        m_running = true;
        for (auto& r : m_requests) m_camera->queueRequest(r.get());
        m_sequence = 0;
        return {};
    }

    void stop() override {
        if (!m_running && !m_allocator) return;
        if (m_running) m_camera->stop();
        m_running = false;
        m_camera->requestCompleted.disconnect(this, &LibcameraCamera::completed);
        m_requests.clear();
        for (auto& [buffer, map] : m_maps) munmap(map.first, map.second);
        m_maps.clear();
        m_allocator.reset();
        std::lock_guard lock(m_mutex);
        m_frames.clear();
    }

    Expected<Frame> nextFrame(double timeoutSeconds) override {
        std::unique_lock lock(m_mutex);
        if (!m_running) return fail(ErrorCode::Refused, "the camera is not started");
        if (!m_ready.wait_for(lock, std::chrono::duration<double>(timeoutSeconds), [&] { return !m_frames.empty() || m_gone; }))
            return fail(ErrorCode::Transient, "no frame within the time allowed");
        if (m_gone) return fail(ErrorCode::Transient, "the camera " + m_info.name + " was unplugged or stopped answering");
        Frame f = std::move(m_frames.front());
        m_frames.pop_front();
        return f;
    }

private:
    void completed(libcamera::Request* request) {
        if (request->status() == libcamera::Request::RequestCancelled) {
            std::lock_guard lock(m_mutex);
            m_gone = m_running;
            m_ready.notify_all();
            return;
        }
        libcamera::FrameBuffer* buffer = request->buffers().begin()->second;
        const auto& map = m_maps[buffer];
        Frame f;
        f.image = image::GrayImage(m_width, m_height);
        const auto* src = static_cast<const uint8_t*>(map.first);
        if (static_cast<size_t>(m_stride) * static_cast<size_t>(m_height) <= map.second)
            for (int y = 0; y < m_height; ++y)
                std::copy_n(src + static_cast<size_t>(y) * static_cast<size_t>(m_stride), m_width, &f.image.at(0, y));
        f.seconds = now();
        {
            std::lock_guard lock(m_mutex);
            f.sequence = m_sequence++;
            if (m_frames.size() >= 2) m_frames.pop_front();  // the reader wants the newest, not a backlog
            m_frames.push_back(std::move(f));
        }
        m_ready.notify_all();
        request->reuse(libcamera::Request::ReuseBuffers);
        if (m_running) m_camera->queueRequest(request);
    }

    std::shared_ptr<libcamera::Camera> m_camera;
    CameraInfo m_info;
    libcamera::Stream* m_stream = nullptr;
    std::unique_ptr<libcamera::FrameBufferAllocator> m_allocator;
    std::vector<std::unique_ptr<libcamera::Request>> m_requests;
    std::map<const libcamera::FrameBuffer*, std::pair<void*, size_t>> m_maps;
    int m_width = 0, m_height = 0, m_stride = 0;
    bool m_running = false, m_gone = false;
    uint64_t m_sequence = 0;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Frame> m_frames;
};

class LibcameraBackend final : public Backend {
public:
    const char* name() const override { return "libcamera"; }
    Expected<std::vector<CameraInfo>> enumerate() override {
        std::string error;
        auto* m = manager(&error);
        if (!m) return fail(ErrorCode::MissingResource, error);
        std::vector<CameraInfo> out;
        for (const auto& c : m->cameras()) out.push_back({c->id(), c->id(), "libcamera"});
        return out;
    }
    Expected<std::unique_ptr<Camera>> open(const std::string& id) override {
        std::string error;
        auto* m = manager(&error);
        if (!m) return fail(ErrorCode::MissingResource, error);
        auto camera = m->get(id);
        if (!camera) return fail(ErrorCode::NotFound, "libcamera has no camera '" + id.substr(0, 200) + "'");
        if (camera->acquire() < 0) return fail(ErrorCode::Transient, "the camera " + id + " is in use by another program");
        return std::unique_ptr<Camera>(new LibcameraCamera(camera, {id, id, "libcamera"}));
    }
};

}  // namespace

std::unique_ptr<Backend> makeLibcameraBackend() { return std::make_unique<LibcameraBackend>(); }

Expected<std::unique_ptr<Backend>> backendNamed(const std::string& name) {
    if (name == "libcamera") return makeLibcameraBackend();
    if (name == "v4l2") return makeV4l2Backend();
    if (name == "synthetic") return makeSyntheticBackend();
    if (name.rfind("file:", 0) == 0 && name.size() > 5) return makeFileBackend(name.substr(5));
    if (name == "auto") {
        auto lc = makeLibcameraBackend();
        if (auto found = lc->enumerate(); found && !found->empty()) return lc;
        return makeV4l2Backend();
    }
    return fail(ErrorCode::InvalidInput,
                "camera backend '" + name.substr(0, 40) + "' is not one of: auto, libcamera, v4l2, synthetic, file:DIRECTORY");
}

}  // namespace dc::camera
