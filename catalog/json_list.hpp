#pragma once
// Lists (skills, target groups) are stored as JSON arrays of strings. Internal to the store.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dc::catalog {

// Written by hand because the import calls it for every job: a JSON array of strings, escaped
// as RFC 8259 asks and byte for byte as nlohmann::json::dump writes it (rows stored by earlier
// versions compare equal, so re-importing them changes nothing). Input is valid UTF-8.
inline std::string toJsonArray(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (const char ch : items[i]) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += ch;
            } else if (c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f') {
                out += '\\';
                out += c == '\n' ? 'n' : c == '\t' ? 't' : c == '\r' ? 'r' : c == '\b' ? 'b' : 'f';
            } else if (c < 0x20) {
                static const char* const kHex = "0123456789abcdef";
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 15];
            } else {
                out += ch;
            }
        }
        out += '"';
    }
    out += ']';
    return out;
}

// Anything but an array of strings reads as empty: a damaged row must not break a listing.
inline std::vector<std::string> listFromJson(const std::string& json) {
    const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    std::vector<std::string> out;
    if (!parsed.is_array()) return out;
    for (const auto& item : parsed)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

// Skill names compare without regard to ASCII letter case, as SQL's lower() does in the queries
// that match them ("excel" is "Excel").
inline std::string skillKey(std::string_view name) {
    std::string key(name);
    for (char& c : key)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return key;
}

}  // namespace dc::catalog
