// input.cpp: see input.h. One queue of events from GLFW's callbacks (mouse, keys, text,
// focus), the browser's wheel (normalised to notches by web/api.js, not by Emscripten's GLFW,
// which passes the raw deltaY; scrolled here by each window's own step) and touch (a tap
// clicks, a drag scrolls the panel under the finger, a sideways drag on a control drags it,
// two fingers pinch), drained into ImGui's IO once per frame.
#include "web/input.h"

#include "web/app.h"
#include "web/focus.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <deque>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace nnplay::web {
namespace {

struct Event {
    enum Kind { move, button, wheel, scroll, key, text, focus, pinch } kind;
    float x = 0, y = 0;  // move, pinch: position; wheel: notches; scroll: pixels to scroll by
    int code = 0;        // button, key or character
    bool down = false;   // button or key pressed (key: also a repeat), focus gained
    bool repeat = false;
    float factor = 1;    // pinch: the fingers' distance over its last value
};

// A finger on the canvas, in ImGui's pixels: undecided until it moves far enough, then
// a scroll, or a drag of the control it started on.
struct Touch {
    enum Phase { none, pending, scrolling, dragging } phase = none;
    float start_x = 0, start_y = 0, last_x = 0, last_y = 0;
    double start_ms = 0;       // when it touched
    float pinch_distance = 0;  // two fingers: their distance at the last pinch event
};

// The input of the one window, as ImGui's backends keep theirs (one window per page).
struct Queue {
    std::deque<Event> events;
    ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX);
    bool buttons[ImGuiMouseButton_COUNT] = {};
    Touch touch;
    GLFWwindow* window = nullptr;
};
Queue queue;

void push(Event e) {
    queue.events.push_back(e);
    if (queue.window)
        if (App* app = static_cast<App*>(glfwGetWindowUserPointer(queue.window))) app_wake(*app);
}

void on_cursor(GLFWwindow*, double x, double y) { push({Event::move, float(x), float(y)}); }
void on_button(GLFWwindow*, int button, int action, int) {
    if (button >= 0 && button < ImGuiMouseButton_COUNT)
        push({Event::button, 0, 0, button, action == GLFW_PRESS});
}
#ifndef __EMSCRIPTEN__
void on_scroll(GLFWwindow*, double x, double y) { push({Event::wheel, float(x), float(y)}); }
#endif
void on_key(GLFWwindow*, int key, int, int action, int) {
    if (key < 0 || key >= int(IM_ARRAYSIZE(ImGuiIO::KeysDown))) return;
    push({Event::key, 0, 0, key, action != GLFW_RELEASE, action == GLFW_REPEAT});
}
void on_char(GLFWwindow*, unsigned int c) { push({Event::text, 0, 0, int(c)}); }
void on_focus(GLFWwindow*, int focused) { push({Event::focus, 0, 0, 0, focused != 0}); }
void on_enter(GLFWwindow*, int entered) {
    if (!entered) push({Event::move, -FLT_MAX, -FLT_MAX});
}

bool is_arrow(int key) {
    return key == GLFW_KEY_LEFT || key == GLFW_KEY_RIGHT || key == GLFW_KEY_UP || key == GLFW_KEY_DOWN;
}

