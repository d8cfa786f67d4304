// test_api_inside.cpp: the test API of the See inside views of task E (web/api.js calls
// these, as web/test_api.cpp's): the backprop step by step and the gradient-flow chart.
#include "web/test_api.h"

#include "web/app.h"

#include <string>

namespace nnplay::web {
namespace {

// {"point", "stage", "check", "open", "applied", "error", "paused", "step": explanation or null}
std::string backprop_json(const App& app) {
    const BackpropView& b = app.backprop;
    std::string j = "{\"point\":" + std::to_string(b.point) + ",\"stage\":" + std::to_string(int(b.stage)) +
                    ",\"check\":" + (b.check ? "true" : "false") + ",\"open\":" + (b.open ? "true" : "false") +
                    ",\"applied\":" + std::to_string(b.applied) + ",\"paused\":" +
                    (app.run.playing ? "false" : "true") + ",\"error\":";
    append_json_string(j, b.error);
    j += ",\"step\":";
    j += b.stage != BackpropStage::none && b.error.empty() ? explanation_json(b.step) : "null";
    j += '}';
    return j;
}

}  // namespace
}  // namespace nnplay::web

using namespace nnplay::web;

// Picks training point `index` (-1 keeps the current one), goes to `stage` (0..4: none,
// forward, loss, backward, update; the run pauses) and sets "Check with numbers".
NNPLAY_API const char* nnplay_api_backprop(int index, int stage, int check) {
    App* app = api_app();
    if (!app) return "null";
    BackpropView& b = app->backprop;
    if (index >= 0) b.point = index;
    if (stage >= 0 && stage <= 4) {
        b.stage = BackpropStage(stage);
        if (stage > 0) app->run.playing = false;
    }
    if (check >= 0) b.check = check != 0;
    if (b.stage != BackpropStage::none) backprop_refresh(*app);
    return reply(*app, backprop_json(*app));
}

// "Apply this step": 1 when applied.
NNPLAY_API int nnplay_api_backprop_apply() {
    App* app = api_app();
    return app && backprop_apply(*app) ? 1 : 0;
}

// The gradient-flow chart's samples: {"open", "layers", "epochs": [...], "lo": [[...]], "hi": [[...]]}.
NNPLAY_API const char* nnplay_api_gradients() {
    App* app = api_app();
    if (!app) return "null";
    const GradientFlow& g = app->gradients;
    std::string j = "{\"open\":" + std::string(g.open ? "true" : "false") + ",\"layers\":" + std::to_string(g.layers) +
                    ",\"epochs\":";
    nnplay::append_json_array(j, g.epoch, ",");
    for (int k = 0; k < 2; ++k) {
        j += k ? ",\"hi\":" : ",\"lo\":";
        nnplay::append_json_array(j, k ? g.hi : g.lo, ",", [](std::string& o, const std::vector<double>& v) {
            nnplay::append_json_array(o, v, ",");
        });
    }
    j += '}';
    return reply(*app, j);
}
