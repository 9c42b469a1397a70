#pragma once
// ID capture as the UI sees it: a camera session that sends back a small preview of each frame
// and what the person holding the document should do, and at its end what was read and a
// picture of the document. The app runs it on a thread of its own (app/id_camera.cpp); the
// views never see a camera.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dc::ui {

// What the camera read from an ID document's MRZ.
struct IdReading {
    std::string name;  // "Nino Beridze": given names then surname, as the MRZ spells them
    std::string documentNumber;  // "12AB34567"
    std::string birthDate;  // "1990-04-25", empty when the MRZ has no full date
    std::string photo;  // the document as a JPEG, for the application or registration
};

struct CapturePreview {
    int width = 0, height = 0;
    std::vector<uint8_t> gray;  // row-major, width * height
};

// What the screen tells the person, in their language.
enum class CaptureHint { Starting, NoDocument, MoveCloser, HoldStill, TooMuchGlare, Unreadable, Reading };

struct CaptureUpdate {
    CapturePreview preview;  // the newest frame, small; empty when there is none
    CaptureHint hint = CaptureHint::Starting;
    std::optional<IdReading> reading;  // the document was read (with its picture): the session has ended
    std::optional<std::string> failed;  // the session ended without a reading (why, for the log)
};

class IdCamera {
public:
    virtual ~IdCamera() = default;
    // Starts a session; `update` runs on the UI thread for each frame until the session ends
    // with a reading or a failure (after about a minute without one), or stop() is called.
    virtual void start(std::function<void(CaptureUpdate)> update) = 0;
    // Ends the session; no update arrives after it returns. Frames never leave memory.
    virtual void stop() = 0;
};

}  // namespace dc::ui
