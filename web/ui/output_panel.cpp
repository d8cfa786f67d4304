// output_panel.cpp: the Output column: loss and accuracy per split, the loss chart, the
// output plot (the image pictures.cpp finished, the points drawn over it by a callback;
// click to draw points), its options and the confusion matrix.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/dataset.h"

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
    if (ImGui::BeginTable("##metrics", cols, ImGuiTableFlags_SizingFixedFit)) {
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

// The loss chart and its legend.
void loss_chart(App& app, float width) {
    const float sc = app.view.scale;
    const float chart_h = 56 * sc;
    ImVec2 c0 = ImGui::GetCursorScreenPos();
    ImVec2 c1(c0.x + width - 4 * sc, c0.y + chart_h);
    ImGui::InvisibleButton("##chart", ImVec2(c1.x - c0.x, chart_h));
    record_rect(app, "chart");
    app.pictures.chart.draw(ImGui::GetWindowDrawList(), c0, c1, app.view.log_scale, sc);
    draw_chart_marks(app, ImGui::GetWindowDrawList(), c0, c1);
    ImGui::Checkbox("Log scale", &app.view.log_scale);
    tip(app, "ui.logScale");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(60, 60, 60, 255));
    ImGui::TextUnformatted("train");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 90, 200, 255));
    ImGui::TextUnformatted("validation");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 150, 150, 255));
    ImGui::TextUnformatted("test");
    ImGui::PopStyleColor();
}

// A click on the plot at (x, y) adds a point of the current class (Shift: the other class), a
// right-click or Ctrl-click removes the nearest. Drawing on a generated data set turns it into
// your own points, starting from those shown.
void draw_on_plot(App& app, float x, float y) {
    PlaygroundState& s = app.run.state;
    const Trainer& t = *app.run.trainer;
    const bool regression = t.is_regression();
    ImGuiIO& io = ImGui::GetIO();
    const bool remove = ImGui::IsMouseClicked(1) || (ImGui::IsMouseClicked(0) && io.KeyCtrl);
    const bool add = !remove && ImGui::IsMouseClicked(0);
    Dataset& current = regression ? s.reg_dataset : s.dataset;
    if ((add || remove) && current != Dataset::custom) {
        s.points = points_shown(app);
        if (!regression) s.classes = std::max(2, t.class_count());
        current = Dataset::custom;
    }
    if (add) {
        const int classes = regression ? 2 : s.class_count();
        int cls = app.view.current_class;
        if (io.KeyShift) cls = classes == 2 ? 1 - cls : (cls + 1) % classes;
        const float label = regression ? (cls == 1 ? 1.0f : -1.0f) : float(cls);
        if (s.points.size() < std::size_t(kMaxPoints)) s.points.push_back({x, y, label});
        else app_message(app, "Rejected: at most " + std::to_string(kMaxPoints) + " points.", true);
    }
    if (remove && !s.points.empty()) {
        size_t nearest = 0;
        float d2 = 1e30f;
        for (size_t i = 0; i < s.points.size(); ++i) {
            float dx = s.points[i].x - x, dy = s.points[i].y - y, d = dx * dx + dy * dy;
            if (d < d2) {
                d2 = d;
                nearest = i;
            }
        }
        if (d2 < 0.8f * 0.8f) s.points.erase(s.points.begin() + long(nearest));
    }
}

// The plot, square, with room for the axis labels on the right and below; the rest of the
// column's height (`left`) minus the options under it.
void output_plot(App& app, float width, float left) {
    const float sc = app.view.scale;
    const float axis = 26 * sc;
    // The plot comes first; the confusion matrix may scroll.
    const float below = ImGui::GetFrameHeightWithSpacing() + 8 * sc;
    float side = std::min(width - axis, left - below - axis * 0.7f);
    side = std::floor(std::max(side, 120 * sc));
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 p1(p0.x + side, p0.y + side);
    app.view.output_rect = {p0.x, p0.y, side, side};
    if (ImTextureID image = app.pictures.output_image) ImGui::GetWindowDrawList()->AddImage(image, p0, p1);
    ImGui::GetWindowDrawList()->AddCallback(app_draw_output, &app);
    ImGui::GetWindowDrawList()->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    ImGui::InvisibleButton("##plot", ImVec2(side, side),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    record_rect(app, "plot");
    draw_axes(ImGui::GetWindowDrawList(), p0, p1, sc);
    if (ImGui::IsItemHovered()) {
        ImVec2 mp = ImGui::GetIO().MousePos;
        const float x = (mp.x - p0.x) / side * 2 * kDomain - kDomain;
        const float y = kDomain - (mp.y - p0.y) / side * 2 * kDomain;
        draw_on_plot(app, x, y);
        ImGui::SetTooltip("(%.2f, %.2f)  click: add  right-click: remove", x, y);
    }
    ImGui::Dummy(ImVec2(0, axis * 0.6f));
}

// Show test data and Discretize output.
void plot_options(App& app) {
    PlaygroundState& s = app.run.state;
    const bool test_shown = !hidden(app, "showTestData");
    if (test_shown) {
        ImGui::Checkbox("Show test data", &s.show_test_data);
        record_rect(app, "showTestData");
        tip(app, "showTestData");
    }
    if (!hidden(app, "discretize")) {
        if (test_shown) ImGui::SameLine();
        ImGui::Checkbox("Discretize output", &s.discretize);
        record_rect(app, "discretize");
        tip(app, "discretize");
    }
}

// Classification: test points by true (rows) and predicted (columns) class.
void confusion_matrix(const App& app) {
    const Trainer& t = *app.run.trainer;
    const Metrics& m = t.metrics();
    if (!t.is_regression() && !m.confusion.empty()) {
        const int k = t.class_count();
        caption("Confusion matrix (test): rows true, columns predicted");
        const float cell = ImGui::CalcTextSize("00000").x + ImGui::GetStyle().CellPadding.x * 2;
        if (ImGui::BeginTable("##confusion", k + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit,
                              ImVec2(cell * float(k + 1), 0))) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            for (int c = 0; c < k; ++c) {
                ImGui::TableNextColumn();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kClassColours[c]), "%d", c + 1);
            }
            for (int r = 0; r < k; ++r) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kClassColours[r]), "%d", r + 1);
                for (int c = 0; c < k; ++c) {
                    ImGui::TableNextColumn();
                    ImGui::Text("%d", m.confusion[size_t(r * k + c)]);
                }
            }
            ImGui::EndTable();
        }
    }
}

}  // namespace

void output_panel(App& app, float width, float height) {
    heading("OUTPUT");
    metrics_table(app);
    loss_chart(app, width);
    output_plot(app, width, height - (ImGui::GetCursorPosY() - ImGui::GetCursorStartPos().y));
    plot_options(app);
    confusion_matrix(app);
}

}  // namespace nnplay::web
