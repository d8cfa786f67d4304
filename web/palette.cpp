// palette.cpp: the light and dark palettes and the colour science behind their checks (see
// palette.h). The class colours were chosen from Okabe and Ito's palette, moved until every
// pair stays ≥ 15 apart in CIEDE2000 under normal vision and the three simulated dichromacies.
#include "web/palette.h"

#include <algorithm>
#include <cmath>

namespace nnplay::web {
namespace {

constexpr Rgb grey(std::uint8_t v) { return {v, v, v}; }

// TensorFlow Playground's orange and blue, then Okabe–Ito's bluish green, vermillion, reddish
// purple and sky blue, each moved a little (by at most ΔE 12) to keep every pair apart under
// protanopia, deuteranopia and tritanopia: the smallest difference is 15.4 (deuteranopia,
// purple and sky blue). Without the moves, Okabe–Ito's own colours with TFP's two reach 11.
constexpr const std::array<Rgb, kPaletteClasses>& kClasses = kClassRgb;

Palette make_light() {
    Palette p;
    p.window_bg = grey(247);
    p.popup_bg = grey(255);
    p.frame_bg = grey(255);
    p.frame_hovered = {230, 239, 250};
    p.frame_active = {217, 230, 245};
    p.button = grey(230);
    p.button_hovered = {209, 219, 230};
    p.button_active = {191, 204, 224};
    p.accent = {8, 119, 189};
    p.border = grey(190);
    p.separator = grey(200);
    p.text = grey(40);
    p.ink = grey(60);
    p.heading = grey(80);
    p.muted = grey(105);
    p.disabled = grey(112);
    p.warn = {140, 85, 0};
    p.bad = {180, 30, 30};
    p.axis = grey(100);
    p.node_border = grey(136);
    p.neutral = {0xe8, 0xea, 0xeb};
    p.chart_bg = grey(255);
    p.chart_frame = grey(200);
    p.chart_grid = grey(235);
    p.train_line = grey(45);
    p.val_line = {140, 80, 190};
    p.test_line = grey(110);
    p.gradient_first = {215, 105, 25};  // orange to deep blue: depth reads as shade
    p.gradient_last = {30, 60, 200};
    p.preview_bg = grey(255);
    p.point_outline = grey(255);
    p.test_outline = grey(38);
    p.icon_primary = grey(24);
    p.icon_primary_hovered = grey(40);
    p.icon_ink = grey(255);
    p.classes = kClasses;
    return p;
}

Palette make_dark() {
    Palette p;
    p.window_bg = {30, 31, 34};
    p.popup_bg = {40, 42, 46};
    p.frame_bg = {44, 46, 50};
    p.frame_hovered = {52, 62, 76};
    p.frame_active = {60, 74, 92};
    p.button = {60, 62, 66};
    p.button_hovered = {72, 82, 96};
    p.button_active = {84, 98, 118};
    p.accent = {88, 166, 230};
    p.border = grey(85);
    p.separator = grey(70);
    p.text = grey(230);
    p.ink = grey(215);
    p.heading = grey(200);
    p.muted = grey(165);
    p.disabled = grey(150);
    p.warn = {230, 170, 60};
    p.bad = {255, 120, 110};
    p.axis = grey(165);
    p.node_border = grey(110);
    p.neutral = {58, 61, 66};
    p.chart_bg = {22, 23, 26};
    p.chart_frame = grey(80);
    p.chart_grid = grey(45);
    p.train_line = grey(230);
    p.val_line = {180, 140, 235};
    p.test_line = grey(140);
    p.gradient_first = {240, 140, 60};
    p.gradient_last = {120, 160, 255};
    p.preview_bg = {22, 23, 26};
    p.point_outline = grey(20);
    p.test_outline = grey(235);
    p.icon_primary = grey(225);
    p.icon_primary_hovered = grey(250);
    p.icon_ink = grey(20);
    p.classes = kClasses;
    return p;
}

const Palette kLight = make_light();
const Palette kDark = make_dark();
Theme g_theme = Theme::light;
int g_theme_version = 0;

// Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
constexpr double kProtanopia[3][3] = {{0.152286, 1.052583, -0.204868},
                                      {0.114503, 0.786281, 0.099216},
                                      {-0.003882, -0.048116, 1.051998}};
constexpr double kDeuteranopia[3][3] = {{0.367322, 0.860646, -0.227968},
                                        {0.280085, 0.672501, 0.047413},
                                        {-0.011820, 0.042940, 0.968881}};
constexpr double kTritanopia[3][3] = {{1.255528, -0.076749, -0.178779},
                                      {-0.078411, 0.930809, 0.147602},
                                      {0.004733, 0.691367, 0.303900}};

constexpr double kPi = 3.14159265358979323846;
double radians(double degrees) { return degrees * kPi / 180; }
double degrees(double radians) { return radians * 180 / kPi; }

}  // namespace

const Palette& palette_of(Theme theme) { return theme == Theme::dark ? kDark : kLight; }
Theme current_theme() { return g_theme; }
const Palette& palette() { return palette_of(g_theme); }
int theme_version() { return g_theme_version; }

void set_theme(Theme theme) {
    if (theme == g_theme) return;
    g_theme = theme;
    ++g_theme_version;
}

Rgb class_color(int k, int classes) {
    (void)classes;  // the same colours whatever the count: class 3 keeps its colour at 3 or 6
    return palette().classes[std::size_t(std::clamp(k, 0, kPaletteClasses - 1))];
}

Rgb mix(Rgb a, Rgb b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    auto channel = [t](std::uint8_t x, std::uint8_t y) {
        return std::uint8_t(std::lround(float(x) + (float(y) - float(x)) * t));
    };
    return {channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b)};
}

