// layout.cpp: the width classes and the UI scale (see layout.h). The scale changes in steps
// of 1/16 so that resizing a window rebuilds the fonts only now and then.
#include "web/ui/layout.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace nnplay::web {

Layout layout_for(float css_width, float css_height, bool touch) {
    if (css_width < (touch ? kTouchPhoneBelowCss : kPhoneBelowCss) || css_height < kPhoneShorterCss)
        return Layout::phone;
    return css_width >= kLargeFromCss ? Layout::large : Layout::regular;
}

Layout current_layout(const App& app) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float dpr = std::max(app.view.dpr, 0.01f);
    return layout_for(size.x / dpr, size.y / dpr, app.view.touch);
}

float ui_scale(const App& app, int fb_width, int fb_height) {
    const float dpr = std::max(app.view.dpr, 0.01f);
    const float css_w = float(fb_width) / dpr, css_h = float(fb_height) / dpr;
    float factor = 1;
    // Frames 24 CSS pixels high (an 18 px font, 3 px padding): WCAG 2.2's touch target size,
    // on phones and wherever a finger is the pointer (a tablet).
    const float touch_factor = 1.25f;
    switch (layout_for(css_w, css_h, app.view.touch)) {
        case Layout::phone: factor = touch_factor; break;
        case Layout::regular: factor = app.view.touch ? touch_factor : 1; break;
        // As if the window were about 1600 × 1050 CSS pixels (its shape kept), up to 2.5 times.
        case Layout::large:
            factor = std::clamp(std::min(css_w / 1600, css_h / 1050), app.view.touch ? touch_factor : 1.0f, 2.5f);
            break;
    }
    const float zoom = std::clamp(app.view.zoom, kZooms[0], kZooms[std::size(kZooms) - 1]);
    return std::round(dpr * factor * zoom * 16) / 16;
}

}  // namespace nnplay::web
