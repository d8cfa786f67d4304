// app.cpp: the page's frame loop and everything between the controls and the Trainer:
// training within a time budget, following state changes, turning grid evaluations into
// textures, the status line, the address and the test API (see app.h).
#include "web/app.h"

#include "web/imgui_gl.h"
#include "web/url.h"

#include "engine/features.h"

#include <backends/imgui_impl_glfw.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nnplay::web {
namespace {

App* the_app = nullptr;  // for the test API

// Binary outputs as a value in [−1, 1] (0 = the decision boundary): probabilities and
// perceptron steps map p → 2p − 1; tanh and regression outputs are already on that scale.
float signed_output(Output o, float v) {
    switch (o) {
        case Output::sigmoid_log:
        case Output::step:
        case Output::softmax_ce: return 2 * v - 1;
        default: return v;
    }
}

void make_feature_thumbnails(App& app);

// The thumbnails' rendered size: the largest power of two from 16 to 64 within a node on
// screen; the texture unit stretches it the rest of the way. Rounding up instead (40 → 64
// pixels) made the atlas pass cost SwiftShader 2.5 times as many pixels.
int thumbnail_px(const App& app) {
    int px = 16;
    while (px * 2 <= app.node_px && px < Renderer::kSlotPx) px *= 2;
    return px;
}

void update_pictures(App& app) {
    Trainer& t = *app.trainer;
    const NetworkSpec& spec = t.spec();
    if (app.renderer_ok) {
        int slots = feature_count;
        for (int l = 0; l < spec.layer_count(); ++l) slots += spec.width(l);
        if (app.renderer.reserve_slots(slots, thumbnail_px(app))) make_feature_thumbnails(app);
    }
    const int output_res = kOutputRes >> app.detail;
    const int thumb_res = Renderer::kSlotRes >> std::max(0, app.detail - 1);
    t.evaluate_grid(output_res, app.grid, false);
    t.evaluate_grid(thumb_res, app.thumbs, true);
    if (!app.renderer_ok) return;

    const int n = output_res * output_res;
    std::vector<float> values(std::size_t(n), 0.0f);
    const Matrix& out = app.grid.output;  // (outputs, n)
    if (spec.output == Output::softmax_ce && spec.outputs > 1) {
        for (int j = 0; j < n; ++j) {
            Eigen::Index best = 0;
            float p = out.col(j).maxCoeff(&best);
            values[j] = float(best) + std::clamp(p, 0.0f, 0.999f) * 0.5f;
        }
    } else {
        for (int j = 0; j < n; ++j) values[j] = signed_output(spec.output, out(0, j));
    }
    app.renderer.set_output(values.data(), output_res);

    // Thumbnails: a coarser grid (detail ≥ 2) fills each kSlotRes² slot in blocks.
    const int R = Renderer::kSlotRes, block = R / thumb_res;
    values.resize(std::size_t(R * R));
    for (int l = 0; l < spec.layer_count() && l < int(app.thumbs.layers.size()); ++l) {
        const Matrix& a = app.thumbs.layers[l];  // (width, thumb_res²)
        const bool last = l == spec.layer_count() - 1;
        for (int node = 0; node < a.rows(); ++node) {
            for (int i = 0; i < R; ++i)
                for (int j = 0; j < R; ++j) {
                    const float v = a(node, (i / block) * thumb_res + j / block);
                    values[size_t(i * R + j)] = last ? signed_output(spec.output, v) : v;
                }
            app.renderer.set_slot(neuron_slot(app, l, node), values.data());
        }
    }
}

void make_feature_thumbnails(App& app) {
    const int R = Renderer::kSlotRes;
    std::vector<float> values(std::size_t(R * R));
    for (int f = 0; f < feature_count; ++f) {
        float peak = 1e-6f;
        for (int i = 0; i < R; ++i)
            for (int j = 0; j < R; ++j) {
                values[i * R + j] = float(feature_value(Feature(f), grid_x(j, R), grid_y(i, R)));
                peak = std::max(peak, std::abs(values[i * R + j]));
            }
        for (float& v : values) v /= peak;
        app.renderer.set_slot(feature_slot(f), values.data());
    }
}

void make_dataset_previews(App& app) {
    app.dataset_previews.assign(std::size_t(Dataset::custom) + 1, {});
    for (int d = 0; d < int(Dataset::custom); ++d) {
        PlaygroundState s;
        const Dataset ds = Dataset(d);
        s.problem = (ds == Dataset::reg_plane || ds == Dataset::reg_gauss) ? Problem::regression
                                                                           : Problem::classification;
        if (s.problem == Problem::regression) s.reg_dataset = ds; else s.dataset = ds;
        s.classes = 3;
        s.num_samples = 250;
        Rng rng = Rng("preview").derive("data");
        app.dataset_previews[d] = generate_points(s, rng);
    }
}

// Rasterises the picker's previews into the renderer's image cells when the cell size
// changes, and the custom cell when the drawn points change.
void update_previews(App& app) {
    if (!app.renderer_ok || app.preview_px <= 0) return;
    const int px = app.preview_px, dot = std::max(1, int(std::lround(px / 60.0)));
    const int cells = int(Dataset::custom) + 1;
    const bool regression = app.state.problem == Problem::regression;
    if (app.renderer.reserve_images(cells, px)) {
        for (int d = 0; d < int(Dataset::custom); ++d) {
            const bool reg = Dataset(d) == Dataset::reg_plane || Dataset(d) == Dataset::reg_gauss;
            app.renderer.set_image(d, rasterize_points_preview(app.dataset_previews[size_t(d)], reg, px, dot).data());
        }
        app.custom_preview.clear();
        app.custom_preview_regression = !regression;  // forces the custom cell below
    }
    if (app.custom_preview != app.state.points || app.custom_preview_regression != regression) {
        app.custom_preview = app.state.points;
        app.custom_preview_regression = regression;
        app.renderer.set_image(int(Dataset::custom),
                               rasterize_points_preview(app.custom_preview, regression, px, dot).data());
    }
}

void sync_state(App& app) {
    Trainer& t = *app.trainer;
    if (app.reset_requested) {
        app.reset_requested = false;
        app_reset(app);
    }
    if (app.edit_pending) {
        const App::ParamEdit& e = app.edit;
        const NetworkSpec& spec = t.spec();
        if (e.layer < spec.layer_count() && e.to < spec.width(e.layer) &&
            (e.bias || e.from < spec.fan_in(e.layer))) {
            if (e.bias) t.set_bias(0, e.layer, e.to, e.value);
            else t.set_weight(0, e.layer, e.to, e.from, e.value);
            app.files.weights_touched = true;
            t.measure();
            app.pictures_dirty = true;
        }
        app.edit_pending = false;
    }
    if (!(app.state == t.state())) {
        const int change = t.set_state(app.state);
        if (change & Trainer::kNetwork) app.files.weights_touched = false;
        if (change & (Trainer::kNetwork | Trainer::kData)) {
            t.measure();
            app.chart.clear();
            app.chart.add(t.metrics());
        }
        app.pictures_dirty = true;
    }
    if (!app.written || !(app.state == app.written_state)) {
        std::string query = to_query(app.state);
        if (query != app.written_query) {
            // A shared link keeps its history entry: the first change after it gets a new one.
            if (app.files.sealed) url_push_hash(query);
            else url_set_hash(query);
            app.files.sealed = false;
        }
        app.written_query = std::move(query);
        app.written_state = app.state;
        app.written = true;
    }
}

void train(App& app) {
    Trainer& t = *app.trainer;
    int epochs = 0;
    for (; app.steps_requested > 0; --app.steps_requested)
        if (t.step_epoch(false)) ++epochs;
    app.steps_requested = 0;
    if (app.playing) {
        const int per_frame = kSpeeds[app.speed];
        const double budget = per_frame == 0 ? app.train_budget : 0.025;
        const double start = glfwGetTime();
        for (int n = 0; per_frame == 0 || n < per_frame; ++n) {
            if (!t.step_epoch(false)) break;
            ++epochs;
            if (glfwGetTime() - start > budget) break;
        }
    }
    if (t.status() != RunStatus::ok && app.playing) {
        app.playing = false;
        console_log(t.status_message().c_str());
    }
    if (epochs > 0) {
        t.measure();
        app.chart.add(t.metrics());
        app.pictures_dirty = true;
    }
    app.stat_epochs += epochs;
}

std::vector<PointSprite> point_sprites(const App& app) {
    const DataSplit& d = app.trainer->data();
    const bool regression = app.trainer->is_regression();
    std::vector<PointSprite> out;
    out.reserve(d.train.size() + d.val.size() + d.test.size());
    auto add = [&](const std::vector<Point>& points, float style) {
        for (const Point& p : points) out.push_back({p.x, p.y, label_colour(p.label, regression), style});
    };
    if (app.state.show_test_data) add(d.test, 1);
    add(d.val, 2);
    add(d.train, 0);
    return out;
}

// The thumbnail atlas, before ImGui draws (the output plot is drawn during it, below).
void draw_pictures(App& app) {
    if (!app.renderer_ok) return;
    const NetworkSpec& spec = app.trainer->spec();
    int slots = feature_count;
    for (int l = 0; l < spec.layer_count(); ++l) slots += spec.width(l);
    HeatStyle thumb;
    thumb.discretize = app.state.discretize;
    app.renderer.render_slots(slots, thumb);
}

}  // namespace

