// app.cpp: the page's frame loop (see app.h): input and wake-ups, the idle check, the
// training budget, then the frame in order: train, finish the pictures, UI, follow the
// state, draw; and the frame statistics.
#include "web/app.h"

#include "web/imgui_gl.h"
#include "web/url.h"

#include <backends/imgui_impl_glfw.h>
#include <GLFW/glfw3.h>

#include <algorithm>

namespace nnplay::web {
namespace {

App* the_app = nullptr;  // the one global: for the test API's entry points

void rebuild_fonts(App& app, float scale) {
    ui_load_fonts(scale);
    ui_setup_style(scale);
    imgui_gl_upload_fonts();
    app.view.fonts_built_for = scale;
    app.view.scale = scale;
}

// Shortcut keys are queued as they arrive: ImGui 1.86 samples key state once per frame and
// misses a press and release that both fall between two frames (slow frames, scripted input).
void on_key(GLFWwindow* window, int key, int, int action, int) {
    App& app = *static_cast<App*>(glfwGetWindowUserPointer(window));
    app_wake(app);
    if (action == GLFW_PRESS || (action == GLFW_REPEAT && (key == GLFW_KEY_RIGHT || key == GLFW_KEY_S)))
        app.view.keys.push_back(key);
}

// Every other input only wakes the page (ImGui reads it itself).
void wake_window(GLFWwindow* window) { app_wake(*static_cast<App*>(glfwGetWindowUserPointer(window))); }
void install_wake_callbacks(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake_window(w); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { wake_window(w); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { wake_window(w); });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { wake_window(w); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { wake_window(w); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { wake_window(w); });
}

// The training budget follows the frame rate: cut by a fifth while frames come more than
// 20 ms apart (under 50 a second) and our own work is over half of that, grown by a
// quarter millisecond otherwise. When the browser's drawing is what holds frames back
// (software WebGL), less training would not bring them sooner.
void adapt_train_budget(App& app, double frame_start) {
    const double interval = frame_start - app.stats.last_frame_start;
    app.stats.last_frame_start = frame_start;
    if (interval > 0.020 && interval < 0.5 && app.stats.last_frame_work > 0.5 * interval)
        app.run.train_budget = std::max(0.002, app.run.train_budget * 0.8);
    else
        app.run.train_budget = std::min(0.008, app.run.train_budget + 0.00025);
}

// Frames, epochs and time per one-second window.
void count_frame(App& app, double frame_start) {
    FrameStats& s = app.stats;
    if (s.first_frame_ms == 0) s.first_frame_ms = now_ms();
    ++s.frames;
    ++s.frames_drawn;
    const double now = glfwGetTime(), span = now - s.since;
    s.frame_time += now - frame_start;
    s.last_frame_work = now - frame_start;
    if (span >= 1.0) {
        s.fps = s.frames / span;
        s.epochs_per_second = s.epochs / span;
        s.frame_ms = 1000 * s.frame_time / s.frames;
        s.train_ms = 1000 * s.train_time / s.frames;
        s.frames = s.epochs = 0;
        s.frame_time = s.train_time = 0;
        s.since = now;
    }
}

}  // namespace

App* app_current() { return the_app; }

void app_wake(App& app) { app.stats.last_activity = glfwGetTime(); }

void record_rect(App& app, const char* name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float s = app.view.dpr;  // to CSS pixels
    WidgetRect& r = app.view.rects[name];
    r = {a.x / s, a.y / s, (b.x - a.x) / s, (b.y - a.y) / s};
    const ImVec2 area = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    r.area_x = area.x / s, r.area_y = area.y / s, r.area_w = size.x / s, r.area_h = size.y / s;
    r.scrolls_x = ImGui::GetScrollMaxX() > 0, r.scrolls_y = ImGui::GetScrollMaxY() > 0;
}

bool app_init(App& app, GLFWwindow* window) {
    the_app = &app;
    app.window = window;
    glfwSetWindowUserPointer(window, &app);
    glfwSetKeyCallback(window, on_key);  // before ImGui's, which chains to them
    install_wake_callbacks(window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the link is the only saved state
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    std::string error;
    if (!imgui_gl_init(error)) console_log(error.c_str());  // nothing can be drawn: say why
    set_theme(prefers_dark_scheme() ? Theme::dark : Theme::light);  // the browser's scheme first
    app.view.dpr = fit_canvas(window);
    rebuild_fonts(app, app.view.dpr);

    app.pictures.renderer_ok = app.pictures.renderer.init(error);
    app.pictures.renderer.set_palette(kClassColours, kMaxClasses, kNeutral);
    if (!app.pictures.renderer_ok) app_message(app, error, true);

    app.run.trainer = std::make_unique<Trainer>(app.run.state);
    trainer_changed(app, TrainerChange::restarted);
    pictures_init(app);
    // The address the page was opened at: read as any address the browser shows.
    const std::string hash = url_hash();
    if (!hash.empty()) app_apply_query(app, hash, true);
    else app_sync(app);
    app.stats.since = glfwGetTime();
    return true;
}

void app_frame(App& app) {
    const double frame_start = glfwGetTime();
    glfwPollEvents();
    if (url_hash_changed()) {
        app_apply_query(app, url_hash(), true);
        app_wake(app);
    }
    app.view.dpr = fit_canvas(app.window);
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(app.window, &fb_w, &fb_h);
    const float scale = ui_scale(app, fb_w, fb_h);
    if (scale != app.view.fonts_built_for) rebuild_fonts(app, scale);

    // Idle: nothing trains, no input or test API call for half a second, nothing pending.
    // Then the canvas keeps showing its last frame, redrawn once a second (so whatever a
    // wake-up might miss shows within a second), instead of being drawn again 60 times a
    // second: a paused playground then costs almost no CPU (with software WebGL, it had cost
    // two cores' worth).
    int fb_width = 0, fb_height = 0;
    glfwGetFramebufferSize(app.window, &fb_width, &fb_height);
    if (fb_width != app.stats.drawn_width || fb_height != app.stats.drawn_height) app_wake(app);
    const bool idle = !app.run.playing && !app.pictures.dirty && app.run.steps_requested == 0 &&
                      app.view.keys.empty() && !app.run.reset_requested && !app.run.edit_pending &&
                      !ImGui::GetIO().WantTextInput && frame_start - app.stats.last_activity > 0.5 &&
                      frame_start - app.stats.last_drawn < 1.0;
    if (idle) {
#ifndef __EMSCRIPTEN__
        glfwWaitEventsTimeout(0.25);  // the desktop loop would spin otherwise
#endif
        return;
    }
    app.stats.last_drawn = frame_start;
    app.stats.drawn_width = fb_width;
    app.stats.drawn_height = fb_height;

    adapt_train_budget(app, frame_start);

    const double train_start = glfwGetTime();
    app.stats.epochs += run_train_frame(app);
    app.stats.train_time += glfwGetTime() - train_start;
    pictures_finish(app);  // before the UI, which only reads them

    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui_draw(app);
    ImGui::Render();
    app_sync(app);  // the UI's edits: the trainer and the address follow (pictures next frame)

    glViewport(0, 0, fb_width, fb_height);  // the size read at the top of the frame
    const Rgb bg = palette().window_bg;  // the page's background (the window draws none)
    glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    imgui_gl_render(ImGui::GetDrawData());
    files_after_render(app);  // a PNG export reads the canvas right after it is drawn
    glfwSwapBuffers(app.window);
    count_frame(app, frame_start);
}

void app_shutdown(App& app) {
    if (app.pictures.renderer_ok) app.pictures.renderer.shutdown();
    imgui_gl_shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    the_app = nullptr;
}


}  // namespace nnplay::web
