// main.cpp: the page's entry point, in the browser and as a desktop window. Creates the
// GLFW window and hands it to the App; then the one main loop: emscripten_set_main_loop_arg
// on the web (the browser calls us once per animation frame), a plain while loop natively.
#include "web/app.h"
#include "web/platform.h"
#include "web/renderer.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace {

// One frame; then its GL counts (web/renderer.h) are the last frame's.
void frame(nnplay::web::App& app) {
    nnplay::web::app_frame(app);
    nnplay::web::gl_counts_end_frame();
}

void on_glfw_error(int code, const char* text) {
    char line[512];
    std::snprintf(line, sizeof line, "GLFW error %d: %s", code, text);
    nnplay::web::console_log(line);
}

#ifndef __EMSCRIPTEN__
// NNPLAY_DESKTOP_CHECK set (tests/desktop_test.sh, under Xvfb): draws the page for a moment,
// then says whether the window fits the primary monitor's work area and the output plot and
// the play button lie inside it. Returns the exit code: 0 if all fit.
int desktop_check(nnplay::web::App& app, GLFWwindow* window) {
    const double until = glfwGetTime() + 1.5;
    while (glfwGetTime() < until && !glfwWindowShouldClose(window)) nnplay::web::app_frame(app);
    int x = 0, y = 0, w = 0, h = 0, area_x = 0, area_y = 0, area_w = 0, area_h = 0;
    glfwGetWindowPos(window, &x, &y);
    glfwGetWindowSize(window, &w, &h);
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor())
        glfwGetMonitorWorkarea(monitor, &area_x, &area_y, &area_w, &area_h);
    bool fits =
        area_w > 0 && x >= area_x && y >= area_y && x + w <= area_x + area_w && y + h <= area_y + area_h;
    std::printf("window %d×%d at (%d, %d); work area %d×%d at (%d, %d)\n", w, h, x, y, area_w, area_h,
                area_x, area_y);
    // The named controls' rectangles are in CSS pixels: the window's size over the pixel ratio.
    const float css_w = float(w) / app.view.dpr, css_h = float(h) / app.view.dpr;
    for (const char* name : {"plot", "play"}) {
        const auto found = app.view.rects.find(name);
        const bool inside = found != app.view.rects.end() && found->second.w > 0 && found->second.x >= 0 &&
                            found->second.y >= 0 && found->second.x + found->second.w <= css_w + 0.5f &&
                            found->second.y + found->second.h <= css_h + 0.5f;
        if (found != app.view.rects.end())
            std::printf("%s: %.0f×%.0f at (%.0f, %.0f)%s\n", name, found->second.w, found->second.h,
                        found->second.x, found->second.y, inside ? "" : ": NOT inside the window");
        else
            std::printf("%s: not drawn\n", name);
        fits = fits && inside;
    }
    std::printf("%s\n", fits ? "fits" : "does NOT fit");
    return fits ? 0 : 1;
}
#endif

}  // namespace

int main() {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) return 1;
#ifdef __EMSCRIPTEN__
    // WebGL2 (the link flags make it the only choice); the canvas is sized by fit_canvas().
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    // An opaque canvas without depth or stencil: less for the browser to allocate and blend.
    // (index.html's WebGL check creates the context first, with these same attributes.)
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "nnplay", nullptr, nullptr);
#else
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // 1400 × 880, or the primary monitor's work area (the screen less its panels) if smaller:
    // the whole page fits, and the layout follows the window as in a browser.
    int x = 0, y = 0, width = 1400, height = 880;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        int area_w = 0, area_h = 0;
        glfwGetMonitorWorkarea(monitor, &x, &y, &area_w, &area_h);
        if (area_w > 0 && area_h > 0) width = std::min(width, area_w), height = std::min(height, area_h);
    }
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once placed
    GLFWwindow* window = glfwCreateWindow(width, height, "nnplay", nullptr, nullptr);
    if (window) {
        // The frame (title bar, borders) comes out of the work area too.
        int left = 0, top = 0, right = 0, bottom = 0;
        glfwGetWindowFrameSize(window, &left, &top, &right, &bottom);
        const int fit_w = std::max(320, width - left - right), fit_h = std::max(240, height - top - bottom);
        if (fit_w != width || fit_h != height) glfwSetWindowSize(window, fit_w, fit_h);
        glfwSetWindowPos(window, x + left, y + top);
        glfwShowWindow(window);
    }
#endif
    if (!window) {
        nnplay::web::console_log("could not create a window with an OpenGL (ES) 3 context");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    // The App lives as long as the page: on the web main() returns while the loop goes on.
    auto* app = new nnplay::web::App;
    if (!nnplay::web::app_init(*app, window)) return 1;

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg([](void* a) { frame(*static_cast<nnplay::web::App*>(a)); },
                                 app, 0, true);
#else
    glfwSwapInterval(1);
    if (std::getenv("NNPLAY_DESKTOP_CHECK")) return desktop_check(*app, window);
    while (!glfwWindowShouldClose(window)) frame(*app);
    nnplay::web::app_shutdown(*app);
    delete app;
    glfwDestroyWindow(window);
    glfwTerminate();
#endif
    return 0;
}
