#pragma once
// The words for states the kiosk shows in several places (My status, the clerk's list, printed
// receipts, Help's delivery card): one mapping each, so they never drift apart.
#include <string>

#include "domain/actions.hpp"
#include "domain/person.hpp"
#include "app/ui/kit/i18n.hpp"
#include "app/ui/jobseeker/kiosk_state.hpp"
#include "app/ui/kit/ui_context.hpp"

namespace dc::ui {

Msg statusMsg(domain::ActionStatus status);
// "Saved here, ...", "On the waiting list, place 3." (with the place when there is one).
std::string statusText(Language language, domain::ActionStatus status, std::optional<int64_t> waitlistPosition);
Msg kindMsg(const std::string& kind);  // "application", "enrollment", "registration"
Msg deliveryMsg(DeliveryInfo::State state);
// Why the job list is empty when the kiosk holds no job at all: the first catalog is on its way,
// the office cannot be reached now, or no office is set up.
Msg emptyCatalogMsg(DeliveryInfo::State state);
// "Nino is coming to help you. Please wait here." in the language.
std::string clerkComingText(Language language, const std::string& name);
// The kiosk's own copy of a status, dated: "... this kiosk knew on 2026-12-03 09:14."
std::string localCopyText(Language language, const std::string& updatedAt);
// What a form says when a field breaks its rule (domain/person.hpp): "Please check the phone number."
Msg problemMsg(domain::PersonField field);
// The sentence for a field's problem: a letter the kiosk cannot show and a note too long have
// their own words; anything else is the field's.
Msg problemMsg(const domain::FieldProblem& problem);
// What the ID capture screen says (and speaks) to the person holding their document.
Msg captureHintMsg(CaptureHint hint);

// The card saying whether what people send here has reached the office, with "Send now".
// True when "Send now" was touched.
bool deliveryCard(UiContext& ctx, const DeliveryInfo& delivery);

}  // namespace dc::ui
