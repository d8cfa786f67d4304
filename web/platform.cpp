// platform.cpp: the browser and desktop sides of platform.h, and the C entry points of the
// page's test API (window.nnplay, see web/api.js), which forward to the App.
#include "platform.h"

#include "app.h"

#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>

// Resizes the canvas's backing store and tells GLFW (its resize listener). Not
// glfwSetWindowSize: Emscripten's asks for fullscreen when the size equals the screen's.
EM_JS(void, nnplay_js_set_canvas_size, (int width, int height), {
    Browser.setCanvasSize(width, height);
});
#endif

namespace nnplay::web {

const char* shader_prelude() {
#ifdef __EMSCRIPTEN__
    return "#version 300 es\nprecision highp float;\nprecision highp int;\n";
#else
    return "#version 330 core\n";
#endif
}

float fit_canvas(GLFWwindow* window) {
#ifdef __EMSCRIPTEN__
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    double dpr = emscripten_get_device_pixel_ratio();
    if (!(dpr > 0)) dpr = 1;
    int want_w = std::max(1, int(std::lround(css_w * dpr)));
    int want_h = std::max(1, int(std::lround(css_h * dpr)));
    int w = 0, h = 0;
    glfwGetWindowSize(window, &w, &h);
    if (w != want_w || h != want_h) nnplay_js_set_canvas_size(want_w, want_h);
    return float(dpr);
#else
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window, &sx, &sy);
    return sx > 0 ? sx : 1.0f;
#endif
}

void console_log(const char* message) {
    // Emscripten routes stderr to console.error, stdout to console.log.
    std::fprintf(stdout, "nnplay: %s\n", message);
    std::fflush(stdout);
}

}  // namespace nnplay::web

// ---- Test API: called from web/api.js (exported in CMakeLists.txt) -----------------------
extern "C" {
const char* nnplay_api_state() { return nnplay::web::api_state(); }
const char* nnplay_api_set_state(const char* query) { return nnplay::web::api_set_state(query); }
void nnplay_api_play() { nnplay::web::api_play(true); }
void nnplay_api_pause() { nnplay::web::api_play(false); }
void nnplay_api_step(int epochs) { nnplay::web::api_step(epochs); }
const char* nnplay_api_metrics() { return nnplay::web::api_metrics(); }
const char* nnplay_api_stats() { return nnplay::web::api_stats(); }
const char* nnplay_api_widget_rect(const char* name) { return nnplay::web::api_widget_rect(name); }
const char* nnplay_api_status() { return nnplay::web::api_status(); }
void nnplay_api_set_speed(int speed) { nnplay::web::api_set_speed(speed); }
}
