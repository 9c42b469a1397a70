#pragma once
// QR codes the person can photograph or a clerk can scan: the reference code after applying.
// Encoding is libqrencode's (error correction M: readable when a corner is smudged).
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace dc::ui {

struct QrMatrix {
    int size = 0;  // modules per side
    std::vector<bool> dark;  // row by row, size * size
    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};

inline constexpr size_t kMaxQrBytes = 1000;

// Fails for empty or oversized text, and for text with NUL bytes.
Expected<QrMatrix> encodeQr(std::string_view text);

// Draws `qr` as a dark-on-white square of `side` pixels at the cursor, with a quiet zone.
void qrCode(const QrMatrix& qr, float side);

}  // namespace dc::ui
