// test_api_views.cpp: the test API of the See inside views of the error surface, hidden
// space and learning-rate finder (issue 14, views 2, 3, 5), for tests/browser/inside2.test.mjs.
#include "web/test_api.h"

#include "web/app.h"

#include <string>

using namespace nnplay;
using namespace nnplay::web;

// {"panel": the side panel is See inside, "surface": {open, method, size, cells (computed of
// the shown grid), building, path (points), lossMin, lossMax, error, ms, centredOn (the epoch
// the shown grid is centred on), centre: [a, b] there, followed (the last epoch located on it),
// dot: [a, b] (where the white dot is: the weights then), weights: [a's, b's parameter index]
// (exact only)}, "hidden": {open,
// points, lines, axisA, axisB, error}, "lr": {open, running, steps, suggestion, edge, error,
// ms}, "learningRate"}.
NNPLAY_API const char* nnplay_api_inside_views() {
    App* app = api_app();
    if (!app) return "null";
    const InsideViews& v = app->inside_views;
    const PlaygroundState& st = app->run.state;
    const Surface& s = v.surface.shown;
    int cells = 0;
    for (double L : s.loss) cells += L == L;
    std::string out = "{\"panel\":" + json_bool(app->view.side_panel == SidePanel::inside);
    out += ",\"surface\":{\"open\":" + json_bool(st.show_surface) + ",\"method\":" + json_string(name_of(s.method)) +
           ",\"size\":" + std::to_string(s.size) + ",\"cells\":" + std::to_string(cells) +
           ",\"building\":" + json_bool(v.surface.building) + ",\"path\":" + std::to_string(s.path_a.size()) +
           ",\"recorded\":" + std::to_string(v.surface.path.size()) + ",\"lossMin\":" + json_number(s.loss_min) +
           ",\"lossMax\":" + json_number(s.loss_max) + ",\"error\":" + json_string(s.error) +
           ",\"ms\":" + json_number(v.surface.ms) + ",\"centredOn\":" + std::to_string(v.surface.shown_epoch) +
           ",\"centre\":[" + json_number(s.a_now) + "," + json_number(s.b_now) + "],\"followed\":" +
           std::to_string(v.surface.tail_epoch) + ",\"dot\":[" +
           json_number(v.surface.tail_a.empty() ? s.a_now : v.surface.tail_a.back()) + "," +
           json_number(v.surface.tail_b.empty() ? s.b_now : v.surface.tail_b.back()) + "],\"weights\":[" +
           std::to_string(s.weight_a) + "," + std::to_string(s.weight_b) + "]}";
    const HiddenSpace& h = v.hidden.space;
    out += ",\"hidden\":{\"open\":" + json_bool(st.show_hidden) + ",\"points\":" + std::to_string(h.point_a.size()) +
           ",\"lines\":" + std::to_string(2 * h.lines) + ",\"axisA\":" + json_string(h.axis_a) + ",\"axisB\":" +
           json_string(h.axis_b) + ",\"error\":" + json_string(h.error) + "}";
    const LrFinderResult& r = v.lr.running ? v.lr.finder.result() : v.lr.result;
    out += ",\"lr\":{\"open\":" + json_bool(st.show_lr_finder) + ",\"running\":" + json_bool(v.lr.running) +
           ",\"done\":" + json_bool(v.lr.have_result) + ",\"steps\":" + std::to_string(r.rates.size()) +
           ",\"suggestion\":" + json_number(r.suggestion) + ",\"edge\":" + std::to_string(r.edge) + ",\"error\":" +
           json_string(r.error) + ",\"ms\":" + json_number(v.lr.ms) + "}";
    out += ",\"learningRate\":" + json_number(st.learning_rate) + "}";
    return reply(*app, std::move(out));
}