// What the output plot shows: the hovered neuron's or feature's thumbnail slot (returned,
// with its style), or -1 for the network's output.
int output_source(const App& app, HeatStyle& style) {
    const NetworkSpec& spec = app.trainer->spec();
    style = HeatStyle();
    if (app.hover_layer >= 0 && app.hover_layer < spec.layer_count() &&
        app.hover_node < spec.width(app.hover_layer)) {
        style.discretize = app.state.discretize;
        return neuron_slot(app, app.hover_layer, app.hover_node);
    }
    if (app.hover_feature >= 0) return feature_slot(app.hover_feature);
    const bool multi = spec.output == Output::softmax_ce && spec.outputs > 1;
    style.kind = multi ? 1 : 0;
    style.classes = std::max(2, spec.outputs);
    style.discretize = app.state.discretize;
    style.contour = !app.trainer->is_regression();
    style.strength = 0.65f;
    return -1;
}

ImTextureID app_output_image(App& app) {
    if (!app.renderer_ok) return ImTextureID();
    HeatStyle style;
    const int source = output_source(app, style);
    if (source >= 0) style = app.output_style_shown;  // the image under a hovered neuron's grid
    else app.output_style_shown = style;
    const float side_px = app.output_rect.w * ImGui::GetIO().DisplayFramebufferScale.x;
    return app.renderer.output_image(style, side_px / float(std::max(app.renderer.output_res(), 1)));
}

