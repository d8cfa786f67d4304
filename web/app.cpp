// app.cpp: the page's frame loop (see app.h): input and wake-ups, the idle check, the
// training budget, then the frame in order: train, finish the pictures, UI, follow the
// state, draw; and the frame statistics.
#include "web/app.h"

#include "web/focus.h"
#include "web/imgui_gl.h"
#include "web/input.h"
#include "web/run_history.h"
#include "web/summary.h"
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
    // The focus ring is web/focus.cpp's (thicker, on every control): ImGui's own stays off.
    ImGui::GetStyle().Colors[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 0);
    app.view.fonts_built_for = scale;
    app.view.scale = scale;
}

// The training budget follows the frame rate (web/frame_budget.h).
void follow_frame_rate(App& app, double frame_start) {
    FrameStats& s = app.stats;
    budget_follow_frames(app.run.budget, frame_start - s.last_frame_start, s.last_frame_work);
    s.last_frame_start = frame_start;
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
    record_rect_at(app, name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    focus_name_item(name, app.view.rects[name]);  // an ImGui item: Tab can reach it
}

void record_rect_at(App& app, const char* name, ImVec2 a, ImVec2 b) {
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
    input_install(window);  // ImGui's GLFW backend installs none: input.cpp queues it all
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the link is the only saved state
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // arrows, Space, Enter, Escape (Tab: focus.cpp)
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    std::string error;
    if (!imgui_gl_init(error)) console_log(error.c_str());  // nothing can be drawn: say why
    imgui_gl_set_callback_key(app_draw_output, app_output_key);
    app.keeps_pixels = canvas_keeps_pixels();
    set_theme(prefers_dark_scheme() ? Theme::dark : Theme::light);  // the browser's scheme first
    app.view.dpr = fit_canvas(window);
    app.view.touch = coarse_pointer();
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
    app.view.touch = coarse_pointer();
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
    const bool resized = fb_width != app.stats.drawn_width || fb_height != app.stats.drawn_height;
    if (resized) app_wake(app);
    const bool idle = !app.run.playing && !app.pictures.dirty && !app.pictures.boundary.busy() &&
                      app.run.steps_requested == 0 &&
                      app.view.keys.empty() && !input_pending() && !app.run.reset_requested && !app.run.edit_pending &&
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

    follow_frame_rate(app, frame_start);

    const double train_start = glfwGetTime();
    const double phase0 = now_ms();  // page speed (session 8): the frame's phases, for the bench
    app.stats.epochs += run_train_frame(app);
    app.stats.train_time += glfwGetTime() - train_start;
    // A seed sweep trains a slice of each frame, whatever panel is shown, never the whole frame.
    runs_sweep_frame(app, app.run.playing ? 0.004 : 0.010);
    const double phase1 = now_ms();
    pictures_finish(app);  // before the UI, which only reads them
    const double phase2 = now_ms();

    ImGui_ImplGlfw_NewFrame();
    input_apply(app);  // this frame's share of the queued input (none is lost)
    focus_begin_frame(app);
    ImGui::NewFrame();
    ui_draw(app);
    focus_end_frame(app);
    ImGui::Render();
    app_sync(app);  // the UI's edits: the trainer and the address follow (pictures next frame)
    summary_update(app);
    const double phase3 = now_ms();

    glViewport(0, 0, fb_width, fb_height);  // the size read at the top of the frame
    app_render(app.keeps_pixels && !resized);  // resized: the browser cleared the canvas
    files_after_render(app);  // a PNG export reads the canvas right after it is drawn
    glfwSwapBuffers(app.window);
    FramePhases& ph = app.phases;
    const double phase4 = now_ms();
    const double marks[] = {phase0, phase1, phase2, phase3, phase4};
    for (int k = 0; k < FramePhases::kPhases; ++k) ph.ms[ph.next][k] = float(marks[k + 1] - marks[k]);
    ph.next = (ph.next + 1) % FramePhases::kFrames;
    ph.count = std::min(ph.count + 1, FramePhases::kFrames);
    count_frame(app, frame_start);
}

void app_render(bool keep_pixels) {
    const Rgb bg = palette().window_bg;  // the page's background (the window draws none)
    const float background[3] = {bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f};
    imgui_gl_render(ImGui::GetDrawData(), background, keep_pixels);
}

void app_shutdown(App& app) {
    if (app.pictures.renderer_ok) app.pictures.renderer.shutdown();
    imgui_gl_shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    the_app = nullptr;
}


}  // namespace nnplay::web
