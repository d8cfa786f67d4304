// layout.h: the page's width classes (phone, regular, large) and what follows from them:
// the UI scale (touch-sized on phones, growing with big windows, times the user's zoom).
// CSS pixels are ImGui pixels / view.dpr.
#pragma once

#include "web/app.h"

namespace nnplay::web {

enum class Layout { phone, regular, large };

constexpr float kPhoneBelowCss = 700;   // narrower: one column with tabs
constexpr float kPhoneShorterCss = 480;  // shorter (a phone held sideways): the same tabs
constexpr float kTouchPhoneBelowCss = 900;  // narrower with a finger (a tablet held upright): tabs
constexpr float kLargeFromCss = 1600;   // wider: the UI grows with the window
constexpr float kZooms[] = {0.75f, 0.9f, 1, 1.1f, 1.25f, 1.5f, 1.75f, 2};

// The class of a window css_width × css_height CSS pixels; `touch`: used with a finger.
Layout layout_for(float css_width, float css_height, bool touch);
// The class of the page now (ImGui's display size and view.dpr).
Layout current_layout(const App& app);

}  // namespace nnplay::web