// The points, and a hovered neuron's grid, drawn straight into the framebuffer over the
// output image where ImGui's draw list has it.
void app_draw_output(const ImDrawList*, const ImDrawCmd* cmd) {
    App& app = *static_cast<App*>(cmd->UserCallbackData);
    if (!app.renderer_ok) return;
    HeatStyle style;
    const int source = output_source(app, style);
    // ImGui's coordinates (y down) to framebuffer pixels (y up); the clip rectangle is the
    // output panel's, already set as the scissor by imgui_gl.
    const ImDrawData* d = ImGui::GetDrawData();
    const ImVec2 scale = d->FramebufferScale;
    const float fb_height = d->DisplaySize.y * scale.y;
    const int x = int(std::lround((app.output_rect.x - d->DisplayPos.x) * scale.x));
    const int side = int(std::lround(app.output_rect.w * scale.x));
    const int y = int(std::lround(fb_height - (app.output_rect.y - d->DisplayPos.y) * scale.y)) - side;
    app.renderer.render_output(x, y, side, side, style, source, point_sprites(app),
                               std::max(3.0f, 4.0f * app.scale));
}

namespace {

void rebuild_fonts(App& app, float scale) {
    ui_load_fonts(scale);
    ui_setup_style(scale);
    imgui_gl_upload_fonts();
    app.fonts_built_for = scale;
    app.scale = scale;
}

std::string json_number(double v) {
    if (!std::isfinite(v)) return "null";
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", v);
    return text;
}

}  // namespace

void preview_uv(const App& app, Dataset d, ImVec2& uv0, ImVec2& uv1) {
    app.renderer.image_uv(int(d), uv0, uv1);
}

int feature_slot(int feature) { return feature; }

int neuron_slot(const App& app, int layer, int node) {
    const NetworkSpec& spec = app.trainer->spec();
    int slot = feature_count;
    for (int l = 0; l < layer; ++l) slot += spec.width(l);
    return slot + node;
}

