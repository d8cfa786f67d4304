// test_palette.cpp: the page's colours (web/palette.h): CIEDE2000 against Sharma, Wu and
// Dalal's published pairs, the dichromacy simulation against the measured figures,
// then every class pair ≥ 10 apart under every vision and every text and line contrast.
#include "web/palette.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

using namespace nnplay::web;

namespace {

Rgb hex(std::uint32_t v) { return {std::uint8_t(v >> 16), std::uint8_t(v >> 8), std::uint8_t(v)}; }

// Restores the theme a test changed.
struct ThemeGuard {
    Theme saved = current_theme();
    ~ThemeGuard() { set_theme(saved); }
};

}  // namespace

TEST_CASE("palette: CIEDE2000 gives Sharma, Wu and Dalal's test values") {
    struct Pair {
        Lab x, y;
        double expected;
    };
    const Pair pairs[] = {
        {{50, 2.6772, -79.7751}, {50, 0, -82.7485}, 2.0425},
        {{50, 2.5, 0}, {50, 0, -2.5}, 4.3065},
        {{50, 0, 0}, {50, -1, 2}, 2.3669},
        {{50, 2.49, -0.001}, {50, -2.49, 0.0009}, 7.1792},  // hues across 0°/360°
        {{50, 2.49, -0.001}, {50, -2.49, 0.0011}, 7.2195},
        {{50, 2.5, 0}, {73, 25, -18}, 27.1492},
        {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
    };
    for (const Pair& p : pairs) {
        CHECK(ciede2000(p.x, p.y) == doctest::Approx(p.expected).epsilon(1e-4));
        CHECK(ciede2000(p.y, p.x) == doctest::Approx(p.expected).epsilon(1e-4));  // symmetric
    }
    CHECK(ciede2000({40, 10, 10}, {40, 10, 10}) == 0);
}

TEST_CASE("palette: sRGB, CIELAB and WCAG contrast at known points") {
    CHECK(srgb_to_linear(0) == 0);
    CHECK(srgb_to_linear(1) == doctest::Approx(1));
    CHECK(srgb_to_linear(0.5) == doctest::Approx(0.21404).epsilon(1e-4));
    const Lab white = lab_of({255, 255, 255});
    CHECK(white.L == doctest::Approx(100).epsilon(1e-4));
    CHECK(std::abs(white.a) < 1e-3);
    CHECK(std::abs(white.b) < 1e-3);
    CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21));
    CHECK(contrast_ratio({118, 118, 118}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
    CHECK(contrast_ratio({10, 20, 30}, {10, 20, 30}) == doctest::Approx(1));
}

TEST_CASE("palette: the simulation reproduces the old palette's measured confusions") {
    // Issue 12 measured the palette before this one: blue and purple 0.6 apart under
    // protanopia, green and red 4.6 under deuteranopia. Same method, same numbers.
    const Rgb blue = hex(0x0877bd), purple = hex(0x9467bd), green = hex(0x2ca02c), red = hex(0xd62728);
    CHECK(delta_e(blue, purple, Vision::protanopia) == doctest::Approx(0.63).epsilon(0.02));
    CHECK(delta_e(green, red, Vision::deuteranopia) == doctest::Approx(4.61).epsilon(0.01));
    CHECK(delta_e(green, red, Vision::normal) > 20);
    // Tritanopia keeps reds and greens apart but merges blue with green.
    CHECK(delta_e(green, red, Vision::tritanopia) > 20);
    // The simulations keep greys grey.
    for (Vision v : kVisions) {
        const auto g = simulate(to_linear({128, 128, 128}), v);
        CHECK(g[0] == doctest::Approx(g[1]).epsilon(0.01));
        CHECK(g[1] == doctest::Approx(g[2]).epsilon(0.01));
    }
}

TEST_CASE("palette: every pair of class colours stays ≥ 10 apart under every vision") {
    ThemeGuard guard;
    for (Theme theme : {Theme::light, Theme::dark}) {
        set_theme(theme);
        for (Vision v : kVisions)
            for (int k = 2; k <= kPaletteClasses; ++k) {
                CAPTURE(std::string(vision_name(v)));
                CAPTURE(k);
                CHECK(min_class_delta_e(k, v) >= 10);
            }
        for (int i = 0; i < kPaletteClasses; ++i)
            for (int j = i + 1; j < kPaletteClasses; ++j)
                for (Vision v : kVisions) {
                    CAPTURE(i);
                    CAPTURE(j);
                    CAPTURE(std::string(vision_name(v)));
                    CHECK(delta_e(class_color(i), class_color(j), v) >= 10);
                }
    }
    // TensorFlow Playground's orange and blue stay classes 1 and 2.
    CHECK(class_color(0) == hex(0xf59322));
    CHECK(class_color(1) == hex(0x0877bd));
    CHECK(class_color(-3) == class_color(0));  // out of range: clamped
    CHECK(class_color(99) == class_color(kPaletteClasses - 1));
}

TEST_CASE("palette: every text colour reaches 4.5:1 and every line 3:1 on its background") {
    for (Theme theme : {Theme::light, Theme::dark}) {
        const auto checks = contrast_checks(theme);
        CHECK(checks.size() > 20);
        for (const ContrastCheck& c : checks) {
            CAPTURE(std::string(theme == Theme::dark ? "dark" : "light"));
            CAPTURE(std::string(c.what));
            CHECK(contrast_ratio(c.fg, c.bg) >= c.minimum);
        }
    }
    // The two themes really differ: light text on dark, dark on light.
    CHECK(relative_luminance(palette_of(Theme::light).window_bg) > 0.8);
    CHECK(relative_luminance(palette_of(Theme::dark).window_bg) < 0.05);
}

TEST_CASE("palette: the theme switch, the scales and the markers") {
    ThemeGuard guard;
    set_theme(Theme::light);
    const int version = theme_version();
    set_theme(Theme::light);
    CHECK(theme_version() == version);  // no change, no new version
    set_theme(Theme::dark);
    CHECK(theme_version() == version + 1);
    CHECK(palette().window_bg == palette_of(Theme::dark).window_bg);
    CHECK(Rgb(palette().*kMuted.member) == palette_of(Theme::dark).muted);
    CHECK(std::uint32_t(kMuted) == palette_of(Theme::dark).muted.u32());
    set_theme(Theme::light);
    CHECK(std::uint32_t(kMuted) == palette_of(Theme::light).muted.u32());

    // The diverging scale: orange at −1, neutral at 0, blue at +1; NaN is neutral.
    CHECK(diverging_color(-1) == class_color(0));
    CHECK(diverging_color(0) == palette().neutral);
    CHECK(diverging_color(1) == class_color(1));
    CHECK(diverging_color(5) == class_color(1));
    CHECK(diverging_color(std::numeric_limits<float>::quiet_NaN()) == palette().neutral);
    CHECK(link_color(0.3f) == class_color(1));
    CHECK(link_color(-0.3f) == class_color(0));
    // A multi-class output neuron: neutral at p = 0, its own class's colour at p = 1.
    for (int k = 0; k < kPaletteClasses; ++k) {
        CHECK(neuron_class_color(k, 0) == palette().neutral);
        CHECK(neuron_class_color(k, 1) == class_color(k));
    }
    CHECK(mix({0, 0, 0}, {200, 100, 50}, 0.5f) == Rgb{100, 50, 25});
    // One marker per class, all different.
    for (int i = 0; i < kPaletteClasses; ++i)
        for (int j = i + 1; j < kPaletteClasses; ++j) CHECK(class_marker(i) != class_marker(j));
    CHECK(std::string(marker_name(class_marker(0))) == "circle");
    CHECK(Rgb{1, 2, 3}.u32() == 0xff030201u);  // IM_COL32's layout: R in the low byte
}

TEST_CASE("palette: each marker's reach bounds its shape, tightly, and its anti-aliased edge fits its sprite") {
    // shaders/points.vert sizes a point's sprite from marker_reach: half a side of reach · r + 1
    // pixels at radius r. Nothing of the marker, nor of its edge's half-pixel fade
    // (points.frag's coverage is above 0 where the distance is under half a pixel), may lie
    // beyond; and the reach is no larger than the shape needs.
    const float step = 0.004f;
    for (int m = 0; m < kPaletteClasses; ++m) {
        const Marker marker = Marker(m);
        const float reach = marker_reach(marker);
        const std::string name = marker_name(marker);
        CAPTURE(name);
        int inside_beyond = 0, fade_beyond = 0;  // grid points past the reach, or the sprite
        bool touches_reach = false;
        for (float y = -1.6f; y <= 1.6f; y += step)
            for (float x = -1.6f; x <= 1.6f; x += step) {
                const float d = marker_distance(marker, x, y), out = std::max(std::abs(x), std::abs(y));
                if (out > reach + 1e-4f && d <= 0) ++inside_beyond;
                if (d <= 0 && out > reach - 2 * step) touches_reach = true;
                for (float r : {2.0f, 4.0f, 10.0f})
                    if (out >= reach + 1 / r && d * r < 0.5f) ++fade_beyond;
            }
        CHECK(inside_beyond == 0);
        CHECK(fade_beyond == 0);
        CHECK(touches_reach);
    }
}

