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

bool applyTyping(TypingState& state, const TypingInput& input, Language language,
                 const std::function<std::string*(FieldId)>& bufferFor) {
    if (input.focusField) {
        if (!state.keyboardShown) state.keyboardLayout = *input.focusField == FieldId::Document ? Language::English : language;
        state.typingInto = *input.focusField;
        state.keyboardShown = true;
    }
    if (input.keyboardLayout) state.keyboardLayout = *input.keyboardLayout;
    if (input.keyboardDone) state.keyboardShown = false;
    if (input.keyText.empty() && !input.keyBackspace) return false;
    std::string* buffer = bufferFor ? bufferFor(state.typingInto) : nullptr;
    if (!buffer) return false;
    const std::string before = *buffer;
    if (input.keyBackspace)
        eraseLastCharacter(*buffer);
    else
        appendTyped(state.typingInto, *buffer, capitalized(state.typingInto, *buffer, input.keyText),
                    maxBytesFor(state.typingInto));
    return *buffer != before;
}

}  // namespace dc::ui
