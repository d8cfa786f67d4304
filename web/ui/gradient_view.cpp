// gradient_view.cpp: the Gradient flow section of the See inside panel: each layer's gradient
// norm over the whole training set (engine/diagnosis.h layer_gradient_norms), epoch by epoch
// on a log scale, one line per layer; bounded memory, pairs merged keeping min and max.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "web/palette.h"

#include "engine/help.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace nnplay::web {
namespace {

// Merges neighbouring samples pairwise: the chart keeps its shape (every min and max) in half
// the memory, as the loss chart does.
void thin(GradientFlow& g) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < g.epoch.size(); i += 2, ++out) {
        const std::size_t j = std::min(i + 1, g.epoch.size() - 1);
        g.epoch[out] = g.epoch[j];
        for (int l = 0; l < g.layers; ++l) {
            g.lo[out][std::size_t(l)] = std::min(g.lo[i][std::size_t(l)], g.lo[j][std::size_t(l)]);
            g.hi[out][std::size_t(l)] = std::max(g.hi[i][std::size_t(l)], g.hi[j][std::size_t(l)]);
        }
    }
    g.epoch.resize(out);
    g.lo.resize(out);
    g.hi.resize(out);
}

ImU32 layer_colour(int l, int layers) {
    // From the first layer's colour to the last's (the theme's, each 3:1 on the chart).
    const float u = layers > 1 ? float(l) / float(layers - 1) : 1.0f;
    return mix(palette().gradient_first, palette().gradient_last, u).u32();
}

}  // namespace

void gradient_record(App& app) {
    GradientFlow& g = app.gradients;
    const Trainer& t = *app.run.trainer;
    const int layers = t.spec().layer_count();
    if (layers != g.layers || (!g.epoch.empty() && t.epoch() < g.epoch.back())) {
        g.epoch.clear();  // a new network or a restarted run
        g.lo.clear();
        g.hi.clear();
        g.layers = layers;
    }
    if (!g.epoch.empty() && g.epoch.back() == t.epoch()) return;
    const std::vector<double> norms = layer_gradient_norms(t);
    if (int(norms.size()) != layers) return;
    if (int(g.epoch.size()) >= GradientFlow::kMaxSamples) thin(g);
    g.epoch.push_back(t.epoch());
    g.lo.push_back(norms);
    g.hi.push_back(norms);
}

void gradient_view(App& app, float width) {
    PlaygroundState& s = app.run.state;
    GradientFlow& g = app.gradients;
    ImGui::SetNextItemOpen(s.show_gradients);
    g.open = ImGui::CollapsingHeader((std::string(inside_view_title("gradients")) + "###gradients").c_str());
    record_rect(app, "gradientsHeader");
    tip(app, "showGradients");
    s.show_gradients = g.open;
    if (!g.open) return;
    gradient_record(app);
    if (!s.hide_text) coloured(kMuted, std::string(help_text("gradients.intro")), width);
    const float sc = app.view.scale;
    if (g.epoch.empty()) {
        caption("No gradients: the perceptron has none, or there are no training points.");
        return;
    }
    // The log range over every positive value.
    double lo = 1e300, hi = 0;
    for (std::size_t i = 0; i < g.epoch.size(); ++i)
        for (int l = 0; l < g.layers; ++l) {
            const double a = g.lo[i][std::size_t(l)], b = g.hi[i][std::size_t(l)];
            if (a > 0) lo = std::min(lo, a);
            if (b > 0) hi = std::max(hi, b);
        }
    if (!(hi > 0)) {
        caption("Every gradient is zero.");
        return;
    }
    const double top = std::ceil(std::log10(hi)), bottom = std::min(top - 1, std::floor(std::log10(lo)));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float axis_w = 42 * sc, chart_h = 130 * sc;
    const ImVec2 a(origin.x + axis_w, origin.y + 4 * sc), b(origin.x + width - 4 * sc, origin.y + chart_h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, palette().chart_bg.u32());
    dl->AddRect(a, b, palette().chart_frame.u32());
    auto y_of = [&](double v) {
        const double t = (std::log10(std::max(v, 1e-300)) - bottom) / (top - bottom);
        return b.y - float(std::clamp(t, 0.0, 1.0)) * (b.y - a.y);
    };
    const int first = g.epoch.front(), last = std::max(g.epoch.back(), first + 1);
    auto x_of = [&](int epoch) { return a.x + float(epoch - first) / float(last - first) * (b.x - a.x); };
    // Decades on the axis.
    const int step = int(std::max(1.0, std::ceil((top - bottom) / 5)));
    for (int d = int(bottom); d <= int(top); d += step) {
        const float y = y_of(std::pow(10.0, d));
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), palette().chart_grid.u32());
        char label[16];
        std::snprintf(label, sizeof label, "1e%d", d);
        dl->AddText(ImVec2(origin.x, y - ImGui::GetFontSize() / 2), kMuted, label);
    }
    // Each layer's line through the samples' geometric means, and each merged sample's range as
    // a tick, whole pixels wide: ImGui draws such a line with 2 triangles a segment, not 6.
    const float line_w = std::max(1.0f, std::round(1.5f * sc)), tick_w = std::max(1.0f, std::round(sc));
    std::vector<ImVec2> line(g.epoch.size());
    for (int l = 0; l < g.layers; ++l) {
        const ImU32 colour = layer_colour(l, g.layers);
        for (std::size_t i = 0; i < g.epoch.size(); ++i) {
            const double lo_v = g.lo[i][std::size_t(l)], hi_v = g.hi[i][std::size_t(l)];
            line[i] = ImVec2(x_of(g.epoch[i]), y_of(std::sqrt(std::max(lo_v, 1e-300) * std::max(hi_v, 1e-300))));
            if (lo_v != hi_v) dl->AddLine(ImVec2(line[i].x, y_of(lo_v)), ImVec2(line[i].x, y_of(hi_v)), colour, tick_w);
        }
        if (line.size() >= 2) dl->AddPolyline(line.data(), int(line.size()), colour, ImDrawFlags_None, line_w);
        else dl->AddCircleFilled(line[0], 2 * sc, colour);
    }
    record_rect_at(app, "gradientChart", a, b);
    ImGui::Dummy(ImVec2(width, chart_h + 6 * sc));
    char range[64];
    std::snprintf(range, sizeof range, "epochs %d to %d", first, g.epoch.back());
    caption(range);
    // The legend: one swatch per layer, with its latest norm.
    for (int l = 0; l < g.layers; ++l) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.3f), ImVec2(p.x + 14 * sc, p.y + h * 0.7f), layer_colour(l, g.layers));
        ImGui::Dummy(ImVec2(18 * sc, h));
        ImGui::SameLine();
        const bool output = l + 1 == g.layers;
        if (output) ImGui::Text("output layer: %.3g", g.hi.back()[std::size_t(l)]);
        else ImGui::Text("layer %d: %.3g", l + 1, g.hi.back()[std::size_t(l)]);
    }
}

}  // namespace nnplay::web
