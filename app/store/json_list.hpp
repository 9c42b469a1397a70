#pragma once
// Lists (skills, target groups) are stored as JSON arrays of strings. Internal to the store.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace dc::store {

inline std::string toJsonArray(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

// Anything but an array of strings reads as empty: a damaged row must not break a listing.
inline std::vector<std::string> listFromJson(const std::string& json) {
    const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    std::vector<std::string> out;
    if (!parsed.is_array()) return out;
    for (const auto& item : parsed)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

}  // namespace dc::store
