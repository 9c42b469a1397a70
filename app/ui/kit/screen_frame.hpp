#pragma once
// The frame every screen is drawn in, jobseeker's or staff's: one window over the whole display,
// and the bar at its top with Back, the title and Home.
#include <string>

#include "app/ui/kit/ui_context.hpp"

namespace dc::ui {

struct NavigationInput {
    bool back = false;
    bool home = false;
    bool listen = false;  // "Listen": read this screen aloud
    bool pickLanguage = false;  // the header's language button: the language screen, keeping the session
};

// Begins the one window a screen is drawn in: the whole display, no decoration, no scrolling by
// wheel (lists scroll under a finger). End it with ImGui::End().
void beginScreenWindow(const char* id);

// The bar at the top of every screen: Back, the screen's title, the languages, Listen, Home
// (Listen only, on Home). The language button names the other languages, each in its own
// script ("РУС · БЕЛ · ENG" on a Georgian screen), so a person who cannot read this one finds it.
void drawHeader(UiContext& ctx, const std::string& title, bool withNavigation, NavigationInput& out, bool withLanguage = false);

}  // namespace dc::ui
