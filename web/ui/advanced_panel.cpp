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
        setting_slider(app, "momentum", s.momentum, w, "%.3f");
    }
    if (s.optimizer == Optimizer::adam) {
        setting_slider(app, "beta1", s.beta1, w, "%.3f");
    }
    if (s.optimizer == Optimizer::adam || s.optimizer == Optimizer::rmsprop) {
        if (s.optimizer == Optimizer::adam) setting_slider(app, "beta2", s.beta2, w, "%.5f");
        else setting_slider(app, "rmsDecay", s.rms_decay, w, "%.3f");
        setting_slider(app, "epsilon", s.epsilon, w, "%.0e");
    }
    if (s.optimizer == Optimizer::sgd) caption(help_text("ui.sgdSettings"));

    ImGui::Separator();
    heading("INITIALISATION");
    // init=zeros and TensorFlow Playground's initZero=true do the same: one choice for both.
    const Init in_use = s.init_zero ? Init::zeros : s.init;
    Init picked = in_use;
    enum_choice("Init", picked, kInitLabels, w);
    if (picked != in_use) s.init = picked, s.init_zero = false;
    tip(app, "init");
    setting_slider(app, "initScale", s.init_scale, w, "%.2f");
    setting_slider(app, "initBias", s.init_bias, w, "%.2f");

    ImGui::Separator();
    heading("SCHEDULE");
    enum_choice("Schedule", s.schedule, kScheduleLabels, w);
    tip(app, "schedule");
    if (s.schedule == Schedule::step) setting_slider(app, "stepEvery", s.step_every, w, "%d");
    if (s.schedule == Schedule::exp) setting_slider(app, "decayRate", s.decay_rate, w, "%.4f");
    if (s.schedule == Schedule::plateau) setting_slider(app, "plateauPatience", s.plateau_patience, w, "%d");
    if (s.schedule == Schedule::step || s.schedule == Schedule::plateau)
        setting_slider(app, "scheduleFactor", s.schedule_factor, w, "%.2f");

    ImGui::Separator();
    heading("EARLY STOPPING");
    ImGui::Checkbox("Stop when validation loss stalls", &s.early_stopping);
    tip(app, "earlyStopping");
    if (s.early_stopping) {
        setting_slider(app, "patience", s.patience, w, "%d");
        setting_slider(app, "minDelta", s.min_delta, w, "%.4f");
    }

    ImGui::Separator();
    heading("MODEL");
    enum_choice("Model", s.model, kModelLabels, w);
    tip(app, "model");
    if (s.problem == Problem::classification && s.class_count() == 2) {
        enum_choice("Loss", s.loss, kLossLabels, w);
        tip(app, "loss");
    }
    setting_slider(app, "ensemble", s.ensemble, w, "%d");
    ImGui::Checkbox("Reshuffle every epoch", &s.reshuffle);
    tip(app, "reshuffle");
    ImGui::EndPopup();
}

}  // namespace nnplay::web
