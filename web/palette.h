// palette.h: every colour of the page in one place, for a light and a dark theme, and the
// colour science that checks them (sRGB, colour-vision-deficiency simulation, CIELAB,
// CIEDE2000, WCAG contrast). No GL and no ImGui here, so the native tests compile it.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace nnplay::web {

// An sRGB colour, 8 bits a channel. u32() packs it as ImGui's IM_COL32 does (R in the low byte).
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    constexpr std::uint32_t u32(std::uint8_t alpha = 255) const {
        return std::uint32_t(r) | std::uint32_t(g) << 8 | std::uint32_t(b) << 16 | std::uint32_t(alpha) << 24;
    }
    constexpr bool operator==(const Rgb&) const = default;
};

constexpr int kPaletteClasses = 6;  // engine/state.h kMaxClasses

enum class Theme { light, dark };

// The class colours, the same in both themes (see palette.cpp for how they were chosen).
inline constexpr std::array<Rgb, kPaletteClasses> kClassRgb = {{
    {0xf5, 0x93, 0x22},  // orange: TensorFlow Playground's negative class
    {0x08, 0x77, 0xbd},  // blue: TensorFlow Playground's positive class
    {0x02, 0xb1, 0x7f},  // green
    {0xb7, 0x4f, 0x05},  // vermillion
    {0xb4, 0x8d, 0xa8},  // purple
    {0xa6, 0xc9, 0xf5},  // sky blue
}};

// The runs' lines in the comparison chart (each also has its own dash style), the same in
// both themes: each is 3:1 on either theme's chart (contrast_checks).
inline constexpr std::array<Rgb, 6> kRunRgb = {{
    {31, 119, 180}, {214, 39, 40}, {44, 160, 44}, {148, 103, 189}, {200, 90, 0}, {0, 130, 150},
}};

// One theme's colours. Text colours meet WCAG AA (4.5:1) on the backgrounds they are drawn
// on and lines 3:1 (contrast_checks lists every pair; tests/test_palette.cpp checks them).
struct Palette {
    // ImGui's frame: windows, popups, fields, buttons, the accent (slider grabs, checks).
    Rgb window_bg, popup_bg, frame_bg, frame_hovered, frame_active;
    Rgb button, button_hovered, button_active, accent, border, separator;
    // Text: body, ink (drawn labels, outlines of the hovered node), headings, captions and
    // the idle status line (muted), disabled labels, warnings, errors, axis numbers.
    Rgb text, ink, heading, muted, disabled, warn, bad, axis;
    Rgb node_border;          // a neuron's or feature's outline
    Rgb neutral;              // zero on the diverging scale, an undecided cell
    // The loss chart: its background, frame, grid lines and the three curves.
    Rgb chart_bg, chart_frame, chart_grid, train_line, val_line, test_line;
    Rgb gradient_first, gradient_last;  // the gradient flow chart's first and last layers' lines
    Rgb preview_bg;           // the data set previews' background
    Rgb point_outline, test_outline;  // training and validation points; test points
    Rgb icon_primary, icon_primary_hovered, icon_ink;  // the play button
    // The classes, 1 to 6 (index 0 to 5). Classes 1 and 2 are TensorFlow Playground's
    // orange and blue, also the ends of the diverging scale (negative, positive).
    std::array<Rgb, kPaletteClasses> classes;
};

const Palette& palette_of(Theme theme);
// The theme the page shows now, and its palette.
Theme current_theme();
const Palette& palette();
void set_theme(Theme theme);
// Counts set_theme() calls that changed the theme: whoever caches coloured pixels compares it.
int theme_version();

// A colour of the current theme as ImGui takes it (ImU32), looked up when used: kMuted & co
// stay names that read the theme in force.
struct ThemeColour {
    Rgb Palette::*member;
    operator std::uint32_t() const { return (palette().*member).u32(); }
};
inline constexpr ThemeColour kInk{&Palette::ink};
inline constexpr ThemeColour kMuted{&Palette::muted};
inline constexpr ThemeColour kDisabled{&Palette::disabled};
inline constexpr ThemeColour kHeading{&Palette::heading};
inline constexpr ThemeColour kWarn{&Palette::warn};
inline constexpr ThemeColour kBad{&Palette::bad};
inline constexpr ThemeColour kAxis{&Palette::axis};
inline constexpr ThemeColour kNodeBorder{&Palette::node_border};
inline constexpr ThemeColour kNeutral{&Palette::neutral};

// Class k (0-based) of a problem with `classes` classes; the same colours in every theme.
Rgb class_color(int k, int classes = kPaletteClasses);
// v in [−1, 1] on the diverging scale: class 1's orange ← neutral → class 2's blue.
Rgb diverging_color(float v);
// A weight's link: blue for positive, orange for negative (the alpha is the caller's).
Rgb link_color(float weight);
// A multi-class output neuron k: neutral → class k's colour by its probability p in [0, 1].
Rgb neuron_class_color(int k, float p);
// Near-black or white, whichever contrasts more with the background (a number on a class's
// colour).
Rgb text_on(Rgb background);
// mix(a, b, t), t in [0, 1], channel by channel in sRGB.
Rgb mix(Rgb a, Rgb b, float t);

// The second cue of a class besides its colour: the marker its points are drawn with.
enum class Marker { circle, square, triangle, diamond, plus, star };
Marker class_marker(int k);
const char* marker_name(Marker m);
// Inside test of a marker in units of its radius (p in [−1.25, 1.25]²): signed distance,
// negative inside. The points shader (shaders/points.frag) uses the same shapes.
float marker_distance(Marker marker, float x, float y);
// How far the marker reaches from its centre along x or y, in radii: its point sprite's half
// side, less the anti-aliasing (shaders/points.vert).
float marker_reach(Marker marker);

// ---- Colour science ------------------------------------------------------------------------

// How a colour is seen: normal vision, or dichromacy simulated with Machado, Oliveira and
// Fernandes (2009)'s matrices at severity 1.0, applied to linear sRGB.
enum class Vision { normal, protanopia, deuteranopia, tritanopia };
constexpr Vision kVisions[] = {Vision::normal, Vision::protanopia, Vision::deuteranopia, Vision::tritanopia};
const char* vision_name(Vision v);

struct Lab {
    double L = 0, a = 0, b = 0;
};

double srgb_to_linear(double c);  // c in [0, 1]
std::array<double, 3> to_linear(Rgb c);
// Linear sRGB as seen with `v`, clamped to [0, 1].
std::array<double, 3> simulate(const std::array<double, 3>& linear, Vision v);
// CIELAB (D65 white) of linear sRGB.
Lab lab_of_linear(const std::array<double, 3>& linear);
Lab lab_of(Rgb c, Vision v = Vision::normal);
// CIEDE2000 colour difference (kL = kC = kH = 1), Sharma, Wu and Dalal (2005).
double ciede2000(const Lab& x, const Lab& y);
double delta_e(Rgb x, Rgb y, Vision v = Vision::normal);

// WCAG 2 relative luminance and contrast ratio (1 to 21).
double relative_luminance(Rgb c);
double contrast_ratio(Rgb x, Rgb y);

// The smallest CIEDE2000 difference between any two of the first `classes` class colours
// under vision v.
double min_class_delta_e(int classes, Vision v);

// Every foreground drawn on a background, with the contrast it must reach: 4.5 for text,
// 3 for lines and marks.
struct ContrastCheck {
    const char* what;
    Rgb fg, bg;
    double minimum;
};
std::vector<ContrastCheck> contrast_checks(Theme theme);

}  // namespace nnplay::web
