// advanced_panel.cpp: the Advanced... popup: the optimiser's own rates, initialisation, the
// learning-rate schedule, early stopping and the model (perceptron, loss, ensemble).
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

namespace nnplay::web {

void advanced_popup(App& app) {
    PlaygroundState& s = app.run.state;
    const float s1 = app.view.scale, w = 150 * s1;
    if (!ImGui::BeginPopup("advanced")) return;
    heading("OPTIMISER");
    if (s.optimizer == Optimizer::momentum || s.optimizer == Optimizer::nesterov) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Momentum", &s.momentum, 0.0f, 0.999f, "%.3f", ImGuiSliderFlags_AlwaysClamp);
        tip(app, "momentum");
    }
    if (s.optimizer == Optimizer::adam) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Beta 1", &s.beta1, 0.0f, 0.999f, "%.3f", ImGuiSliderFlags_AlwaysClamp);
        tip(app, "beta1");
    }
    if (s.optimizer == Optimizer::adam || s.optimizer == Optimizer::rmsprop) {
        ImGui::SetNextItemWidth(w);
        if (s.optimizer == Optimizer::adam)
            ImGui::SliderFloat("Beta 2", &s.beta2, 0.9f, 0.99999f, "%.5f", ImGuiSliderFlags_AlwaysClamp);
        else
            ImGui::SliderFloat("Decay", &s.rms_decay, 0.5f, 0.999f, "%.3f", ImGuiSliderFlags_AlwaysClamp);
        tip(app, "beta2");
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Epsilon", &s.epsilon, 1e-10f, 1e-2f, "%.0e",
                           ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
        tip(app, "epsilon");
    }
    if (s.optimizer == Optimizer::sgd) caption(help_text("ui.sgdSettings"));

    ImGui::Separator();
    heading("INITIALISATION");
    enum_choice("Init", s.init, kInitLabels, 7, w);
    tip(app, "init");
    ImGui::SetNextItemWidth(w);
    ImGui::SliderFloat("Scale", &s.init_scale, 0.01f, 2.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    tip(app, "initScale");
    ImGui::SetNextItemWidth(w);
    ImGui::SliderFloat("Start bias", &s.init_bias, -1.0f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    tip(app, "initBias");
    ImGui::Checkbox("All zeros", &s.init_zero);
    tip(app, "initZero");

    ImGui::Separator();
    heading("SCHEDULE");
    enum_choice("Schedule", s.schedule, kScheduleLabels, 4, w);
    tip(app, "schedule");
    if (s.schedule == Schedule::step) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderInt("Every (epochs)", &s.step_every, 1, 1000, "%d", ImGuiSliderFlags_Logarithmic);
    }
    if (s.schedule == Schedule::exp) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Decay / epoch", &s.decay_rate, 0.9f, 1.0f, "%.4f", ImGuiSliderFlags_AlwaysClamp);
    }
    if (s.schedule == Schedule::plateau) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderInt("Plateau patience", &s.plateau_patience, 1, 200);
    }
    if (s.schedule == Schedule::step || s.schedule == Schedule::plateau) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Factor", &s.schedule_factor, 0.01f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
        tip(app, "scheduleFactor");
    }

    ImGui::Separator();
    heading("EARLY STOPPING");
    ImGui::Checkbox("Stop when validation loss stalls", &s.early_stopping);
    tip(app, "earlyStopping");
    if (s.early_stopping) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderInt("Patience", &s.patience, 1, 500);
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Min. improvement", &s.min_delta, 0.0f, 0.1f, "%.4f");
    }

    ImGui::Separator();
    heading("MODEL");
    enum_choice("Model", s.model, kModelLabels, 2, w);
    tip(app, "model");
    if (s.problem == Problem::classification && s.class_count() == 2) {
        enum_choice("Loss", s.loss, kLossLabels, 2, w);
        tip(app, "loss");
    }
    ImGui::SetNextItemWidth(w);
    ImGui::SliderInt("Ensemble", &s.ensemble, 1, 8);
    tip(app, "ensemble");
    ImGui::Checkbox("Reshuffle every epoch", &s.reshuffle);
    tip(app, "reshuffle");
    ImGui::EndPopup();
}

}  // namespace nnplay::web
