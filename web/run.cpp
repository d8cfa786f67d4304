// run.cpp: every path that changes or replaces the trainer (see app.h): following the state
// the controls edit, resets, typed weights, training, links and files. Each one ends in
// trainer_changed(), the one place that measures, updates the chart and marks the pictures.
#include "web/app.h"
#include "web/platform.h"

#include <GLFW/glfw3.h>

#include <algorithm>

namespace nnplay::web {
namespace {

// A weight or bias typed in the network view, if it still fits the network.
void apply_edit(App& app) {
    Run& run = app.run;
    run.edit_pending = false;
    Trainer& t = *run.trainer;
    const ParamEdit& e = run.edit;
    const NetworkSpec& spec = t.spec();
    if (e.layer >= spec.layer_count() || e.to >= spec.width(e.layer) ||
        (!e.bias && e.from >= spec.fan_in(e.layer)))
        return;
    if (e.member >= t.ensemble_size()) return;
    if (e.bias) t.set_bias(e.member, e.layer, e.to, e.value);
    else t.set_weight(e.member, e.layer, e.to, e.from, e.value);
    run.weights_touched = true;
    trainer_changed(app, TrainerChange::edited);
}

}  // namespace

void trainer_changed(App& app, TrainerChange change) {
    Trainer& t = *app.run.trainer;
    if (change != TrainerChange::settings) t.measure();
    if (change == TrainerChange::restarted) app.pictures.chart.clear();
    if (change == TrainerChange::trained || change == TrainerChange::restarted) app.pictures.chart.add(t.metrics());
    app.pictures.dirty = true;
}

void app_sync(App& app) {
    Run& run = app.run;
    if (run.reset_requested) {
        run.reset_requested = false;
        app_reset(app);
    }
    if (run.edit_pending) apply_edit(app);
    if (!(run.state == run.trainer->state())) {
        const int change = run.trainer->set_state(run.state);
        if (change & Trainer::kNetwork) run.weights_touched = false;
        const bool restarted = change & (Trainer::kNetwork | Trainer::kData);
        trainer_changed(app, restarted ? TrainerChange::restarted : TrainerChange::settings);
    }
    address_follow_state(app);
}

void app_reset(App& app) {
    app.run.weights_touched = false;
    app.run.trainer->reset();
    trainer_changed(app, TrainerChange::restarted);
}

int run_train_frame(App& app) {
    Run& run = app.run;
    Trainer& t = *run.trainer;
    int epochs = 0;
    for (; run.steps_requested > 0; --run.steps_requested)
        if (t.step_epoch(false)) ++epochs;
    run.steps_requested = 0;
    if (run.playing) {
        const int per_frame = kSpeeds[run.speed];
        const double budget = per_frame == 0 ? run.train_budget : 0.025;
        const double start = glfwGetTime();
        for (int n = 0; per_frame == 0 || n < per_frame; ++n) {
            if (!t.step_epoch(false)) break;
            ++epochs;
            if (glfwGetTime() - start > budget) break;
        }
    }
    if (t.status() != RunStatus::ok && run.playing) {
        run.playing = false;
        console_log(t.status_message().c_str());
    }
    if (epochs > 0) trainer_changed(app, TrainerChange::trained);
    return epochs;
}

void run_step(App& app, int epochs) {
    Trainer& t = *app.run.trainer;
    for (int i = 0; i < epochs; ++i)
        if (!t.step_epoch(false)) break;
    trainer_changed(app, TrainerChange::trained);
}

void run_replace(App& app, std::unique_ptr<Trainer> trainer, const PlaygroundState& state, int epoch) {
    app.run.trainer = std::move(trainer);
    app.run.state = state;
    app.run.playing = false;
    app_sync(app);
    app.run.weights_touched = true;
    if (epoch >= 0) app.run.trainer->resume_at(epoch);
    trainer_changed(app, TrainerChange::restarted);
}

std::vector<std::string> app_apply_query(App& app, std::string_view query, bool from_address) {
    const LinkPayloads link = split_link(query);
    StateReadResult read = read_link(link);
    app.run.state = std::move(read.state);
    app.status.link_warnings = read.warnings;
    for (const std::string& w : read.warnings) console_log(w.c_str());
    app.status.tfp_link = looks_like_tfp_link(query);
    if (from_address) address_shown(app, query, link.any());
    app_sync(app);
    app_reset(app);  // a link is a run from its start: same seed, same epochs
    apply_link_weights(app, link);  // ... unless it carries trained weights
    return app.status.link_warnings;
}

}  // namespace nnplay::web
