#pragma once
// Where the kiosk's words go when it speaks (audio guidance). The app connects it to the speech
// driver; the UI only says what to say and in which language.
#include <string>

#include "app/ui/kit/i18n.hpp"

namespace dc::ui {

class Narrator {
public:
    virtual ~Narrator() = default;
    // Interrupts whatever is being said.
    virtual void say(const std::string& text, Language language) = 0;
    virtual void stop() = 0;
};

}  // namespace dc::ui
