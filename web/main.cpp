// main.cpp: the page's entry point, in the browser and as a desktop window. Creates the
// GLFW window and hands it to the App; then the one main loop: emscripten_set_main_loop_arg
// on the web (the browser calls us once per animation frame), a plain while loop natively.
#include "web/app.h"
#include "web/platform.h"

#include <GLFW/glfw3.h>

#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace {

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
    GLFWwindow* window = glfwCreateWindow(1400, 880, "nnplay", nullptr, nullptr);
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
    emscripten_set_main_loop_arg([](void* a) { nnplay::web::app_frame(*static_cast<nnplay::web::App*>(a)); },
                                 app, 0, true);
#else
    glfwSwapInterval(1);
    while (!glfwWindowShouldClose(window)) nnplay::web::app_frame(*app);
    nnplay::web::app_shutdown(*app);
    delete app;
    glfwDestroyWindow(window);
    glfwTerminate();
#endif
    return 0;
}
