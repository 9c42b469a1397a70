#pragma once
// One entry per screen: the screen's title and the function that draws its content. Views read
// state and emit actions; they never call the store, the network or a device.
#include "app/ui/jobseeker/kiosk_state.hpp"
#include "app/ui/kit/screen_frame.hpp"
#include "app/ui/kit/ui_context.hpp"

namespace dc::ui {

using DrawView = void (*)(UiContext&, const KioskState&, EditBuffers&, Actions&);

struct ViewEntry {
    Screen screen;
    Msg title;
    DrawView draw;
};

const ViewEntry& viewFor(Screen screen);

void drawHome(UiContext&, const KioskState&, EditBuffers&, Actions&);
// The kiosk at rest: what it offers, in every language, and "touch to start"; all of it one target.
void drawAttract(UiContext& ctx, Actions& out);
void drawJobs(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawJobDetail(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawCourses(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawCourseDetail(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawApply(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawReview(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawReceipt(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawStatus(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawLanguage(UiContext&, const KioskState&, EditBuffers&, Actions&);
void drawHelp(UiContext&, const KioskState&, EditBuffers&, Actions&);
// Consent, the camera's view with a guide frame and what to do, the reading to confirm.
void drawIdCapture(UiContext&, const KioskState&, EditBuffers&, Actions&);

// An appliance started without its device configuration: what the technician does, in every
// language, and `facts` (version, the file awaited) on one line. Nothing to touch.
void drawNotProvisioned(UiContext& ctx, const std::string& facts);

// The idle warning over whatever is on screen: a countdown and a big "More time".
void drawIdleWarning(UiContext& ctx, const KioskState& state, Actions& out);

}  // namespace dc::ui
