// The file camera: a directory of stills replayed as frames, in name order, looping.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "drivers/camera/camera.hpp"

namespace dc::camera {
namespace {

bool isImage(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".pgm";
}

class FileCamera final : public Camera {
public:
    FileCamera(std::vector<std::filesystem::path> files, double fps, CameraInfo info)
        : m_files(std::move(files)), m_period(1.0 / fps), m_info(std::move(info)) {}
    const CameraInfo& info() const override { return m_info; }
    Expected<void> start(int, int, double fps) override {
        if (fps > 0) m_period = 1.0 / fps;
        m_running = true;
        m_sequence = 0;
        m_next = std::chrono::steady_clock::now();
        return {};
    }
    void stop() override { m_running = false; }
    Expected<Frame> nextFrame(double timeoutSeconds) override {
        if (!m_running) return fail(ErrorCode::Refused, "the camera is not started");
        const auto wait = m_next - std::chrono::steady_clock::now();
        if (std::chrono::duration<double>(wait).count() > timeoutSeconds)
            return fail(ErrorCode::Transient, "no frame within the time allowed");
        if (wait.count() > 0) std::this_thread::sleep_for(wait);
        m_next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(m_period));
        const auto& file = m_files[m_sequence % m_files.size()];
        // A file that went away or is not an image is what an unplugged camera is to the caller.
        auto image = image::loadImage(file);
        if (!image) return fail(ErrorCode::Transient, image.error().message());
        Frame f;
        f.image = std::move(*image);
        f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
        f.sequence = m_sequence++;
        return f;
    }

private:
    std::vector<std::filesystem::path> m_files;
    double m_period;
    CameraInfo m_info;
    bool m_running = false;
    uint64_t m_sequence = 0;
    std::chrono::steady_clock::time_point m_next;
};

class FileBackend final : public Backend {
public:
    FileBackend(std::string dir, double fps) : m_dir(std::move(dir)), m_fps(fps > 0 ? fps : 10) {}
    const char* name() const override { return "file"; }
    Expected<std::vector<CameraInfo>> enumerate() override {
        std::error_code ec;
        if (!std::filesystem::is_directory(m_dir, ec)) return std::vector<CameraInfo>{};
        return std::vector<CameraInfo>{{m_dir, "Images in " + m_dir, "file"}};
    }
    Expected<std::unique_ptr<Camera>> open(const std::string& id) override {
        if (id != m_dir) return fail(ErrorCode::NotFound, "no file camera named '" + id.substr(0, 200) + "'");
        std::vector<std::filesystem::path> files;
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(m_dir, ec))
            if (e.is_regular_file() && isImage(e.path())) files.push_back(e.path());
        if (ec) return fail(ErrorCode::IoError, m_dir + ": " + ec.message());
        if (files.empty()) return fail(ErrorCode::NotFound, m_dir + " holds no PNG, JPEG or BMP images");
        std::sort(files.begin(), files.end());
        return std::unique_ptr<Camera>(new FileCamera(std::move(files), m_fps, {m_dir, "Images in " + m_dir, "file"}));
    }

private:
    std::string m_dir;
    double m_fps;
};

}  // namespace

std::unique_ptr<Backend> makeFileBackend(const std::string& directory, double fps) {
    return std::make_unique<FileBackend>(directory, fps);
}

}  // namespace dc::camera
