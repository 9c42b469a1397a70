// The synthetic camera: DocumentRenderer's scenes as a camera would deliver them, paced in real
// time (or as fast as drawn, for tests), with a desk-only start, a document held with a little
// hand shake, and an optional unplug.
#include <chrono>
#include <random>
#include <optional>
#include <thread>

#include "drivers/camera/camera.hpp"
#include "drivers/idread/synthetic_document.hpp"

namespace dc::camera {
namespace {

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

class SyntheticCamera final : public Camera {
public:
    SyntheticCamera(SyntheticOptions o, std::unique_ptr<idread::DocumentRenderer> renderer)
        : m_options(o), m_renderer(std::move(renderer)), m_info{"synthetic", "Synthetic document camera", "synthetic"} {}

    const CameraInfo& info() const override { return m_info; }

    Expected<void> start(int width, int height, double fps) override {
        if (width < 64 || height < 48 || width > 4096 || height > 4096)
            return fail(ErrorCode::InvalidInput, "the synthetic camera makes 64x48 to 4096x4096 frames");
        if (m_unpluggedUntil > now()) return fail(ErrorCode::Transient, "the camera is unplugged");
        m_width = width, m_height = height;
        m_period = 1.0 / (fps > 0 ? fps : m_options.fps);
        m_started = now();
        m_next = m_started;
        m_sequence = 0;
        m_running = true;
        return {};
    }
    void stop() override { m_running = false; }

    Expected<Frame> nextFrame(double timeoutSeconds) override {
        if (!m_running) return fail(ErrorCode::Refused, "the camera is not started");
        if (m_options.unplugAfterFrames > 0 && m_delivered == static_cast<uint64_t>(m_options.unplugAfterFrames)) {
            ++m_delivered;  // unplug once
            m_unpluggedUntil = now() + m_options.unpluggedSeconds;
            m_running = false;
            return fail(ErrorCode::Transient, "the camera was unplugged");
        }
        if (m_options.realTime) {
            const double wait = m_next - now();
            if (wait > timeoutSeconds) return fail(ErrorCode::Transient, "no frame within the time allowed");
            if (wait > 0) std::this_thread::sleep_for(std::chrono::duration<double>(wait));
        }
        const double t = m_options.realTime ? now() - m_started : static_cast<double>(m_sequence) * m_period;
        m_next += m_period;
        Frame f;
        f.seconds = now();
        f.sequence = m_sequence++;
        ++m_delivered;
        f.image = draw(t);
        return f;
    }

private:
    image::GrayImage draw(double t) {
        std::mt19937 rng(static_cast<uint32_t>(m_options.seed * 7919 + m_sequence));
        if (t < m_options.emptySeconds) {
            image::GrayImage desk(m_width, m_height);
            for (auto& p : desk.pixels) p = static_cast<uint8_t>(100 + rng() % 20);
            return desk;
        }
        const auto document = static_cast<uint64_t>((t - m_options.emptySeconds) / m_options.documentEverySeconds);
        if (!m_scene || document != m_document) {
            m_document = document;
            m_scene = m_renderer->scene(m_options.seed * 1000 + document, m_options.distortion,
                                        document % 2 ? idread::MrzFormat::TD3 : idread::MrzFormat::TD1, m_width, m_height);
            std::mt19937 docRng(static_cast<uint32_t>(m_options.seed + document));
            m_print = m_renderer->printDocument(m_scene->identity, docRng, m_scene->params);
        }
        // The hand: a little drift and shake around the scene's pose.
        idread::SceneParams p = m_scene->params;
        std::normal_distribution<double> shake(0, 0.004);
        p.centreX += shake(rng), p.centreY += shake(rng);
        p.rotationDegrees += shake(rng) * 40;
        return m_renderer->photograph(m_print, p, rng, m_width, m_height);
    }

    SyntheticOptions m_options;
    std::unique_ptr<idread::DocumentRenderer> m_renderer;
    CameraInfo m_info;
    int m_width = 1280, m_height = 720;
    double m_period = 1.0 / 15, m_started = 0, m_next = 0, m_unpluggedUntil = 0;
    uint64_t m_sequence = 0, m_delivered = 0, m_document = 0;
    bool m_running = false;
    std::optional<idread::Scene> m_scene;
    image::GrayImage m_print;
};

class SyntheticBackend final : public Backend {
public:
    explicit SyntheticBackend(SyntheticOptions o) : m_options(o) {}
    const char* name() const override { return "synthetic"; }
    Expected<std::vector<CameraInfo>> enumerate() override {
        return std::vector<CameraInfo>{{"synthetic", "Synthetic document camera", "synthetic"}};
    }
    Expected<std::unique_ptr<Camera>> open(const std::string& id) override {
        if (id != "synthetic") return fail(ErrorCode::NotFound, "no synthetic camera named '" + id.substr(0, 80) + "'");
        DC_TRY(renderer, idread::DocumentRenderer::open());
        return std::unique_ptr<Camera>(new SyntheticCamera(m_options, std::move(*renderer)));
    }

private:
    SyntheticOptions m_options;
};

}  // namespace

std::unique_ptr<Backend> makeSyntheticBackend(SyntheticOptions options) { return std::make_unique<SyntheticBackend>(options); }

}  // namespace dc::camera
