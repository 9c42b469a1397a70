#pragma once
// Occupation codes: ISCO-08 (ILO), the 43 sub-major groups, each titled in the kiosk's four
// languages. A job carries its code (2 to 4 digits: a unit group's code names its sub-major group
// by its first two), so the same occupation is found whatever language its posting was written in.
#include <array>
#include <cstddef>
#include <string_view>

namespace dc::domain {

struct IscoGroup {
    const char* code;  // "25"
    std::array<const char*, 4> title;  // English, Georgian, Russian, Belarusian
};

inline constexpr size_t kIscoGroups = 43;
const std::array<IscoGroup, kIscoGroups>& iscoGroups();
// The sub-major group a code belongs to ("2512" -> 25), or nullptr when it is no ISCO-08 code.
const IscoGroup* iscoGroupOf(std::string_view code);

}  // namespace dc::domain
