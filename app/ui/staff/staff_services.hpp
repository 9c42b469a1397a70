#pragma once
// What clerk and technician modes ask of the rest of the kiosk. The app implements it (store
// worker, sync worker, printer, camera, speech); the views only see answers, on the UI thread.
// Every call returns at once; `done` runs later on the UI thread.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/staff.hpp"
#include "domain/actions.hpp"
#include "domain/kiosk_records.hpp"
#include "app/ui/kit/i18n.hpp"
#include "app/ui/jobseeker/id_capture/id_capture.hpp"
#include "common/error.hpp"

namespace dc::ui {

// One step of the network check, in the order a connection is made.
struct NetworkStep {
    enum class Kind { Dns, Tcp, Tls, Http } kind = Kind::Dns;
    enum class Verdict { Works, Fails, NotTried } verdict = Verdict::NotTried;
    std::string detail;  // "10.0.0.5", "connection refused", "HTTP 200 in 12 ms"
};

// What technician mode shows about the device. Never anything of a person.
struct DiagnosticsReport {
    std::string version;  // "dc-kiosk 0.1.0, SQLite 3.40.1, libcurl 7.88.1"
    std::string deviceId;  // empty: not enrolled
    std::string siteName, configFile, serverUrl;
    std::vector<std::string> configLines;  // "kiosk.idle_timeout_s = 90"; PIN hashes only as "set"
    std::string syncState;  // plain words
    int64_t pending = 0, setAside = 0;
    std::string lastSyncError;
    int64_t diskFreeBytes = 0, databaseBytes = 0;
    std::string integrity;  // "ok" or SQLite's findings
    std::string printer, camera;  // what is configured and found
    std::vector<std::string> recentLog;
};

class StaffServices {
public:
    template <class T>
    using Done = std::function<void(Expected<T>)>;
    virtual ~StaffServices() = default;

    virtual void tryPin(domain::PinRole role, std::string pin, Done<domain::PinAttempt> done) = 0;
    // Records made since local midnight, newest first.
    virtual void todaysActions(Done<std::vector<domain::ActionRow>> done) = 0;
    virtual void setAside(Done<std::vector<domain::QuarantinedRecord>> done) = 0;
    virtual void registerJobseeker(domain::RegistrationDraft draft, Done<domain::ActionReceipt> done) = 0;
    // Reads an ID card or passport held under the camera (two frames must agree), for up to
    // about 15 seconds. Frames stay in memory; the reading carries a JPEG of the document, which
    // goes sealed with the registration.
    virtual void readIdDocument(Done<IdReading> done) = 0;
    virtual void printReceipt(std::string referenceCode, Language language, Done<bool> done) = 0;
    virtual void syncNow() = 0;

    virtual void diagnostics(Done<DiagnosticsReport> done) = 0;
    virtual void checkNetwork(Done<std::vector<NetworkStep>> done) = 0;  // empty: no server configured
    virtual void testPrinter(Done<bool> done) = 0;
    virtual void testCamera(Done<std::string> done) = 0;  // what the camera saw and read
    virtual void testAudio(Language language) = 0;
    virtual void exportDiagnostics(Done<std::string> done) = 0;  // the file written
    // Enrolls the device again with the token on a USB stick (digital-citizen/token or token.png).
    virtual void reenroll(Done<bool> done) = 0;
    virtual void stopKiosk() = 0;
};

}  // namespace dc::ui
