#pragma once
// StaffServices for the running kiosk: PINs and records through the store worker, delivery
// through the sync worker, receipts through the printer driver, the camera test through the
// camera and ID-reading drivers, checks that block (network, camera) on threads of their own.
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "app/command_line.hpp"
#include "app/services/catalog_service.hpp"
#include "app/services/main_thread_queue.hpp"
#include "app/ui/kit/narrator.hpp"
#include "app/ui/staff/staff_services.hpp"

namespace dc::sync {
class SyncWorker;
}
namespace dc::printer {
struct Receipt;
}

namespace dc::app {

class KioskStaffServices final : public ui::StaffServices {
public:
    KioskStaffServices(const KioskOptions& options, std::filesystem::path dataDir, std::filesystem::path fontDir,
                       services::CatalogService& catalog, services::MainThreadQueue& results);
    ~KioskStaffServices() override;  // waits for checks still running

    void setSyncWorker(sync::SyncWorker* worker) { m_sync = worker; }
    void setNarrator(ui::Narrator* narrator) { m_narrator = narrator; }
    void setStop(std::function<void()> stop) { m_stop = std::move(stop); }
    // The configuration in force (the file's, with what the office pushed on top).
    void setConfig(const config::DeviceConfig& config) { m_config = config; }

    void tryPin(domain::PinRole role, std::string pin, Done<domain::PinAttempt> done) override;
    void todaysActions(Done<std::vector<domain::ActionRow>> done) override;
    void setAside(Done<std::vector<domain::QuarantinedRecord>> done) override;
    void registerJobseeker(domain::RegistrationDraft draft, Done<domain::ActionReceipt> done) override;
    void printReceipt(std::string referenceCode, ui::Language language, Done<bool> done) override;
    void readIdDocument(Done<ui::IdReading> done) override;
    void syncNow() override;
    void diagnostics(Done<ui::DiagnosticsReport> done) override;
    void checkNetwork(Done<std::vector<ui::NetworkStep>> done) override;
    void testPrinter(Done<bool> done) override;
    void testCamera(Done<std::string> done) override;
    void testAudio(ui::Language language) override;
    void exportDiagnostics(Done<std::string> done) override;
    void reenroll(Done<bool> done) override;
    void stopKiosk() override;

    // For the jobseeker's "My status": whether the configured camera is there, and a receipt's QR
    // code read from it (the reference code, or an error after about 15 seconds).
    void probeCamera(Done<bool> done);
    void scanReceiptQr(Done<std::string> done);

private:
    // Runs `work` on a thread of its own and hands its answer to `done` on the UI thread.
    template <class T>
    void inBackground(std::function<Expected<T>()> work, Done<T> done);
    Expected<void> print(const printer::Receipt& receipt);
    ui::DiagnosticsReport deviceFacts() const;  // the parts the UI thread can gather

    const KioskOptions& m_options;
    std::filesystem::path m_dataDir, m_fontDir;
    services::CatalogService& m_catalog;
    services::MainThreadQueue& m_results;
    config::DeviceConfig m_config;
    sync::SyncWorker* m_sync = nullptr;
    ui::Narrator* m_narrator = nullptr;
    std::function<void()> m_stop;
    // One thread per check or print; finished ones are joined when the next starts, so a clerk
    // printing receipts all day does not pile up threads.
    struct Task {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    std::mutex m_threadsMutex;
    std::vector<Task> m_threads;
};

}  // namespace dc::app
