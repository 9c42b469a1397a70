#include "app/staff_services_impl.hpp"

#include "store/pin_gate.hpp"
#include "store/staff_queries.hpp"

#include <sys/statvfs.h>

#include <chrono>
#include <ctime>
#include <fstream>

#include <nlohmann/json.hpp>

#include "store/paths.hpp"
#include "app/camera_stream.hpp"
#include "app/id_camera.hpp"
#include "common/log.hpp"
#include "app/ui/jobseeker/status_words.hpp"
#include "drivers/camera/camera.hpp"
#include "drivers/idread/barcodes.hpp"
#include "drivers/idread/document_capture.hpp"
#include "drivers/idread/mrz_reader.hpp"
#include "drivers/printer/printer.hpp"
#include "sync/client/network_check.hpp"
#include "sync/client/sync_worker.hpp"

namespace dc::app {

namespace {

// Local midnight as the store writes times (UTC, ISO 8601): "today" for a clerk is their day.
std::string localMidnightUtc() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    const std::time_t midnight = std::mktime(&local);
    std::tm utc{};
    gmtime_r(&midnight, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// A receipt in the person's language: what it is for, the code large with its QR, the state, and
// what to do with it.
printer::Receipt receiptFor(const domain::ReceiptFacts& f, ui::Language l, const std::string& siteName) {
    using Line = printer::ReceiptLine;
    printer::Receipt r;
    r.lines.push_back({Line::Style::Large, ui::tr(l, ui::Msg::AppName), true});
    if (!siteName.empty()) r.lines.push_back({Line::Style::Body, siteName, true});
    r.lines.push_back({Line::Style::Rule, "", false});
    r.lines.push_back({Line::Style::Bold, ui::tr(l, ui::kindMsg(f.kind)), false});
    if (!f.title.empty()) r.lines.push_back({Line::Style::Body, f.title, false});
    if (!f.where.empty() || !f.when.empty())
        r.lines.push_back({Line::Style::Body, f.where + (f.where.empty() || f.when.empty() ? "" : ", ") + f.when, false});
    r.lines.push_back({Line::Style::Rule, "", false});
    r.lines.push_back({Line::Style::Body, ui::tr(l, ui::Msg::YourCode), true});
    r.lines.push_back({Line::Style::Large, f.referenceCode, true});
    r.lines.push_back({Line::Style::Bold, ui::statusText(l, f.status, f.waitlistPosition), false});
    r.lines.push_back({Line::Style::Body, ui::tr(l, ui::Msg::KeepCode), false});
    r.qr = f.referenceCode;
    return r;
}

std::string redactedValue(const std::string& key, const std::string& value) {
    if (key.find("pin_hash") != std::string::npos) return value.empty() ? "not set" : "set";
    return value;
}

std::vector<std::string> configLines(const config::DeviceConfig& c) {
    auto q = [](const std::string& s) { return "\"" + s + "\""; };
    return {
        "site.name = " + q(c.siteName),
        "site.language = " + q(c.siteLanguage),
        "kiosk.idle_timeout_s = " + std::to_string(c.idleTimeoutSeconds),
        "kiosk.attract_after_s = " + std::to_string(c.attractAfterSeconds),
        "server.url = " + q(c.serverUrl),
        "server.sync_interval_s = " + std::to_string(c.syncIntervalSeconds),
        "camera.backend = " + q(c.cameraBackend),
        "printer.device = " + q(c.printerDevice),
        "printer.paper_mm = " + std::to_string(c.printerPaperMm),
        "clerk.pin_hash: " + redactedValue("pin_hash", c.clerkPinHash),
        "technician.pin_hash: " + redactedValue("pin_hash", c.technicianPinHash),
    };
}

}  // namespace

KioskStaffServices::KioskStaffServices(const KioskOptions& options, std::filesystem::path dataDir, std::filesystem::path fontDir,
                                       services::CatalogService& catalog, services::MainThreadQueue& results)
    : m_options(options),
      m_dataDir(std::move(dataDir)),
      m_fontDir(std::move(fontDir)),
      m_catalog(catalog),
      m_results(results),
      m_config(options.device) {}

KioskStaffServices::~KioskStaffServices() {
    std::lock_guard lock(m_threadsMutex);
    for (Task& t : m_threads) t.thread.join();
}

template <class T>
void KioskStaffServices::inBackground(std::function<Expected<T>()> work, Done<T> done) {
    std::lock_guard lock(m_threadsMutex);
    std::erase_if(m_threads, [](Task& t) {
        if (!*t.finished) return false;
        t.thread.join();
        return true;
    });
    auto finished = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([this, finished, work = std::move(work), done = std::move(done)] {
        auto result = work();
        m_results.post([done, result = std::move(result)] { done(result); });
        *finished = true;
    });
    m_threads.push_back({std::move(thread), std::move(finished)});
}

void KioskStaffServices::tryPin(domain::PinRole role, std::string pin, Done<domain::PinAttempt> done) {
    // The hashes in force are written to the store first (they may have come from the server
    // since the last attempt), then the attempt counts against the store's lock.
    const std::string hash = role == domain::PinRole::Clerk ? m_config.clerkPinHash : m_config.technicianPinHash;
    m_catalog.run<domain::PinAttempt>(
        [role, pin = std::move(pin), hash](store::Database& db) -> Expected<domain::PinAttempt> {
            store::PinGate gate(db);
            if (!hash.empty())
                if (auto set = gate.setPinHash(role, hash); !set) return std::unexpected(set.error());
            return gate.attempt(role, pin);
        },
        std::move(done));
}

void KioskStaffServices::todaysActions(Done<std::vector<domain::ActionRow>> done) {
    m_catalog.run<std::vector<domain::ActionRow>>(
        [since = localMidnightUtc()](store::Database& db) { return store::actionsSince(db, since, 200); }, std::move(done));
}

void KioskStaffServices::setAside(Done<std::vector<domain::QuarantinedRecord>> done) {
    m_catalog.run<std::vector<domain::QuarantinedRecord>>([](store::Database& db) { return store::quarantinedOutbox(db, 50); },
                                                          std::move(done));
}

void KioskStaffServices::registerJobseeker(domain::RegistrationDraft draft, Done<domain::ActionReceipt> done) {
    m_catalog.registerJobseeker(std::move(draft), std::move(done));
}

Expected<void> KioskStaffServices::print(const printer::Receipt& receipt) {
    const int width = m_config.printerPaperMm == 58 ? printer::kDots58mm : printer::kDots80mm;
    std::unique_ptr<printer::Printer> device;
    if (!m_options.printerPngDir.empty())
        device = printer::makePngPrinter(m_options.printerPngDir, width, m_fontDir);
    else if (!m_config.printerDevice.empty())
        device = printer::makeEscPosPrinter(m_config.printerDevice, width, m_fontDir);
    else
        return fail(ErrorCode::MissingResource, "no printer is configured (printer.device)");
    return device->print(receipt);
}

void KioskStaffServices::printReceipt(std::string code, ui::Language language, Done<bool> done) {
    // The facts come from the store worker; the drawing and the printer's device file, which
    // can block on a jammed printer, from a thread of their own.
    const std::string site = m_config.siteName;
    m_catalog.run<domain::ReceiptFacts>([code = std::move(code)](store::Database& db) { return store::receiptFacts(db, code); },
                                        [this, language, site, done = std::move(done)](Expected<domain::ReceiptFacts> facts) {
                                            if (!facts) {
                                                done(std::unexpected(facts.error()));
                                                return;
                                            }
                                            inBackground<bool>(
                                                [this, receipt = receiptFor(*facts, language, site)]() -> Expected<bool> {
                                                    if (auto printed = print(receipt); !printed) {
                                                        logLine("receipt not printed: " + printed.error().message());
                                                        return std::unexpected(printed.error());
                                                    }
                                                    return true;
                                                },
                                                done);
                                        });
}

void KioskStaffServices::syncNow() {
    if (m_sync) m_sync->syncNow();
}

ui::DiagnosticsReport KioskStaffServices::deviceFacts() const {
    ui::DiagnosticsReport d;
    // libcurl names every library it was built with; the first two (itself, TLS) are what matter.
    std::string curl = sync::curlVersion();
    if (const size_t second = curl.find(' ', curl.find(' ') + 1); second != std::string::npos) curl.resize(second);
    d.version = "dc-kiosk " DC_VERSION ", SQLite " + store::sqliteVersion() + ", " + curl;
    d.siteName = m_config.siteName;
    d.configFile = m_options.configFile.string();
    d.serverUrl = m_config.serverUrl;
    d.configLines = configLines(m_config);
    if (m_sync) {
        const sync::SyncStatus s = m_sync->status();
        d.deviceId = s.deviceId;
        d.syncState = sync::syncStateText(s.state);
        d.pending = s.pending;
        d.setAside = s.setAside;
        d.lastSyncError = s.lastError;
    } else {
        d.syncState = m_config.serverUrl.empty() ? "offline kiosk (no server configured)" : "off";
    }
    struct statvfs fs {};
    if (::statvfs(m_dataDir.c_str(), &fs) == 0)
        d.diskFreeBytes = static_cast<int64_t>(fs.f_bavail) * static_cast<int64_t>(fs.f_frsize);
    std::error_code ec;
    const auto size = std::filesystem::file_size(m_dataDir / store::kDatabaseFileName, ec);
    d.databaseBytes = ec ? 0 : static_cast<int64_t>(size);
    d.printer = !m_options.printerPngDir.empty() ? "printer: PNG files in " + m_options.printerPngDir.string()
        : m_config.printerDevice.empty()         ? std::string("printer: none")
                                                 : "printer: " + m_config.printerDevice;
    d.camera = "camera: " + m_config.cameraBackend;
    d.recentLog = log::recent();
    return d;
}

void KioskStaffServices::diagnostics(Done<ui::DiagnosticsReport> done) {
    ui::DiagnosticsReport facts = deviceFacts();
    m_catalog.run<ui::DiagnosticsReport>(
        [facts](store::Database& db) -> Expected<ui::DiagnosticsReport> {
            ui::DiagnosticsReport d = facts;
            auto integrity = store::integrityCheck(db);
            d.integrity = integrity ? *integrity : integrity.error().message();
            return d;
        },
        std::move(done));
}

void KioskStaffServices::checkNetwork(Done<std::vector<ui::NetworkStep>> done) {
    inBackground<std::vector<ui::NetworkStep>>(
        [url = m_config.serverUrl, ca = m_config.serverCaFile]() -> Expected<std::vector<ui::NetworkStep>> {
            std::vector<ui::NetworkStep> steps;
            for (const sync::CheckStep& s : sync::checkServerReachable(url, {.caFile = ca})) {
                steps.push_back(
                    {static_cast<ui::NetworkStep::Kind>(s.kind), static_cast<ui::NetworkStep::Verdict>(s.verdict), s.detail});
                logLine(std::string("network check: step ") + std::to_string(steps.size()) + " " +
                        (s.verdict == sync::CheckStep::Verdict::Works       ? "works"
                             : s.verdict == sync::CheckStep::Verdict::Fails ? "fails"
                                                                            : "not tried") +
                        (s.detail.empty() ? "" : " (" + s.detail + ")"));
            }
            return steps;
        },
        std::move(done));
}

void KioskStaffServices::testPrinter(Done<bool> done) {
    using Line = printer::ReceiptLine;
    printer::Receipt receipt;
    receipt.lines = {{Line::Style::Large, "Printer test", true},
                     {Line::Style::Body, "ქართული · Русский · Беларуская · English", true},
                     {Line::Style::Rule, "", false},
                     {Line::Style::Body, m_config.siteName, false},
                     {Line::Style::Body, "dc-kiosk " DC_VERSION, false}};
    receipt.qr = "printer-test";
    inBackground<bool>(
        [this, receipt]() -> Expected<bool> {
            if (auto printed = print(receipt); !printed) return std::unexpected(printed.error());
            logLine("printer test: printed");
            return true;
        },
        std::move(done));
}

namespace {

struct CameraRead {
    std::string cameraName;
    int frames = 0;
    std::optional<idread::MrzData> data;  // agreed by two frames in a row
    image::GrayImage documentCrop;  // with `data`: the document around its zone
};

// Until two frames agree on an MRZ that passes every check.
Expected<CameraRead> readMrzFromCamera(const std::string& backendName, const std::string& deviceId, double seconds) {
    auto reader = idread::MrzReader::open();
    if (!reader) return std::unexpected(reader.error());
    idread::DocumentCapture capture(**reader);
    CameraRead read;
    auto run = streamCamera(backendName, deviceId, seconds, [&](const image::GrayImage& frame) {
        idread::CaptureStep step = capture.add(frame);
        if (!step.confirmed) return false;
        read.data = std::move(step.confirmed);
        read.documentCrop = std::move(step.documentCrop);
        return true;
    });
    if (!run) return std::unexpected(run.error());
    read.cameraName = run->cameraName;
    read.frames = run->frames;
    return read;
}

}  // namespace

void KioskStaffServices::testCamera(Done<std::string> done) {
    inBackground<std::string>(
        [backendName = m_config.cameraBackend, deviceId = m_config.cameraDevice]() -> Expected<std::string> {
            auto read = readMrzFromCamera(backendName, deviceId, 10);
            if (!read) return std::unexpected(read.error());
            logLine("camera test: " + std::to_string(read->frames) + " frames, " +
                    (read->data ? "a document was read" : "no MRZ"));
            // The technician's own test document: its kind proves the read, nothing more is shown.
            return read->cameraName + ": " + std::to_string(read->frames) + " frames, " +
                (read->data ? "MRZ read (" + read->data->documentCode + ", " + read->data->issuingState + ")" : "no MRZ seen");
        },
        std::move(done));
}

void KioskStaffServices::readIdDocument(Done<ui::IdReading> done) {
    inBackground<ui::IdReading>(
        [backendName = m_config.cameraBackend, deviceId = m_config.cameraDevice]() -> Expected<ui::IdReading> {
            auto read = readMrzFromCamera(backendName, deviceId, 15);
            if (!read) {
                logLine("ID document not read: " + read.error().message());
                return std::unexpected(read.error());
            }
            if (!read->data)
                return fail(ErrorCode::NotFound, "no document was read in " + std::to_string(read->frames) + " frames");
            logLine("ID document read after " + std::to_string(read->frames) + " frames");  // never what it says
            ui::IdReading reading = idReadingFrom(*read->data);
            if (!read->documentCrop.empty())
                if (auto jpeg = image::encodeJpeg(read->documentCrop)) reading.photo = std::move(*jpeg);
            return reading;
        },
        std::move(done));
}

void KioskStaffServices::probeCamera(Done<bool> done) {
    inBackground<bool>(
        [backendName = m_config.cameraBackend]() -> Expected<bool> {
            auto backend = camera::backendNamed(backendName);
            if (!backend) return std::unexpected(backend.error());
            auto cameras = (*backend)->enumerate();
            if (!cameras) return std::unexpected(cameras.error());
            return !cameras->empty();
        },
        std::move(done));
}

void KioskStaffServices::scanReceiptQr(Done<std::string> done) {
    inBackground<std::string>(
        [backendName = m_config.cameraBackend, deviceId = m_config.cameraDevice]() -> Expected<std::string> {
            std::string code;
            auto run = streamCamera(backendName, deviceId, 15, [&](const image::GrayImage& frame) {
                for (const auto& symbol : idread::readBarcodes(frame))
                    if (symbol.format == "QRCode")
                        if (auto normal = store::normalizeReferenceCode(symbol.text); !normal.empty()) code = normal;
                return !code.empty();
            });
            if (!run) return std::unexpected(run.error());
            if (code.empty())
                return fail(ErrorCode::NotFound, "no receipt code seen in " + std::to_string(run->frames) + " frames");
            return code;
        },
        std::move(done));
}

void KioskStaffServices::testAudio(ui::Language language) {
    if (m_narrator) m_narrator->say(ui::tr(language, ui::Msg::TestAudioSpeech), language);
}

namespace {

// The first USB stick mounted under /media/USER/NAME or /run/media/USER/NAME (the desktop's
// automounter's places); DC_EXPORT_DIR overrides (tests, a stick mounted elsewhere).
std::filesystem::path findUsbStick() {
    if (const char* forced = std::getenv("DC_EXPORT_DIR"); forced && *forced) return forced;
    std::error_code ec;
    for (const char* root : {"/media", "/run/media"})
        for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
             !ec && it != std::filesystem::recursive_directory_iterator() && it.depth() <= 1; it.increment(ec))
            if (it->is_directory(ec) && it.depth() == 1) return it->path();
    return {};
}

}  // namespace

void KioskStaffServices::reenroll(Done<bool> done) {
    if (!m_sync) {
        done(fail(ErrorCode::MissingResource, "no server is configured"));
        return;
    }
    inBackground<bool>(
        [this]() -> Expected<bool> {
            const std::filesystem::path folder = findUsbStick() / "digital-citizen";
            std::string token;
            if (std::ifstream in(folder / "token"); in) {
                std::getline(in, token);
                while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
            } else if (auto picture = image::loadImage(folder / "token.png"); picture) {
                for (const auto& code : idread::readBarcodes(*picture))
                    if (code.format == "QRCode") token = code.text;
            }
            if (token.empty() || token.size() > 128)
                return fail(ErrorCode::NotFound, "no enrollment token on a USB stick (" + (folder / "token").string() + ")");
            m_sync->reenroll(token);
            logLine("enrolling again with the token from " + folder.string());
            return true;
        },
        std::move(done));
}

void KioskStaffServices::exportDiagnostics(Done<std::string> done) {
    ui::DiagnosticsReport facts = deviceFacts();
    // Looking for the stick reads directories: on the worker, not the UI thread.
    m_catalog.run<std::string>(
        [facts](store::Database& db) -> Expected<std::string> {
            const std::filesystem::path target = findUsbStick();
            if (target.empty()) return fail(ErrorCode::MissingResource, "no USB stick found under /media");
            auto integrity = store::integrityCheck(db);
            auto stats = store::outboxStats(db);
            const std::time_t now = std::time(nullptr);
            char stamp[32];
            std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::gmtime(&now));
            // Device facts, counts and log lines only: no record, no name, no code of anyone.
            nlohmann::json bundle = {{"version", facts.version},
                                     {"deviceId", facts.deviceId},
                                     {"site", facts.siteName},
                                     {"configFile", facts.configFile},
                                     {"config", facts.configLines},
                                     {"sync", facts.syncState},
                                     {"lastSyncError", facts.lastSyncError},
                                     {"diskFreeBytes", facts.diskFreeBytes},
                                     {"databaseBytes", facts.databaseBytes},
                                     {"integrity", integrity ? *integrity : integrity.error().message()},
                                     {"printer", facts.printer},
                                     {"camera", facts.camera},
                                     {"log", facts.recentLog},
                                     {"generatedAt", stamp}};
            if (stats)
                bundle["outbox"] = {
                    {"pending", stats->pending}, {"quarantined", stats->quarantined}, {"delivered", stats->delivered}};
            const std::filesystem::path file = target /
                ("dc-diagnostics-" + (facts.deviceId.empty() ? std::string("unenrolled") : facts.deviceId.substr(0, 16)) + "-" +
                 stamp + ".json");
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out << bundle.dump(2) << "\n";
            if (!out.flush()) return fail(ErrorCode::IoError, file.string() + " cannot be written");
            logLine("diagnostics saved to " + file.string());
            return file.string();
        },
        std::move(done));
}

void KioskStaffServices::stopKiosk() {
    logLine("stopped from technician mode");
    if (m_stop) m_stop();
}

}  // namespace dc::app
