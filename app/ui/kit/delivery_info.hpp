#pragma once
#include <cstdint>

namespace dc::ui {

// Where delivery to the office stands, as the help screen shows it (device-wide: not wiped
// with a person's session).
struct DeliveryInfo {
    enum class State { Off, NotSetUp, Connecting, UpToDate, Busy, Offline, Retrying } state = State::Off;
    int64_t waiting = 0;
};

}  // namespace dc::ui
