#include "domain/actions.hpp"

namespace dc::domain {

ActionStatus actionStatusFromText(const std::string& text) {
    for (ActionStatus s : {ActionStatus::Submitted, ActionStatus::Accepted, ActionStatus::Rejected, ActionStatus::Confirmed,
                           ActionStatus::Waitlisted, ActionStatus::Cancelled, ActionStatus::Forwarded, ActionStatus::Invited,
                           ActionStatus::Hired, ActionStatus::NotSelected, ActionStatus::Withdrawn})
        if (text == actionStatusText(s)) return s;
    return ActionStatus::Pending;
}

const char* actionStatusText(ActionStatus status) {
    switch (status) {
        case ActionStatus::Forwarded: return "forwarded";
        case ActionStatus::Invited: return "invited";
        case ActionStatus::Hired: return "hired";
        case ActionStatus::NotSelected: return "not_selected";
        case ActionStatus::Withdrawn: return "withdrawn";
        case ActionStatus::Submitted: return "submitted";
        case ActionStatus::Accepted: return "accepted";
        case ActionStatus::Rejected: return "rejected";
        case ActionStatus::Confirmed: return "confirmed";
        case ActionStatus::Waitlisted: return "waitlisted";
        case ActionStatus::Cancelled: return "cancelled";
        case ActionStatus::Pending: break;
    }
    return "pending";
}

}  // namespace dc::domain
