// diagnosis_view.cpp: the training diagnosis in the page (engine/diagnosis.h): fed after every
// change of the trainer, said in the status line, and drawn where it applies: a mark on dead
// or saturated neurons, the early-stopping or overfitting point on the loss chart.
#include "web/app.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

namespace nnplay::web {

namespace {

// Wall-clock bookkeeping: an analysis costs about one epoch (a forward and backward pass over
// the training data), so while playing it runs at most four times a second and never takes more
// than a tenth of the page's time, whatever the network: training stays as fast (make bench-page).
constexpr double kAnalysisInterval = 0.25;  // seconds
double last_analysis_at = -1e9;
double last_analysis_cost = 0;

void analyse_timed(App& app) {
    const double start = glfwGetTime();
    app.diagnosis.analyse(*app.run.trainer);
    last_analysis_at = glfwGetTime();
    last_analysis_cost = last_analysis_at - start;
}

}  // namespace

void diagnosis_follow(App& app, TrainerChange change) {
    const Trainer& t = *app.run.trainer;
    switch (change) {
        case TrainerChange::settings: return;
        case TrainerChange::restarted:
            app.diagnosis.reset();
            analyse_timed(app);
            return;
        case TrainerChange::edited: analyse_timed(app); return;
        case TrainerChange::trained:
            if (t.status() != RunStatus::ok || !app.run.playing) analyse_timed(app);  // stopped, or a step
            else if (app.diagnosis.analysis_due(t) &&
                     glfwGetTime() - last_analysis_at > std::max(kAnalysisInterval, 10 * last_analysis_cost))
                analyse_timed(app);
            else app.diagnosis.record(t);
            return;
    }
}

std::vector<DiagnosisItem> current_diagnosis(const App& app) { return app.diagnosis.items(); }

std::string diagnosis_status_text(const App& app) {
    const std::vector<DiagnosisItem>& items = app.diagnosis.items();
    if (items.empty()) return "";
    std::string text = "Diagnosis: " + items[0].message;
    for (std::size_t i = 1; i < items.size(); ++i) text += (i == 1 ? " Also: " : " ") + items[i].summary;
    return text;
}

void draw_unit_mark(const App& app, ImDrawList* dl, int layer, int node, ImVec2 min, ImVec2 max) {
    const UnitHealth h = app.diagnosis.unit(layer, node);
    if (h == UnitHealth::ok) return;
    const float sc = app.view.scale;
    const ImU32 colour = h == UnitHealth::dead ? IM_COL32(190, 30, 30, 255) : IM_COL32(120, 40, 170, 255);
    dl->AddRect(min, max, colour, 0, 0, 2.0f * sc);
    // A corner flag: dead ReLUs and saturated units look alike in a thumbnail (flat colour).
    const float s = std::max(6 * sc, (max.x - min.x) * 0.28f);
    dl->AddTriangleFilled(ImVec2(max.x - s, min.y), ImVec2(max.x, min.y), ImVec2(max.x, min.y + s), colour);
}

void draw_chart_marks(const App& app, ImDrawList* dl, ImVec2 min, ImVec2 max) {
    const Trainer& t = *app.run.trainer;
    const bool stopped = t.status() == RunStatus::early_stopped;
    const int epoch = stopped ? app.diagnosis.best_held_epoch() : app.diagnosis.overfit_epoch();
    if (epoch < 0) return;
    const float sc = app.view.scale;
    const float x = app.pictures.chart.epoch_x(epoch);
    if (!std::isfinite(x)) return;
    const ImU32 colour = IM_COL32(150, 90, 200, 255);  // the validation line's
    for (float y = min.y + 2 * sc; y < max.y; y += 6 * sc)  // dashed
        dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 3 * sc, max.y)), colour, std::round(1.5f * sc));
    const char* label = stopped ? "best" : "overfitting";
    const ImVec2 size = ImGui::CalcTextSize(label);
    const float lx = x + size.x + 3 * sc < max.x ? x + 3 * sc : x - size.x - 3 * sc;
    dl->AddText(ImVec2(lx, min.y + 1 * sc), colour, label);
}

}  // namespace nnplay::web
