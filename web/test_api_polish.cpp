// test_api_polish.cpp: the test API's entry points for the page's polish (task D, issue 12):
// the network view's wheel steps, the output plot's zoom and region, the UI zoom. Exported
// as web/test_api.cpp's are (EMSCRIPTEN_KEEPALIVE); web/api.js wraps them.
#include "web/test_api.h"

#include "web/app.h"

#include <cstdio>
#include <string>

namespace {

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

}  // namespace

// {"netRow", "netColumn" (a wheel notch over the network view, ImGui pixels; dpr converts
// to CSS), "dpr", "uiZoom", "plotZoom", "plotRegion": [x0, x1, y0, y1]} of the last frame.
NNPLAY_API const char* nnplay_api_polish_view() {
    nnplay::web::App* app = nnplay::web::api_app();
    if (!app) return "null";
    const nnplay::web::View& v = app->view;
    const float half = nnplay::kDomain / v.plot_zoom;
    return nnplay::web::reply(*app, "{\"netRow\":" + number(v.net_row) + ",\"netColumn\":" + number(v.net_column) +
                                        ",\"dpr\":" + number(v.dpr) + ",\"uiZoom\":" + number(v.zoom) +
                                        ",\"plotZoom\":" + number(v.plot_zoom) + ",\"plotRegion\":[" +
                                        number(v.plot_cx - half) + "," + number(v.plot_cx + half) + "," +
                                        number(v.plot_cy - half) + "," + number(v.plot_cy + half) + "]}");
}

// Ensemble member `member`'s neuron (layer, node): {"weights": [w from each input], "bias"},
// or null when there is no such neuron.
NNPLAY_API const char* nnplay_api_polish_neuron(int member, int layer, int node) {
    nnplay::web::App* app = nnplay::web::app_current();
    if (!app) return "null";
    const nnplay::Trainer& t = *app->run.trainer;
    const nnplay::NetworkSpec& spec = t.spec();
    if (member < 0 || member >= t.ensemble_size() || layer < 0 || layer >= spec.layer_count() || node < 0 ||
        node >= spec.width(layer))
        return "null";
    std::string json = "{\"weights\":[";
    for (int from = 0; from < spec.fan_in(layer); ++from)
        json += (from ? "," : "") + number(t.weight(member, layer, node, from));
    return nnplay::web::reply(*app, json + "],\"bias\":" + number(t.bias(member, layer, node)) + "}");
}
