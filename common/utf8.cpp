#include "common/utf8.hpp"

namespace dc::utf8 {
namespace {

// Returns the length of the valid sequence starting at text[i], or 0 when it is invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t sequenceLength(std::string_view text, size_t i, char32_t& cp) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    size_t len = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else
        return 0;
    if (i + len > text.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

}  // namespace

bool isValid(std::string_view text) {
    char32_t cp = 0;
    for (size_t i = 0; i < text.size();) {
        const size_t len = sequenceLength(text, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

bool decode(std::string_view text, std::vector<char32_t>& out) {
    char32_t cp = 0;
    for (size_t i = 0; i < text.size();) {
        const size_t len = sequenceLength(text, i, cp);
        if (len == 0) return false;
        out.push_back(cp);
        i += len;
    }
    return true;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::vector<std::string> characters(std::string_view text) {
    std::vector<std::string> out;
    char32_t cp = 0;
    for (size_t i = 0; i < text.size();) {
        size_t len = sequenceLength(text, i, cp);
        if (len == 0) len = 1;
        out.emplace_back(text.substr(i, len));
        i += len;
    }
    return out;
}

std::string foldCase(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const std::string& ch : characters(text)) {
        std::vector<char32_t> cps;
        if (!decode(ch, cps) || cps.size() != 1) {
            out += ch;
            continue;
        }
        char32_t c = cps[0];
        if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
            c += 0x20;
        else if (c >= 0x410 && c <= 0x42F)
            c += 0x20;  // А-Я
        else if (c >= 0x400 && c <= 0x40F)
            c += 0x50;  // Ё, Ў, І and the rest
        if (c == 0x451)
            c = 0x435;  // ё as е, as the index does
        else if (c >= 0x1C90 && c <= 0x1CBF && c != 0x1CBB && c != 0x1CBC)
            c -= 0x1C90 - 0x10D0;  // Mtavruli
        append(out, c);
    }
    return out;
}

bool hasYo(std::string_view text) {
    return text.find("\xD1\x91") != std::string_view::npos || text.find("\xD0\x81") != std::string_view::npos;
}

std::string foldYo(std::string_view text) {
    std::string out(text);
    if (!hasYo(text)) return out;
    size_t w = 0;
    for (size_t r = 0; r < out.size(); ++r, ++w) {
        if (r + 1 < out.size() && out[r] == '\xD1' && out[r + 1] == '\x91') {
            out[w] = '\xD0';
            out[++w] = '\xB5';
            ++r;
        } else if (r + 1 < out.size() && out[r] == '\xD0' && out[r + 1] == '\x81') {
            out[w] = '\xD0';
            out[++w] = '\x95';
            ++r;
        } else {
            out[w] = out[r];
        }
    }
    return out;
}

std::string truncate(std::string_view text, size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end));
}

std::string printable(std::string_view text) {
    std::string out;
    for (const std::string& ch : characters(text)) {
        std::vector<char32_t> cp;
        if (!decode(ch, cp) || cp.size() != 1) {
            out += '?';
            continue;
        }
        const char32_t c = cp[0];
        const bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);
        const bool bidi =
            (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
        out += control || bidi ? std::string("?") : ch;
    }
    return out;
}

}  // namespace dc::utf8
