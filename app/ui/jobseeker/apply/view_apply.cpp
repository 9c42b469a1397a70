// The form for applying to a job or asking for a course place: few fields, plain words, what
// is wrong said next to the button, nothing sent without consent.
#include <algorithm>
#include <cfloat>

#include "app/ui/kit/format.hpp"
#include "app/ui/kit/qr_code.hpp"
#include "app/ui/jobseeker/status_words.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
namespace {

// Optional, and out of the way until wanted (the form and its button fit one screen): on the
// title's line, a button to read the ID document with the camera, or to type its number.
void idDocumentButton(UiContext& ctx, const KioskState& state, Actions& out) {
    const Metrics& m = ctx.metrics;
    const std::string text = ctx.t(state.canReadId ? Msg::ReadMyId : Msg::AddIdNumber);
    ImGui::PushFont(ctx.fonts.get(FontRole::Bold));
    const float width = ImGui::CalcTextSize(text.c_str()).x + m.pad * 2;
    ImGui::PopFont();
    ImGui::SameLine();
    const float right = ImGui::GetContentRegionMax().x;
    if (ImGui::GetCursorPosX() + m.gap * 2 + width > right)
        ImGui::NewLine();
    else
        ImGui::SetCursorPosX(right - width);
    if (touchButton(ctx, text, ImVec2(0, 0), ButtonStyle::Secondary)) (state.canReadId ? out.readId : out.addDocument) = true;
}

// The document's number and date of birth, typed or read by the camera (which also attaches a
// picture of the document).
void idDocumentFields(UiContext& ctx, const KioskState& state, EditBuffers& edit, Actions& out) {
    label(ctx, ctx.t(Msg::IdSection), FontRole::Bold, ctx.theme.text, true);
    if (state.idPhotoAttached) label(ctx, ctx.t(Msg::IdPhotoAttached), FontRole::Body, ctx.theme.text, true);
    if (ImGui::BeginTable("##document", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableNextColumn();
        editField(ctx, FieldId::Document, ctx.t(Msg::FieldDocument), "", edit.document, maxBytesFor(FieldId::Document), state,
                  out);
        ImGui::TableNextColumn();
        editField(ctx, FieldId::BirthDate, ctx.t(Msg::FieldBirthDate), "1990-04-25", edit.birthDate,
                  maxBytesFor(FieldId::BirthDate), state, out);
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, ctx.metrics.gap));
}

}  // namespace

