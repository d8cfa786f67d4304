// surface_view.cpp: the See inside section of the error surface: a heat map of the loss over
// a slice of weight space around the current weights, with the recorded path and the current
// point on it. The grid is computed a few cells a frame, within a small time budget.
#include "web/app.h"
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
constexpr double kRefreshSeconds = 0.5;  // while training, a new surface at most this often
// A cell costs a forward pass of every training point. The most multiply-adds a grid may
// take (about a minute of 2 ms frames): a big network on many points gets a coarser grid,
// down to 11².
constexpr double kMaxGridWork = 2e10;

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

// Starts, continues or restarts the grid, within the frame's budget.
void build(App& app) {
    SurfaceView& v = app.inside_views.surface;
    const Trainer& t = *app.run.trainer;
    const double now = glfwGetTime();
    const bool moved = t.epoch() != v.built_epoch;
    if (!v.building && (v.stale || (moved && now - v.built_at >= kRefreshSeconds))) {
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
        if (v.stale) v.shown = v.builder.surface();  // nothing older to show: show it as it fills
        v.stale = false;
    }
    if (!v.building) return;
    const double start = now_ms();
    // A chunk of a cell's points at a time: 16 whole cells of the heavy link took 140 ms frames.
    while (!v.builder.done() && now_ms() - start < kGridBudgetMs) v.builder.step_chunk();
    v.ms = now_ms() - start;
    app_wake(app);  // the next frames go on with the grid even when nothing trains
    if (v.builder.done()) {
        v.shown = v.builder.surface();
        v.building = false;
    } else if (v.shown.size == 0 || v.shown.error.size()) {
        v.shown = v.builder.surface();
    }
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
    dl->AddRectFilled(p0, p1, kNeutral);

    // Colours on a log scale when the losses allow it: the interesting part is near the floor.
    const bool log_scale = s.loss_min > 0 && s.loss_max > s.loss_min * 1.5;
    const double lo = log_scale ? std::log(s.loss_min) : s.loss_min;
    const double hi = log_scale ? std::log(s.loss_max) : s.loss_max;
    const float cell = side / float(s.size);
    for (int i = 0; i < s.size; ++i)
        for (int j = 0; j < s.size; ++j) {
            const double L = s.loss[std::size_t(i * s.size + j)];
            if (std::isnan(L)) continue;
            const double x = log_scale ? std::log(std::max(L, 1e-300)) : L;
            const double t = std::isfinite(x) && hi > lo ? (x - lo) / (hi - lo) : 1.0;
            const float y0 = p1.y - float(i + 1) * cell;  // row 0 (b_min) at the bottom
            dl->AddRectFilled(ImVec2(p0.x + float(j) * cell, y0), ImVec2(p0.x + float(j + 1) * cell + 0.5f, y0 + cell + 0.5f),
                              ramp(t));
        }

    // The path, projected, then the current weights.
    auto at = [&](double a, double b) {
        const float x = float((a - s.a_min) / (s.a_max - s.a_min));
        const float y = float((b - s.b_min) / (s.b_max - s.b_min));
        return ImVec2(p0.x + (x * (s.size - 1) + 0.5f) * cell, p1.y - (y * (s.size - 1) + 0.5f) * cell);
    };
    dl->PushClipRect(p0, p1, true);
    std::vector<ImVec2> line;
    for (std::size_t k = 0; k < s.path_a.size(); ++k)
        if (std::isfinite(s.path_a[k]) && std::isfinite(s.path_b[k])) line.push_back(at(s.path_a[k], s.path_b[k]));
    if (line.size() >= 2) {
        dl->AddPolyline(line.data(), int(line.size()), IM_COL32(0, 0, 0, 160), ImDrawFlags_None, 3.5f * sc);
        dl->AddPolyline(line.data(), int(line.size()), IM_COL32(255, 255, 255, 230), ImDrawFlags_None, 1.6f * sc);
    }
    if (!line.empty()) dl->AddCircleFilled(line.front(), 3 * sc, IM_COL32(255, 255, 255, 200));
    const ImVec2 now = at(s.a_now, s.b_now);
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
                  log_scale ? ", log scale" : "", v.built_epoch);
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
