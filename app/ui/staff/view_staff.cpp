// The clerk's and the technician's screens. Same touch widgets and sizes as the jobseeker's:
// clerks and technicians use the same touch screen, often standing, sometimes in a hurry.
#include <cinttypes>
#include <cstdio>

#include "app/ui/staff/staff_controller.hpp"
#include "app/ui/jobseeker/status_words.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "app/ui/kit/widgets.hpp"

namespace dc::ui {
namespace {

// What a print, test or export answered; ":printing"/":working" while it runs.
void drawNotice(UiContext& ctx, const std::string& notice) {
    if (notice.empty()) return;
    const bool running = notice.front() == ':';
    label(ctx, running ? ctx.t(Msg::Working) : notice, FontRole::Bold, running ? ctx.theme.textMuted : ctx.theme.text, true);
}

std::string megabytes(int64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

}  // namespace

void drawStaffPin(UiContext& ctx, const StaffState& state, StaffActions& out) {
    const Metrics& m = ctx.metrics;
    label(ctx, ctx.t(Msg::PinPrompt), FontRole::Body, ctx.theme.text, true);
    // The PIN as dots, never as digits: someone may be standing behind the clerk.
    std::string dots;
    for (size_t i = 0; i < state.pin.size(); ++i) dots += "• ";  // (in the baked glyph ranges)
    label(ctx, dots.empty() ? std::string(" ") : dots, FontRole::Title, ctx.theme.text);
    if (state.pinMessage) {
        const std::string message = *state.pinMessage == Msg::PinLocked ? trf(ctx.language, Msg::PinLocked, state.lockedSeconds)
                                                                        : ctx.t(*state.pinMessage);
        label(ctx, message, FontRole::Bold, ctx.theme.text, true);
    }
    ImGui::Dummy(ImVec2(0, m.gap));
    // A telephone-style pad: 1 2 3 / 4 5 6 / 7 8 9 / erase 0 sign-in, keys well apart.
    const float key = std::min(m.touch * 1.6f, (ImGui::GetContentRegionAvail().y - 2 * m.touch) / 4 - m.gap);
    const float width = key * 2.2f;
    const char* rows[3][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}};
    const float left = ImGui::GetCursorPosX();
    for (auto& row : rows) {
        ImGui::SetCursorPosX(left);
        for (int i = 0; i < 3; ++i) {
            if (i > 0) ImGui::SameLine(0, m.gap * 2);
            if (touchButton(ctx, row[i], ImVec2(width, key), ButtonStyle::Secondary, FontRole::Title)) out.pinKey = row[i];
        }
        ImGui::Dummy(ImVec2(0, m.gap));
    }
    ImGui::SetCursorPosX(left);
    if (touchButton(ctx, ctx.t(Msg::KeyErase), ImVec2(width, key), ButtonStyle::Secondary)) out.pinErase = true;
    ImGui::SameLine(0, m.gap * 2);
    if (touchButton(ctx, "0", ImVec2(width, key), ButtonStyle::Secondary, FontRole::Title)) out.pinKey = "0";
    ImGui::SameLine(0, m.gap * 2);
    if (touchButton(ctx, ctx.t(Msg::SignIn), ImVec2(width, key), ButtonStyle::Primary)) out.pinSubmit = true;
    ImGui::Dummy(ImVec2(0, m.gap));
    ImGui::SetCursorPosX(left);
    if (touchButton(ctx, ctx.t(Msg::Cancel), ImVec2(0, 0), ButtonStyle::Secondary)) out.signOut = true;
    // A physical keypad works too.
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters)
        if (c >= '0' && c <= '9') out.pinKey += static_cast<char>(c);
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) out.pinSubmit = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) out.pinErase = true;
}

