// title_line.cpp: what the page is (the title and a one-line introduction), Advanced, File,
// Copy link and the zoom at the right (kept for the next visit), and the first-visit hints,
// dismissed for good (both in the browser's localStorage).
#include "web/ui/layout.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace nnplay::web {
namespace {

#ifdef __EMSCRIPTEN__
// localStorage may be missing or refuse (private windows, file://): then the hints come back
// next visit, nothing worse.
EM_JS(int, nnplay_js_hints_dismissed, (), {
    try { return window.localStorage.getItem('nnplay.hintsDismissed') === '1' ? 1 : 0; }
    catch (e) { return 0; }
});
EM_JS(void, nnplay_js_dismiss_hints, (), {
    try { window.localStorage.setItem('nnplay.hintsDismissed', '1'); } catch (e) {}
});
// The zoom chosen, in percent, kept the same way (0: none kept, or unreadable).
EM_JS(int, nnplay_js_saved_zoom, (), {
    try { return parseInt(window.localStorage.getItem('nnplay.zoom') || '0', 10) || 0; }
    catch (e) { return 0; }
});
EM_JS(void, nnplay_js_save_zoom, (int percent), {
    try { window.localStorage.setItem('nnplay.zoom', String(percent)); } catch (e) {}
});
#else
int nnplay_js_hints_dismissed() { return 0; }
void nnplay_js_dismiss_hints() {}
int nnplay_js_saved_zoom() { return 0; }
void nnplay_js_save_zoom(int) {}
#endif

// The zoom kept from an earlier visit, once per page: only one of kZooms is taken (a value
// edited by hand to anything else is ignored).
void restore_zoom(App& app) {
    static bool restored = false;
    if (restored) return;
    restored = true;
    const int percent = nnplay_js_saved_zoom();
    for (float z : kZooms)
        if (int(std::lround(z * 100)) == percent) app.view.zoom = z;
}

}  // namespace

// The zoom, a combo of percentages on top of the scale the window gets.
void zoom_control(App& app, float width) {
    int index = 2;
    for (int i = 0; i < int(std::size(kZooms)); ++i)
        if (std::abs(kZooms[i] - app.view.zoom) < 0.01f) index = i;
    char labels[std::size(kZooms)][16];
    const char* names[std::size(kZooms)];
    for (size_t i = 0; i < std::size(kZooms); ++i) {
        std::snprintf(labels[i], sizeof labels[i], "Zoom %d%%", int(std::lround(kZooms[i] * 100)));
        names[i] = labels[i];
    }
    if (choice("##zoom", index, names, int(std::size(kZooms)), width)) {
        app.view.zoom = kZooms[index];
        nnplay_js_save_zoom(int(std::lround(kZooms[index] * 100)));  // kept for the next visit
    }
    record_rect(app, "zoom");
    tip(app, "ui.zoom");
}

void title_line(App& app, float width) {
    restore_zoom(app);  // the layout follows it from the next frame on
    const float sc = app.view.scale;
    const bool phone = current_layout(app) == Layout::phone;  // zoom: in the Settings tab
    const float zoom_w = phone ? 0 : ImGui::CalcTextSize("Zoom 175%").x + ImGui::GetFrameHeight() + 12 * sc;
    // Right: Advanced, File and Copy link, then the zoom (phones: elsewhere).
    const float right_w = phone ? 0 : menu_buttons_width(app) + 8 * sc + zoom_w;
    const float top = ImGui::GetCursorPosY(), left = ImGui::GetCursorPosX();
    const bool explain = !app.run.state.hide_text;
    ImGui::PushTextWrapPos(left + width - right_w - 8 * sc);
    heading("nnplay");
    record_rect(app, "title");
    if (explain) {
        ImGui::SameLine();
        ImGui::TextWrapped("%s", std::string(help_text("ui.intro")).c_str());
        record_rect(app, "intro");
    }
    ImGui::PopTextWrapPos();
    const float bottom = ImGui::GetCursorPosY();
    if (!phone) {
        ImGui::SetCursorPos(ImVec2(left + width - right_w, top));
        menu_buttons(app);
        ImGui::SameLine(left + width - zoom_w);
        zoom_control(app, zoom_w);
        ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
    }

    if (app.view.hints_state < 0) app.view.hints_state = nnplay_js_hints_dismissed();
    if (explain && app.view.hints_state == 0) {
        const float button_w = ImGui::CalcTextSize("Got it").x + 2 * ImGui::GetStyle().FramePadding.x;
        // A finger has no hover: where it is the pointer, the hints say how to read a tooltip.
        std::string hints(help_text(phone ? "ui.hintsPhone" : "ui.hints"));
        if (app.view.touch) hints += " " + std::string(help_text("ui.hintHold"));
        coloured(kWarn, hints, width - button_w - 12 * sc);
        record_rect(app, "hints");
        ImGui::SameLine(left + width - button_w);
        if (ImGui::Button("Got it")) {
            app.view.hints_state = 1;
            nnplay_js_dismiss_hints();
        }
        record_rect(app, "dismissHints");
        tip(app, "ui.dismissHints");
    }
}

}  // namespace nnplay::web