void update_modifiers(ImGuiIO& io) {
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

// A key press or release: Tab moves the keyboard focus (web/focus.cpp), never ImGui's own
// tabbing; arrows reach ImGui only while a control shows keyboard focus or text is edited
// (so → still steps the run after a click); presses go to the page's shortcuts too.
void apply_key(App& app, const Event& e) {
    ImGuiIO& io = ImGui::GetIO();
    if (e.down && (e.code == GLFW_KEY_RIGHT || e.code == GLFW_KEY_S || !e.repeat))
        app.view.keys.push_back(e.code);
    if (e.code == GLFW_KEY_TAB) {
        if (e.down) focus_tab(io.KeyShift ? -1 : 1);
        return;
    }
    if (e.down && is_arrow(e.code) && !focus_visible() && !io.WantTextInput) return;
    io.KeysDown[e.code] = e.down;
    update_modifiers(io);
}

// Scrolls the window under the finger by pixels, as ImGui routes the wheel: up through child
// windows that cannot scroll that way. Unlike the wheel, a finger scrolls any window that
// has more to show (the page itself on a phone, though the wheel leaves it alone). Where the
// page scrolls too (a phone held sideways), a finger going up scrolls the page first (the
// title goes and the tab gets the screen), then the window under it; going down, the window
// first, then the page: a phone app's collapsing header.
void scroll_by(float dx, float dy) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int axis = 0; axis < 2; ++axis) {
        float d = axis ? dy : dx;
        if (d == 0) continue;
        ImVector<ImGuiWindow*> chain;  // from the window under the finger out, those that scroll this way
        for (ImGuiWindow* w = g.HoveredWindow; w; w = w->ParentWindow) {
            if (w->ScrollMax[axis] > 0) chain.push_back(w);
            if (!(w->Flags & ImGuiWindowFlags_ChildWindow) || (axis == 0 && !chain.empty())) break;
        }
        const bool outer_first = axis == 1 && d < 0;
        for (int i = 0; i < chain.Size && d != 0; ++i) {
            ImGuiWindow* w = chain[outer_first ? chain.Size - 1 - i : i];
            // From where an earlier event of this frame already asked it to go.
            const float from = w->ScrollTarget[axis] < FLT_MAX ? w->ScrollTarget[axis] : w->Scroll[axis];
            const float to = std::clamp(from - d, 0.0f, w->ScrollMax[axis]);
            if (axis) ImGui::SetScrollY(w, to);
            else ImGui::SetScrollX(w, to);
            d -= from - to;
        }
    }
}

// A wheel event in notches (positive: up / left, as ImGui's) scrolls the window under the
// mouse, routed as ImGui routes its wheel (up through child windows that cannot scroll that
// way; none that ignores the wheel), by a step of that window's: one row of neurons (one
// column sideways) over the network view, three lines of text elsewhere. ImGui's own step,
// five lines, was three and a half rows of an 8 × 64 network.
void wheel_scroll(App& app, float x, float y) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.IO.KeyShift && x == 0) std::swap(x, y);  // Shift+wheel scrolls sideways, as in ImGui
    for (int axis = 0; axis < 2; ++axis) {
        const float notches = axis ? y : x;
        if (notches == 0) continue;
        ImGuiWindow* w = g.HoveredWindow;
        while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) &&
               (w->ScrollMax[axis] == 0 || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
            w = w->ParentWindow;
        if (!w || w->ScrollMax[axis] == 0 ||
            (w->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs)))
            continue;
        float step = 0;
        if (w->ID == app.view.net_window) step = axis ? app.view.net_row : app.view.net_column;
        if (step <= 0) step = 3 * (g.FontSize + g.Style.ItemSpacing.y);
        step = std::min(step, (axis ? w->InnerRect.GetHeight() : w->InnerRect.GetWidth()) * 0.67f);
        // From where an earlier event of this frame already asked it to go.
        const float from = w->ScrollTarget[axis] < FLT_MAX ? w->ScrollTarget[axis] : w->Scroll[axis];
        const float to = std::clamp(from - notches * step, 0.0f, w->ScrollMax[axis]);
        if (axis) ImGui::SetScrollY(w, to);
        else ImGui::SetScrollX(w, to);
        app.view.wheel_moved = true;
    }
}

