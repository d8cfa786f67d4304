// output_panel.cpp: the Output column: loss and accuracy per split, the loss chart, the
// output plot (the image pictures.cpp finished, the points drawn over it by a callback;
// click to draw points), its options, the colour legend and the confusion matrix.
#include "web/focus.h"  // what a screen reader calls the chart and the plot
#include "web/ui/layout.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/dataset.h"
#include "engine/help.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nnplay::web {

namespace {

// Loss and accuracy (or RMSE) on each set: columns train, validation (if any), test.
void metrics_table(App& app) {
    const Trainer& t = *app.run.trainer;
    const Metrics& m = t.metrics();
    const bool regression = t.is_regression();
    const bool has_val = !t.data().val.empty();
    const int cols = has_val ? 4 : 3;
    if (ImGui::BeginTable("##metrics", cols,
                          ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX)) {
        auto row = [&](const char* name, double train, double val, double test, bool as_percent) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            caption(name);
            const double values[3] = {train, val, test};
            for (int i = 0; i < 3; ++i) {
                if (i == 1 && !has_val) continue;
                ImGui::TableNextColumn();
                char text[32];
                if (!std::isfinite(values[i])) std::snprintf(text, sizeof text, "-");
                else if (as_percent) std::snprintf(text, sizeof text, "%.1f%%", values[i] * 100);
                else std::snprintf(text, sizeof text, "%.4f", values[i]);
                ImGui::TextUnformatted(text);
            }
        };
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        caption("training");
        if (has_val) {
            ImGui::TableNextColumn();
            caption("validation");
        }
        ImGui::TableNextColumn();
        caption("test");
        row("loss", m.train_loss, m.val_loss, m.test_loss, false);
        if (regression) row("RMSE", m.train_rmse, m.val_rmse, m.test_rmse, false);
        else row("accuracy", m.train_acc, m.val_acc, m.test_acc, true);
        ImGui::EndTable();
    }
    record_rect(app, "metrics");
}

// The loss chart's height, with room for the axes' numbers, in pixels at scale 1.
constexpr float kChartHeight = 84;

// The loss chart and its legend.
void loss_chart(App& app, float width) {
    const float sc = app.view.scale;
    const float chart_h = kChartHeight * sc;
    ImVec2 c0 = ImGui::GetCursorScreenPos();
    ImVec2 c1(c0.x + width - 4 * sc, c0.y + chart_h);
    ImGui::InvisibleButton("##chart", ImVec2(c1.x - c0.x, chart_h));
    focus_label_item("Loss chart");
    record_rect(app, "chart");
    app.pictures.chart.draw(ImGui::GetWindowDrawList(), c0, c1, app.view.log_scale, sc);
    draw_chart_marks(app, ImGui::GetWindowDrawList(), c0, c1);
    ImGui::Checkbox("Log scale", &app.view.log_scale);
    tip(app, "ui.logScale");
    ImGui::SameLine(0, 12 * sc);
    app.pictures.chart.legend(sc);  // only the curves that exist, in their line styles
}