void drawApply(UiContext& ctx, const KioskState& state, EditBuffers& edit, Actions& out) {
    const Metrics& m = ctx.metrics;
    const bool forJob = state.formFor == KioskState::FormFor::Job;
    ImGui::BeginChild("##apply", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    if (forJob && state.job.value) {
        label(ctx, state.job.value->title, FontRole::Title, ctx.theme.text, true);
        idDocumentButton(ctx, state, out);
    }
    if (!forJob && state.course.value) label(ctx, state.course.value->name, FontRole::Title, ctx.theme.text, true);
    // What to fix goes first, where the eye is after touching the button at the bottom: the
    // view scrolls back up to show it.
    if (!state.formProblem.empty()) {
        card(ctx, "problem", state.formProblem, false,
             [&] { label(ctx, state.formProblem, FontRole::Bold, ctx.theme.text, true); });
        if (state.formProblemIsNew) ImGui::SetScrollY(0);
    }

    // Two columns, so the whole form and its button fit one screen: no scrolling to find "Send".
    if (ImGui::BeginTable("##fields", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableNextColumn();
        editField(ctx, FieldId::Name, ctx.t(Msg::FieldName), "", edit.name, maxBytesFor(FieldId::Name), state, out);
        ImGui::TableNextColumn();
        editField(ctx, FieldId::Phone, ctx.t(Msg::FieldPhone), "", edit.phone, maxBytesFor(FieldId::Phone), state, out);
        ImGui::TableNextColumn();
        editField(ctx, FieldId::Email, ctx.t(Msg::FieldEmail), "", edit.email, maxBytesFor(FieldId::Email), state, out);
        ImGui::TableNextColumn();
        if (forJob) editField(ctx, FieldId::Note, ctx.t(Msg::FieldNote), "", edit.note, maxBytesFor(FieldId::Note), state, out);
        ImGui::EndTable();
    }
    if (forJob && state.documentFieldsShown) idDocumentFields(ctx, state, edit, out);
    // Skills from a pick list, never typed: the job's own, touched to say "I can do this".
    if (forJob && state.job.value && !state.job.value->skills.empty()) {
        label(ctx, ctx.t(Msg::YourSkills), FontRole::Bold, ctx.theme.text, true);
        ChipRows rows(ctx, 4);
        for (const std::string& skill : state.job.value->skills) {
            if (!rows.place(skill, false)) break;
            const bool picked =
                std::find(state.pickedSkills.begin(), state.pickedSkills.end(), skill) != state.pickedSkills.end();
            if (chip(ctx, skill, std::nullopt, picked)) out.toggleSkill = skill;
        }
        ImGui::Dummy(ImVec2(0, m.gap));
    }

    label(ctx, ctx.t(Msg::ConsentText), FontRole::Body, ctx.theme.text, true);
    if (touchButton(ctx, state.consent ? ctx.t(Msg::ConsentAgreed) : ctx.t(Msg::ConsentAgree), ImVec2(0, 0),
                    state.consent ? ButtonStyle::Primary : ButtonStyle::Secondary))
        out.toggleConsent = true;
    // A text message when the office answers: asked here, where the phone number was just typed;
    // beside the consent when the row has room, so the form's own button stays in view.
    const std::string smsLabel = state.smsOptIn ? ctx.t(Msg::SmsOptedIn) : ctx.t(Msg::SmsOptIn);
    ImFont* font = ctx.fonts.get(FontRole::Bold);  // what touchButton writes with
    const float smsWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, smsLabel.c_str()).x + 2 * m.pad;
    ImGui::SameLine(0, m.gap);
    if (ImGui::GetContentRegionAvail().x < smsWidth) ImGui::NewLine();
    if (touchButton(ctx, smsLabel, ImVec2(0, 0), state.smsOptIn ? ButtonStyle::Primary : ButtonStyle::Secondary))
        out.toggleSms = true;
    ImGui::Dummy(ImVec2(0, m.gap));
    if (state.receipt.loading) {
        label(ctx, ctx.t(Msg::Saving), FontRole::Bold, ctx.theme.textMuted);
    } else if (touchButton(ctx, ctx.t(Msg::ReviewNext), ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.4f),
                           ButtonStyle::Primary)) {
        out.review = true;
    }
    ImGui::EndChild();
}

void drawReceipt(UiContext& ctx, const KioskState& state, EditBuffers&, Actions& out) {
    if (!state.receipt.value) return;
    const domain::ActionReceipt& r = *state.receipt.value;
    const Metrics& m = ctx.metrics;
    const bool forJob = state.formFor == KioskState::FormFor::Job;
    if (r.status == domain::ActionStatus::Waitlisted && r.waitlistPosition)
        label(ctx, trf(ctx.language, Msg::ReceiptWaitlisted, *r.waitlistPosition), FontRole::Bold, ctx.theme.text, true);
    if (r.status == domain::ActionStatus::Confirmed)
        label(ctx, ctx.t(Msg::StatusConfirmed), FontRole::Bold, ctx.theme.text, true);
    if (state.receiptDelivered)
        label(ctx, ctx.t(Msg::ReceiptDelivered), FontRole::Bold, ctx.theme.text, true);
    else
        label(ctx, forJob ? ctx.t(Msg::ReceiptApplied) : ctx.t(Msg::ReceiptEnrolled), FontRole::Body, ctx.theme.text, true);
    // Which course, when and where: what the person booked, to write down or keep on the receipt.
    if (const domain::CourseSession* s = bookedSession(state, state.course.value)) {
        card(ctx, "booked", s->id, false, [&] {
            label(ctx, state.course.value->name, FontRole::Bold, ctx.theme.text, true);
            label(ctx, sessionWhen(ctx.language, *s), FontRole::Bold, ctx.theme.text, true);
            label(ctx, sessionWhere(*s), FontRole::Body, ctx.theme.text, true);
        });
    }
    ImGui::Dummy(ImVec2(0, m.gap));
    label(ctx, ctx.t(Msg::YourCode), FontRole::Bold, ctx.theme.textMuted);
    // The code large, and as a QR code a phone can photograph or a clerk can scan.
    card(ctx, "code", r.referenceCode, false, [&] {
        label(ctx, r.referenceCode, FontRole::Title, ctx.theme.text);
        if (auto qr = encodeQr(r.referenceCode); qr) {
            ImGui::SameLine(0, m.gap * 4);
            qrCode(*qr, m.touch * 3);
        }
    });
    label(ctx, ctx.t(Msg::KeepCode), FontRole::Body, ctx.theme.text, true);
    ImGui::Dummy(ImVec2(0, m.gap));
    if (touchButton(ctx, ctx.t(Msg::Finish), ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.4f), ButtonStyle::Primary))
        out.finish = true;
}

