#pragma once
// Reading an ID document for the application form: consent, the camera's live view, the reading
// to check, or a failure.
#include <cstdint>
#include <optional>

#include "app/ui/jobseeker/id_capture/id_capture.hpp"

namespace dc::ui {

struct IdCaptureView {
    enum class Step { Consent, Camera, Check, Failed } step = Step::Consent;
    CaptureHint hint = CaptureHint::Starting;
    uintptr_t preview = 0;  // the camera's latest frame as a texture (0: none yet)
    int previewWidth = 0, previewHeight = 0;
    std::optional<IdReading> reading;  // Check: what the camera read, for the person to confirm
};

struct IdCaptureState {
    bool canReadId = false;  // a camera is configured: the application form offers to read an ID
    IdCaptureView idCapture;
};

struct IdCaptureActions {
    bool readId = false;  // the form's "Fill in from my ID": the consent comes first
    bool addDocument = false;  // the form's "Add my ID document number" (no camera)
    bool startCamera = false;  // consent given (or "Read again"): the camera starts
    bool useReading = false;  // the reading is right: onto the form
    bool typeDocument = false;  // no camera for this: back to the form, typing the number
};

}  // namespace dc::ui
