// platform.h: what differs between the browser and a desktop window, behind one
// interface: the GL header (WebGL2 = OpenGL ES 3.0, or desktop OpenGL 3.3), the shader
// version line, the canvas size and pixel ratio, and logging to the console.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif

#include <string_view>

struct GLFWwindow;

namespace nnplay::web {

// The first lines of every shader: "#version 300 es" + precision on the web,
// "#version 330 core" natively.
const char* shader_prelude();

// Fits the drawing surface to the window: in the browser, the canvas's backing store
// becomes its CSS size × devicePixelRatio (crisp text). Returns the pixel ratio, the
// factor between CSS pixels and framebuffer pixels (the window's content scale natively).
float fit_canvas(GLFWwindow* window);

// Milliseconds since the page's navigation started (performance.now()); natively, since
// GLFW started.
double now_ms();

// A line for whoever is watching: the browser console, or stderr natively.
void console_log(const char* message);

// The browser asks for a dark colour scheme (prefers-color-scheme: dark); false natively.
bool prefers_dark_scheme();

// The main pointer is a finger (pointer: coarse: a phone or a tablet); false natively.
bool coarse_pointer();

// The canvas keeps its pixels from one frame to the next (the page's WebGL context was made
// with preserveDrawingBuffer, index.html): a frame may draw only what changed. False natively.
bool canvas_keeps_pixels();

// Files (web only; natively these do nothing and return false):
// offers data as a download called `name` (a Blob and an <a download>);
bool save_file(const char* name, const char* mime, std::string_view data);
// saves a rectangle of the canvas (framebuffer pixels, top-left origin) as a PNG download;
// call it right after the frame is drawn: WebGL keeps the drawing buffer only until then;
bool save_canvas_png(const char* name, int x, int y, int w, int h);
// opens the browser's file picker (accept: e.g. ".csv,.json"); the chosen file's text comes
// back through the exported nnplay_api_open_file (web/api.js reads it).
bool open_file_picker(const char* accept);

}  // namespace nnplay::web