void drawStatus(UiContext& ctx, const KioskState& state, EditBuffers& edit, Actions& out) {
    const Metrics& m = ctx.metrics;
    editField(ctx, FieldId::Code, ctx.t(Msg::FieldCode), "", edit.referenceCode, maxBytesFor(FieldId::Code), state, out);
    if (touchButton(ctx, ctx.t(Msg::CheckButton), ImVec2(0, 0), ButtonStyle::Primary)) out.checkStatus = true;
    if (state.canScan) {
        // Or no typing at all: the receipt's square code held up to the camera.
        ImGui::SameLine(0, m.gap * 2);
        if (state.scan.loading)
            label(ctx, ctx.t(Msg::HoldReceiptQr), FontRole::Bold, ctx.theme.text, true);
        else if (touchButton(ctx, ctx.t(Msg::ScanReceipt), ImVec2(0, 0), ButtonStyle::Secondary))
            out.scanQr = true;
        if (!state.scan.loading && !state.scan.error.empty())
            label(ctx, ctx.t(Msg::ScanFailed), FontRole::Bold, ctx.theme.text, true);
    }
    ImGui::Dummy(ImVec2(0, m.gap));
    const auto& status = state.status;
    if (status.loading) {
        label(ctx, ctx.t(Msg::Loading), FontRole::Body, ctx.theme.textMuted);
        return;
    }
    if (!status.error.empty()) {
        label(ctx, ctx.t(Msg::StatusUnknown), FontRole::Bold, ctx.theme.text, true);
        return;
    }
    if (!status.value) return;
    const domain::StatusAnswer& a = *status.value;
    card(ctx, "status", "status", false, [&] {
        if (!a.title.empty()) label(ctx, a.title, FontRole::Bold, ctx.theme.text, true);
        const std::string text = statusText(ctx.language, a.status, a.waitlistPosition);
        label(ctx, text, FontRole::Bold, ctx.theme.text, true);
        if (!a.message.empty()) {
            label(ctx, ctx.t(Msg::OfficeMessage), FontRole::Body, ctx.theme.textMuted, true);
            label(ctx, a.message, FontRole::Body, ctx.theme.text, true);
        }
        if (a.fromOffice) {
            label(ctx, ctx.t(Msg::StatusFromOffice), FontRole::Body, ctx.theme.textMuted, true);
        } else {
            // A place on the waitlist is estimated here until the server has the request.
            if (!a.delivered && a.status != domain::ActionStatus::Pending)
                label(ctx, ctx.t(Msg::StatusPending), FontRole::Body, ctx.theme.textMuted, true);
            if (state.statusOffline)
                label(ctx, localCopyText(ctx.language, a.updatedAt), FontRole::Body, ctx.theme.textMuted, true);
        }
    });
}

}  // namespace dc::ui
