// surface_view.cpp: the See inside section of the error surface: a heat map of the loss over
// a slice of weight space around the current weights, with the recorded path and the current
// point on it. The grid is computed a few cells a frame, within a small time budget.
#include "web/app.h"
#include "web/imgui_gl.h"
#include "web/platform.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace nnplay::web {

namespace {

constexpr double kGridBudgetMs = 2.0;  // grid work per frame
constexpr double kRefreshSeconds = 0.5;  // while training, a surface is shown at least this long
// A cell costs a forward pass of every training point. The most multiply-adds a grid may
// take (about a minute of 2 ms frames): a big network on many points gets a coarser grid,
// down to 11².
constexpr double kMaxGridWork = 2e10;
constexpr std::size_t kTail = 256;  // the trained weights located since the last refresh, at most

// Low loss dark blue, high loss pale yellow (a perceptually ordered ramp).
ImU32 ramp(double t) {
    t = std::clamp(t, 0.0, 1.0);
    static const float stops[5][3] = {{0.07f, 0.10f, 0.35f}, {0.15f, 0.35f, 0.55f}, {0.20f, 0.60f, 0.55f},
                                      {0.60f, 0.80f, 0.35f}, {0.99f, 0.93f, 0.60f}};
    const double x = t * 4;
    const int i = std::min(int(x), 3);
    const float f = float(x - i);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]),
                                                 stops[i][1] + f * (stops[i + 1][1] - stops[i][1]),
                                                 stops[i][2] + f * (stops[i + 1][2] - stops[i][2]), 1));
}

SurfaceMethod method_of(int index) {
    return index == 1 ? SurfaceMethod::random : index == 2 ? SurfaceMethod::pca : SurfaceMethod::automatic;
}

// Starts, continues or restarts the grid, within the frame's budget. While training, a new
// grid starts once the last has been shown twice as long as it took to make (and at least
// kRefreshSeconds): the grid takes at most a third of the frames. The path and the white dot
// follow training meanwhile (follow, below).
void build(App& app) {
    SurfaceView& v = app.inside_views.surface;
    const Trainer& t = *app.run.trainer;
    const double now = glfwGetTime();
    const bool moved = t.epoch() != v.built_epoch;
    const double rest = std::max(kRefreshSeconds, 2 * (v.done_at - v.built_at));
    if (!v.building && (v.stale || (moved && now - v.done_at >= rest))) {
        SurfaceOptions o;
        const double per_cell = double(t.data().train.size()) * double(t.network(0).params().size());
        o.size = 41;
        while (o.size > 11 && per_cell * o.size * o.size > kMaxGridWork) o.size -= 10;
        o.method = method_of(v.method);
        // The principal directions need a path: until there is one, a random slice.
        if (o.method == SurfaceMethod::pca && v.path.size() < 3) o.method = SurfaceMethod::automatic;
        v.builder.begin(t, v.path, o);
        v.building = true;
        v.built_epoch = t.epoch();
        v.built_at = now;
        v.filling = v.stale || v.shown.size == 0 || !v.shown.error.empty();
        if (v.filling) {  // nothing older to show: show this one as it fills
            v.shown = v.builder.surface();
            v.shown_epoch = v.built_epoch;
            ++v.shown_version;
        }
        v.stale = false;
    }
    if (!v.building) return;
    const double start = now_ms();
    // A chunk of a cell's points at a time: 16 whole cells of the heavy link took 140 ms frames.
    const int cells_before = v.builder.cells_done();
    while (!v.builder.done() && now_ms() - start < kGridBudgetMs) v.builder.step_chunk();
    v.ms = now_ms() - start;
    app_wake(app);  // the next frames go on with the grid even when nothing trains
    if (v.builder.done()) {
        v.shown = v.builder.surface();
        v.shown_epoch = v.built_epoch;
        ++v.shown_version;
        v.building = v.filling = false;
        v.done_at = glfwGetTime();
    } else if (v.filling && v.builder.cells_done() != cells_before) {
        const Surface& b = v.builder.surface();
        v.shown.loss = b.loss;
        v.shown.loss_min = b.loss_min;
        v.shown.loss_max = b.loss_max;
        ++v.shown_version;
    }
}

