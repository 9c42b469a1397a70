#include "app/id_camera.hpp"

#include <cctype>

#include "app/camera_stream.hpp"
#include "drivers/idread/document_capture.hpp"

namespace dc::app {
namespace {

// The preview is for the person's eye, not the reader's: about 640 pixels wide is plenty.
constexpr int kPreviewWidth = 640;

ui::CaptureHint hintFor(idread::ReadHint hint) {
    switch (hint) {
        case idread::ReadHint::None: return ui::CaptureHint::Reading;
        case idread::ReadHint::NoDocument: return ui::CaptureHint::NoDocument;
        case idread::ReadHint::MoveCloser: return ui::CaptureHint::MoveCloser;
        case idread::ReadHint::HoldStill: return ui::CaptureHint::HoldStill;
        case idread::ReadHint::TooMuchGlare: return ui::CaptureHint::TooMuchGlare;
        case idread::ReadHint::Unreadable: return ui::CaptureHint::Unreadable;
    }
    return ui::CaptureHint::NoDocument;
}

ui::CapturePreview previewOf(const image::GrayImage& frame) {
    const int factor = std::max(1, frame.width / kPreviewWidth);
    image::GrayImage small = factor > 1 ? image::downscale(frame, factor) : frame;
    return {small.width, small.height, std::move(small.pixels)};
}

std::string capitalised(const std::string& mrzName) {
    std::string out;
    bool wordStart = true;
    for (char c : mrzName) {
        out += wordStart ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        wordStart = c == ' ' || c == '-';
    }
    return out;
}

}  // namespace

ui::IdReading idReadingFrom(const idread::MrzData& data) {
    const std::string name = data.givenNames + (data.givenNames.empty() ? "" : " ") + data.surname;
    return {capitalised(name), data.documentNumber, data.birthDateIso};
}

CameraIdCapture::CameraIdCapture(std::string backend, std::string device, services::MainThreadQueue& results)
    : m_backend(std::move(backend)), m_device(std::move(device)), m_results(results) {}

CameraIdCapture::~CameraIdCapture() {
    stop();
    joinFinished(true);
}

void CameraIdCapture::start(std::function<void(ui::CaptureUpdate)> update) {
    stop();
    joinFinished(false);
    m_listener->update = std::move(update);
    const uint64_t generation = ++m_listener->generation;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    auto finished = std::make_shared<std::atomic<bool>>(false);
    m_sessions.push_back({std::thread([this, generation, cancelled = m_cancelled, finished] {
                              run(generation, cancelled);
                              *finished = true;
                          }),
                          finished});
}

void CameraIdCapture::stop() {
    ++m_listener->generation;  // whatever the session posted from now on is dropped
    m_listener->update = nullptr;
    if (m_cancelled) *m_cancelled = true;  // its thread ends after the frame in hand
}

void CameraIdCapture::joinFinished(bool all) {
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (all || *it->finished) {
            it->thread.join();
            it = m_sessions.erase(it);
        } else {
            ++it;
        }
    }
}

void CameraIdCapture::post(uint64_t generation, ui::CaptureUpdate update) {
    m_results.post([listener = std::weak_ptr<Listener>(m_listener), generation, update = std::move(update)]() mutable {
        auto l = listener.lock();
        if (l && l->generation == generation && l->update) l->update(std::move(update));
    });
}

void CameraIdCapture::run(uint64_t generation, std::shared_ptr<std::atomic<bool>> cancelled) {
    auto failed = [&](std::string why) {
        ui::CaptureUpdate u;
        u.hint = ui::CaptureHint::NoDocument;
        u.failed = std::move(why);
        post(generation, std::move(u));
    };
    std::shared_ptr<const idread::MrzReader> reader;
    {
        std::lock_guard lock(m_readerMutex);
        if (!m_reader) {
            auto opened = idread::MrzReader::open();
            if (!opened) return failed(opened.error().message());
            m_reader = std::shared_ptr<const idread::MrzReader>(std::move(*opened));
        }
        reader = m_reader;
    }
    idread::DocumentCapture capture(*reader);
    bool read = false;
    auto run = streamCamera(m_backend, m_device, m_giveUpSeconds, [&](const image::GrayImage& frame) {
        if (*cancelled) return true;
        idread::CaptureStep step = capture.add(frame);
        ui::CaptureUpdate u;
        u.preview = previewOf(frame);
        u.hint = hintFor(step.hint);
        if (step.confirmed) {
            u.reading = idReadingFrom(*step.confirmed);
            if (auto jpeg = image::encodeJpeg(step.documentCrop.empty() ? frame : step.documentCrop))
                u.reading->photo = std::move(*jpeg);
        }
        read = u.reading.has_value();
        post(generation, std::move(u));
        return read;
    });
    if (!run) return failed("camera: " + run.error().message());
    if (!read && !*cancelled) failed("no document was read in " + std::to_string(run->frames) + " frames");
}

}  // namespace dc::app
