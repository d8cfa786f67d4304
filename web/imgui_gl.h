// imgui_gl.h: draws Dear ImGui's frames with WebGL2 / OpenGL 3.3, in place of ImGui's
// imgui_impl_opengl3 backend. It sets every piece of state it needs each frame and never
// reads GL state back: in the browser each glGet is a round trip that waits until the GPU
// process has finished all the frame's work so far, so the backend's state backup kept the
// page from overlapping its own work with the GPU's.
#pragma once

#include <imgui.h>

#include <string>

namespace nnplay::web {

// The shader program and buffers. On failure returns false with the compile or link log.
bool imgui_gl_init(std::string& error);
void imgui_gl_shutdown();

// (Re)uploads ImGui's font atlas after the fonts were (re)built.
void imgui_gl_upload_fonts();

// The images known to be opaque, drawn with blending off: a software rasteriser (SwiftShader)
// otherwise reads and blends every pixel under them. Slot 0 the output plot's, 1 the error
// surface's map; 0 for none.
constexpr int kOpaqueSlots = 2;
void imgui_gl_set_opaque(int slot, ImTextureID texture);

// Draws a frame's draw data into the current framebuffer; leaves blending and the scissor
// test off.
void imgui_gl_render(const ImDrawData* data);

}  // namespace nnplay::web
