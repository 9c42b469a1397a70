// V4L2 through libv4l2 (which converts whatever the webcam sends, MJPEG included, to planar
// YUV 4:2:0: its first plane is the gray image). Memory-mapped buffers, poll() with a timeout.
#include <fcntl.h>
#include <libv4l2.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>

#include "drivers/camera/camera.hpp"

namespace dc::camera {
namespace {

int xioctl(int fd, unsigned long request, void* arg) {
    int r;
    do r = v4l2_ioctl(fd, request, arg);
    while (r == -1 && errno == EINTR);
    return r;
}

std::string errnoText(const std::string& what) { return what + ": " + std::strerror(errno); }

// A capture device's name, or nothing when `path` is not one.
std::optional<CameraInfo> probe(const std::string& path) {
    const int fd = v4l2_open(path.c_str(), O_RDWR | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    v4l2_capability cap{};
    std::optional<CameraInfo> out;
    if (xioctl(fd, VIDIOC_QUERYCAP, &cap) == 0) {
        const uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
        if ((caps & V4L2_CAP_VIDEO_CAPTURE) && (caps & V4L2_CAP_STREAMING))
            out = CameraInfo{
                path,
                std::string(reinterpret_cast<const char*>(cap.card)) + " (" + reinterpret_cast<const char*>(cap.bus_info) + ")",
                "v4l2"};
    }
    v4l2_close(fd);
    return out;
}

class V4l2Camera final : public Camera {
public:
    explicit V4l2Camera(CameraInfo info) : m_info(std::move(info)) {}
    ~V4l2Camera() override { stop(); }
    const CameraInfo& info() const override { return m_info; }

    Expected<void> start(int width, int height, double fps) override {
        stop();
        m_fd = v4l2_open(m_info.id.c_str(), O_RDWR | O_NONBLOCK);
        if (m_fd < 0)
            return fail(errno == ENOENT || errno == ENODEV ? ErrorCode::Transient : ErrorCode::IoError,
                        errnoText(m_info.id + " cannot be opened (is the camera plugged in?)"));
        v4l2_format fmt{};
        fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        fmt.fmt.pix.width = static_cast<uint32_t>(width);
        fmt.fmt.pix.height = static_cast<uint32_t>(height);
        fmt.fmt.pix.pixelformat = V4L2_PIX_FMT_YUV420;
        fmt.fmt.pix.field = V4L2_FIELD_NONE;
        if (xioctl(m_fd, VIDIOC_S_FMT, &fmt) < 0) return failAndStop(errnoText("the camera refused the image format"));
        m_width = static_cast<int>(fmt.fmt.pix.width), m_height = static_cast<int>(fmt.fmt.pix.height);
        m_stride = static_cast<int>(fmt.fmt.pix.bytesperline ? fmt.fmt.pix.bytesperline : fmt.fmt.pix.width);
        if (fps > 0) {
            v4l2_streamparm parm{};
            parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            parm.parm.capture.timeperframe = {1, static_cast<uint32_t>(fps)};
            xioctl(m_fd, VIDIOC_S_PARM, &parm);  // a hint: some cameras have fixed rates
        }
        v4l2_requestbuffers req{};
        req.count = 4;
        req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        req.memory = V4L2_MEMORY_MMAP;
        if (xioctl(m_fd, VIDIOC_REQBUFS, &req) < 0 || req.count < 2) return failAndStop(errnoText("no capture buffers"));
        for (uint32_t i = 0; i < req.count; ++i) {
            v4l2_buffer buf{};
            buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            buf.memory = V4L2_MEMORY_MMAP;
            buf.index = i;
            if (xioctl(m_fd, VIDIOC_QUERYBUF, &buf) < 0) return failAndStop(errnoText("a capture buffer"));
            void* p = v4l2_mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, buf.m.offset);
            if (p == MAP_FAILED) return failAndStop(errnoText("mapping a capture buffer"));
            m_buffers.push_back({p, buf.length});
            if (xioctl(m_fd, VIDIOC_QBUF, &buf) < 0) return failAndStop(errnoText("queueing a capture buffer"));
        }
        v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        if (xioctl(m_fd, VIDIOC_STREAMON, &type) < 0) return failAndStop(errnoText("the camera did not start"));
        m_sequence = 0;
        return {};
    }

    void stop() override {
        if (m_fd < 0) return;
        v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        xioctl(m_fd, VIDIOC_STREAMOFF, &type);
        for (auto [p, n] : m_buffers) v4l2_munmap(p, n);
        m_buffers.clear();
        v4l2_close(m_fd);
        m_fd = -1;
    }

    Expected<Frame> nextFrame(double timeoutSeconds) override {
        if (m_fd < 0) return fail(ErrorCode::Refused, "the camera is not started");
        pollfd pfd{m_fd, POLLIN, 0};
        const int ready = poll(&pfd, 1, static_cast<int>(timeoutSeconds * 1000));
        if (ready == 0) return fail(ErrorCode::Transient, "no frame within the time allowed");
        if (ready < 0 || (pfd.revents & (POLLERR | POLLHUP))) return unplugged();
        v4l2_buffer buf{};
        buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4L2_MEMORY_MMAP;
        if (xioctl(m_fd, VIDIOC_DQBUF, &buf) < 0) {
            if (errno == EAGAIN) return fail(ErrorCode::Transient, "no frame within the time allowed");
            return unplugged();
        }
        Frame f;
        f.image = image::GrayImage(m_width, m_height);
        const auto* src = static_cast<const uint8_t*>(m_buffers[buf.index].first);
        const size_t need = static_cast<size_t>(m_stride) * static_cast<size_t>(m_height - 1) + static_cast<size_t>(m_width);
        if (buf.bytesused >= need)
            for (int y = 0; y < m_height; ++y)
                std::memcpy(&f.image.at(0, y), src + static_cast<size_t>(y) * static_cast<size_t>(m_stride),
                            static_cast<size_t>(m_width));
        xioctl(m_fd, VIDIOC_QBUF, &buf);
        f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
        f.sequence = m_sequence++;
        return f;
    }

private:
    std::unexpected<Error> failAndStop(const std::string& why) {
        stop();
        return fail(ErrorCode::IoError, m_info.id + ": " + why);
    }
    std::unexpected<Error> unplugged() {
        stop();
        return fail(ErrorCode::Transient, "the camera " + m_info.name + " was unplugged or stopped answering");
    }

    CameraInfo m_info;
    int m_fd = -1;
    int m_width = 0, m_height = 0, m_stride = 0;
    uint64_t m_sequence = 0;
    std::vector<std::pair<void*, size_t>> m_buffers;
};

class V4l2Backend final : public Backend {
public:
    const char* name() const override { return "v4l2"; }
    Expected<std::vector<CameraInfo>> enumerate() override {
        std::vector<std::string> nodes;
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator("/dev", ec))
            if (e.path().filename().string().rfind("video", 0) == 0) nodes.push_back(e.path().string());
        std::sort(nodes.begin(), nodes.end());
        std::vector<CameraInfo> out;
        for (const auto& n : nodes)
            if (auto info = probe(n)) out.push_back(*info);
        return out;  // none is an answer, not an error
    }
    Expected<std::unique_ptr<Camera>> open(const std::string& id) override {
        auto info = probe(id);
        if (!info) return fail(ErrorCode::NotFound, id.substr(0, 200) + " is not a video capture device");
        return std::unique_ptr<Camera>(new V4l2Camera(*info));
    }
};

}  // namespace

std::unique_ptr<Backend> makeV4l2Backend() { return std::make_unique<V4l2Backend>(); }

}  // namespace dc::camera
