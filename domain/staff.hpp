#pragma once
// The staff modes a PIN opens, and what one try of a PIN gave.
namespace dc::domain {

enum class PinRole { Clerk, Technician };
inline const char* toString(PinRole role) { return role == PinRole::Clerk ? "clerk" : "technician"; }

struct PinAttempt {
    bool granted = false;
    int failuresInARow = 0;
    double lockedForSeconds = 0;  // > 0: try again after this long (the attempt was not checked)
};

}  // namespace dc::domain
