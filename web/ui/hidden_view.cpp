// hidden_view.cpp: the See inside section of the hidden space: the training points and a grid
// of the input plane as one hidden layer sees them, on two of its neurons or its first two
// principal components, redrawn as the network trains.
#include "web/app.h"
#include "web/palette.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace nnplay::web {

namespace {

// With as many training points as the renderer draws into a layer (Renderer::kLayerPoints),
// the space is computed again at most every kManyEvery seconds while training, not every
// frame: software WebGL pays per sprite, and each new picture of thousands of points is drawn
// again (the heavy link's 2,500 cost it about as much as the rest of the views together);
// between two, the renderer copies its layer.
constexpr double kManyEvery = 0.2;

// ImGui's draw callback (user data: the App): the training points as their classes' markers,
// as sprites (web/renderer.h). As ImGui circles with outlines, the heavy link's 2,500 points
// held the page at 8–11 fps: software WebGL pays per triangle, and a thin outline is dozens.
void draw_hidden_points(const ImDrawList*, const ImDrawCmd* cmd) {
    App& app = *static_cast<App*>(cmd->UserCallbackData);
    const HiddenView& v = app.inside_views.hidden;
    if (!app.pictures.renderer_ok) return;
    int shown[3] = {};
    framebuffer_square(v.drawn_min, v.drawn_side, shown[0], shown[1], shown[2]);
    app.pictures.renderer.render_points_square(Renderer::kHiddenPoints, shown[0], shown[1], shown[2], shown,
                                               v.sprites, std::max(2.5f, 3.0f * app.view.scale));
}

}  // namespace

void hidden_view(App& app, float width) {
    if (!view_section(inside_view_title("hidden"), app.run.state.show_hidden)) return;
    HiddenView& v = app.inside_views.hidden;
    const float sc = app.view.scale;
    if (!app.run.state.hide_text) coloured(kMuted, std::string(help_text("ui.hidden")), width);

    const Network<Scalar>& net = app.run.trainer->network(0);
    const int hidden = net.layer_count() - 1;
    if (hidden < 1) {
        coloured(kWarn, "This network has no hidden layer: add one to see its space.", width);
        return;
    }
    // The controls: layer, then two neurons or the principal components.
    const int before = v.layer * 1000000 + v.neuron_a * 1000 + v.neuron_b + (v.pca ? 7 : 0);
    v.layer = std::clamp(v.layer, 0, hidden - 1);
    const int w = net.spec().width(v.layer);
    ImGui::SetNextItemWidth(std::min(width * 0.4f, 110 * sc));
    int layer1 = v.layer + 1;
    if (ImGui::SliderInt("##hiddenLayer", &layer1, 1, hidden, "Layer %d")) v.layer = std::clamp(layer1 - 1, 0, hidden - 1);
    record_rect(app, "hiddenLayer");
    ImGui::SameLine();
    ImGui::Checkbox("Principal components", &v.pca);
    record_rect(app, "hiddenPca");
    tip(app, "ui.hiddenPca");
    if (!v.pca && w >= 2) {
        int a = v.neuron_a + 1, b = v.neuron_b + 1;
        ImGui::SetNextItemWidth(std::min(width * 0.45f, 120 * sc));
        if (ImGui::SliderInt("##hiddenA", &a, 1, w, "Across: neuron %d")) v.neuron_a = a - 1;
        record_rect(app, "hiddenNeuronA");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::min(width * 0.45f, 120 * sc));
        if (ImGui::SliderInt("##hiddenB", &b, 1, w, "Up: neuron %d")) v.neuron_b = b - 1;
        record_rect(app, "hiddenNeuronB");
    }
    v.neuron_a = std::clamp(v.neuron_a, 0, std::max(0, w - 1));
    v.neuron_b = std::clamp(v.neuron_b, 0, std::max(0, w - 1));
    if (w >= 2 && v.neuron_a == v.neuron_b) v.neuron_b = v.neuron_a == 0 ? 1 : 0;
    const int after = v.layer * 1000000 + v.neuron_a * 1000 + v.neuron_b + (v.pca ? 7 : 0);
    if (after != before) v.dirty = true;

    const bool many = v.space.point_a.size() >= std::size_t(Renderer::kLayerPoints);
    if (v.dirty && (after != before || !many || ImGui::GetTime() - v.computed_at >= kManyEvery)) {
        v.computed_at = ImGui::GetTime();
        HiddenSpaceOptions o;
        o.layer = v.layer;
        o.neuron_a = v.neuron_a;
        o.neuron_b = v.neuron_b;
        o.pca = v.pca;
        v.space = hidden_space(*app.run.trainer, o);
        v.dirty = false;
    }
    const HiddenSpace& h = v.space;
    if (!h.error.empty()) {
        coloured(kWarn, h.error, width);
        return;
    }

    const float side = std::min(width, 360 * sc);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##hidden", ImVec2(side, side));
    const ImVec2 p1(p0.x + side, p0.y + side);
    record_rect_at(app, "hiddenView", p0, p1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, p1, palette().chart_bg.u32());
    dl->AddRect(p0, p1, palette().chart_frame.u32());

    // One scale for both axes (a square picture keeps the shape), with a margin.
    const float ca = 0.5f * (h.a_min + h.a_max), cb = 0.5f * (h.b_min + h.b_max);
    const float half = std::max({0.5f * (h.a_max - h.a_min), 0.5f * (h.b_max - h.b_min), 1e-6f}) * 1.08f;
    auto at = [&](float a, float b) {
        return ImVec2(p0.x + side * (0.5f + (a - ca) / (2 * half)), p0.y + side * (0.5f - (b - cb) / (2 * half)));
    };
    dl->PushClipRect(p0, p1, true);
    std::vector<ImVec2> line(std::size_t(h.samples));
    for (int l = 0; l < 2 * h.lines; ++l) {
        for (int s = 0; s < h.samples; ++s) {
            const std::size_t k = std::size_t(l * h.samples + s);
            line[std::size_t(s)] = at(h.line_a[k], h.line_b[k]);
        }
        // Whole pixels wide: ImGui draws such a line with 2 triangles a segment, not 6.
        dl->AddPolyline(line.data(), h.samples, palette().chart_grid.u32(), ImDrawFlags_None,
                        std::max(1.0f, std::round(sc)));
    }
    // The points in the view's square as the sprites' plane ([−kDomain, kDomain]²), each in its
    // class's colour and marker (the second cue).
    const bool regression = app.run.trainer->is_regression();
    v.sprites.clear();
    for (std::size_t k = 0; k < h.point_a.size(); ++k) {
        const float label = h.point_label[k];
        const float x = (h.point_a[k] - ca) / half * kDomain, y = (h.point_b[k] - cb) / half * kDomain;
        v.sprites.push_back({x, y, label_colour(label, regression), 0,
                             regression ? Marker::circle : class_marker(int(label))});
    }
    v.drawn_min = p0;
    v.drawn_side = side;
    dl->AddCallback(draw_hidden_points, &app);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    dl->PopClipRect();
    caption(("Across: " + h.axis_a + ". Up: " + h.axis_b + ".").c_str());
}

}  // namespace nnplay::web
