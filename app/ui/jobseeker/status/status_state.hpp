#pragma once
// "My status" (a reference code typed or its QR code scanned) and "Call a clerk".
#include <optional>
#include <string>

#include "app/ui/kit/loadable.hpp"
#include "domain/actions.hpp"

namespace dc::ui {

struct StatusState {
    Loadable<domain::StatusAnswer> status;
    bool statusOffline = false;  // the office could not be asked: the kiosk's copy shown
    bool canScan = false;  // a camera is configured: "My status" offers to scan the receipt's QR
    Loadable<std::string> scan;  // the camera looking for a receipt's QR code
    Loadable<std::string> clerkCalled;  // "Call a clerk" was pressed in this session: the call's id
    std::string clerkComing;  // the caseworker who took the call ("Nino"), once known
};

struct StatusActions {
    bool checkStatus = false;
    bool scanQr = false;  // "My status": read the code from the receipt's QR
    bool callClerk = false;
};

}  // namespace dc::ui
