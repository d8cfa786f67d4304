// imgui_gl.h: draws Dear ImGui's frames with WebGL2 / OpenGL 3.3, in place of ImGui's
// imgui_impl_opengl3 backend. It sets every piece of state it needs each frame and never
// reads GL state back: in the browser each glGet is a round trip that waits until the GPU
// process has finished all the frame's work so far, so the backend's state backup kept the
// page from overlapping its own work with the GPU's.
#pragma once

#include <imgui.h>

#include <cstdint>
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

// What a GL callback draws over its clip rectangle, as a hash of everything its pixels depend
// on: a callback with a key is drawn again only where its key or anything under it changed,
// one without every frame (its pixels may change with nothing else changing).
using CallbackKey = std::uint64_t (*)(const ImDrawCmd& cmd);
void imgui_gl_set_callback_key(ImDrawCallback callback, CallbackKey key);

// Draws a frame's draw data into the current framebuffer over `background` (RGB, 0..1);
// leaves blending and the scissor test off. Where the framebuffer keeps its pixels from one
// frame to the next (keeps_pixels: the page's canvas), only the parts whose drawing changed
// are drawn again (web/damage.h), unless full_redraw() asks for the whole frame.
void imgui_gl_render(const ImDrawData* data, const float background[3], bool keeps_pixels);
// The share of the canvas's pixels the last frame drew again (1: all, 0: none).
double imgui_gl_redrawn();

}  // namespace nnplay::web
