// main.cpp: the page's entry point, in the browser and as a desktop window. Creates the
// GLFW window and hands it to the App; then the one main loop: emscripten_set_main_loop_arg
// on the web (the browser calls us once per animation frame), a plain while loop natively.
#include "web/app.h"
#include "web/platform.h"
#include "web/renderer.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace {

// One frame; the GL counts (web/renderer.h) start again for it.
void frame(nnplay::web::App& app) {
    nnplay::web::gl_counts_next_frame();
    nnplay::web::app_frame(app);
}

void on_glfw_error(int code, const char* text) {
    char line[512];
    std::snprintf(line, sizeof line, "GLFW error %d: %s", code, text);
    nnplay::web::console_log(line);
}

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
    while (!glfwWindowShouldClose(window)) frame(*app);
    nnplay::web::app_shutdown(*app);
    delete app;
    glfwDestroyWindow(window);
    glfwTerminate();
#endif
    return 0;
}
