#pragma once
// What every view receives: an explicit context instead of globals.
#include "app/ui/kit/fonts.hpp"
#include "app/ui/kit/i18n.hpp"
#include "app/ui/kit/theme.hpp"
#include "app/ui/kit/ui_registry.hpp"

namespace dc::ui {

struct UiContext {
    Language language;
    const Theme& theme;
    const Metrics& metrics;
    const Fonts& fonts;
    UiRegistry& registry;
    // Set by a view that is moving on its own (a list gliding after a swipe): the loop then
    // draws the next frame without waiting for input.
    bool animating = false;

    const char* t(Msg msg) const { return tr(language, msg); }
};

}  // namespace dc::ui
