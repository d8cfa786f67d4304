// layout_api.cpp: the layout's entry points for the browser tests (tests/browser/
// layout.test.mjs calls them through Module.ccall): every named control's rectangle with its
// scroll area, the scales, the labels their controls cut, and an epoch counter set outright.
#include "web/focus.h"
#include "web/ui/layout.h"

#include "engine/json_writer.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_LAYOUT_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_LAYOUT_API extern "C"  // the desktop window has no JavaScript: nothing calls these
#endif

namespace nnplay::web {
namespace {
void number(std::string& out, const char* key, double v) {
    out += '"';
    out += key;
    out += "\":";
    append_json_number(out, v);
    out += ',';
}
}  // namespace
}  // namespace nnplay::web

using namespace nnplay::web;

// The labels cut by their controls (web/focus.h's label_audit), as a JSON array: `start` 1
// starts the audit (the frames after it add to it), 0 ends it and returns what it found.
NNPLAY_LAYOUT_API const char* nnplay_api_cut_labels(int start) {
    static std::vector<std::string> found;
    App* app = app_current();
    if (!app) return "null";
    app_wake(*app);
    label_audit = start ? &found : nullptr;
    std::string out = "[";
    if (start) {
        found.clear();
    } else {
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        for (const std::string& label : found) {
            if (out.size() > 1) out += ',';
            nnplay::append_json_string(out, label);
        }
    }
    out += ']';
    app->api_reply = std::move(out);
    return app->api_reply.c_str();
}

// {"dpr","scale","layout","width","height" (CSS pixels), "rects": {name: {x, y, w, h,
// area: {x, y, w, h}, scrollsX, scrollsY}}}.
NNPLAY_LAYOUT_API const char* nnplay_api_layout() {
    App* app = app_current();
    if (!app) return "null";
    app_wake(*app);
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float dpr = app->view.dpr;
    std::string out = "{";
    number(out, "dpr", dpr);
    number(out, "scale", app->view.scale);
    number(out, "width", size.x / dpr);
    number(out, "height", size.y / dpr);
    const Layout layout = current_layout(*app);
    out += std::string("\"layout\":\"") +
           (layout == Layout::phone ? "phone" : layout == Layout::large ? "large" : "regular") + "\",\"rects\":{";
    bool first = true;
    for (const auto& [name, r] : app->view.rects) {
        if (!first) out += ',';
        first = false;
        nnplay::append_json_string(out, name);
        out += ":{";
        number(out, "x", r.x), number(out, "y", r.y), number(out, "w", r.w), number(out, "h", r.h);
        out += "\"area\":{";
        number(out, "x", r.area_x), number(out, "y", r.area_y), number(out, "w", r.area_w);
        out += "\"h\":";
        nnplay::append_json_number(out, r.area_h);
        out += std::string("},\"scrollsX\":") + (r.scrolls_x ? "true" : "false") +
               ",\"scrollsY\":" + (r.scrolls_y ? "true" : "false") + "}";
    }
    out += "}}";
    app->api_reply = std::move(out);
    return app->api_reply.c_str();
}
