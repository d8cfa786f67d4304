// test_api_learnfix.cpp: the test API of session 7's learnfix (web/api.js calls these, as
// web/test_api.cpp's): where a training point is on the output plot, for a browser test to
// click it, and the lesson link the address shows.
#include "web/app.h"

#include "engine/json_writer.h"

#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_API extern "C"
#endif

using namespace nnplay::web;

namespace {

App* learnfix_app() {
    App* app = nnplay::web::app_current();
    if (app) app_wake(*app);
    return app;
}

}  // namespace

// {x, y} in CSS pixels: where training point i was drawn on the last output plot; null when it
// is not on it (out of range, or outside a zoomed plot).
NNPLAY_API const char* nnplay_api_plot_point(int index) {
    App* app = learnfix_app();
    float x = 0, y = 0;
    if (!app || !backprop_point_on_screen(*app, index, x, y)) return "null";
    std::string j = "{\"x\":";
    nnplay::append_json_number(j, x);
    j += ",\"y\":";
    nnplay::append_json_number(j, y);
    app->api_reply = j + "}";
    return app->api_reply.c_str();
}

// The lesson link the address shows now ("" while it shows the playground's state).
NNPLAY_API const char* nnplay_api_lesson_address() {
    App* app = learnfix_app();
    if (!app) return "";
    app->api_reply = lessons_address_query(*app);
    return app->api_reply.c_str();
}