// In draw mode (view.draw_mode), a click on the plot at (x, y) adds a point of the current
// class (Shift: the other class) to the training or the test set (view.draw_to_test); a
// right-click or Ctrl-click removes the nearest point shown. Outside draw mode a click changes
// nothing. Every point keeps its part of the split (engine pin_splits): drawing on a generated
// data set turns it into your own points, every point staying where it was.
void draw_on_plot(App& app, float x, float y) {
    if (!app.view.draw_mode) return;
    PlaygroundState& s = app.run.state;
    const Trainer& t = *app.run.trainer;
    const bool regression = t.is_regression();
    ImGuiIO& io = ImGui::GetIO();
    const bool remove = ImGui::IsMouseClicked(1) || (ImGui::IsMouseClicked(0) && io.KeyCtrl);
    const bool add = !remove && ImGui::IsMouseClicked(0);
    if (!add && !remove) return;
    Dataset& current = regression ? s.reg_dataset : s.dataset;
    const bool automatic = std::any_of(s.points.begin(), s.points.end(),
                                       [](const Point& p) { return p.split == PointSplit::automatic; });
    if (current != Dataset::custom) {
        s.points = pin_splits(t.data());
        if (!regression) s.classes = std::max(2, t.class_count());
        app_message(app, std::string(dataset_label(current)) + " is now your own points: all " +
                             std::to_string(s.points.size()) +
                             " stay where they were, in their split. Ctrl+Z undoes.");
        current = Dataset::custom;
    } else if (automatic) {
        s.points = pin_splits(t.data());  // from a link or a file: keep the split it has now
    }
    if (add) {
        const int classes = regression ? 2 : s.class_count();
        int cls = app.view.current_class;
        if (io.KeyShift) cls = classes == 2 ? 1 - cls : (cls + 1) % classes;
        const float label = regression ? (cls == 1 ? 1.0f : -1.0f) : float(cls);
        const PointSplit where = app.view.draw_to_test ? PointSplit::test : PointSplit::train;
        if (s.points.size() < std::size_t(kMaxPoints)) {
            s.points.push_back({x, y, label, where});
            if (where == PointSplit::test) s.show_test_data = true;  // a drawn point always shows
        } else {
            app_message(app, "Rejected: at most " + std::to_string(kMaxPoints) + " points.", true);
        }
    }
    if (remove && !s.points.empty()) {
        size_t nearest = s.points.size();
        float d2 = 0.8f * 0.8f;
        for (size_t i = 0; i < s.points.size(); ++i) {
            if (s.points[i].split == PointSplit::test && !s.show_test_data) continue;  // not shown
            float dx = s.points[i].x - x, dy = s.points[i].y - y, d = dx * dx + dy * dy;
            if (d < d2) {
                d2 = d;
                nearest = i;
            }
        }
        if (nearest < s.points.size()) s.points.erase(s.points.begin() + long(nearest));
    }
}

// The plot's zoom: each button press magnifies (or shrinks) by kZoomStep, up to
// kMaxPlotZoom (a square of the plane 0.75 wide).
constexpr float kZoomStep = 1.5f, kMaxPlotZoom = 16;

// The square of the plane the plot shows, [x0, x1] × [y0, y1].
struct Region {
    float x0, x1, y0, y1;
};
Region plot_region(const View& v) {
    const float half = kDomain / v.plot_zoom;
    return {v.plot_cx - half, v.plot_cx + half, v.plot_cy - half, v.plot_cy + half};
}

// Moves the region by (dx, dy) plane units, keeping it inside the plane; the boundary is then
// computed again for it (pictures.cpp).
void pan_plot(App& app, float dx, float dy) {
    View& v = app.view;
    const float room = kDomain - kDomain / v.plot_zoom;
    v.plot_cx = std::clamp(v.plot_cx + dx, -room, room);
    v.plot_cy = std::clamp(v.plot_cy + dy, -room, room);
    app.pictures.dirty = true;
}

// Zooms by `factor` about plane point (x, y), which stays where it is on screen.
void zoom_plot(App& app, float factor, float x, float y) {
    View& v = app.view;
    float zoom = std::clamp(v.plot_zoom * factor, 1.0f, kMaxPlotZoom);
    if (zoom < 1.01f) zoom = 1;  // a pinch back out ends at the whole plane exactly
    const float k = v.plot_zoom / zoom;
    v.plot_cx = x + (v.plot_cx - x) * k;
    v.plot_cy = y + (v.plot_cy - y) * k;
    v.plot_zoom = zoom;
    pan_plot(app, 0, 0);
}