// Locates network 0's weights on the shown slice once an epoch (each is 2P multiply-adds),
// starting with those recorded after the shown path ends; at most kTail points, thinned.
void follow(App& app) {
    SurfaceView& v = app.inside_views.surface;
    const Surface& s = v.shown;
    const Trainer& t = *app.run.trainer;
    auto add = [&](const Vector& weights, int epoch) {
        if (v.tail_a.size() >= kTail) {
            for (std::size_t k = 0; 2 * k + 1 < v.tail_a.size(); ++k) {  // keep every second, and the last
                v.tail_a[k] = v.tail_a[2 * k + 1];
                v.tail_b[k] = v.tail_b[2 * k + 1];
            }
            v.tail_a.resize(v.tail_a.size() / 2);
            v.tail_b.resize(v.tail_b.size() / 2);
        }
        double a = 0, b = 0;
        s.locate(weights, a, b);
        v.tail_a.push_back(a);
        v.tail_b.push_back(b);
        v.tail_epoch = epoch;
    };
    if (v.tail_version != v.shown_version) {
        v.tail_version = v.shown_version;
        v.tail_a.clear();
        v.tail_b.clear();
        v.tail_epoch = s.path_epoch.empty() ? v.shown_epoch : s.path_epoch.back();
        for (int i = 0; i < v.path.size(); ++i)
            if (v.path.epoch(i) > v.tail_epoch) add(v.path.weights(i), v.path.epoch(i));
    }
    if (t.epoch() != v.tail_epoch) add(t.network(0).params(), t.epoch());
}

// The map's cells in the ramp's colours (row 0 at the top, b_max), the cells not computed yet
// neutral; coloured and uploaded again only when the surface or the theme changed.
void colour_map(App& app, bool log_scale, double lo, double hi) {
    SurfaceView& v = app.inside_views.surface;
    const Surface& s = v.shown;
    const ImU32 neutral = kNeutral;
    if (v.coloured_version == v.shown_version && v.coloured_neutral == neutral) return;
    v.coloured_version = v.shown_version;
    v.coloured_neutral = neutral;
    v.pixels.assign(std::size_t(s.size) * std::size_t(s.size), neutral);
    for (int i = 0; i < s.size; ++i)
        for (int j = 0; j < s.size; ++j) {
            const double L = s.loss[std::size_t(i * s.size + j)];
            if (std::isnan(L)) continue;
            const double x = log_scale ? std::log(std::max(L, 1e-300)) : L;
            const double t = std::isfinite(x) && hi > lo ? (x - lo) / (hi - lo) : 1.0;
            v.pixels[std::size_t((s.size - 1 - i) * s.size + j)] = ramp(t);
        }
    if (!app.pictures.renderer_ok) return;
    ImageStrip& map = app.pictures.renderer.surface_map;
    map.reserve(1, s.size, true);
    map.set(0, v.pixels.data());
}

}  // namespace

