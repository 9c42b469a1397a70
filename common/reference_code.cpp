#include "common/reference_code.hpp"

namespace dc {

std::string normalizeReferenceCode(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return {};
        code += c;
        if (code.size() > 6) return {};
    }
    if (code.size() != 6) return {};
    return code.substr(0, 3) + "-" + code.substr(3);
}

}  // namespace dc
