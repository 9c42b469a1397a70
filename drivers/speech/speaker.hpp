#pragma once
// Speech for audio guidance: text in, sound out, behind a small interface so the kiosk runs the
// same with a real voice, with no sound card (the words are still synthesised and counted), and
// in tests (a fake that records what was said).
//
// say() interrupts whatever is being said: a person who moves on must not wait for the old
// sentence to end. Synthesis and playback run on the speaker's own thread, never on the caller's.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dc::drivers {

struct Utterance {
    std::string text;
    std::string language;  // ISO 639-1: ka, ru, be, en
};

struct SpeechStats {
    int64_t utterances = 0;  // sentences asked for
    int64_t samplesSynthesised = 0;
    bool playing = false;  // a sound device is open
    std::string last;  // the last sentence asked for
};

class Speaker {
public:
    virtual ~Speaker() = default;
    virtual void say(Utterance utterance) = 0;
    virtual void stop() = 0;
    virtual SpeechStats stats() const = 0;
};

// espeak-ng voices for ka/ru/be/en; plays through SDL's audio when a device opens, otherwise
// synthesises to nowhere. Null (with `error` set) when espeak-ng cannot start.
std::unique_ptr<Speaker> makeEspeakSpeaker(std::string* error);

// Remembers everything it is asked to say.
class RecordingSpeaker final : public Speaker {
public:
    void say(Utterance u) override {
        std::lock_guard lock(m_mutex);
        m_said.push_back(std::move(u));
    }
    void stop() override {}
    SpeechStats stats() const override {
        std::lock_guard lock(m_mutex);
        return {static_cast<int64_t>(m_said.size()), 0, false, m_said.empty() ? std::string() : m_said.back().text};
    }
    std::vector<Utterance> said() const {
        std::lock_guard lock(m_mutex);
        return m_said;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<Utterance> m_said;
};

}  // namespace dc::drivers
