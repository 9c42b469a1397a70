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
    // Said under the field typed into when a key was refused or the field is full, until the
    // next key it takes (nothing is dropped without a word).
    std::optional<Msg> typingNote;
};

// What typing a key into a field did.
struct TypedOutcome {
    bool refused = false;  // a character the field does not take (a letter in a phone number)
    bool full = false;  // the field holds as much as it may
    bool took = false;  // something was added
    bool notShown = false;  // a character the kiosk's fonts cannot show (an emoji, Arabic)
};

// Fields that take Latin letters only, whatever the screen's language: their keyboard opens in
// Latin, with "@" and "." (an e-mail address, a reference code, a document number).
bool latinOnly(FieldId id);

// What a frame's touches and keys asked of the typing (views fill it; forms' actions extend it).
struct TypingInput {
    std::optional<FieldId> focusField;  // a field was touched
    std::string keyText;  // on-screen keyboard: text to add
    bool keyBackspace = false;
    bool keyboardDone = false;
    std::optional<Language> keyboardLayout;
    TypedOutcome physical;  // what keys typed on a physical keyboard did (editField)
};

// Carries out `input`: a touched field takes the keys and brings the keyboard up (in the screen's
// `language`, or Latin letters for latinOnly fields), a layout or "Done" key, then the typed
// text or backspace into the buffer `bufferFor` gives for the field typed into (nullptr: none).
// A name gets a capital at the start of each word without a shift key. True when a buffer changed.
bool applyTyping(TypingState& state, const TypingInput& input, Language language,
                 const std::function<std::string*(FieldId)>& bufferFor);

}  // namespace dc::ui
