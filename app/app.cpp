// Wires the modules together: options, store, catalog worker, window, fonts, UI and automation,
// then runs the event-driven frame loop.
#include "app/app.hpp"

#include <imgui.h>
#include <pthread.h>
#include <systemd/sd-daemon.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <future>
#include <optional>
#include <thread>

#include "app/command_line.hpp"
#include "app/kiosk_glue.hpp"
#include "app/stop_signals.hpp"
#include "app/services/catalog_service.hpp"
#include "catalog/demo_catalog.hpp"
#include "store/paths.hpp"
#include "app/device_probe.hpp"
#include "common/log.hpp"
#include "app/platform/window.hpp"
#include "app/id_camera.hpp"
#include "app/staff_services_impl.hpp"
#include "app/ui/automation/automation_runner.hpp"
#include "app/ui/jobseeker/kiosk_controller.hpp"
#include "app/ui/staff/staff_controller.hpp"
#include "app/ui/kit/ui_dump.hpp"
#include "app/ui/jobseeker/views.hpp"
#include "drivers/speech/speaker.hpp"
#include "sync/client/sync_worker.hpp"

namespace dc::app {
namespace {

constexpr int kExitScriptFailed = 1;
constexpr int kExitCannotStart = 2;

int cannotStart(const Error& error) {
    logLine("cannot start: " + error.message());
    return kExitCannotStart;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The running kiosk. Implements AutomationHost with the window's real input path.
class Kiosk final : public ui::AutomationHost {
public:
    Kiosk(std::chrono::steady_clock::time_point processStart, const KioskOptions& options, platform::Window& window,
          services::CatalogService& catalog, services::MainThreadQueue& results, ui::Fonts fonts, std::filesystem::path fontDir,
          KioskStaffServices& staff)
        : m_processStart(processStart),
          m_options(options),
          m_window(window),
          m_catalog(catalog),
          m_results(results),
          m_fonts(fonts),
          m_fontDir(std::move(fontDir)),
          m_metrics(ui::metricsFor(static_cast<float>(window.height()))),
          m_controller(catalog, *ui::languageFromCode(options.device.siteLanguage)),
          m_staffServices(staff),
          m_staff(staff),
          m_idleTimeoutSeconds(static_cast<int>(options.device.idleTimeoutSeconds)),
          m_config(options.device) {
        ui::applyTheme(ui::normalTheme(), m_metrics, ImGui::GetStyle());
        m_controller.setAttractSeconds(options.attractSeconds());
        m_controller.setNarrator(&m_narrator);
        staff.setNarrator(&m_narrator);
        staff.setStop([this] { requestStop(); });
    }

    // The application form offers to read the person's ID document with the camera.
    void enableIdCapture(ui::IdCamera& camera) {
        m_controller.setIdCamera(&camera, [](uintptr_t texture, const ui::CapturePreview& preview) {
            return platform::uploadGrayTexture(texture, preview.width, preview.height, preview.gray.data());
        });
    }

    void enableQrScanning(KioskStaffServices& services) {
        m_controller.setQrScanner(
            [&services](std::function<void(Expected<std::string>)> done) { services.scanReceiptQr(std::move(done)); });
    }

    // Thread-safe: the loop ends after the frame under way (systemd's SIGTERM, technician mode).
    void requestStop() {
        m_stopRequested = true;
        m_window.wake();
    }

    // Sync made progress (or changed state): the help screen's line and the receipt follow, and
    // the office's configuration, when it changed, is applied.
    void deliveryProgressed(const ui::DeliveryInfo& info, const std::string& officeConfig) {
        m_controller.setDelivery(info);
        m_controller.deliveryProgressed();
        m_staff.setDelivery(info);
        m_staff.deliveryProgressed();
        if (officeConfig != m_officeConfig) applyOfficeConfig(officeConfig);
        m_window.wake();
    }
    void setSyncNow(std::function<void()> syncNow) { m_controller.setSyncNow(std::move(syncNow)); }
    void setRemoteStatus(ui::KioskController::RemoteStatus remote) { m_controller.setRemoteStatus(std::move(remote)); }

    // The appliance booted without its configuration: the technician's screen, until `configFile`
    // appears (dc-provision wrote it); then run() returns 0 and systemd starts the kiosk again.
    void waitForConfiguration(std::filesystem::path configFile) { m_awaitedConfig = std::move(configFile); }

    void setScript(std::vector<ui::ScriptStep> steps) { m_runner.emplace(std::move(steps), m_options.stepTimeoutSeconds); }

    // The frame loop; its order each turn (wait, input, idle, sync answers, draw, automation,
    // watchdog) is the design ARCHITECTURE.md describes, so it stays readable in one place.
    int run() {
        m_runStart = std::chrono::steady_clock::now();
        int framesOwed = 2;  // draw the first frames without waiting for input
        sd_notify(0, "READY=1\nSTATUS=showing the kiosk");
        uint64_t watchdogUsec = 0;
        if (sd_watchdog_enabled(0, &watchdogUsec) <= 0) watchdogUsec = 0;
        auto lastPing = std::chrono::steady_clock::now();
        int refusedCloses = 0;
        while (!m_stopRequested) {
            if (m_window.closeRequests() != refusedCloses) {
                refusedCloses = m_window.closeRequests();
                logLine("a request to close the window was refused (kiosk lockdown)");
            }
            // The watchdog hears from the loop itself, so a hung UI thread is restarted by systemd.
            if (watchdogUsec > 0 && secondsSince(lastPing) * 2e6 >= static_cast<double>(watchdogUsec)) {
                sd_notify(0, "WATCHDOG=1");
                lastPing = std::chrono::steady_clock::now();
            }
            // Idle: block until input or a worker's result. While something changes, ImGui needs a
            // few frames to settle (hover, activation), so each event buys three frames. A script
            // asks for frames while it acts and checks, and none while it only waits.
            const bool scriptWantsFrames = m_runner && m_runner->needsFrames();
            // Frames owed are drawn at once, script or not, so a script sees the kiosk's own pace.
            double timeout = framesOwed > 0 ? 0.0 : scriptWantsFrames ? 1.0 / 60 : m_runner ? 0.02 : -1.0;
            // The idle reset needs a wake-up too, but only while a person's session is open.
            const double idleEvent = m_awaitedConfig ? -1.0
                : m_staff.active()                   ? std::max(0.0, m_idleTimeoutSeconds - secondsSince(m_lastInput))
                                   : m_controller.secondsUntilIdleEvent(secondsSince(m_lastInput), m_idleTimeoutSeconds);
            if (idleEvent >= 0) timeout = timeout < 0 ? idleEvent + 0.01 : std::min(timeout, idleEvent + 0.01);
            if (m_awaitedConfig) timeout = timeout < 0 ? kProvisioningPollSeconds : std::min(timeout, kProvisioningPollSeconds);
            if (watchdogUsec > 0) {
                const double ping = static_cast<double>(watchdogUsec) / 2e6;
                timeout = timeout < 0 ? ping : std::min(timeout, ping);
            }
            const bool gotInput = m_window.waitEvents(timeout);
            if (gotInput) m_lastInput = std::chrono::steady_clock::now();
            const bool gotResults = m_results.drain() > 0;
            if (gotInput || gotResults) framesOwed = std::max(framesOwed, 3);
            if (m_awaitedConfig) {
                std::error_code ec;
                if (std::filesystem::exists(*m_awaitedConfig, ec)) {
                    logLine("provisioned: " + m_awaitedConfig->string() + " appeared; restarting to start with it");
                    sd_notify(0, "STOPPING=1");
                    return 0;
                }
            } else if (m_staff.active()) {
                // A clerk or technician who walks away is signed out: no staff screen is left open.
                if (secondsSince(m_lastInput) >= m_idleTimeoutSeconds) {
                    m_staff.signOut();
                    logLine("staff mode ended: no touch for " + std::to_string(m_idleTimeoutSeconds) + " s");
                    framesOwed = std::max(framesOwed, 3);
                }
            } else if (m_controller.updateIdle(secondsSince(m_lastInput), m_idleTimeoutSeconds)) {
                framesOwed = std::max(framesOwed, 3);
            }

            const bool draw = framesOwed > 0 || scriptWantsFrames;
            if (draw) {
                drawFrame();
                if (framesOwed > 0) --framesOwed;
                // Enter in audio-nav taps the focused item as a finger would: the pointer moves there,
                // then presses, then lets go, a frame apart (ImGui decides hover from the frame before).
                if (auto tap = m_controller.takeNavTap()) {
                    m_window.injectPointerMove(tap->x, tap->y);
                    m_navTapPhase = 1;
                    framesOwed = std::max(framesOwed, 3);
                } else if (m_navTapPhase == 1) {
                    m_window.injectPointerButton(true);
                    m_navTapPhase = 2;
                    framesOwed = std::max(framesOwed, 3);
                } else if (m_navTapPhase == 2) {
                    m_window.injectPointerButton(false);
                    m_navTapPhase = 0;
                    framesOwed = std::max(framesOwed, 3);
                }
                if (m_animating) framesOwed = std::max(framesOwed, 1);  // a list gliding after a swipe
                maybeWriteDump();
            }
            if (m_runner) {
                const auto status = m_runner->tick(m_registry.lastFrame(), draw, secondsSince(m_runStart), *this);
                if (status == ui::AutomationRunner::Status::Failed) {
                    logLine(m_runner->failure());
                    sd_notify(0, "STOPPING=1");
                    return kExitScriptFailed;
                }
                if (status == ui::AutomationRunner::Status::Succeeded) {
                    logLine("script finished: every step passed");
                    sd_notify(0, "STOPPING=1");
                    return 0;
                }
            }
        }
        sd_notify(0, "STOPPING=1");
        logLine(m_runner ? "stopped before the script finished" : "stopped");
        return m_runner ? kExitScriptFailed : 0;
    }

    // AutomationHost
    void pointerMove(float x, float y) override { m_window.injectPointerMove(x, y); }
    void pointerButton(bool down) override { m_window.injectPointerButton(down); }
    void typeText(const std::string& utf8) override { m_window.injectText(utf8); }
    void pressKey(const std::string& name) override { m_window.injectKey(name); }
    void setLanguage(ui::Language language) override { m_controller.setLanguage(language); }
    // Still changing: a query's answer on its way, or a list gliding after a swipe (a step that
    // taps must not aim at a row that is still moving).
    bool busy() const override { return m_catalog.pending() > 0 || m_results.hasWaiting() || m_animating; }
    void requestScreenshot(const std::filesystem::path& file) override { m_screenshot = file; }
    bool screenshotPending() const override { return m_screenshot.has_value(); }
    std::string takeScreenshotError() override { return std::exchange(m_screenshotError, {}); }
    Expected<void> writeDump(const std::filesystem::path& file) override { return ui::writeDumpFile(file, currentDump()); }
    float screenWidth() const override { return static_cast<float>(m_window.width()); }
    float screenHeight() const override { return static_cast<float>(m_window.height()); }
    std::string focusedLabel() const override { return m_controller.navFocusLabel(); }
    void requestClose() override { m_window.injectCloseRequest(); }

private:
    // CPU time of this thread, in milliseconds: what a frame costs us, whatever else runs.
    static double threadCpuMs() {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
    }

    void drawFrame() {
        const double buildStart = threadCpuMs();
        m_window.newFrame();
        m_registry.beginFrame();
        ui::UiContext ctx{m_controller.language(), theme(), m_metrics, m_fonts, m_registry};
        if (m_awaitedConfig) {
            ui::beginScreenWindow("##not-provisioned");
            ui::drawNotProvisioned(ctx, "dc-kiosk " DC_VERSION "  ·  " + m_awaitedConfig->string());
            ImGui::End();
        } else if (m_staff.active()) {
            m_staff.drawFrame(ctx);
        } else {
            // Home before this frame's touch was handled: the touch that pressed Back elsewhere
            // ends on Home, and must not count as a tap on Home's corner.
            const bool wasHome = m_controller.state().screen == ui::Screen::Home && !m_controller.state().attract;
            m_controller.navigate(m_registry.lastFrame());
            m_controller.drawFrame(ctx);
            // Staff modes start from a clean kiosk: the jobseeker's session is wiped first.
            if (m_controller.takeStaffSignIn()) {
                m_controller.wipeSession();
                m_staff.openPin(domain::PinRole::Clerk);
            } else if (wasHome && m_controller.state().screen == ui::Screen::Home &&
                       m_staff.watchCorner(secondsSince(m_started))) {
                // Only on Home, where that corner holds nothing: elsewhere it is the Back button,
                // and a person tapping Back quickly must never land in technician mode.
                m_controller.wipeSession();
                m_staff.openPin(domain::PinRole::Technician);
                logLine("technician sign-in opened");
            }
        }
        m_animating = ctx.animating;
        ImGui::Render();
        m_registry.endFrame();
        const double presentStart = threadCpuMs();
        m_frameBuildCpuMs += presentStart - buildStart;
        const std::optional<std::filesystem::path> shot = std::exchange(m_screenshot, std::nullopt);
        if (auto presented = m_window.present(shot ? &*shot : nullptr); !presented)
            m_screenshotError = presented.error().message();
        else if (shot)
            logLine("screenshot saved: " + shot->string());
        m_framePresentCpuMs += threadCpuMs() - presentStart;
        if (++m_framesDrawn == 1) {  // the boot-to-first-frame figure of the OS image is read from this line
            platform::releaseFontPixels();
            m_firstFrameMs = secondsSince(m_processStart) * 1000;
            logLine("first frame shown " + std::to_string(std::lround(m_firstFrameMs)) + " ms after start");
        }
        applyDisplaySettings();
    }

    const ui::Theme& theme() const { return m_controller.state().highContrast ? ui::highContrastTheme() : ui::normalTheme(); }

    // Text size and contrast chosen on Home take effect between frames: fonts are baked again at
    // the new size (sharp, not scaled) and every size follows.
    void applyDisplaySettings() {
        const ui::KioskState& state = m_controller.state();
        if (state.textSize == m_appliedTextSize && state.highContrast == m_appliedContrast) return;
        if (state.textSize != m_appliedTextSize) {
            const ui::Metrics metrics = ui::metricsFor(static_cast<float>(m_window.height()), ui::kTextScales[state.textSize]);
            auto fonts = ui::loadFonts(*ImGui::GetIO().Fonts, m_fontDir, metrics.base);
            if (!fonts) {
                logLine("text size not changed: " + fonts.error().message());
                return;
            }
            m_fonts = *fonts;
            ImGui::GetIO().FontDefault = m_fonts.get(ui::FontRole::Body);
            m_metrics = metrics;
            platform::reloadFontTexture();
            m_appliedTextSize = state.textSize;
        }
        m_appliedContrast = state.highContrast;
        ui::applyTheme(theme(), m_metrics, ImGui::GetStyle());
    }

    // What the office set for this kiosk (heartbeat answers): checked key by key against the
    // schema, applied on top of the file's configuration; a bad key is logged and left as it was.
    void applyOfficeConfig(const std::string& json) {
        m_officeConfig = json;
        const config::PushedConfig pushed = config::applyPushedConfig(m_options.device, json);
        for (const std::string& problem : pushed.problems) logLine("office configuration: " + problem + " (not applied)");
        m_config = pushed.config;
        m_idleTimeoutSeconds = static_cast<int>(m_config.idleTimeoutSeconds);
        m_controller.setAttractSeconds(m_config.attractAfterSeconds == 0 ? 86400
                                                                         : static_cast<int>(m_config.attractAfterSeconds));
        if (auto language = ui::languageFromCode(m_config.siteLanguage)) m_controller.setSiteLanguage(*language);
        m_staffServices.setConfig(m_config);
        if (!pushed.applied.empty()) {
            std::string keys;
            for (const std::string& k : pushed.applied) keys += (keys.empty() ? "" : ", ") + k;
            logLine("office configuration applied: " + keys);
        }
    }

    std::string currentDump() const {
        ui::DumpInfo info{
            m_staff.active() ? m_staff.screenName() : ui::screenName(m_controller.state().screen),
            ui::languageCode(m_controller.language()),
            m_window.width(),
            m_window.height(),
            m_framesDrawn,
            m_frameBuildCpuMs,
            m_framePresentCpuMs,
            m_narrator.recent(),
            m_narrator.samples(),
            m_controller.state().jobs.value ? static_cast<long long>(m_controller.state().jobs.value->jobs.size()) : 0};
        info.firstFrameMs = m_firstFrameMs;
        info.startedSteadyMs = std::chrono::duration<double, std::milli>(m_processStart.time_since_epoch()).count();
        if (m_runner) {
            // The runner's clock starts with run(); the dump counts from the process's start.
            const double offsetMs = std::chrono::duration<double, std::milli>(m_runStart - m_processStart).count();
            const auto& timing = m_runner->timing();
            if (timing.lastRelease >= 0) info.tapReleasedMs = offsetMs + timing.lastRelease * 1000;
            if (timing.lastExpectSeen >= 0) info.expectSeenMs = offsetMs + timing.lastExpectSeen * 1000;
        }
        return ui::dumpJson(info, m_registry.lastFrame());
    }

    // --dump-ui: rewritten whenever the settled screen differs from what the file holds.
    void maybeWriteDump() {
        if (!m_options.dumpUi || busy()) return;
        const ui::Screen screen = m_staff.active() ? ui::Screen::Help : m_controller.state().screen;
        const ui::Language language = m_controller.language();
        if (m_dumped && m_dumped->widgets == m_registry.lastFrame() && m_dumped->screen == screen &&
            m_dumped->language == language && m_dumped->staff == m_staff.screenName())
            return;
        m_dumped = DumpedState{m_registry.lastFrame(), screen, language, m_staff.screenName()};
        if (auto written = ui::writeDumpFile(*m_options.dumpUi, currentDump()); !written) logLine(written.error().message());
    }

    struct DumpedState {
        std::vector<ui::WidgetInfo> widgets;
        ui::Screen screen;
        ui::Language language;
        std::string staff;
    };

    static constexpr double kProvisioningPollSeconds = 2.0;
    std::chrono::steady_clock::time_point m_processStart;
    std::optional<std::filesystem::path> m_awaitedConfig;
    const KioskOptions& m_options;
    platform::Window& m_window;
    services::CatalogService& m_catalog;
    services::MainThreadQueue& m_results;
    ui::Fonts m_fonts;
    std::filesystem::path m_fontDir;
    int m_appliedTextSize = 0;
    bool m_appliedContrast = false;
    ui::Metrics m_metrics;
    ui::UiRegistry m_registry;
    ui::KioskController m_controller;
    KioskStaffServices& m_staffServices;
    ui::StaffController m_staff;
    int m_idleTimeoutSeconds;
    config::DeviceConfig m_config;  // in force: the file's, with the office's changes on top
    std::string m_officeConfig;  // as last received
    std::atomic<bool> m_stopRequested{false};
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::optional<ui::AutomationRunner> m_runner;
    std::optional<std::filesystem::path> m_screenshot;
    std::string m_screenshotError;
    std::optional<DumpedState> m_dumped;
    long long m_framesDrawn = 0;
    double m_firstFrameMs = -1;
    std::chrono::steady_clock::time_point m_runStart;
    double m_frameBuildCpuMs = 0, m_framePresentCpuMs = 0;
    SpeechNarrator m_narrator;
    int m_navTapPhase = 0;  // an audio-nav tap under way: 1 moved, 2 pressed
    bool m_animating = false;
    std::chrono::steady_clock::time_point m_lastInput = std::chrono::steady_clock::now();
};

// The kiosk and its staff screens hear of delivery's progress, can ask for a round now, and ask
// the office about a code ("My status" asks the office first; the answer comes back on the UI
// thread, or not at all once `alive` is false).
void connectDelivery(Kiosk& kiosk, sync::SyncWorker& worker, KioskStaffServices& staffServices,
                     services::MainThreadQueue& results, std::shared_ptr<bool> alive, std::function<void()>& onDelivery) {
    staffServices.setSyncWorker(&worker);
    kiosk.setSyncNow([&worker] { worker.syncNow(); });
    onDelivery = [&kiosk, &worker] {
        const sync::SyncStatus status = worker.status();
        kiosk.deliveryProgressed(deliveryInfo(status), status.officeConfig);
    };
    onDelivery();
    kiosk.setRemoteStatus([&results, alive, &worker](std::string code,
                                                     std::function<void(Expected<std::optional<domain::StatusAnswer>>)> done) {
        worker.lookUpStatus(std::move(code),
                            [&results, alive, done = std::move(done)](Expected<std::optional<sync::StatusAnswerItem>> office) {
                                Expected<std::optional<domain::StatusAnswer>> answer = std::optional<domain::StatusAnswer>();
                                if (!office)
                                    answer = std::unexpected(office.error());
                                else if (*office)
                                    answer = std::optional<domain::StatusAnswer>(officeAnswer(**office));
                                results.post([alive, done, answer = std::move(answer)] {
                                    if (*alive) done(answer);
                                });
                            });
    });
}

}  // namespace

// Longer than most functions on purpose: its nested scopes are the order in which the kiosk's
// parts end (the loop, then sync, the catalog worker, the window, the ImGui context), which
// splitting it would hide.
int runKiosk(int argc, char** argv) {
    const auto processStart = std::chrono::steady_clock::now();
    log::setProgram("dc-kiosk");
    StopSignals signals;  // first: every thread started later inherits the blocked signals
    auto options = loadKioskOptions(argc, argv, store::defaultDataDir());
    if (!options) {
        std::fprintf(stderr, "dc-kiosk: %s\n\n%s", options.error().message().c_str(), usage().c_str());
        return kExitCannotStart;
    }
    if (options->showHelp) {
        std::fputs(usage().c_str(), stdout);
        return 0;
    }
    if (options->showVersion) {
        std::puts("dc-kiosk " DC_VERSION);
        return 0;
    }
    if (options->shortTimings)
        logLine("short timings for tests: idle reset after " + std::to_string(options->device.idleTimeoutSeconds) +
                " s, sync every " + std::to_string(options->device.syncIntervalSeconds) + " s (not for people)");
    const bool notProvisioned = options->waitForProvisioning && options->configFile.empty();
    if (notProvisioned) options->demo = false;

    // Everything that can be checked without a window is checked first, so a broken set-up is
    // reported plainly instead of as a blank screen.
    std::optional<std::vector<ui::ScriptStep>> script;
    if (options->script) {
        auto loaded = ui::loadScript(*options->script);
        if (!loaded) return cannotStart(loaded.error());
        script = std::move(*loaded);
    }

    const std::filesystem::path dataDir = options->dataDir.empty() ? store::defaultDataDir() : options->dataDir;
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return cannotStart(
            Error(ErrorCode::IoError, "cannot create the data folder '" + dataDir.string() + "': " + ec.message()));

    store::OpenReport report;
    auto db = store::Database::open(dataDir / store::kDatabaseFileName, &report);
    if (!db) return cannotStart(db.error());
    for (const std::string& note : report.notes) logLine(note);

    IMGUI_CHECKVERSION();
    // The fonts are baked on a thread while the window and its GL context open (each takes tens
    // of milliseconds under a software GL driver); the atlas joins the context once baked.
    ImFontAtlas atlas;
    ImGui::CreateContext(&atlas);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would keep an idle kiosk drawing
    // Keys move the kiosk's own audio-nav focus (KioskController::navigate), not ImGui's.

    int exitCode = kExitCannotStart;
    {
        const std::filesystem::path fontDir = options->fontDir.empty() ? ui::kDefaultFontDir : options->fontDir;
        auto opened = openWindow(*options, atlas, fontDir);
        if (!opened) {
            ImGui::DestroyContext();
            return cannotStart(opened.error());
        }
        auto& [window, fonts] = *opened;
        io.FontDefault = fonts.get(ui::FontRole::Body);
        logLine(std::string("window ") + std::to_string(window->width()) + "x" + std::to_string(window->height()) + " (" +
                window->backendName() + "), data in " + dataDir.string());

        services::MainThreadQueue results;
        platform::Window* windowPtr = window.get();
        results.setWake([windowPtr] { windowPtr->wake(); });
        {
            services::CatalogService catalog(std::move(*db), results);
            // Personal data is sealed with this device's key; without it the kiosk still shows
            // the catalog, and applying says plainly that it cannot save.
            if (auto cipher = openDeviceKey(dataDir); cipher)
                catalog.setCipher(std::move(*cipher));
            else
                logLine("applications cannot be saved: " + cipher.error().message());
            if (options->demo)
                catalog.seedIfEmpty(&catalog::kioskSeedCatalog, [](Expected<store::ImportCounts> seeded) {
                    if (!seeded)
                        logLine("demo catalog not loaded: " + seeded.error().message());
                    else if (seeded->jobsUpserted > 0)
                        logLine("demo catalog loaded: " + std::to_string(seeded->jobsUpserted) + " jobs, " +
                                std::to_string(seeded->coursesUpserted) + " courses");
                });
            // Delivery to the office runs on a thread of its own, on its own connection.
            std::function<void()> onDelivery;  // set once the kiosk exists; runs on the UI thread
            std::unique_ptr<sync::SyncWorker> delivery;
            auto alive = std::make_shared<bool>(true);  // answers posted after the loop ended are dropped
            KioskStaffServices staffServices(*options, dataDir, fontDir, catalog, results);
            if (!options->device.serverUrl.empty())
                delivery = startDelivery(*options, dataDir, catalog, [&results, &onDelivery] {
                    results.post([&onDelivery] {
                        if (onDelivery) onDelivery();
                    });
                });
            CameraIdCapture idCamera(options->device.cameraBackend, options->device.cameraDevice, results);
            Kiosk kiosk(processStart, *options, *window, catalog, results, fonts, fontDir, staffServices);
            if (script) kiosk.setScript(std::move(*script));
            if (!options->configFile.empty())
                logLine("configured for \"" + options->device.siteName + "\" by " + options->configFile.string());
            if (notProvisioned) {
                logLine("not provisioned: waiting for " + (dataDir / "device.toml").string() + " (dc-provision writes it)");
                kiosk.waitForConfiguration(dataDir / "device.toml");
            }
            // A provisioned kiosk with a camera lets people scan their receipt on "My status" and
            // read their ID document on the application form.
            if (!options->configFile.empty() && options->device.cameraBackend != "none")
                staffServices.probeCamera([&kiosk, &staffServices, &idCamera](Expected<bool> found) {
                    if (found && *found) {
                        kiosk.enableQrScanning(staffServices);
                        kiosk.enableIdCapture(idCamera);
                    } else if (!found) {
                        logLine("no camera for the jobseeker's screens: " + found.error().message());
                    }
                });
            if (delivery) connectDelivery(kiosk, *delivery, staffServices, results, alive, onDelivery);
            signals.watch([&kiosk](int signal) {
                logLine(std::string("stopping: ") + (signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "SIGHUP"));
                kiosk.requestStop();
            });
            exitCode = kiosk.run();
            *alive = false;
            signals.stop();
            onDelivery = nullptr;
        }
        results.setWake(nullptr);
    }
    ImGui::DestroyContext();
    return exitCode;
}

}  // namespace dc::app
