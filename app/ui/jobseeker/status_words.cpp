#include "app/ui/jobseeker/status_words.hpp"

#include "app/ui/kit/widgets.hpp"

namespace dc::ui {

Msg statusMsg(domain::ActionStatus s) {
    switch (s) {
        case domain::ActionStatus::Pending: return Msg::StatusPending;
        case domain::ActionStatus::Submitted: return Msg::StatusSubmitted;
        case domain::ActionStatus::Accepted: return Msg::StatusAccepted;
        case domain::ActionStatus::Rejected: return Msg::StatusRejected;
        case domain::ActionStatus::Confirmed: return Msg::StatusConfirmed;
        case domain::ActionStatus::Waitlisted: return Msg::StatusWaitlisted;
        case domain::ActionStatus::Cancelled: return Msg::StatusCancelled;
        case domain::ActionStatus::Forwarded: return Msg::StatusForwarded;
        case domain::ActionStatus::Invited: return Msg::StatusInvited;
        case domain::ActionStatus::Hired: return Msg::StatusHired;
        case domain::ActionStatus::NotSelected: return Msg::StatusNotSelected;
        case domain::ActionStatus::Withdrawn: return Msg::StatusWithdrawn;
    }
    return Msg::StatusPending;
}

std::string statusText(Language language, domain::ActionStatus status, std::optional<int64_t> waitlistPosition) {
    if (status == domain::ActionStatus::Waitlisted) return trf(language, Msg::StatusWaitlisted, waitlistPosition.value_or(0));
    return tr(language, statusMsg(status));
}

Msg kindMsg(const std::string& kind) {
    if (kind == "enrollment") return Msg::KindEnrollment;
    if (kind == "registration") return Msg::KindRegistration;
    return Msg::KindApplication;
}

namespace {
std::string replaced(std::string text, std::string_view placeholder, const std::string& value) {
    if (const size_t at = text.find(placeholder); at != std::string::npos) text.replace(at, placeholder.size(), value);
    return text;
}
}  // namespace

std::string clerkComingText(Language language, const std::string& name) {
    return replaced(tr(language, Msg::ClerkComing), "{name}", name);
}

std::string localCopyText(Language language, const std::string& updatedAt) {
    // "2026-12-03T09:14:00Z" -> "2026-12-03 09:14 UTC"
    std::string when = updatedAt.size() >= 16 ? updatedAt.substr(0, 10) + " " + updatedAt.substr(11, 5) + " UTC" : updatedAt;
    return replaced(tr(language, Msg::StatusLocalCopy), "{date}", when);
}

Msg emptyCatalogMsg(DeliveryInfo::State state) {
    using State = DeliveryInfo::State;
    if (state == State::Off) return Msg::CatalogNone;
    if (state == State::Offline || state == State::Retrying) return Msg::CatalogOffline;
    return Msg::CatalogArriving;
}

Msg deliveryMsg(DeliveryInfo::State s) {
    switch (s) {
        case DeliveryInfo::State::Off: return Msg::DeliveryOff;
        case DeliveryInfo::State::NotSetUp: return Msg::DeliveryNotSetUp;
        case DeliveryInfo::State::Connecting: return Msg::DeliveryConnecting;
        case DeliveryInfo::State::UpToDate: return Msg::DeliveryUpToDate;
        case DeliveryInfo::State::Busy: return Msg::DeliveryBusy;
        case DeliveryInfo::State::Offline: return Msg::DeliveryOffline;
        case DeliveryInfo::State::Retrying: return Msg::DeliveryRetrying;
    }
    return Msg::DeliveryOff;
}

bool deliveryCard(UiContext& ctx, const DeliveryInfo& d) {
    bool syncNow = false;
    card(ctx, "delivery", ctx.t(Msg::DeliveryTitle), false, [&] {
        label(ctx, ctx.t(Msg::DeliveryTitle), FontRole::Bold, ctx.theme.textMuted);
        label(ctx, ctx.t(deliveryMsg(d.state)), FontRole::Body, ctx.theme.text, true);
        if (d.waiting > 0) label(ctx, trf(ctx.language, Msg::DeliveryWaiting, d.waiting), FontRole::Body, ctx.theme.text, true);
        if (d.state != DeliveryInfo::State::Off && d.state != DeliveryInfo::State::NotSetUp)
            syncNow = touchButton(ctx, ctx.t(Msg::SyncNow), ImVec2(0, 0), ButtonStyle::Secondary);
    });
    return syncNow;
}

Msg captureHintMsg(CaptureHint hint) {
    switch (hint) {
        case CaptureHint::NoDocument: return Msg::HoldDocument;
        case CaptureHint::MoveCloser: return Msg::CaptureMoveCloser;
        case CaptureHint::HoldStill: return Msg::CaptureHoldStill;
        case CaptureHint::TooMuchGlare: return Msg::CaptureGlare;
        case CaptureHint::Unreadable: return Msg::CaptureUnreadable;
        case CaptureHint::Reading: return Msg::CaptureReading;
        case CaptureHint::Starting: break;
    }
    return Msg::CaptureStarting;
}

Msg problemMsg(const domain::FieldProblem& problem) {
    if (problem.kind == domain::FieldProblem::Kind::NotShown) return Msg::ProblemLetters;
    if (problem.field == domain::PersonField::Note) return Msg::ProblemNote;
    return problemMsg(problem.field);
}

Msg problemMsg(domain::PersonField field) {
    switch (field) {
        case domain::PersonField::Name: return Msg::ProblemName;
        case domain::PersonField::Phone: return Msg::ProblemPhone;
        case domain::PersonField::Email: return Msg::ProblemEmail;
        case domain::PersonField::DocumentNumber: return Msg::ProblemDocument;
        case domain::PersonField::BirthDate: return Msg::ProblemBirthDate;
        case domain::PersonField::Note: break;
    }
    return Msg::ProblemSave;
}

}  // namespace dc::ui