// +, - and reset at the plot's top right corner, over it (submitted before the plot's own
// button, so they take the click): targets of at least 24 CSS px. True when one is hovered.
bool zoom_buttons(App& app, ImVec2 p0, ImVec2 p1) {
    View& v = app.view;
    const float sc = v.scale, side = std::max(24 * v.dpr, ImGui::GetFrameHeight());
    const float reset_w = std::max(side, ImGui::CalcTextSize("1:1").x + 2 * ImGui::GetStyle().FramePadding.x);
    const float x = p1.x - reset_w - 4 * sc;
    float y = p0.y + 4 * sc;
    const float cx = v.plot_cx, cy = v.plot_cy;
    bool hovered = false;
    struct Button {
        const char* label;
        const char* name;
        bool enabled;
        float factor;
    };
    const Button buttons[] = {{"+##plotZoom", "plotZoomIn", v.plot_zoom < kMaxPlotZoom, kZoomStep},
                              {"-##plotZoom", "plotZoomOut", v.plot_zoom > 1, 1 / kZoomStep},
                              {"1:1##plotZoom", "plotZoomReset", v.plot_zoom > 1, 0}};
    for (const Button& b : buttons) {
        ImGui::SetCursorScreenPos(ImVec2(x + reset_w - (b.factor == 0 ? reset_w : side), y));
        ImGui::BeginDisabled(!b.enabled);
        const bool pressed = ImGui::Button(b.label, ImVec2(b.factor == 0 ? reset_w : side, side));
        ImGui::EndDisabled();
        hovered = hovered || ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
        record_rect(app, b.name);
        v.rects[b.name].disabled = !b.enabled;
        tip(app, std::string("ui.") + b.name);
        if (pressed && b.enabled) {
            if (b.factor > 0) zoom_plot(app, b.factor, cx, cy);
            else zoom_plot(app, 1 / v.plot_zoom, 0, 0);
        }
        y += side + 2 * sc;
    }
    ImGui::SetCursorScreenPos(p0);
    return hovered;
}

// Room for the axis numbers right of the plot (and below it), in pixels at scale 1.
constexpr float kPlotAxisRoom = 26;

// The height under the plot that its options and the legend's first line take.
float plot_options_height(float sc) {
    return ImGui::GetFrameHeightWithSpacing() + 2 * ImGui::GetTextLineHeightWithSpacing() + 16 * sc;
}

// The plot, square, with room for the axis labels on the right and below; the rest of the
// column's height (`left`) minus the options under it. Zoomed, it shows plot_region() (the
// boundary computed for it, the points and the axes' numbers placed to match); a drag pans.
void output_plot(App& app, float width, float left) {
    const float sc = app.view.scale;
    const float axis = kPlotAxisRoom * sc;
    // The plot comes first; the legend's scale and the confusion matrix may scroll.
    float side = std::min(width - axis, left - plot_options_height(sc) - axis * 0.7f);
    side = std::floor(std::max(side, 120 * sc));
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 p1(p0.x + side, p0.y + side);
    app.view.output_rect = {p0.x, p0.y, side, side};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImTextureID image = app.pictures.output_image) dl->AddImage(image, p0, p1);
    // The points (and a hovered neuron's picture) are drawn for the whole plane, magnified
    // around the plot: only the plot's square of it shows.
    dl->PushClipRect(p0, p1, true);
    dl->AddCallback(app_draw_output, &app);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    dl->PopClipRect();
    const bool on_buttons = zoom_buttons(app, p0, p1);
    ImGui::InvisibleButton("##plot", ImVec2(side, side),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    focus_label_item("Output plot");
    record_rect(app, "plot");
    const bool clicked = ImGui::IsItemHovered() && !on_buttons && ImGui::IsMouseClicked(0);
    const Region r = plot_region(app.view);
    draw_axes(dl, p0, p1, sc, r.x0, r.x1, r.y0, r.y1);
    const float per_px = (r.x1 - r.x0) / side;  // plane units per pixel
    const ImGuiIO& io = ImGui::GetIO();
    // Zoomed, a drag pans (not in draw mode, where a press draws).
    if (app.view.plot_zoom > 1 && !app.view.draw_mode && ImGui::IsItemActive() &&
        ImGui::IsMouseDragging(0, 2))
        pan_plot(app, -io.MouseDelta.x * per_px, io.MouseDelta.y * per_px);
    // A two-finger pinch over the plot zooms about the fingers' middle.
    const ImVec2 pinch(app.view.pinch_x, app.view.pinch_y);
    if (app.view.pinch != 1 && pinch.x >= p0.x && pinch.x < p1.x && pinch.y >= p0.y && pinch.y < p1.y)
        zoom_plot(app, app.view.pinch, r.x0 + (pinch.x - p0.x) * per_px, r.y1 - (pinch.y - p0.y) * per_px);
    if (ImGui::IsItemHovered() && !on_buttons) {
        ImVec2 mp = io.MousePos;
        const float x = r.x0 + (mp.x - p0.x) * per_px;
        const float y = r.y1 - (mp.y - p0.y) * per_px;
        draw_on_plot(app, x, y);
        if (app.view.draw_mode) ImGui::SetTooltip("(%.2f, %.2f)  click: add  right-click: remove", x, y);
        else if (app.backprop.open) ImGui::SetTooltip("(%.2f, %.2f)  click a training point to step through it", x, y);
        else ImGui::SetTooltip("(%.2f, %.2f)", x, y);
    }
    // The Backprop section's point: picked by a click, ringed (web/ui/backprop_view.cpp).
    backprop_plot(app, dl, p0, p1, r.x0, r.y1, per_px, clicked);
    ImGui::Dummy(ImVec2(0, axis * 0.6f));
}