Rgb text_on(Rgb background) {
    constexpr Rgb dark = grey(20), light = grey(255);
    return contrast_ratio(dark, background) >= contrast_ratio(light, background) ? dark : light;
}

Rgb diverging_color(float v) {
    const Palette& p = palette();
    v = std::isfinite(v) ? std::clamp(v, -1.0f, 1.0f) : 0.0f;
    return v < 0 ? mix(p.neutral, p.classes[0], -v) : mix(p.neutral, p.classes[1], v);
}

Rgb link_color(float weight) { return weight >= 0 ? palette().classes[1] : palette().classes[0]; }

Rgb neuron_class_color(int k, float p) {
    return mix(palette().neutral, class_color(k), std::isfinite(p) ? p : 0.0f);
}

Marker class_marker(int k) { return Marker(std::clamp(k, 0, kPaletteClasses - 1)); }

const char* marker_name(Marker m) {
    switch (m) {
        case Marker::circle: return "circle";
        case Marker::square: return "square";
        case Marker::triangle: return "triangle";
        case Marker::diamond: return "diamond";
        case Marker::plus: return "plus";
        case Marker::star: return "star";
    }
    return "circle";
}

namespace {

// Signed distance to a box of half-sizes (bx, by), in the units of p.
float box_distance(float x, float y, float bx, float by) {
    const float qx = std::abs(x) - bx, qy = std::abs(y) - by;
    const float ox = std::max(qx, 0.0f), oy = std::max(qy, 0.0f);
    return std::sqrt(ox * ox + oy * oy) + std::min(std::max(qx, qy), 0.0f);
}

// An upward triangle around its incentre, inradius r (y up).
float triangle_distance(float x, float y, float r) {
    return std::max(-y, 0.8660254f * std::abs(x) + 0.5f * y) - r;
}

}  // namespace

float marker_distance(Marker marker, float x, float y) {
    switch (marker) {
        case Marker::circle: return std::sqrt(x * x + y * y) - 1;
        case Marker::square: return box_distance(x, y, 0.86f, 0.86f);
        case Marker::triangle: return triangle_distance(x, y + 0.3f, 0.6f);
        case Marker::diamond: return (std::abs(x) + std::abs(y) - 1.25f) * 0.7071f;
        case Marker::plus: return std::min(box_distance(x, y, 1.15f, 0.36f), box_distance(x, y, 0.36f, 1.15f));
        case Marker::star: return std::min(triangle_distance(x, y, 0.55f), triangle_distance(x, -y, 0.55f));
    }
    return std::sqrt(x * x + y * y) - 1;
}