#ifdef __EMSCRIPTEN__
// Touch, in ImGui's pixels. A finger that moves less than the slop before it lifts is a
// tap (a click at the finger); more, it scrolls, unless it started on a control and moves
// sideways: then it drags the control (sliders). A finger is over a control from the moment
// it touches, so the control's tooltip shows: one held still that long (a long press, half
// a second, as a phone has them) is there to read it, and lifts without a click. True when
// a lifted finger was a tap.
bool touch(int phase, float x, float y, float slop) {
    Touch& t = queue.touch;
    if (phase == 0) {
        t = {Touch::pending, x, y, x, y, emscripten_get_now()};
        push({Event::move, x, y});
        return false;
    }
    if (t.phase == Touch::none) return false;
    if (phase == 1 && t.phase == Touch::pending) {
        const float dx = x - t.start_x, dy = y - t.start_y;
        if (std::abs(dx) < slop && std::abs(dy) < slop) return false;
        const bool on_control = ImGui::GetCurrentContext()->HoveredId != 0;
        if (on_control && std::abs(dx) > std::abs(dy)) {
            t.phase = Touch::dragging;
            push({Event::button, 0, 0, ImGuiMouseButton_Left, true});
        } else {
            t.phase = Touch::scrolling;
        }
    }
    if (t.phase == Touch::dragging) push({Event::move, x, y});
    if (t.phase == Touch::scrolling) push({Event::scroll, x - t.last_x, y - t.last_y});
    t.last_x = x;
    t.last_y = y;
    if (phase < 2) return false;
    const bool held = t.phase == Touch::pending && emscripten_get_now() - t.start_ms >= 500 && tooltip_on_screen();
    const bool tap = t.phase == Touch::pending && !held;
    if (tap) push({Event::button, 0, 0, ImGuiMouseButton_Left, true});
    if (tap || t.phase == Touch::dragging) push({Event::button, 0, 0, ImGuiMouseButton_Left, false});
    push({Event::move, -FLT_MAX, -FLT_MAX});  // no hover (tooltips) left behind by a finger
    t.phase = Touch::none;
    return tap;
}

// Two fingers, in ImGui's pixels: the first one's touch ends without a click (a drag it
// started lets go), and each move zooms by the change of their distance about their middle
// (view.pinch, which the output plot takes when the middle lies on it).
void pinch(bool start, float x0, float y0, float x1, float y1) {
    Touch& t = queue.touch;
    const float distance = std::hypot(x1 - x0, y1 - y0);
    if (start) {
        if (t.phase == Touch::dragging) push({Event::button, 0, 0, ImGuiMouseButton_Left, false});
        t.phase = Touch::none;
        t.pinch_distance = distance;
        return;
    }
    if (t.pinch_distance <= 0 || distance <= 0) return;
    Event e{Event::pinch, (x0 + x1) / 2, (y0 + y1) / 2};
    e.factor = distance / t.pinch_distance;
    t.pinch_distance = distance;
    push(e);
}

#endif

}  // namespace

void input_install(GLFWwindow* window) {
    queue.window = window;
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
    glfwSetWindowFocusCallback(window, on_focus);
    glfwSetCursorEnterCallback(window, on_enter);
#ifndef __EMSCRIPTEN__
    glfwSetScrollCallback(window, on_scroll);  // the browser's wheel comes through nnplay_input_wheel
#endif
}

bool input_pending() { return !queue.events.empty(); }

bool tooltip_on_screen(ImVec2* min, ImVec2* max) {
    const ImGuiWindow* w = ImGui::GetCurrentContext() ? ImGui::FindWindowByName("##Tooltip_00") : nullptr;
    if (!w || !w->Active) return false;  // ImGui's first tooltip window, drawn in the last frame
    if (min) *min = w->Pos;
    if (max) *max = ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y);
    return true;
}

