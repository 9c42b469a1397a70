#pragma once
// "My status": a reference code typed or read from the receipt's QR code, asked of the office
// first (its answer holds what a caseworker decided, wherever the person applied) and of this
// kiosk's copy when the office cannot be reached. "Call a clerk": one call per session, and who
// is coming once the office took it.
#include <functional>
#include <optional>
#include <string>

#include "app/services/jobseeker_services.hpp"
#include "app/ui/jobseeker/session.hpp"
#include "app/ui/kit/narrator.hpp"

namespace dc::ui {

class StatusController {
public:
    // The camera reading a receipt's QR code: answers once, on the UI thread, with the code it read.
    using QrScanner = std::function<void(std::function<void(Expected<std::string>)>)>;
    // Asks the office about a code: answers once, on the UI thread, with the office's answer,
    // nullopt when the office does not know the code, or an error when it could not be asked.
    using RemoteStatus =
        std::function<void(std::string code, std::function<void(Expected<std::optional<domain::StatusAnswer>>)>)>;

    StatusController(Session& session, services::JobseekerServices& services) : m_session(session), m_services(services) {}

    void setQrScanner(QrScanner scanner) {
        m_scanner = std::move(scanner);
        m_session.state.canScan = static_cast<bool>(m_scanner);
    }
    void setRemoteStatus(RemoteStatus remote) { m_remote = std::move(remote); }
    void setNarrator(Narrator* narrator) { m_narrator = narrator; }

    void apply(const StatusActions& actions);
    // Sync made progress: the office may have taken the call for a clerk.
    void deliveryProgressed();

private:
    void check();
    void scan();
    void callClerk();

    Session& m_session;
    services::JobseekerServices& m_services;
    QrScanner m_scanner;
    RemoteStatus m_remote;
    Narrator* m_narrator = nullptr;
};

}  // namespace dc::ui