float marker_reach(Marker marker) {
    switch (marker) {
        case Marker::circle: return 1.0f;
        case Marker::square: return 0.86f;
        case Marker::triangle: return 1.04f;  // its base's half width: 0.6·√3
        case Marker::diamond: return 1.25f;
        case Marker::plus: return 1.15f;
        case Marker::star: return 1.1f;       // its tips: twice the inradius
    }
    return 1.0f;
}


// ---- Colour science ------------------------------------------------------------------------

const char* vision_name(Vision v) {
    switch (v) {
        case Vision::normal: return "normal";
        case Vision::protanopia: return "protanopia";
        case Vision::deuteranopia: return "deuteranopia";
        case Vision::tritanopia: return "tritanopia";
    }
    return "normal";
}

double srgb_to_linear(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::array<double, 3> to_linear(Rgb c) {
    return {srgb_to_linear(c.r / 255.0), srgb_to_linear(c.g / 255.0), srgb_to_linear(c.b / 255.0)};
}

std::array<double, 3> simulate(const std::array<double, 3>& rgb, Vision v) {
    const double (*m)[3] = v == Vision::protanopia     ? kProtanopia
                           : v == Vision::deuteranopia ? kDeuteranopia
                           : v == Vision::tritanopia   ? kTritanopia
                                                       : nullptr;
    if (!m) return rgb;
    std::array<double, 3> out{};
    for (int i = 0; i < 3; ++i)
        out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
    return out;
}

Lab lab_of_linear(const std::array<double, 3>& c) {
    // Linear sRGB → XYZ (D65), then CIELAB relative to D65 white.
    const double X = 0.4124564 * c[0] + 0.3575761 * c[1] + 0.1804375 * c[2];
    const double Y = 0.2126729 * c[0] + 0.7151522 * c[1] + 0.0721750 * c[2];
    const double Z = 0.0193339 * c[0] + 0.1191920 * c[1] + 0.9503041 * c[2];
    constexpr double d = 6.0 / 29.0;
    auto f = [](double t) { return t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29.0; };
    const double fx = f(X / 0.95047), fy = f(Y / 1.0), fz = f(Z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

Lab lab_of(Rgb c, Vision v) { return lab_of_linear(simulate(to_linear(c), v)); }

double ciede2000(const Lab& x, const Lab& y) {
    const double C1 = std::hypot(x.a, x.b), C2 = std::hypot(y.a, y.b);
    const double Cbar = (C1 + C2) / 2, Cbar7 = std::pow(Cbar, 7), k25 = std::pow(25.0, 7);
    const double G = 0.5 * (1 - std::sqrt(Cbar7 / (Cbar7 + k25)));
    const double a1 = (1 + G) * x.a, a2 = (1 + G) * y.a;
    const double C1p = std::hypot(a1, x.b), C2p = std::hypot(a2, y.b);
    auto hue = [](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(x.b, a1), h2 = hue(y.b, a2);
    const double dL = y.L - x.L, dC = C2p - C1p;
    double dh = 0;
    if (C1p * C2p != 0) {
        dh = h2 - h1;
        if (dh > 180) dh -= 360;
        else if (dh < -180) dh += 360;
    }
    const double dH = 2 * std::sqrt(C1p * C2p) * std::sin(radians(dh / 2));
    const double Lbar = (x.L + y.L) / 2, Cbarp = (C1p + C2p) / 2;
    double hbar = h1 + h2;
    if (C1p * C2p != 0) {
        if (std::abs(h1 - h2) <= 180) hbar = (h1 + h2) / 2;
        else if (h1 + h2 < 360) hbar = (h1 + h2 + 360) / 2;
        else hbar = (h1 + h2 - 360) / 2;
    }
    const double T = 1 - 0.17 * std::cos(radians(hbar - 30)) + 0.24 * std::cos(radians(2 * hbar)) +
                     0.32 * std::cos(radians(3 * hbar + 6)) - 0.20 * std::cos(radians(4 * hbar - 63));
    const double dtheta = 30 * std::exp(-std::pow((hbar - 275) / 25, 2));
    const double Cbarp7 = std::pow(Cbarp, 7);
    const double RC = 2 * std::sqrt(Cbarp7 / (Cbarp7 + k25));
    const double SL = 1 + 0.015 * (Lbar - 50) * (Lbar - 50) / std::sqrt(20 + (Lbar - 50) * (Lbar - 50));
    const double SC = 1 + 0.045 * Cbarp, SH = 1 + 0.015 * Cbarp * T;
    const double RT = -std::sin(radians(2 * dtheta)) * RC;
    const double l = dL / SL, c = dC / SC, h = dH / SH;
    return std::sqrt(l * l + c * c + h * h + RT * c * h);
}

double delta_e(Rgb x, Rgb y, Vision v) { return ciede2000(lab_of(x, v), lab_of(y, v)); }

double relative_luminance(Rgb c) {
    const std::array<double, 3> l = to_linear(c);
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

double contrast_ratio(Rgb x, Rgb y) {
    const double a = relative_luminance(x), b = relative_luminance(y);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

double min_class_delta_e(int classes, Vision v) {
    const Palette& p = palette();
    double worst = 1e9;
    classes = std::clamp(classes, 0, kPaletteClasses);
    for (int i = 0; i < classes; ++i)
        for (int j = i + 1; j < classes; ++j) worst = std::min(worst, delta_e(p.classes[i], p.classes[j], v));
    return worst;
}

std::vector<ContrastCheck> contrast_checks(Theme theme) {
    const Palette& p = palette_of(theme);
    constexpr double text = 4.5, line = 3.0;
    return {
        {"text on the window", p.text, p.window_bg, text},
        {"text on a field", p.text, p.frame_bg, text},
        {"text on a hovered field", p.text, p.frame_hovered, text},
        {"text on an active field", p.text, p.frame_active, text},
        {"text on a button", p.text, p.button, text},
        {"text on a hovered button", p.text, p.button_hovered, text},
        {"text on a pressed button", p.text, p.button_active, text},
        {"text in a popup", p.text, p.popup_bg, text},
        {"drawn labels", p.ink, p.window_bg, text},
        {"headings", p.heading, p.window_bg, text},
        {"captions", p.muted, p.window_bg, text},
        {"captions in a popup", p.muted, p.popup_bg, text},
        {"status line (idle)", p.muted, p.window_bg, text},
        {"disabled labels", p.disabled, p.window_bg, text},
        {"status line (warning)", p.warn, p.window_bg, text},
        {"status line (error)", p.bad, p.window_bg, text},
        {"warning in a popup", p.warn, p.popup_bg, text},
        {"error in a popup", p.bad, p.popup_bg, text},
        {"axis numbers", p.axis, p.window_bg, text},
        {"axis numbers on the chart", p.axis, p.chart_bg, text},
        {"play button's icon", p.icon_ink, p.icon_primary, text},
        {"train loss line", p.train_line, p.chart_bg, line},
        {"validation loss line", p.val_line, p.chart_bg, line},
        {"test loss line", p.test_line, p.chart_bg, line},
        {"gradient flow: first layer's line", p.gradient_first, p.chart_bg, line},
        {"gradient flow: last layer's line", p.gradient_last, p.chart_bg, line},
        {"gradient flow: a middle layer's line", mix(p.gradient_first, p.gradient_last, 0.5f), p.chart_bg, line},
        {"run 1's line", kRunRgb[0], p.chart_bg, line},
        {"run 2's line", kRunRgb[1], p.chart_bg, line},
        {"run 3's line", kRunRgb[2], p.chart_bg, line},
        {"run 4's line", kRunRgb[3], p.chart_bg, line},
        {"run 5's line", kRunRgb[4], p.chart_bg, line},
        {"run 6's line", kRunRgb[5], p.chart_bg, line},
        {"legend: train", p.train_line, p.window_bg, text},
        {"legend: validation", p.val_line, p.window_bg, text},
        {"legend: test", p.test_line, p.window_bg, text},
        {"slider grab and check mark", p.accent, p.frame_bg, line},
        {"a node's outline", p.node_border, p.window_bg, line},
    };
}

}  // namespace nnplay::web