void input_apply(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    bool mouse_changed = false, key_changed = false, text_typed = false, buttons_changed = false;
    bool moved = false;  // the wheel then waits a frame: ImGui finds the window under the mouse
    app.view.wheel_moved = false;
    app.view.pinch = 1;
    bool changed_keys[IM_ARRAYSIZE(ImGuiIO::KeysDown)] = {};
    int changed_buttons = 0;
    while (!queue.events.empty()) {
        const Event e = queue.events.front();
        if (e.kind == Event::move) {
            if (buttons_changed) break;  // the click happens where the mouse was
            queue.mouse = ImVec2(e.x, e.y);
            mouse_changed = moved = true;
        } else if (e.kind == Event::button) {
            if (changed_buttons & (1 << e.code)) break;  // its release waits a frame
            if (queue.buttons[e.code] != e.down) changed_buttons |= 1 << e.code;
            // A click ends keyboard focus's ring, as :focus-visible does in a browser.
            if (e.down) ImGui::GetCurrentContext()->NavDisableHighlight = true;
            queue.buttons[e.code] = e.down;
            buttons_changed = true;
        } else if (e.kind == Event::wheel || e.kind == Event::scroll) {
            if (buttons_changed || (moved && e.kind == Event::wheel)) break;
            if (e.kind == Event::wheel) wheel_scroll(app, e.x, e.y);
            else scroll_by(e.x, e.y);
            mouse_changed = true;
        } else if (e.kind == Event::key) {
            const bool changes = io.KeysDown[e.code] != e.down || (e.down && !e.repeat);
            if (changes && (changed_keys[e.code] || text_typed || buttons_changed)) break;
            if (changes) changed_keys[e.code] = key_changed = true;
            apply_key(app, e);
        } else if (e.kind == Event::text) {
            if (key_changed || buttons_changed || mouse_changed) break;
            if (e.code > 0 && e.code < 0x10000) io.AddInputCharacter(unsigned(e.code));
            text_typed = true;
        } else if (e.kind == Event::pinch) {
            app.view.pinch *= e.factor;
            app.view.pinch_x = e.x;
            app.view.pinch_y = e.y;
        } else {
            io.AddFocusEvent(e.down);
        }
        queue.events.pop_front();
    }
    io.MousePos = queue.mouse;
    for (int b = 0; b < ImGuiMouseButton_COUNT; ++b) io.MouseDown[b] = queue.buttons[b];
    app.view.net_window = 0;  // the network view names its window again if it is drawn
}

void input_char(unsigned code) { push({Event::text, 0, 0, int(code)}); }

void input_key_tap(int glfw_key) {
    push({Event::key, 0, 0, glfw_key, true});
    push({Event::key, 0, 0, glfw_key, false});
}

}  // namespace nnplay::web

// ---- The browser's entry points (index.html and web/api.js call these) --------------------
#ifdef __EMSCRIPTEN__
// One wheel event, already in notches (one notch: 100 px, 3 lines), browser direction
// (positive: down / right); ImGui's wheel is positive up / left.
extern "C" EMSCRIPTEN_KEEPALIVE void nnplay_input_wheel(double x, double y) {
    nnplay::web::push({nnplay::web::Event::wheel, float(-x), float(-y)});
}

// A finger: phase 0 down, 1 moved, 2 lifted (or cancelled); CSS pixels from the canvas's
// top-left corner. Returns 1 when the finger lifted from a tap.
extern "C" EMSCRIPTEN_KEEPALIVE int nnplay_input_touch(int phase, double x, double y) {
    nnplay::web::App* app = nnplay::web::app_current();
    const float scale = app ? app->view.dpr : 1.0f;  // CSS pixels to framebuffer pixels
    return nnplay::web::touch(phase, float(x) * scale, float(y) * scale, 10 * scale) ? 1 : 0;
}

// Two fingers on the canvas (index.html): start 1 when the second finger comes down, 0 when
// they move; CSS pixels from the canvas's top-left corner.
extern "C" EMSCRIPTEN_KEEPALIVE void nnplay_input_pinch(int start, double x0, double y0, double x1,
                                                        double y1) {
    nnplay::web::App* app = nnplay::web::app_current();
    const float s = app ? app->view.dpr : 1.0f;
    nnplay::web::pinch(start != 0, float(x0) * s, float(y0) * s, float(x1) * s, float(y1) * s);
}
#endif
