#include "app/kiosk_glue.hpp"

#include <future>
#include <mutex>
#include <optional>

#include "app/device_probe.hpp"
#include "app/ui/kit/theme.hpp"
#include "store/paths.hpp"

#include "common/log.hpp"

namespace dc::app {

domain::StatusAnswer officeAnswer(const sync::StatusAnswerItem& item) {
    domain::StatusAnswer a;
    a.kind = item.kind == "enrollment" ? domain::StatusAnswer::Kind::Enrollment : domain::StatusAnswer::Kind::Application;
    a.status = item.status == "received" ? domain::ActionStatus::Submitted : domain::actionStatusFromText(item.status);
    a.waitlistPosition = item.waitlistPosition;
    a.title = item.title;
    a.delivered = true;
    a.message = item.detail.empty() ? item.message : item.message.empty() ? item.detail : item.message + "\n" + item.detail;
    a.fromOffice = true;
    return a;
}

ui::DeliveryInfo deliveryInfo(const sync::SyncStatus& s) {
    using State = ui::DeliveryInfo::State;
    State state = State::Connecting;
    switch (s.state) {
        case sync::SyncState::NotSetUp: state = State::NotSetUp; break;
        case sync::SyncState::Connecting: state = State::Connecting; break;
        case sync::SyncState::Idle: state = State::UpToDate; break;
        case sync::SyncState::Busy: state = State::Busy; break;
        case sync::SyncState::Offline: state = State::Offline; break;
        case sync::SyncState::BackingOff: state = State::Retrying; break;
    }
    return {state, s.pending};
}

// The window and its GL context, with the fonts baked on a thread meanwhile (each takes tens of
// milliseconds under a software GL driver), and again if the drawable is not the size asked for.
Expected<std::pair<std::unique_ptr<platform::Window>, ui::Fonts>> openWindow(const KioskOptions& options, ImFontAtlas& atlas,
                                                                             const std::filesystem::path& fontDir) {
    std::future<Expected<ui::Fonts>> baking;
    float bakedFor = 0;
    platform::WindowOptions windowOptions;
    windowOptions.fullscreen = options.fullscreen;
    windowOptions.width = options.width;
    windowOptions.height = options.height;
    windowOptions.onSizeKnown = [&](int, int height) {
        bakedFor = ui::metricsFor(static_cast<float>(height)).base;
        baking = std::async(std::launch::async, [&atlas, &fontDir, px = bakedFor] { return ui::loadFonts(atlas, fontDir, px); });
    };
    auto window = platform::createWindow(windowOptions);
    std::optional<Expected<ui::Fonts>> fonts;
    if (baking.valid()) fonts = baking.get();
    if (!window) return std::unexpected(window.error());
    const float basePx = ui::metricsFor(static_cast<float>((*window)->height())).base;
    if (!fonts || basePx != bakedFor) fonts = ui::loadFonts(atlas, fontDir, basePx);
    if (!*fonts) return std::unexpected(fonts->error());
    return std::make_pair(std::move(*window), std::move(**fonts));
}

Expected<store::FieldCipher> openDeviceKey(const std::filesystem::path& dataDir) {
    const store::DeviceKeyLocation key = store::deviceKeyLocation(dataDir);
    auto cipher = store::FieldCipher::openDeviceKey(key.file, !key.sealed);
    if (cipher && key.sealed) {
        static std::once_flag said;
        std::call_once(said, [] { logLine("the device key is sealed by systemd (opened for this run only)"); });
    }
    return cipher;
}

// Delivery to the office on a thread of its own, on its own connection (none without the device
// key); `progressed` runs on the worker's thread after each round.
std::unique_ptr<sync::SyncWorker> startDelivery(const KioskOptions& options, const std::filesystem::path& dataDir,
                                                services::CatalogService& catalog, std::function<void()> progressed) {
    auto key = openDeviceKey(dataDir);
    if (!key) {
        logLine("sync is off: " + key.error().message());
        return nullptr;
    }
    const config::DeviceConfig& device = options.device;
    sync::SyncWorker::Options syncOptions;
    syncOptions.idleInterval = std::chrono::seconds(device.syncIntervalSeconds);
    auto worker = std::make_unique<sync::SyncWorker>(
        dataDir / store::kDatabaseFileName, std::move(*key),
        sync::SyncConfig{.serverUrl = device.serverUrl,
                         .enrollToken = options.enrollToken,
                         .deviceName = "dc-kiosk",
                         .version = DC_VERSION,
                         .syncIntervalSeconds = static_cast<int>(device.syncIntervalSeconds),
                         .deviceState = DeviceProbe{device.printerDevice, options.printerPngDir, device.cameraBackend},
                         .retentionDays = device.retentionDays},
        sync::CurlOptions{.caFile = device.serverCaFile}, syncOptions, std::move(progressed));
    catalog.setOnQueued([w = worker.get()] { w->syncNow(); });
    logLine("delivering to " + device.serverUrl);
    return worker;
}

}  // namespace dc::app