void record_rect(App& app, const char* name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float s = app.scale;
    app.rects[name] = {a.x / s, a.y / s, (b.x - a.x) / s, (b.y - a.y) / s};
}

void app_message(App& app, std::string text, bool error) {
    console_log(text.c_str());
    app.message = std::move(text);
    app.message_is_error = error;
    app.message_until = glfwGetTime() + 8.0;
}

std::vector<std::string> app_apply_query(App& app, std::string_view query, bool from_address) {
    const LinkPayloads link = split_link(query);
    StateReadResult read = read_link(link);
    app.state = std::move(read.state);
    app.link_warnings = read.warnings;
    for (const std::string& w : read.warnings) console_log(w.c_str());
    app.files.tfp_link = looks_like_tfp_link(query);
    if (from_address) {
        // The browser shows this entry now: a shared link stays as it is, payloads included.
        app.files.sealed = link.any();
        if (link.any()) {
            app.written_query = std::string(query);
            app.written_state = app.state;
            app.written = true;
        }
    }
    sync_state(app);
    app_reset(app);  // a link is a run from its start: same seed, same epochs
    apply_link_weights(app, link);  // ... unless it carries trained weights
    return app.link_warnings;
}

void app_sync(App& app) { sync_state(app); }

App* app_current() { return the_app; }

void app_wake(App& app) { app.last_activity = glfwGetTime(); }

void app_reset(App& app) {
    app.files.weights_touched = false;
    app.trainer->reset();
    app.trainer->measure();
    app.chart.clear();
    app.chart.add(app.trainer->metrics());
    app.pictures_dirty = true;
}

std::string status_text(const App& app, bool* is_error) {
    std::string text;
    bool error = false;
    auto add = [&](const std::string& line) {
        if (!text.empty()) text += "  ·  ";
        text += line;
    };
    const Trainer& t = *app.trainer;
    if (t.status() == RunStatus::diverged) {
        add(t.status_message().empty() ? "The run diverged." : t.status_message());
        error = true;
    } else if (t.status() == RunStatus::early_stopped) {
        add(t.status_message().empty() ? "Stopped early." : t.status_message());
    }
    if (!app.link_warnings.empty()) {
        std::string line = "Link: ";
        for (size_t i = 0; i < app.link_warnings.size(); ++i)
            line += (i ? "; " : "") + app.link_warnings[i];
        add(line);
    }
    for (const std::string& w : t.warnings()) add(w);
    if (compat_offered(app))
        add("This looks like a TensorFlow Playground link: its compatibility mode (compat=tf) "
            "trains as it does.");
    if (!app.message.empty() && (app.message_until == 0 || glfwGetTime() < app.message_until)) {
        add(app.message);
        error = error || app.message_is_error;
    }
    if (is_error) *is_error = error;
    return text;
}

// Shortcut keys are queued as they arrive: ImGui 1.86 samples key state once per frame and
// misses a press and release that both fall between two frames (slow frames, scripted input).
void on_key(GLFWwindow* window, int key, int, int action, int) {
    App& app = *static_cast<App*>(glfwGetWindowUserPointer(window));
    app_wake(app);
    if (action == GLFW_PRESS || (action == GLFW_REPEAT && (key == GLFW_KEY_RIGHT || key == GLFW_KEY_S)))
        app.keys.push_back(key);
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
    rebuild_fonts(app, fit_canvas(window));

    app.renderer_ok = app.renderer.init(error);
    app.renderer.set_palette(kClassColours, 6, kNeutral);

    const std::string hash = url_hash();
    const LinkPayloads link = split_link(hash);
    StateReadResult read = read_link(link);
    if (!hash.empty()) {
        app.state = read.state;
        app.link_warnings = read.warnings;
        for (const std::string& w : read.warnings) console_log(w.c_str());
        app.files.tfp_link = looks_like_tfp_link(hash);
        if (link.any()) {  // a shared link: the address keeps it as it is
            app.files.sealed = true;
            app.written_query = hash;
            app.written_state = app.state;
            app.written = true;
        }
    }
    app.trainer = std::make_unique<Trainer>(app.state);
    app.trainer->measure();
    app.chart.add(app.trainer->metrics());
    if (app.renderer_ok) make_feature_thumbnails(app);
    else app_message(app, error, true);
    make_dataset_previews(app);
    sync_state(app);
    apply_link_weights(app, link);
    app.stat_since = glfwGetTime();
    return true;
}

