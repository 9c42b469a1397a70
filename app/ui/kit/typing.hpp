#pragma once
// Typing into a form's fields, the same for every form (the jobseeker's, the clerk's): which
// field takes keystrokes, whether the on-screen keyboard is up and in which layout, and what a
// key does to a field's text. Knows nothing of the kiosk's screens.
#include <functional>
#include <optional>
#include <string>

#include "app/ui/kit/i18n.hpp"

namespace dc::ui {

// The text fields a person can type into (one at a time).
enum class FieldId { None, Search, Name, Phone, Email, Note, Code, Document, BirthDate };

struct TypingState {
    FieldId typingInto = FieldId::None;  // the field that takes typed text, from either keyboard
    bool keyboardShown = false;  // the on-screen keyboard is up (a field was touched)
    Language keyboardLayout = Language::English;
};

// What a frame's touches and keys asked of the typing (views fill it; forms' actions extend it).
struct TypingInput {
    std::optional<FieldId> focusField;  // a field was touched
    std::string keyText;  // on-screen keyboard: text to add
    bool keyBackspace = false;
    bool keyboardDone = false;
    std::optional<Language> keyboardLayout;
};

// Carries out `input`: a touched field takes the keys and brings the keyboard up (in the screen's
// `language`, or Latin letters for a document number), a layout or "Done" key, then the typed
// text or backspace into the buffer `bufferFor` gives for the field typed into (nullptr: none).
// A name gets a capital at the start of each word without a shift key. True when a buffer changed.
bool applyTyping(TypingState& state, const TypingInput& input, Language language,
                 const std::function<std::string*(FieldId)>& bufferFor);

}  // namespace dc::ui
