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

struct GLFWwindow;

namespace nnplay::web {

// The first lines of every shader: "#version 300 es" + precision on the web,
// "#version 330 core" natively.
const char* shader_prelude();

// Fits the drawing surface to the window: in the browser, the canvas's backing store
// becomes its CSS size × devicePixelRatio (crisp text). Returns the pixel ratio, the
// factor between CSS pixels and framebuffer pixels (the window's content scale natively).
float fit_canvas(GLFWwindow* window);

// A line for whoever is watching: the browser console, or stderr natively.
void console_log(const char* message);

}  // namespace nnplay::web
