#pragma once
// The controller turns actions from views into state changes and catalog requests, and draws the
// current screen inside one full-screen ImGui window.
#include "app/core/catalog_service.hpp"
#include "app/ui/kiosk_state.hpp"
#include "app/ui/ui_context.hpp"

namespace dc::ui {

class KioskController {
public:
    KioskController(core::CatalogService& catalog, Language startLanguage);

    // Draws one frame of the UI into the current ImGui frame and applies what the person did.
    void drawFrame(UiContext& ctx);

    const KioskState& state() const { return m_state; }
    Language language() const { return m_state.language; }
    void setLanguage(Language language) { m_state.language = language; }

private:
    void apply(const Actions& actions);
    void open(Screen screen);
    void requestSearch();

    core::CatalogService& m_catalog;
    KioskState m_state;
    EditBuffers m_edit;
};

}  // namespace dc::ui