void drawClerk(UiContext& ctx, const StaffState& state, StaffActions& out) {
    const Metrics& m = ctx.metrics;
    ImGui::BeginChild("##clerk", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    if (touchButton(ctx, ctx.t(Msg::RegisterJobseeker), ImVec2(0, m.touch * 1.3f), ButtonStyle::Primary))
        out.open = StaffScreen::Register;
    ImGui::SameLine(0, m.gap * 2);
    if (touchButton(ctx, ctx.t(Msg::SignOut), ImVec2(0, m.touch * 1.3f), ButtonStyle::Secondary)) out.signOut = true;
    ImGui::Dummy(ImVec2(0, m.gap));
    drawNotice(ctx, state.notice);
    if (deliveryCard(ctx, state.delivery)) out.syncNow = true;

    label(ctx, ctx.t(Msg::ClerkToday), FontRole::Title, ctx.theme.text);
    if (readyOrMessage(ctx, state.today)) {
        if (state.today.value->empty()) label(ctx, ctx.t(Msg::ClerkNothingToday), FontRole::Body, ctx.theme.textMuted);
        for (const domain::ActionRow& row : *state.today.value) {
            card(ctx, row.referenceCode, row.referenceCode, false, [&] {
                label(ctx, row.referenceCode + " · " + ctx.t(kindMsg(row.kind)) + " · " + row.createdAt.substr(11, 5) + " UTC",
                      FontRole::Bold, ctx.theme.text);
                if (!row.title.empty()) label(ctx, row.title, FontRole::Body, ctx.theme.text, true);
                const std::string status = statusText(ctx.language, row.status, row.waitlistPosition);
                const Msg delivery = row.setAside ? Msg::StateSetAside : row.delivered ? Msg::StateDelivered : Msg::StateWaiting;
                label(ctx, std::string(ctx.t(delivery)) + (row.kind == "registration" ? "" : " · " + status), FontRole::Body,
                      ctx.theme.textMuted, true);
                if (touchButton(ctx, std::string(ctx.t(Msg::PrintReceipt)) + " " + row.referenceCode, ImVec2(0, 0),
                                ButtonStyle::Secondary))
                    out.print = row.referenceCode;
            });
        }
    }
    if (state.setAside.value && !state.setAside.value->empty()) {
        ImGui::Dummy(ImVec2(0, m.gap));
        label(ctx, ctx.t(Msg::SetAsideTitle), FontRole::Title, ctx.theme.text);
        for (const domain::QuarantinedRecord& r : *state.setAside.value)
            card(ctx, "aside-" + r.id, r.id, false, [&] {
                label(ctx, std::string(ctx.t(kindMsg(r.kind))) + " · " + r.createdAt.substr(0, 16), FontRole::Bold,
                      ctx.theme.text);
                label(ctx, r.reason, FontRole::Body, ctx.theme.text, true);
            });
    }
    ImGui::EndChild();
}

void drawRegister(UiContext& ctx, StaffState& state, StaffActions& out) {
    const Metrics& m = ctx.metrics;
    if (state.registered.value) {
        label(ctx, ctx.t(Msg::RegisteredCode), FontRole::Body, ctx.theme.text, true);
        label(ctx, state.registered.value->referenceCode, FontRole::Title, ctx.theme.text);
        ImGui::Dummy(ImVec2(0, m.gap));
        drawNotice(ctx, state.notice);
        if (touchButton(ctx, std::string(ctx.t(Msg::PrintReceipt)) + " " + state.registered.value->referenceCode,
                        ImVec2(0, m.touch * 1.3f), ButtonStyle::Primary))
            out.print = state.registered.value->referenceCode;
        ImGui::SameLine(0, m.gap * 2);
        if (touchButton(ctx, ctx.t(Msg::RegisterJobseeker), ImVec2(0, m.touch * 1.3f), ButtonStyle::Secondary))
            out.registerAnother = true;
        return;
    }
    const bool keyboard = state.keyboardShown && state.typingInto != FieldId::None;
    const float kb = keyboard ? keyboardHeight(ctx, ImGui::GetContentRegionAvail().y) : 0;
    ImGui::BeginChild("##register", ImVec2(0, keyboard ? ImGui::GetContentRegionAvail().y - kb : 0), false,
                      ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    // The document's MRZ read by the camera fills name, number and date of birth.
    if (state.idReading.loading) {
        label(ctx, ctx.t(Msg::HoldDocument), FontRole::Bold, ctx.theme.text, true);
    } else {
        if (touchButton(ctx, ctx.t(Msg::ReadIdDocument), ImVec2(0, m.touch * 1.3f), ButtonStyle::Secondary)) out.readId = true;
        if (!state.idReading.error.empty())
            label(ctx, ctx.t(Msg::IdNotRead), FontRole::Bold, ctx.theme.text, true);
        else if (state.idReading.value)
            label(ctx, ctx.t(Msg::IdRead), FontRole::Bold, ctx.theme.text, true);
    }
    ImGui::Dummy(ImVec2(0, m.gap));
    editField(ctx, FieldId::Name, ctx.t(Msg::FieldName), "", state.name, maxBytesFor(FieldId::Name), state, out);
    editField(ctx, FieldId::Phone, ctx.t(Msg::FieldPhone), "", state.phone, maxBytesFor(FieldId::Phone), state, out);
    editField(ctx, FieldId::Document, ctx.t(Msg::FieldDocument), "", state.document, maxBytesFor(FieldId::Document), state, out);
    editField(ctx, FieldId::BirthDate, ctx.t(Msg::FieldBirthDate), "1990-04-25", state.birthDate, maxBytesFor(FieldId::BirthDate),
              state, out);
    ImGui::Dummy(ImVec2(0, m.gap));
    label(ctx, ctx.t(Msg::RegisterConsent), FontRole::Body, ctx.theme.text, true);
    if (touchButton(ctx, state.consent ? ctx.t(Msg::ConsentAgreed) : ctx.t(Msg::ConsentAgree), ImVec2(0, 0),
                    state.consent ? ButtonStyle::Primary : ButtonStyle::Secondary))
        out.toggleConsent = true;
    if (state.problem) label(ctx, ctx.t(*state.problem), FontRole::Bold, ctx.theme.text, true);
    if (state.registered.loading)
        label(ctx, ctx.t(Msg::Saving), FontRole::Bold, ctx.theme.textMuted);
    else if (touchButton(ctx, ctx.t(Msg::RegisterButton), ImVec2(ImGui::GetContentRegionAvail().x, m.touch * 1.4f),
                         ButtonStyle::Primary))
        out.registerPerson = true;
    ImGui::EndChild();
    if (keyboard) {
        drawKeyboard(ctx, state, kb, out);
    }
}

// An immediate-mode screen drawn top to bottom (facts, tools, their answers, the network check,
// the stop confirmation): its length is the screen's, each part under its own comment.
void drawTechnician(UiContext& ctx, const StaffState& state, StaffActions& out) {
    const Metrics& m = ctx.metrics;
    ImGui::BeginChild("##technician", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    touchScroll(ctx);
    // The tools first: a technician came to do something.
    const std::pair<Msg, bool StaffActions::*> tools[] = {
        {Msg::CheckNetwork, &StaffActions::checkNetwork}, {Msg::TestPrinter, &StaffActions::testPrinter},
        {Msg::TestAudio, &StaffActions::testAudio},       {Msg::TestCamera, &StaffActions::testCamera},
        {Msg::ExportBundle, &StaffActions::exportBundle}, {Msg::SyncNow, &StaffActions::syncNow},
        {Msg::Reenroll, &StaffActions::reenroll},
    };
    ChipRows rows(ctx, 8);
    for (const auto& [msg, flag] : tools) {
        rows.place(ctx.t(msg), false);
        if (touchButton(ctx, ctx.t(msg), ImVec2(0, 0), ButtonStyle::Secondary)) out.*flag = true;
    }
    rows.place(ctx.t(Msg::TestTouch), false);
    if (touchButton(ctx, ctx.t(Msg::TestTouch), ImVec2(0, 0), ButtonStyle::Secondary)) out.open = StaffScreen::TouchTest;
    // Stopping takes the kiosk away from the people waiting for it: asked once more, in place.
    if (!state.confirmingStop) {
        rows.place(ctx.t(Msg::StopKiosk), false);
        if (touchButton(ctx, ctx.t(Msg::StopKiosk), ImVec2(0, 0), ButtonStyle::Secondary)) out.askStop = true;
    }
    ImGui::Dummy(ImVec2(0, m.gap));
    if (state.confirmingStop) {
        label(ctx, ctx.t(Msg::StopKioskAsk), FontRole::Bold, ctx.theme.text, true);
        ChipRows answers(ctx, 2);
        answers.place(ctx.t(Msg::StopKioskNo), false);
        if (touchButton(ctx, ctx.t(Msg::StopKioskNo), ImVec2(0, 0), ButtonStyle::Primary)) out.cancelStop = true;
        answers.place(ctx.t(Msg::StopKioskYes), false);
        if (touchButton(ctx, ctx.t(Msg::StopKioskYes), ImVec2(0, 0), ButtonStyle::Secondary)) out.stopKiosk = true;
        ImGui::Dummy(ImVec2(0, m.gap));
    }
    drawNotice(ctx, state.notice);

    if (state.networkChecked) {
        card(ctx, "network", ctx.t(Msg::CheckNetwork), false, [&] {
            label(ctx, ctx.t(Msg::CheckNetwork), FontRole::Bold, ctx.theme.textMuted);
            if (!readyOrMessage(ctx, state.network)) return;
            const auto& steps = *state.network.value;
            if (steps.empty()) {
                label(ctx, ctx.t(Msg::NetNoServer), FontRole::Body, ctx.theme.text, true);
                return;
            }
            bool allGood = true;
            for (const NetworkStep& s : steps) allGood = allGood && s.verdict == NetworkStep::Verdict::Works;
            label(ctx, ctx.t(allGood ? Msg::NetAllGood : Msg::NetProblem), FontRole::Bold, ctx.theme.text, true);
            for (const NetworkStep& s : steps) {
                const Msg name = s.kind == NetworkStep::Kind::Dns ? Msg::NetDns
                    : s.kind == NetworkStep::Kind::Tcp            ? Msg::NetTcp
                    : s.kind == NetworkStep::Kind::Tls            ? Msg::NetTls
                                                                  : Msg::NetHttp;
                const Msg verdict = s.verdict == NetworkStep::Verdict::Works ? Msg::NetWorks
                    : s.verdict == NetworkStep::Verdict::Fails               ? Msg::NetFails
                                                                             : Msg::NetNotTried;
                label(ctx, std::string(ctx.t(name)) + ": " + ctx.t(verdict) + (s.detail.empty() ? "" : " (" + s.detail + ")"),
                      FontRole::Body, ctx.theme.text, true);
            }
        });
    }
    if (readyOrMessage(ctx, state.diagnostics)) {
        const DiagnosticsReport& d = *state.diagnostics.value;
        card(ctx, "device", ctx.t(Msg::DiagDevice), false, [&] {
            label(ctx, ctx.t(Msg::DiagVersion), FontRole::Bold, ctx.theme.textMuted);
            label(ctx, d.version, FontRole::Body, ctx.theme.text, true);
            label(ctx, ctx.t(Msg::DiagDevice), FontRole::Bold, ctx.theme.textMuted);
            label(ctx, (d.deviceId.empty() ? std::string(ctx.t(Msg::DiagNotEnrolled)) : d.deviceId) + " · " + d.siteName,
                  FontRole::Body, ctx.theme.text, true);
            label(ctx, d.printer + " · " + d.camera, FontRole::Body, ctx.theme.text, true);
        });
        card(ctx, "sync", ctx.t(Msg::DiagSync), false, [&] {
            label(ctx, ctx.t(Msg::DiagSync), FontRole::Bold, ctx.theme.textMuted);
            label(ctx, (d.serverUrl.empty() ? std::string("-") : d.serverUrl) + " · " + d.syncState, FontRole::Body,
                  ctx.theme.text, true);
            label(ctx,
                  trf(ctx.language, Msg::DeliveryWaiting, d.pending) + " · " + ctx.t(Msg::StateSetAside) + ": " +
                      std::to_string(d.setAside),
                  FontRole::Body, ctx.theme.text, true);
            if (!d.lastSyncError.empty()) label(ctx, d.lastSyncError, FontRole::Body, ctx.theme.text, true);
        });
        card(ctx, "disk", ctx.t(Msg::DiagDisk), false, [&] {
            label(ctx, ctx.t(Msg::DiagDisk), FontRole::Bold, ctx.theme.textMuted);
            label(ctx,
                  megabytes(d.diskFreeBytes) + " free · " + megabytes(d.databaseBytes) + " database · integrity: " + d.integrity,
                  FontRole::Body, ctx.theme.text, true);
        });
        card(ctx, "config", ctx.t(Msg::DiagConfig), false, [&] {
            label(ctx, ctx.t(Msg::DiagConfig), FontRole::Bold, ctx.theme.textMuted);
            label(ctx, d.configFile.empty() ? std::string("-") : d.configFile, FontRole::Body, ctx.theme.text, true);
            for (const std::string& line : d.configLines) label(ctx, line, FontRole::Body, ctx.theme.text, true);
        });
        card(ctx, "log", ctx.t(Msg::DiagLog), false, [&] {
            label(ctx, ctx.t(Msg::DiagLog), FontRole::Bold, ctx.theme.textMuted);
            for (const std::string& line : d.recentLog) label(ctx, line, FontRole::Body, ctx.theme.text, true);
        });
    }
    ImGui::EndChild();
}

void drawTouchTest(UiContext& ctx, const StaffState& state, StaffActions& out) {
    const Metrics& m = ctx.metrics;
    bool all = !state.touched.empty();
    for (bool t : state.touched) all = all && t;
    label(ctx, ctx.t(all ? Msg::TouchTestDone : Msg::TouchTestHint), FontRole::Bold, ctx.theme.text, true);
    // Squares over the whole screen, corners included: a touch panel fails at its edges first.
    const ImVec2 origin = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    constexpr int kColumns = 4, kRows = 3;
    const float w = (avail.x - (kColumns - 1) * m.gap) / kColumns, h = (avail.y - (kRows - 1) * m.gap) / kRows;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int r = 0; r < kRows; ++r)
        for (int c = 0; c < kColumns; ++c) {
            const int index = r * kColumns + c;
            const ImVec2 min(origin.x + c * (w + m.gap), origin.y + r * (h + m.gap)), max(min.x + w, min.y + h);
            ImGui::SetCursorScreenPos(min);
            ImGui::PushID(index);
            if (ImGui::InvisibleButton("##square", ImVec2(w, h))) out.touchedSquare = index;
            ImGui::PopID();
            const bool done = index < static_cast<int>(state.touched.size()) && state.touched[static_cast<size_t>(index)];
            dl->AddRectFilled(min, max, done ? IM_COL32(0, 120, 60, 255) : ctx.theme.surface.imgui(), m.rounding);
            dl->AddRect(min, max, ctx.theme.border.imgui(), m.rounding, 0, 3.0f);
            registerRect(ctx, WidgetKind::Button, "square " + std::to_string(index + 1) + (done ? " touched" : ""), min, max);
        }
}

}  // namespace dc::ui
