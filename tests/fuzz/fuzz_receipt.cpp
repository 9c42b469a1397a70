// libFuzzer target: the receipt layout takes any text without crashing: each input line is a
// receipt line (a first '#' makes it bold, '!' large, '-' a rule, '^' centred), a line "qr:..." the
// QR code; the picture is as wide as the paper and never longer than the limit, or refused.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "drivers/printer/printer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    dc::printer::Receipt receipt;
    size_t pos = 0;
    while (pos <= text.size() && receipt.lines.size() < 200) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.starts_with("qr:")) {
            receipt.qr = std::string(line.substr(3));
            continue;
        }
        dc::printer::ReceiptLine l;
        if (!line.empty() && line.front() == '^') l.centred = true, line.remove_prefix(1);
        if (!line.empty() && line.front() == '#')
            l.style = dc::printer::ReceiptLine::Style::Bold, line.remove_prefix(1);
        else if (!line.empty() && line.front() == '!')
            l.style = dc::printer::ReceiptLine::Style::Large, line.remove_prefix(1);
        else if (!line.empty() && line.front() == '-')
            l.style = dc::printer::ReceiptLine::Style::Rule;
        l.text = std::string(line);
        receipt.lines.push_back(std::move(l));
    }
    auto picture = dc::printer::drawReceipt(receipt, dc::printer::kDots58mm, "/usr/share/fonts/truetype/noto");
    if (!picture) return 0;
    if (picture->width != dc::printer::kDots58mm || picture->height > dc::printer::kMaxReceiptDots) __builtin_trap();
    if (dc::printer::encodeEscPos(*picture).empty()) __builtin_trap();
    return 0;
}
