#pragma once
// The jobseeker's ID capture on the kiosk's camera: a session on a thread of its own streams
// frames through idread::DocumentCapture and posts to the UI thread, per frame, a small preview
// and what to tell the person, and at the end what was read with a JPEG of the document. Frames
// and the picture stay in memory; the store seals the picture when the application is saved.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/services/main_thread_queue.hpp"
#include "app/ui/jobseeker/id_capture/id_capture.hpp"

namespace dc::idread {
struct MrzData;
class MrzReader;
}  // namespace dc::idread

namespace dc::app {

// "NINO" "BERIDZE" -> "Nino Beridze", with the document's number and date of birth.
ui::IdReading idReadingFrom(const idread::MrzData& data);

class CameraIdCapture final : public ui::IdCamera {
public:
    CameraIdCapture(std::string backend, std::string device, services::MainThreadQueue& results);
    ~CameraIdCapture() override;  // ends the session and waits for its thread

    void start(std::function<void(ui::CaptureUpdate)> update) override;
    void stop() override;

    // A session ends on its own after this long without a reading (the screen offers to try
    // again or type); tests shorten it.
    void setGiveUpSeconds(double seconds) { m_giveUpSeconds = seconds; }

private:
    // What the UI thread and its posted closures share: a closure from an ended session sees
    // that its generation is no longer current and does nothing.
    struct Listener {
        uint64_t generation = 0;
        std::function<void(ui::CaptureUpdate)> update;
    };
    void run(uint64_t generation, std::shared_ptr<std::atomic<bool>> cancelled);
    void post(uint64_t generation, ui::CaptureUpdate update);
    void joinFinished(bool all);

    std::string m_backend, m_device;
    services::MainThreadQueue& m_results;
    double m_giveUpSeconds = 60;
    std::shared_ptr<Listener> m_listener = std::make_shared<Listener>();  // UI thread only
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    struct Session {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    std::vector<Session> m_sessions;
    std::mutex m_readerMutex;
    std::shared_ptr<const idread::MrzReader> m_reader;  // trained once, on the first session's thread
};

}  // namespace dc::app
