// test_api_views.cpp: the test API of the See inside views of the error surface, hidden
// space and learning-rate finder (issue 14, views 2, 3, 5), for tests/browser/inside2.test.mjs.
#include "web/app.h"

#include "engine/json_writer.h"

#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_VIEWS_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_VIEWS_API extern "C"  // the desktop window has no JavaScript: nothing calls these
#endif

using namespace nnplay;
using namespace nnplay::web;

// {"panel": the side panel is See inside, "surface": {open, method, size, cells (computed of
// the shown grid), building, path (points), lossMin, lossMax, error, ms}, "hidden": {open,
// points, lines, axisA, axisB, error}, "lr": {open, running, steps, suggestion, edge, error,
// ms}, "learningRate"}.
NNPLAY_VIEWS_API const char* nnplay_api_inside_views() {
    App* app = app_current();
    if (!app) return "null";
    app_wake(*app);
    const InsideViews& v = app->inside_views;
    const PlaygroundState& st = app->run.state;
    auto num = [](double x) {
        std::string s;
        append_json_number(s, x);
        return s;
    };
    auto str = [](std::string_view x) {
        std::string s;
        append_json_string(s, x);
        return s;
    };
    auto flag = [](bool b) { return std::string(b ? "true" : "false"); };
    const Surface& s = v.surface.shown;
    int cells = 0;
    for (double L : s.loss) cells += L == L;
    std::string out = "{\"panel\":" + flag(app->view.side_panel == SidePanel::inside);
    out += ",\"surface\":{\"open\":" + flag(st.show_surface) + ",\"method\":" + str(name_of(s.method)) +
           ",\"size\":" + std::to_string(s.size) + ",\"cells\":" + std::to_string(cells) +
           ",\"building\":" + flag(v.surface.building) + ",\"path\":" + std::to_string(s.path_a.size()) +
           ",\"recorded\":" + std::to_string(v.surface.path.size()) + ",\"lossMin\":" + num(s.loss_min) +
           ",\"lossMax\":" + num(s.loss_max) + ",\"error\":" + str(s.error) + ",\"ms\":" + num(v.surface.ms) + "}";
    const HiddenSpace& h = v.hidden.space;
    out += ",\"hidden\":{\"open\":" + flag(st.show_hidden) + ",\"points\":" + std::to_string(h.point_a.size()) +
           ",\"lines\":" + std::to_string(2 * h.lines) + ",\"axisA\":" + str(h.axis_a) + ",\"axisB\":" +
           str(h.axis_b) + ",\"error\":" + str(h.error) + "}";
    const LrFinderResult& r = v.lr.running ? v.lr.finder.result() : v.lr.result;
    out += ",\"lr\":{\"open\":" + flag(st.show_lr_finder) + ",\"running\":" + flag(v.lr.running) +
           ",\"done\":" + flag(v.lr.have_result) + ",\"steps\":" + std::to_string(r.rates.size()) +
           ",\"suggestion\":" + num(r.suggestion) + ",\"edge\":" + std::to_string(r.edge) + ",\"error\":" +
           str(r.error) + ",\"ms\":" + num(v.lr.ms) + "}";
    out += ",\"learningRate\":" + num(st.learning_rate) + "}";
    app->api_reply = std::move(out);
    return app->api_reply.c_str();
}
