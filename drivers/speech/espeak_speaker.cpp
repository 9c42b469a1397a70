// espeak-ng synthesis on a thread of its own, played through SDL's audio queue.
#include <SDL.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <atomic>
#include <condition_variable>
#include <optional>
#include <thread>

#include "drivers/speech/speaker.hpp"

namespace dc::drivers {
namespace {

class EspeakSpeaker;
EspeakSpeaker* g_active = nullptr;  // espeak-ng's callback has no user pointer for us

class EspeakSpeaker final : public Speaker {
public:
    static std::unique_ptr<Speaker> create(std::string* error) {
        espeak_ng_InitializePath(nullptr);
        if (espeak_ng_Initialize(nullptr) != ENS_OK ||
            espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) != ENS_OK) {
            if (error) *error = "espeak-ng could not start (is espeak-ng-data installed?)";
            return nullptr;
        }
        return std::unique_ptr<Speaker>(new EspeakSpeaker());
    }

    ~EspeakSpeaker() override {
        {
            std::lock_guard lock(m_mutex);
            m_quit = true;
            m_cancel = true;
        }
        m_wake.notify_all();
        m_thread.join();
        if (m_device) SDL_CloseAudioDevice(m_device);
        g_active = nullptr;
        espeak_ng_Terminate();
    }

    void say(Utterance u) override {
        {
            std::lock_guard lock(m_mutex);
            m_stats.last = u.text;
            ++m_stats.utterances;
            m_pending = std::move(u);
            m_cancel = true;  // the sentence being made stops at its next chunk
        }
        if (m_device) SDL_ClearQueuedAudio(m_device);
        m_wake.notify_all();
    }

    void stop() override {
        {
            std::lock_guard lock(m_mutex);
            m_pending.reset();
            m_cancel = true;
        }
        if (m_device) SDL_ClearQueuedAudio(m_device);
    }

    SpeechStats stats() const override {
        std::lock_guard lock(m_mutex);
        SpeechStats s = m_stats;
        s.playing = m_device != 0;
        return s;
    }

    // espeak-ng hands over the sound in chunks as it makes it: queue each at once, so speech
    // starts before the sentence is finished. Returning 1 abandons the sentence.
    int onSamples(short* wav, int count) {
        if (m_cancel) return 1;
        if (wav && count > 0) {
            if (m_device) SDL_QueueAudio(m_device, wav, static_cast<Uint32>(count) * sizeof(short));
            std::lock_guard lock(m_mutex);
            m_stats.samplesSynthesised += count;
        }
        return 0;
    }

private:
    EspeakSpeaker() {
        g_active = this;
        espeak_SetSynthCallback(
            [](short* wav, int count, espeak_EVENT*) { return g_active ? g_active->onSamples(wav, count) : 1; });
        espeak_SetParameter(espeakRATE, 150, 0);  // a little slower than the default: clearer
        // Audio is optional: a kiosk without a sound card still guides nobody, but works.
        if (SDL_WasInit(SDL_INIT_AUDIO) != 0 || SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) {
            SDL_AudioSpec want{};
            want.freq = espeak_ng_GetSampleRate();
            want.format = AUDIO_S16SYS;
            want.channels = 1;
            want.samples = 1024;
            m_device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
            if (m_device) SDL_PauseAudioDevice(m_device, 0);
        }
        m_thread = std::thread([this] { run(); });
    }

    void run() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&] { return m_quit || m_pending; });
            if (m_quit) return;
            Utterance u = std::move(*m_pending);
            m_pending.reset();
            m_cancel = false;
            lock.unlock();
            espeak_ng_SetVoiceByName(u.language.c_str());
            espeak_ng_Synthesize(u.text.c_str(), u.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
            lock.lock();
        }
    }

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Utterance> m_pending;
    std::atomic<bool> m_cancel{false};
    bool m_quit = false;
    SpeechStats m_stats;
    SDL_AudioDeviceID m_device = 0;
    std::thread m_thread;
};

}  // namespace

std::unique_ptr<Speaker> makeEspeakSpeaker(std::string* error) { return EspeakSpeaker::create(error); }

}  // namespace dc::drivers
