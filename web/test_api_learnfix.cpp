// test_api_learnfix.cpp: the test API of session 7's learnfix (web/api.js calls these, as
// web/test_api.cpp's): where a training point is on the output plot, for a browser test to
// click it, and the lesson link the address shows.
#include "web/test_api.h"

#include "web/app.h"

#include <string>

using namespace nnplay::web;

// {x, y} in CSS pixels: where training point i was drawn on the last output plot; null when it
// is not on it (out of range, or outside a zoomed plot).
NNPLAY_API const char* nnplay_api_plot_point(int index) {
    App* app = api_app();
    float x = 0, y = 0;
    if (!app || !backprop_point_on_screen(*app, index, x, y)) return "null";
    std::string j = "{\"x\":";  // floats: their shortest form, not a double's
    nnplay::append_json_number(j, x);
    j += ",\"y\":";
    nnplay::append_json_number(j, y);
    return reply(*app, j + "}");
}

// The lesson link the address shows now ("" while it shows the playground's state).
NNPLAY_API const char* nnplay_api_lesson_address() {
    App* app = api_app();
    return app ? reply(*app, lessons_address_query(*app)) : "";
}
