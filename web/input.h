// input.h: every mouse, wheel, touch, key and text event, queued as it arrives and handed to
// ImGui frame by frame so that none is lost: ImGui 1.86 samples input state once per frame,
// so a press and release (or two clicks) between two frames would never reach a widget.
#pragma once

struct GLFWwindow;
struct ImVec2;

namespace nnplay::web {

struct App;

// Installs the GLFW callbacks that fill the queue (in place of ImGui's GLFW backend's, which
// must be initialised without its callbacks) and, in the browser, the wheel and touch entry
// points (nnplay_input_wheel, nnplay_input_touch, nnplay_input_pinch).
void input_install(GLFWwindow* window);

// Applies queued events to ImGui's IO for this frame, in order: each button or key change
// is seen for at least one frame (a press and its release never share a frame), text after
// a key change waits for the next frame. Shortcut keys go to app.view.keys as they are
// applied. Call after ImGui_ImplGlfw_NewFrame, before ImGui::NewFrame.
void input_apply(App& app);

// Events still waiting for a later frame: the page keeps drawing until they are applied.
bool input_pending();

// A tooltip is on screen (and where, in ImGui's pixels): a finger held still on a control (a
// long press) reads it and lifts without a click.
bool tooltip_on_screen(ImVec2* min = nullptr, ImVec2* max = nullptr);

// Typing that does not come through GLFW (the on-screen keyboard, web/soft_keyboard.cpp): one
// character, or one key pressed and released, queued as GLFW's would be.
void input_char(unsigned code);
void input_key_tap(int glfw_key);

}  // namespace nnplay::web