void surface_view(App& app, float width) {
    if (!view_section(inside_view_title("surface"), app.run.state.show_surface)) return;
    SurfaceView& v = app.inside_views.surface;
    const float sc = app.view.scale;
    if (!app.run.state.hide_text) coloured(kMuted, std::string(help_text("ui.surface")), width);
    static const char* const kMethods[] = {"Exact or random", "Random directions", "Path directions"};
    ImGui::SetNextItemWidth(std::min(width, 200 * sc));
    if (ImGui::Combo("##surfaceMethod", &v.method, kMethods, 3)) v.stale = true;
    record_rect(app, "surfaceMethod");
    tip(app, "ui.surfaceMethod");
    ImGui::SameLine();
    if (ImGui::Button("Redraw")) v.stale = true;
    record_rect(app, "surfaceRefresh");
    tip(app, "ui.surfaceRefresh");

    build(app);
    const Surface& s = v.shown;
    if (!s.error.empty()) {
        coloured(kWarn, s.error, width);
        return;
    }
    if (s.size == 0) return;

    const float side = std::min(width, 360 * sc);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##surface", ImVec2(side, side));
    const ImVec2 p1(p0.x + side, p0.y + side);
    record_rect_at(app, "surfaceView", p0, p1);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Colours on a log scale when the losses allow it: the interesting part is near the floor.
    const bool log_scale = s.loss_min > 0 && s.loss_max > s.loss_min * 1.5;
    const double lo = log_scale ? std::log(s.loss_min) : s.loss_min;
    const double hi = log_scale ? std::log(s.loss_max) : s.loss_max;
    colour_map(app, log_scale, lo, hi);
    if (app.pictures.renderer_ok) {
        const ImTextureID map = app.pictures.renderer.surface_map.texture();
        dl->AddImage(map, p0, p1);
        imgui_gl_set_opaque(1, map);  // every cell is opaque: no blending
    } else {
        dl->AddRectFilled(p0, p1, kNeutral);
    }
    const float cell = side / float(s.size);

    // The path, projected, then the weights trained since, ending at the current weights.
    follow(app);
    auto at = [&](double a, double b) {
        const float x = float((a - s.a_min) / (s.a_max - s.a_min));
        const float y = float((b - s.b_min) / (s.b_max - s.b_min));
        return ImVec2(p0.x + (x * (s.size - 1) + 0.5f) * cell, p1.y - (y * (s.size - 1) + 0.5f) * cell);
    };
    dl->PushClipRect(p0, p1, true);
    std::vector<ImVec2> line;
    for (std::size_t k = 0; k < s.path_a.size(); ++k)
        if (std::isfinite(s.path_a[k]) && std::isfinite(s.path_b[k])) line.push_back(at(s.path_a[k], s.path_b[k]));
    for (std::size_t k = 0; k < v.tail_a.size(); ++k)
        if (std::isfinite(v.tail_a[k]) && std::isfinite(v.tail_b[k])) line.push_back(at(v.tail_a[k], v.tail_b[k]));
    // Whole pixels wide: ImGui draws such a line with 2 triangles a segment, not 6.
    const float thick = std::max(1.0f, std::round(1.6f * sc));
    if (line.size() >= 2) {
        dl->AddPolyline(line.data(), int(line.size()), IM_COL32(0, 0, 0, 160), ImDrawFlags_None, thick + 2);
        dl->AddPolyline(line.data(), int(line.size()), IM_COL32(255, 255, 255, 230), ImDrawFlags_None, thick);
    }
    if (!line.empty()) dl->AddCircleFilled(line.front(), 3 * sc, IM_COL32(255, 255, 255, 200));
    const ImVec2 now = line.empty() ? at(s.a_now, s.b_now) : line.back();
    dl->AddCircleFilled(now, 5 * sc, IM_COL32(255, 255, 255, 255));
    dl->AddCircle(now, 5 * sc, IM_COL32(0, 0, 0, 255), 0, 1.5f * sc);
    dl->PopClipRect();
    if (ImGui::IsItemHovered()) {
        const ImVec2 m = ImGui::GetMousePos();
        const int j = std::clamp(int((m.x - p0.x) / cell), 0, s.size - 1);
        const int i = std::clamp(int((p1.y - m.y) / cell), 0, s.size - 1);
        ImGui::SetTooltip("a = %.3g, b = %.3g\nloss %.4g", s.a_at(j), s.b_at(i), s.loss[std::size_t(i * s.size + j)]);
    }

    char text[160];
    std::snprintf(text, sizeof text, "Loss %.3g (dark) to %.3g (light)%s; centred on epoch %d.", s.loss_min, s.loss_max,
                  log_scale ? ", log scale" : "", v.shown_epoch);
    caption(text);
    caption(s.method == SurfaceMethod::exact ? "Axes: the two weights themselves."
            : s.method == SurfaceMethod::pca ? "Axes: the two directions training moved along most."
                                             : "Axes: two random directions, scaled to the weights.");
    if (v.building) {
        std::snprintf(text, sizeof text, "Drawing: %d of %d cells", v.builder.cells_done(), s.size * s.size);
        caption(text);
    }
}

}  // namespace nnplay::web
