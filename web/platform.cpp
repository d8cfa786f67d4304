// platform.cpp: the browser and desktop sides of platform.h: the canvas, the console,
// downloads and the file picker (the page's test API is web/test_api.cpp).
#include "web/platform.h"

#include <GLFW/glfw3.h>

#include <algorithm>
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

// Downloads go through Module.nnplaySave (web/api.js): a Blob and an <a download>.
EM_JS(int, nnplay_js_save_file, (const char* name, const char* mime, const char* data, int size), {
    if (!Module.nnplaySave) return 0;
    var bytes = HEAPU8.slice(data, data + size);
    Module.nnplaySave(new Blob([bytes], {type: UTF8ToString(mime)}), UTF8ToString(name));
    return 1;
});

// Copies the rectangle into a 2D canvas now (the WebGL drawing buffer is still this frame's),
// then encodes it as PNG asynchronously.
EM_JS(int, nnplay_js_save_canvas_png, (const char* name, int x, int y, int w, int h), {
    var source = Module.canvas;
    if (!source || !Module.nnplaySave || w <= 0 || h <= 0) return 0;
    var crop = document.createElement("canvas");
    crop.width = w;
    crop.height = h;
    crop.getContext("2d").drawImage(source, x, y, w, h, 0, 0, w, h);
    var file = UTF8ToString(name);
    crop.toBlob(function(blob) { if (blob) Module.nnplaySave(blob, file); }, "image/png");
    return 1;
});

// The page's hidden <input type=file> (index.html); web/api.js passes the chosen file on.
EM_JS(int, nnplay_js_open_file_picker, (const char* accept), {
    var input = document.getElementById("nnplay-file");
    if (!input) return 0;
    input.accept = UTF8ToString(accept);
    input.value = "";
    input.click();
    return 1;
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

double now_ms() {
#ifdef __EMSCRIPTEN__
    return emscripten_get_now();
#else
    return glfwGetTime() * 1000.0;
#endif
}

void console_log(const char* message) {
    // Emscripten routes stderr to console.error, stdout to console.log.
    std::fprintf(stdout, "nnplay: %s\n", message);
    std::fflush(stdout);
}

bool prefers_dark_scheme() {
#ifdef __EMSCRIPTEN__
    return EM_ASM_INT({
        return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
    }) != 0;
#else
    return false;
#endif
}

bool coarse_pointer() {
#ifdef __EMSCRIPTEN__
    return EM_ASM_INT({
        if (typeof matchMedia !== 'function') return 0;
        if (!Module.nnplayCoarse) Module.nnplayCoarse = matchMedia('(pointer: coarse)');  // it follows changes
        return Module.nnplayCoarse.matches ? 1 : 0;
    }) != 0;
#else
    return false;
#endif
}

bool canvas_keeps_pixels() {
#ifdef __EMSCRIPTEN__
    return EM_ASM_INT({
        var attributes = typeof GLctx !== 'undefined' && GLctx && GLctx.getContextAttributes();
        return attributes && attributes.preserveDrawingBuffer ? 1 : 0;
    }) != 0;
#else
    return false;  // a swapped back buffer's pixels are undefined
#endif
}

#ifdef __EMSCRIPTEN__
bool save_file(const char* name, const char* mime, std::string_view data) {
    return nnplay_js_save_file(name, mime, data.data(), int(data.size())) != 0;
}
bool save_canvas_png(const char* name, int x, int y, int w, int h) {
    return nnplay_js_save_canvas_png(name, x, y, w, h) != 0;
}
bool open_file_picker(const char* accept) { return nnplay_js_open_file_picker(accept) != 0; }
#else
bool save_file(const char*, const char*, std::string_view) { return false; }
bool save_canvas_png(const char*, int, int, int, int) { return false; }
bool open_file_picker(const char*) { return false; }
#endif

}  // namespace nnplay::web
