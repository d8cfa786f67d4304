// test_api_formula.cpp: the test API of formulas on the page (task G2, issue 14 item 6 and
// issue 15's formula data), for tests/browser/formula.test.mjs.
#include "web/app.h"

#include "engine/json_writer.h"

#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_FORMULA_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_FORMULA_API extern "C"  // the desktop window has no JavaScript: nothing calls these
#endif

using namespace nnplay;
using namespace nnplay::web;

// {"fields": {rect: {"typed", "error", "shown"}} for every formula field drawn so far,
// "classes": the points of each label (rounded) in the trainer's data, all splits}.
NNPLAY_FORMULA_API const char* nnplay_api_formula() {
    App* app = app_current();
    if (!app) return "null";
    app_wake(*app);
    std::string& out = app->api_reply;
    out = "{\"fields\":{";
    bool first = true;
    for (const auto& [rect, e] : app->view.formula_edits) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, rect);
        out += ":{\"typed\":";
        append_json_string(out, e.typed);
        out += ",\"error\":";
        append_json_string(out, e.error);
        out += ",\"shown\":";
        append_json_string(out, e.shown);
        out += '}';
    }
    out += "},\"classes\":[";
    int counts[8] = {};
    const DataSplit& d = app->run.trainer->data();
    for (const auto* part : {&d.train, &d.val, &d.test})
        for (const Point& p : *part) {
            const int k = int(p.label + 0.5f);
            if (k >= 0 && k < 8) ++counts[k];
        }
    for (int k = 0; k < 8; ++k) out += (k ? "," : "") + std::to_string(counts[k]);
    out += "]}";
    return out.c_str();
}
