// soft_keyboard.cpp: the on-screen keyboard of phones and tablets. A canvas cannot bring it
// up, so a finger's tap on a text field (ImGui's) focuses a hidden <input> instead (index.html's
// #nnplay-text script, in the tap's own handler: only during a user's gesture does a phone
// show its keyboard); what the <input> receives comes back here as characters and Backspaces
// for the field, and once the field stops taking text (Enter, a tap elsewhere) the <input> is
// blurred and the keyboard goes. A mouse and a real keyboard do without it.
#include "web/input.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// 1 when the pointer (a finger's last place) was over a text field in the last frame: the
// field there takes the tap.
extern "C" EMSCRIPTEN_KEEPALIVE int nnplay_soft_keyboard_wanted() {
    return ImGui::GetCurrentContext() && ImGui::GetMouseCursor() == ImGuiMouseCursor_TextInput;
}

// 1 while a text field takes text.
extern "C" EMSCRIPTEN_KEEPALIVE int nnplay_soft_keyboard_typing() {
    return ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput;
}

// What the keyboard typed: one character (a Unicode code point), or one Backspace.
extern "C" EMSCRIPTEN_KEEPALIVE void nnplay_soft_keyboard_char(unsigned code) { nnplay::web::input_char(code); }
extern "C" EMSCRIPTEN_KEEPALIVE void nnplay_soft_keyboard_backspace() {
    nnplay::web::input_key_tap(GLFW_KEY_BACKSPACE);
}
#endif