void app_frame(App& app) {
    const double frame_start = glfwGetTime();
    glfwPollEvents();
    if (url_hash_changed()) {
        app_apply_query(app, url_hash(), true);
        app_wake(app);
    }
    const float scale = fit_canvas(app.window);
    if (scale != app.fonts_built_for) rebuild_fonts(app, scale);

    // Idle: nothing trains, no input or test API call for half a second, nothing pending.
    // Then the canvas keeps showing its last frame, redrawn once a second (so whatever a
    // wake-up might miss shows within a second), instead of being drawn again 60 times a
    // second: a paused playground then costs almost no CPU (with software WebGL, it had cost
    // two cores' worth).
    int fb_width = 0, fb_height = 0;
    glfwGetFramebufferSize(app.window, &fb_width, &fb_height);
    if (fb_width != app.drawn_width || fb_height != app.drawn_height) app_wake(app);
    const bool idle = !app.playing && !app.pictures_dirty && app.steps_requested == 0 &&
                      app.keys.empty() && !app.reset_requested && !app.edit_pending &&
                      !ImGui::GetIO().WantTextInput && frame_start - app.last_activity > 0.5 &&
                      frame_start - app.last_drawn < 1.0;
    if (idle) {
#ifndef __EMSCRIPTEN__
        glfwWaitEventsTimeout(0.25);  // the desktop loop would spin otherwise
#endif
        return;
    }
    app.last_drawn = frame_start;
    app.drawn_width = fb_width;
    app.drawn_height = fb_height;

    // The training budget follows the frame rate: cut by a fifth while frames come more than
    // 20 ms apart (under 50 a second) and our own work is over half of that, grown by a
    // quarter millisecond otherwise. When the browser's drawing is what holds frames back
    // (software WebGL), less training would not bring them sooner.
    const double interval = frame_start - app.last_frame_start;
    app.last_frame_start = frame_start;
    if (interval > 0.020 && interval < 0.5 && app.last_frame_work > 0.5 * interval)
        app.train_budget = std::max(0.002, app.train_budget * 0.8);
    else
        app.train_budget = std::min(0.008, app.train_budget + 0.00025);

    const double train_start = glfwGetTime();
    train(app);
    app.stat_train_time += glfwGetTime() - train_start;

    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui_draw(app);
    ImGui::Render();

    sync_state(app);
    // Big networks make the pictures expensive: while training, they are then recomputed at
    // most every fourth frame, and the output grid gets coarser (below).
    ++app.frames_since_pictures;
    if (!app.playing && app.detail > 0) app.pictures_dirty = true;  // back to full detail
    if (app.renderer_ok && app.renderer.slot_px() != thumbnail_px(app)) app.pictures_dirty = true;
    const bool due = !app.playing || app.pictures_ms < 16.0 || app.frames_since_pictures >= 4;
    if (app.pictures_dirty && due) {
        const double start = glfwGetTime();
        update_pictures(app);
        app.pictures_ms = 1000 * (glfwGetTime() - start);
        // A big network makes the pictures expensive (R² forward passes each): while training,
        // coarser grids keep the frames coming; full detail returns when it is cheap again.
        if (app.playing && app.pictures_ms > 16 && app.detail < kMaxDetail) ++app.detail;
        else if ((!app.playing || app.pictures_ms < 6) && app.detail > 0) --app.detail;
        app.pictures_dirty = false;
        app.frames_since_pictures = 0;
    }
    draw_pictures(app);
    update_previews(app);

    glViewport(0, 0, fb_width, fb_height);  // the size read at the top of the frame
    glClearColor(0.97f, 0.97f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    imgui_gl_render(ImGui::GetDrawData());
    files_after_render(app);  // a PNG export reads the canvas right after it is drawn
    glfwSwapBuffers(app.window);

    if (app.first_frame_ms == 0) app.first_frame_ms = now_ms();
    ++app.stat_frames;
    ++app.frames_drawn;
    const double now = glfwGetTime(), span = now - app.stat_since;
    app.stat_frame_time += now - frame_start;
    app.last_frame_work = now - frame_start;
    if (span >= 1.0) {
        app.fps = app.stat_frames / span;
        app.epochs_per_second = app.stat_epochs / span;
        app.frame_ms = 1000 * app.stat_frame_time / app.stat_frames;
        app.train_ms = 1000 * app.stat_train_time / app.stat_frames;
        app.stat_frames = app.stat_epochs = 0;
        app.stat_frame_time = app.stat_train_time = 0;
        app.stat_since = now;
    }
}

void app_shutdown(App& app) {
    if (app.renderer_ok) app.renderer.shutdown();
    imgui_gl_shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    the_app = nullptr;
}

// ---- Test API -------------------------------------------------------------------------------

namespace {
std::string api_text;
}

const char* api_state() {
    api_text = the_app ? to_query(the_app->state) : "";
    return api_text.c_str();
}

const char* api_set_state(const char* query) {
    api_text.clear();
    if (!the_app) return "";
    for (const std::string& w : app_apply_query(*the_app, query ? query : ""))
        api_text += (api_text.empty() ? "" : "\n") + w;
    return api_text.c_str();
}

void api_play(bool play) {
    if (the_app) the_app->playing = play;
}

void api_step(int epochs) {
    if (!the_app) return;
    Trainer& t = *the_app->trainer;
    for (int i = 0; i < epochs; ++i)
        if (!t.step_epoch(false)) break;
    t.measure();
    the_app->chart.add(t.metrics());
    the_app->pictures_dirty = true;
}

const char* api_metrics() {
    if (!the_app) return "null";
    const Metrics& m = the_app->trainer->metrics();
    api_text = "{\"epoch\":" + std::to_string(the_app->trainer->epoch()) +
               ",\"trainLoss\":" + json_number(m.train_loss) + ",\"valLoss\":" + json_number(m.val_loss) +
               ",\"testLoss\":" + json_number(m.test_loss) + ",\"trainAcc\":" + json_number(m.train_acc) +
               ",\"valAcc\":" + json_number(m.val_acc) + ",\"testAcc\":" + json_number(m.test_acc) +
               ",\"status\":\"" + name_of(the_app->trainer->status()) + "\"}";
    return api_text.c_str();
}

// What the last frame asked of the GPU: ImGui's draw commands and vertices.
std::string draw_stats() {
    const ImDrawData* d = ImGui::GetDrawData();
    if (!d) return "";
    int commands = 0;
    for (int i = 0; i < d->CmdListsCount; ++i) commands += d->CmdLists[i]->CmdBuffer.Size;
    return ",\"drawCommands\":" + std::to_string(commands) +
           ",\"vertices\":" + std::to_string(d->TotalVtxCount);
}

const char* api_stats() {
    if (!the_app) return "null";
    api_text = "{\"fps\":" + json_number(the_app->fps) +
               ",\"epochsPerSecond\":" + json_number(the_app->epochs_per_second) +
               ",\"frameMs\":" + json_number(the_app->frame_ms) +
               ",\"trainMs\":" + json_number(the_app->train_ms) +
               ",\"picturesMs\":" + json_number(the_app->pictures_ms) +
               ",\"firstFrameMs\":" + json_number(the_app->first_frame_ms) +
               ",\"framesDrawn\":" + std::to_string(the_app->frames_drawn) +
               ",\"outputRes\":" + std::to_string(kOutputRes >> the_app->detail) + draw_stats() + "}";
    return api_text.c_str();
}

const char* api_widget_rect(const char* name) {
    if (!the_app || !name) return "null";
    auto it = the_app->rects.find(name);
    if (it == the_app->rects.end()) return "null";
    const WidgetRect& r = it->second;
    api_text = "{\"x\":" + json_number(r.x) + ",\"y\":" + json_number(r.y) + ",\"w\":" +
               json_number(r.w) + ",\"h\":" + json_number(r.h) + "}";
    return api_text.c_str();
}

const char* api_status() {
    api_text = the_app ? status_text(*the_app) : "";
    return api_text.c_str();
}

void api_set_speed(int index) {
    if (the_app) the_app->speed = (index >= 0 && index < kSpeedCount) ? index : kSpeedCount - 1;
}

}  // namespace nnplay::web
