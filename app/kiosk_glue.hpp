#pragma once
// Small adapters between the kiosk's parts: speech for the UI's narrator, the sync worker's
// answers and state in the words the UI uses.
#include <memory>
#include <string>
#include <vector>

#include "app/command_line.hpp"
#include "app/platform/window.hpp"
#include "app/services/catalog_service.hpp"
#include "app/ui/kit/delivery_info.hpp"
#include "app/ui/kit/fonts.hpp"
#include "common/log.hpp"
#include "app/ui/kit/narrator.hpp"
#include "domain/actions.hpp"
#include "drivers/speech/speaker.hpp"
#include "store/field_cipher.hpp"
#include "sync/client/sync_worker.hpp"

namespace dc::app {

// Audio guidance through the speech driver, started on first use (espeak-ng takes a moment to
// load its voices; the kiosk should not wait for it at start). Keeps what it said lately for the
// UI dump, and forgets it with the session.
class SpeechNarrator final : public ui::Narrator {
public:
    void say(const std::string& text, ui::Language language) override {
        m_recent.push_back(text);
        if (m_recent.size() > 20) m_recent.erase(m_recent.begin());
        if (!m_speaker && !m_failed) {
            std::string error;
            m_speaker = drivers::makeEspeakSpeaker(&error);
            m_failed = !m_speaker;
            if (m_failed) logLine("audio guidance is silent: " + error);
        }
        if (m_speaker) m_speaker->say({text, ui::languageCode(language)});
    }
    void stop() override {
        m_recent.clear();
        if (m_speaker) m_speaker->stop();
    }
    const std::vector<std::string>& recent() const { return m_recent; }
    long long samples() const { return m_speaker ? m_speaker->stats().samplesSynthesised : 0; }

private:
    std::unique_ptr<drivers::Speaker> m_speaker;
    bool m_failed = false;
    std::vector<std::string> m_recent;
};

// What the office said about a reference code, as "My status" shows it.
domain::StatusAnswer officeAnswer(const sync::StatusAnswerItem& item);
ui::DeliveryInfo deliveryInfo(const sync::SyncStatus& status);

// The window and its GL context, with the fonts baked on a thread meanwhile (each takes tens of
// milliseconds under a software GL driver), and again if the drawable is not the size asked for.
Expected<std::pair<std::unique_ptr<platform::Window>, ui::Fonts>> openWindow(const KioskOptions& options, ImFontAtlas& atlas,
                                                                             const std::filesystem::path& fontDir);
// The device key: systemd's sealed credential for this run when there is one, else the data
// folder's (made on first start). The log says which.
Expected<store::FieldCipher> openDeviceKey(const std::filesystem::path& dataDir);

// Delivery to the office on a thread of its own, on its own connection (none without the device
// key); `progressed` runs on the worker's thread after each round.
std::unique_ptr<sync::SyncWorker> startDelivery(const KioskOptions& options, const std::filesystem::path& dataDir,
                                                services::CatalogService& catalog, std::function<void()> progressed);

}  // namespace dc::app
