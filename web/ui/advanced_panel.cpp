// advanced_panel.cpp: the Advanced side panel (on phones the Settings tab): the optimiser
// with its own rates, initialisation, the learning-rate schedule, early stopping, the model
// (perceptron, loss, ensemble) and the view (animated links).
#include "web/ui/layout.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

#include <cstdio>

namespace nnplay::web {

void advanced_panel(App& app, float width) {
    PlaygroundState& s = app.run.state;
    const float w = width;
    heading("OPTIMISER");
    enum_choice("##optimizerAdvanced", s.optimizer, kOptimizerLabels, w);
    record_rect(app, "optimizerAdvanced");
    tip(app, "optimizer");
    if (s.optimizer == Optimizer::momentum || s.optimizer == Optimizer::nesterov) {
        setting_slider(app, "momentum", s.momentum, w, "%.3f");
        record_rect(app, "momentum");
    }
    if (s.optimizer == Optimizer::adam) {
        setting_slider(app, "beta1", s.beta1, w, "%.3f");
        record_rect(app, "beta1");
    }
    if (s.optimizer == Optimizer::adam || s.optimizer == Optimizer::rmsprop) {
        if (s.optimizer == Optimizer::adam) setting_slider(app, "beta2", s.beta2, w, "%.5f");
        else setting_slider(app, "rmsDecay", s.rms_decay, w, "%.3f");
        setting_slider(app, "epsilon", s.epsilon, w, "%.0e");
        record_rect(app, "epsilon");
    }
    if (s.optimizer == Optimizer::sgd) coloured(kMuted, std::string(help_text("ui.sgdSettings")), w);

    ImGui::Separator();
    heading("INITIALISATION");
    // init=zeros and TensorFlow Playground's initZero=true do the same: one choice for both.
    caption("Initialiser");
    const Init in_use = s.init_zero ? Init::zeros : s.init;
    Init picked = in_use;
    enum_choice("##init", picked, kInitLabels, w);
    if (picked != in_use) s.init = picked, s.init_zero = false;
    record_rect(app, "init");
    tip(app, "init");
    setting_slider(app, "initScale", s.init_scale, w, "%.2f");
    setting_slider(app, "initBias", s.init_bias, w, "%.2f");
    record_rect(app, "initBias");

    ImGui::Separator();
    heading("SCHEDULE");
    enum_choice("##schedule", s.schedule, kScheduleLabels, w);
    record_rect(app, "schedule");
    tip(app, "schedule");
    if (s.schedule != Schedule::constant) {
        const double now = app.run.trainer->epoch() > 0 ? app.run.trainer->metrics().learning_rate
                                                        : double(s.learning_rate);
        char text[64];
        std::snprintf(text, sizeof text, "learning rate %.3g, now %.3g", double(s.learning_rate), now);
        caption(text);
    }
    if (s.schedule == Schedule::step) setting_slider(app, "stepEvery", s.step_every, w, "%d");
    if (s.schedule == Schedule::exp) setting_slider(app, "decayRate", s.decay_rate, w, "%.4f");
    if (s.schedule == Schedule::plateau) setting_slider(app, "plateauPatience", s.plateau_patience, w, "%d");
    if (s.schedule == Schedule::step || s.schedule == Schedule::plateau)
        setting_slider(app, "scheduleFactor", s.schedule_factor, w, "%.2f");

    ImGui::Separator();
    heading("EARLY STOPPING");
    ImGui::Checkbox("Stop when validation\nloss stalls", &s.early_stopping);
    record_rect(app, "earlyStopping");
    tip(app, "earlyStopping");
    if (s.early_stopping) {
        setting_slider(app, "patience", s.patience, w, "%d");
        setting_slider(app, "minDelta", s.min_delta, w, "%.4f");
    }

    ImGui::Separator();
    heading("MODEL");
    enum_choice("##model", s.model, kModelLabels, w);
    record_rect(app, "model");
    tip(app, "model");
    if (s.problem == Problem::classification && s.class_count() == 2) {
        caption("Loss");
        enum_choice("##loss", s.loss, kLossLabels, w);
        tip(app, "loss");
    }
    setting_slider(app, "ensemble", s.ensemble, w, "%d");
    record_rect(app, "ensemble");
    ImGui::Checkbox("Reshuffle every epoch", &s.reshuffle);
    tip(app, "reshuffle");

    ImGui::Separator();
    heading("VIEW");
    if (current_layout(app) == Layout::phone) {  // elsewhere: the title line and the status line have them
        zoom_control(app, w);
        theme_button(app);
    }
    ImGui::Checkbox("Animated links", &app.view.animate_links);
    record_rect(app, "animateLinks");
    tip(app, "ui.animateLinks");
}

}  // namespace nnplay::web
