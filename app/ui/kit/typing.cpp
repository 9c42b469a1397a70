#include "app/ui/kit/typing.hpp"

#include <vector>

#include "app/ui/kit/widgets.hpp"
#include "common/utf8.hpp"

namespace dc::ui {
namespace {

// "нино" -> "Нино": the first letter of each word of a name, as a shift key would.
std::string capitalized(FieldId field, const std::string& buffer, const std::string& key) {
    if (field != FieldId::Name) return key;
    if (!buffer.empty() && buffer.back() != ' ' && buffer.back() != '-') return key;
    std::vector<char32_t> cps;
    if (!utf8::decode(key, cps) || cps.size() != 1) return key;
    char32_t c = cps[0];
    if (c >= 'a' && c <= 'z')
        c -= 0x20;
    else if (c >= 0x430 && c <= 0x44F)
        c -= 0x20;  // а-я
    else if (c >= 0x450 && c <= 0x45F)
        c -= 0x50;  // ё, і, ў ...
    std::string out;
    utf8::append(out, c);
    return out;
}

}  // namespace

bool latinOnly(FieldId id) { return id == FieldId::Email || id == FieldId::Code || id == FieldId::Document; }

bool applyTyping(TypingState& state, const TypingInput& input, Language language,
                 const std::function<std::string*(FieldId)>& bufferFor) {
    if (input.focusField) {
        // The layout follows the field touched: Latin for latinOnly fields, else the screen's
        // language (a layout the person picked stays while they type in the same field).
        if (!state.keyboardShown || *input.focusField != state.typingInto)
            state.keyboardLayout = latinOnly(*input.focusField) ? Language::English : language;
        if (*input.focusField != state.typingInto) state.typingNote.reset();
        state.typingInto = *input.focusField;
        state.keyboardShown = true;
    }
    auto note = [&](const TypedOutcome& o) {
        if (o.notShown)
            state.typingNote = Msg::ProblemLetters;
        else if (o.refused)
            state.typingNote = state.typingInto == FieldId::Phone || state.typingInto == FieldId::BirthDate ? Msg::TypedOnlyDigits
                                                                                                            : Msg::TypedNotTaken;
        else if (o.full)
            state.typingNote = Msg::FieldFull;
    };
    if (input.physical.refused || input.physical.full || input.physical.notShown)
        note(input.physical);
    else if (input.physical.took)
        state.typingNote.reset();
    if (input.keyboardLayout) state.keyboardLayout = *input.keyboardLayout;
    if (input.keyboardDone) state.keyboardShown = false;
    if (input.keyText.empty() && !input.keyBackspace) return false;
    std::string* buffer = bufferFor ? bufferFor(state.typingInto) : nullptr;
    if (!buffer) return false;
    const std::string before = *buffer;
    TypedOutcome outcome;
    if (input.keyBackspace)
        eraseLastCharacter(*buffer);
    else
        outcome = appendTyped(state.typingInto, *buffer, capitalized(state.typingInto, *buffer, input.keyText),
                              maxBytesFor(state.typingInto));
    if (outcome.refused || outcome.full || outcome.notShown)
        note(outcome);
    else
        state.typingNote.reset();
    return *buffer != before;
}

}  // namespace dc::ui
