// test_api_formula.cpp: the test API of formulas on the page (task G2, issue 14 item 6 and
// issue 15's formula data), for tests/browser/formula.test.mjs.
#include "web/test_api.h"

#include "web/app.h"

#include <string>

using namespace nnplay;
using namespace nnplay::web;

// {"fields": {rect: {"typed", "error", "shown"}} for every formula field drawn so far,
// "classes": the points of each label (rounded) in the trainer's data, all splits}.
NNPLAY_API const char* nnplay_api_formula() {
    App* app = api_app();
    if (!app) return "null";
    std::string out = "{\"fields\":{";
    bool first = true;
    for (const auto& [rect, e] : app->view.formula_edits) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, rect);
        out += ':' + JsonLine().add("typed", e.typed).add("error", e.error).add("shown", e.shown).str();
    }
    out += "},\"classes\":";
    int counts[8] = {};
    const DataSplit& d = app->run.trainer->data();
    for (const auto* part : {&d.train, &d.val, &d.test})
        for (const Point& p : *part) {
            const int k = int(p.label + 0.5f);
            if (k >= 0 && k < 8) ++counts[k];
        }
    append_json_array(out, counts, ",");
    return reply(*app, out + "}");
}
