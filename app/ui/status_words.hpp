#pragma once
// The words for states the kiosk shows in several places (My status, the clerk's list, printed
// receipts, Help's delivery card): one mapping each, so they never drift apart.
#include <string>

#include "store/jobseeker_actions.hpp"
#include "app/ui/i18n.hpp"
#include "app/ui/kiosk_state.hpp"
#include "app/ui/ui_context.hpp"

namespace dc::ui {

Msg statusMsg(store::ActionStatus status);
// "Saved here, ...", "On the waiting list, place 3." (with the place when there is one).
std::string statusText(Language language, store::ActionStatus status, std::optional<int64_t> waitlistPosition);
Msg kindMsg(const std::string& kind);  // "application", "enrollment", "registration"
Msg deliveryMsg(DeliveryInfo::State state);
// Why the job list is empty when the kiosk holds no job at all: the first catalog is on its way,
// the office cannot be reached now, or no office is set up.
Msg emptyCatalogMsg(DeliveryInfo::State state);
// "Nino is coming to help you. Please wait here." in the language.
std::string clerkComingText(Language language, const std::string& name);
// The kiosk's own copy of a status, dated: "... this kiosk knew on 2026-12-03 09:14."
std::string localCopyText(Language language, const std::string& updatedAt);
// What the ID capture screen says (and speaks) to the person holding their document.
Msg captureHintMsg(CaptureHint hint);

// The card saying whether what people send here has reached the office, with "Send now".
// True when "Send now" was touched.
bool deliveryCard(UiContext& ctx, const DeliveryInfo& delivery);

}  // namespace dc::ui
