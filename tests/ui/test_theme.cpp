#include <catch2/catch.hpp>

#include <algorithm>

#include "app/ui/kit/theme.hpp"

using namespace dc::ui;

TEST_CASE("contrast ratio matches the WCAG definition", "[ui][theme]") {
    CHECK(contrastRatio(Color::hex(0x000000), Color::hex(0xFFFFFF)) == Approx(21.0));
    CHECK(contrastRatio(Color::hex(0x777777), Color::hex(0x777777)) == Approx(1.0));
    CHECK(contrastRatio(Color::hex(0x767676), Color::hex(0xFFFFFF)) == Approx(4.54).margin(0.01));
}

namespace {

// The lowest contrast among every text/background pair the screens draw.
double lowestContrast(const Theme& t) {
    struct Pair {
        const char* name;
        Color fg, bg;
    };
    const Pair pairs[] = {
        {"text on page", t.text, t.background},
        {"muted on page", t.textMuted, t.background},
        {"text on card", t.text, t.surface},
        {"muted on card", t.textMuted, t.surface},
        {"header", t.headerText, t.header},
        {"primary button", t.primaryText, t.primary},
        {"secondary button", t.secondaryText, t.secondary},
        {"salary on card", t.money, t.surface},
        {"badge", t.badgeText, t.badge},
        {"header button", t.header, t.headerText},
        {"warning badge", t.warningText, t.warning},
        {"alert on card", t.alert, t.surface},
        {"alert on page", t.alert, t.background},
    };
    double lowest = 21;
    for (const Pair& p : pairs) {
        INFO(p.name);
        lowest = std::min(lowest, contrastRatio(p.fg, p.bg));
    }
    return lowest;
}

}  // namespace

TEST_CASE("every text colour of the theme reaches 4.5:1 on its background", "[ui][theme]") {
    CHECK(lowestContrast(normalTheme()) >= 4.5);
}

TEST_CASE("borders of cards, fields and keys reach 3:1 on the page and on cards (WCAG 1.4.11)", "[ui][theme]") {
    for (const Theme* t : {&normalTheme(), &highContrastTheme()}) {
        CHECK(contrastRatio(t->border, t->surface) >= 3.0);
        CHECK(contrastRatio(t->border, t->background) >= 3.0);
        CHECK(contrastRatio(t->secondaryText, t->surface) >= 3.0);  // a field's outline
    }
    // "Full" is not worn in the good news' colours.
    CHECK(normalTheme().warning.imgui() != normalTheme().badge.imgui());
    CHECK(normalTheme().warningText.imgui() != normalTheme().badgeText.imgui());
}

TEST_CASE("the high-contrast theme reaches 7:1 for every pair", "[ui][theme]") {
    CHECK(lowestContrast(highContrastTheme()) >= 7.0);
    CHECK(lowestContrast(highContrastTheme()) > lowestContrast(normalTheme()));
}

TEST_CASE("larger text makes every size larger, never a touch target smaller", "[ui][theme]") {
    const Metrics normal = metricsFor(1080, kTextScales[0]);
    for (float scale : kTextScales) {
        const Metrics m = metricsFor(1080, scale);
        CHECK(m.base >= normal.base * scale - 1);
        CHECK(m.touch >= normal.touch);
        CHECK(m.touch >= 48);
    }
    CHECK(metricsFor(1080, 1.7f).base > metricsFor(1080, 1.35f).base);
}

TEST_CASE("touch targets are at least 48 px at 1080p and scale with the screen", "[ui][theme]") {
    const Metrics m1080 = metricsFor(1080);
    CHECK(m1080.touch >= 48);
    CHECK(m1080.gap >= 8);
    CHECK(m1080.base == 36);
    const Metrics m720 = metricsFor(720);
    CHECK(m720.touch >= 32);
    CHECK(m720.base < m1080.base);
    CHECK(metricsFor(100).base >= 18);  // never unreadably small
}