// Show test data and Discretize output, on two lines if one is too narrow.
void plot_options(App& app, float width) {
    PlaygroundState& s = app.run.state;
    const bool test_shown = !hidden(app, "showTestData");
    if (test_shown) {
        ImGui::Checkbox("Show test data", &s.show_test_data);
        record_rect(app, "showTestData");
        tip(app, "showTestData");
    }
    if (!hidden(app, "discretize")) {
        const float box = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
        const float both = 2 * box + ImGui::CalcTextSize("Show test dataDiscretize output").x +
                           ImGui::GetStyle().ItemSpacing.x;
        if (test_shown && both <= width) ImGui::SameLine();
        ImGui::Checkbox("Discretize output", &s.discretize);
        record_rect(app, "discretize");
        tip(app, "discretize");
    }
}

// What the colours mean: for two classes and regression, the scale from −1 (orange) through
// 0 to +1 (blue) shared by points, neurons and weights; for more classes, one swatch per class.
void colour_legend(App& app, float width) {
    const float sc = app.view.scale;
    const Trainer& t = *app.run.trainer;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::BeginGroup();
    if (!t.is_regression() && t.class_count() > 2) {
        class_legend(t.class_count(), sc);  // colour and marker per class (web/plots.h)
        if (!app.run.state.hide_text)
            coloured(kMuted, std::string(help_text("ui.legendClassesShort")), width);
        ImGui::EndGroup();
        record_rect(app, "legend");
        tip(app, "ui.legendClasses");
        return;
    } else {
        // The scale: a bar in two halves, each a gradient, with −1, 0 and 1 under it.
        const float bar_w = std::min(width - 8 * sc, 220 * sc), bar_h = 8 * sc;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 mid(p.x + bar_w * 0.5f, p.y + bar_h);
        dl->AddRectFilledMultiColor(p, mid, kOrange, kNeutral, kNeutral, kOrange);
        dl->AddRectFilledMultiColor(ImVec2(mid.x, p.y), ImVec2(p.x + bar_w, p.y + bar_h), kNeutral, kBlue,
                                    kBlue, kNeutral);
        ImGui::Dummy(ImVec2(bar_w, bar_h));
        const float y = ImGui::GetCursorPosY(), x = ImGui::GetCursorPosX();
        caption("-1");
        ImGui::SameLine(x + bar_w * 0.5f - ImGui::CalcTextSize("0").x * 0.5f);
        caption("0");
        ImGui::SameLine(x + bar_w - ImGui::CalcTextSize("1").x);
        caption("1");
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), y));
        if (!app.run.state.hide_text)
            coloured(
                kMuted,
                std::string(help_text(t.is_regression() ? "ui.legendRegressionShort" : "ui.legendTwoShort")),
                width);
    }
    ImGui::EndGroup();
    record_rect(app, "legend");
    tip(app, t.is_regression() ? "ui.legendRegression" : "ui.legendTwo");
}

