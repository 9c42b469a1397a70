#include "app/ui/kit/qr_code.hpp"

#include <imgui.h>
#include <qrencode.h>

#include <memory>
#include <string>

namespace dc::ui {

Expected<QrMatrix> encodeQr(std::string_view text) {
    if (text.empty() || text.size() > kMaxQrBytes || text.find('\0') != std::string_view::npos)
        return fail(ErrorCode::InvalidInput, "a QR code holds 1 to " + std::to_string(kMaxQrBytes) + " bytes of text");
    const std::string copy(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) return fail(ErrorCode::Internal, "the QR code could not be made");
    QrMatrix qr;
    qr.size = code->width;
    qr.dark.resize(static_cast<size_t>(qr.size * qr.size));
    for (size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = (code->data[i] & 1) != 0;
    return qr;
}

void qrCode(const QrMatrix& qr, float side) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // White background with a quiet zone of four modules, whatever the theme.
    const int total = qr.size + 8;
    const float module = side / static_cast<float>(total);
    dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.at(x, y)) {
                const ImVec2 a(pos.x + (x + 4) * module, pos.y + (y + 4) * module);
                dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
            }
}

}  // namespace dc::ui
