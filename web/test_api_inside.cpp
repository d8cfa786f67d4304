// test_api_inside.cpp: the test API of the See inside views of task E (web/api.js calls
// these, as web/test_api.cpp's): the backprop step by step and the gradient-flow chart.
#include "web/app.h"

#include "engine/json_writer.h"

#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_API extern "C"
#endif

namespace nnplay::web {
namespace {

App* api_app() {
    App* app = app_current();
    if (app) app_wake(*app);
    return app;
}

const char* reply(App& app, std::string text) {
    app.api_reply = std::move(text);
    return app.api_reply.c_str();
}

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
                    ",\"epochs\":[";
    for (std::size_t i = 0; i < g.epoch.size(); ++i) j += (i ? "," : "") + std::to_string(g.epoch[i]);
    j += "]";
    for (int k = 0; k < 2; ++k) {
        j += k ? ",\"hi\":[" : ",\"lo\":[";
        const auto& v = k ? g.hi : g.lo;
        for (std::size_t i = 0; i < v.size(); ++i) {
            j += i ? ",[" : "[";
            for (std::size_t l = 0; l < v[i].size(); ++l) {
                if (l) j += ',';
                nnplay::append_json_number(j, v[i][l]);
            }
            j += ']';
        }
        j += ']';
    }
    j += '}';
    return reply(*app, j);
}