// Classification: test points by true (rows) and predicted (columns) class.
void confusion_matrix(App& app) {
    const Trainer& t = *app.run.trainer;
    const Metrics& m = t.metrics();
    if (!t.is_regression() && !m.confusion.empty()) {
        const int k = t.class_count();
        coloured(kMuted, "Confusion matrix (test): rows true, columns predicted",
                 ImGui::GetContentRegionAvail().x);
        // Columns as wide as their numbers and markers: six classes fit a narrow column.
        if (ImGui::BeginTable("##confusion", k + 1,
                              ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            for (int c = 0; c < k; ++c) {
                ImGui::TableNextColumn();
                class_label(c, app.view.scale);
            }
            for (int r = 0; r < k; ++r) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                class_label(r, app.view.scale);
                for (int c = 0; c < k; ++c) {
                    ImGui::TableNextColumn();
                    ImGui::Text("%d", m.confusion[size_t(r * k + c)]);
                }
            }
            ImGui::EndTable();
            record_rect(app, "confusion");
        }
    }
}

}  // namespace

void output_panel(App& app, float width, float height) {
    const float top = ImGui::GetCursorPosY();
    const auto left = [&] { return height - (ImGui::GetCursorPosY() - top); };
    // Phones: the plot first, as wide as the screen; the rest scrolls below it. Held
    // sideways, the plot is as high as the tab (its options scroll below it), and the metrics,
    // the loss chart and the confusion matrix stand beside it.
    if (current_layout(app) == Layout::phone) {
        const float sc = app.view.scale;
        const bool sideways = width > height;
        ImGui::BeginGroup();
        output_plot(app, width, sideways ? height + plot_options_height(sc) : std::max(left(), width + 80 * sc));
        const float plot_w = sideways ? std::min(width, app.view.output_rect.w + kPlotAxisRoom * sc) : width;
        plot_options(app, plot_w);
        colour_legend(app, plot_w);
        ImGui::EndGroup();
        const float gap = 2 * ImGui::GetStyle().ItemSpacing.x;
        float rest_w = width - plot_w - gap;
        if (sideways && rest_w >= 180 * sc) ImGui::SameLine(0, gap);
        else rest_w = width;
        ImGui::BeginGroup();
        heading("OUTPUT");
        metrics_table(app);
        loss_chart(app, rest_w);
        confusion_matrix(app);
        ImGui::EndGroup();
        return;
    }
    heading("OUTPUT");
    // The metrics with the loss chart beside them when there is room: more height for the plot.
    const ImVec2 start = ImGui::GetCursorPos();
    metrics_table(app);
    const float metrics_w = ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x * 2;
    // Under them where the plot still gets most of the column's width; in a short window
    // (1024×600) the plot comes first and the chart after the legend.
    const float sc = app.view.scale;
    const float chart_h = kChartHeight * sc + ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const bool chart_beside = width - metrics_w >= 200 * sc;
    const bool chart_first = !chart_beside && left() - chart_h - plot_options_height(sc) >= 0.8f * width;
    if (chart_beside) {
        const float metrics_end = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x + metrics_w, start.y));
        ImGui::BeginGroup();
        loss_chart(app, width - metrics_w);
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(start.x, std::max(metrics_end, ImGui::GetCursorPosY())));
    } else if (chart_first) {
        loss_chart(app, width);
    }
    output_plot(app, width, left());
    plot_options(app, width);
    colour_legend(app, width);
    if (!chart_beside && !chart_first) loss_chart(app, width);
    confusion_matrix(app);
}

}  // namespace nnplay::web
