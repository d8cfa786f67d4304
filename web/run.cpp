// run.cpp: every path that changes or replaces the trainer (see app.h): following the state
// the controls edit, resets, typed weights, training, links, files and undo. Each one ends in
// trainer_changed(), the one place that measures, updates the chart and marks the pictures.
// Every user edit among them first takes an undo step (undo_record).
#include "web/app.h"
#include "web/platform.h"
#include "web/run_history.h"

#include "engine/link.h"

#include <GLFW/glfw3.h>

#include <algorithm>

namespace nnplay::web {
namespace {

// A weight or bias typed in the network view, if it still fits the network.
void apply_edit(App& app) {
    Run& run = app.run;
    run.edit_pending = false;
    run_settle(app);
    Trainer& t = *run.trainer;
    const ParamEdit& e = run.edit;
    const NetworkSpec& spec = t.spec();
    if (e.layer >= spec.layer_count() || e.to >= spec.width(e.layer) ||
        (!e.bias && e.from >= spec.fan_in(e.layer)))
        return;
    if (e.member >= t.ensemble_size()) return;
    undo_record(app);
    if (e.bias) t.set_bias(e.member, e.layer, e.to, e.value);
    else t.set_weight(e.member, e.layer, e.to, e.from, e.value);
    run.weights_touched = true;
    trainer_changed(app, TrainerChange::edited);
}

// Trains slices of pieces of batches until `max_epochs` epochs complete (0: no limit) or
// `budget` seconds from `start` are used; an epoch, and a batch, may span frames
// (Trainer::step_pieces gives the same run however it is sliced). An epoch that fits one slice measures its losses only, for
// the loss chart, which gets every epoch at any speed (colour, web/plots.h), and the frame may
// go on to the next. An epoch that spans slices is measured in full and ends the frame's
// training: the frame's diagnosis and pictures (trainer_changed) then see the weights of a
// completed epoch, measured once. Returns the epochs completed; `stopped` when the run cannot
// train.
int train_slices(App& app, int max_epochs, double start, double budget, bool& stopped) {
    Run& run = app.run;
    Trainer& t = *run.trainer;
    int epochs = 0;
    stopped = false;
    while (max_epochs == 0 || epochs < max_epochs) {
        const bool mid_epoch = t.mid_epoch();
        const Measure measure = mid_epoch || run.full_epoch_measure ? Measure::full : Measure::losses;
        const double before = glfwGetTime();
        const Slice slice = t.step_pieces(run.slice_pieces, measure);
        const double after = glfwGetTime();
        run.budget.epoch_seconds += after - before;
        if (slice.pieces == 0 && !slice.epoch_completed) {
            stopped = true;
            break;
        }
        run.trained_batches = true;
        // (A diverged run restored earlier weights, which trainer_changed measures.)
        run.measured = slice.epoch_completed && slice.measured == Measure::full && t.status() == RunStatus::ok;
        if (slice.epoch_completed) {
            run.budget.last_epoch_seconds = run.budget.epoch_seconds;
            run.budget.epoch_seconds = 0;
            ++epochs;
            app.pictures.chart.add(t.metrics());
            inside_views_epoch(app);  // the error surface's path gets every epoch too
            if (mid_epoch) break;
        } else {
            // A slice of about a quarter of the budget: the budget is overrun by little,
            // and the clock is read a few times a frame, not after every piece.
            run.slice_pieces = next_slice(slice.pieces, after - before, budget);
        }
        if (after - start > budget) break;
    }
    return epochs;
}

}  // namespace

void run_settle(App& app) {
    Trainer& t = *app.run.trainer;
    if (!t.settle()) return;
    inside_views_epoch(app);
    trainer_changed(app, TrainerChange::trained);  // the chart's point, the views', the runs'
}

void trainer_changed(App& app, TrainerChange change) {
    Trainer& t = *app.run.trainer;
    const bool measured = change == TrainerChange::trained && app.run.measured;
    app.run.measured = false;
    if (change != TrainerChange::settings && !measured) t.measure();
    if (change == TrainerChange::restarted) {
        app.pictures.chart.clear();
        app.run.budget.epoch_seconds = app.run.budget.last_epoch_seconds = 0;  // another network's, or data's
    }
    if (change == TrainerChange::trained || change == TrainerChange::restarted) app.pictures.chart.add(t.metrics());
    diagnosis_follow(app, change);
    lessons_follow(app);
    runs_follow(app, change);
    inside_views_follow(app, change);
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
        run_settle(app);
        undo_record(app);  // the trainer still has the state before the UI's edit
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
    const double start = glfwGetTime();
    int epochs = 0;
    bool stopped = false;
    run.trained_batches = false;
    run.measured = false;
    const int per_frame = kSpeeds[run.speed];
    const bool fastest = run.steps_requested == 0 && per_frame == 0;
    const double budget = budget_begin(run.budget, fastest, kSpeeds[kSpeedCount - 2]);
    // The step button's epochs first, sliced like the rest: a big epoch takes a few frames.
    if (run.steps_requested > 0) {
        const int done = train_slices(app, run.steps_requested, start, budget, stopped);
        epochs += done;
        run.steps_requested = stopped ? 0 : run.steps_requested - done;
    }
    if (run.playing && run.steps_requested == 0 && !stopped)
        epochs += train_slices(app, per_frame, start, budget, stopped);
    budget_end(run.budget, budget, glfwGetTime() - start, run.trained_batches);
    if (t.status() != RunStatus::ok && run.playing) {
        run.playing = false;
        console_log(t.status_message().c_str());
    }
    if (epochs > 0) trainer_changed(app, TrainerChange::trained);
    else if (run.trained_batches) app.pictures.dirty = true;  // mid-epoch: new weights to draw
    return epochs;
}

void run_step(App& app, int epochs) {
    Trainer& t = *app.run.trainer;
    for (int i = 0; i < epochs; ++i) {
        if (!t.step_batches(Trainer::kAllBatches, Measure::losses).epoch_completed) break;
        app.pictures.chart.add(t.metrics());
        inside_views_epoch(app);
    }
    trainer_changed(app, TrainerChange::trained);
}

void run_replace(App& app, std::unique_ptr<Trainer> trainer, const PlaygroundState& state, int epoch) {
    undo_record(app);
    app.run.trainer = std::move(trainer);
    app.run.state = state;
    app.run.playing = false;
    app_sync(app);
    app.run.weights_touched = true;
    if (epoch >= 0) app.run.trainer->resume_at(epoch);
    trainer_changed(app, TrainerChange::restarted);
}

void run_restore(App& app, const PlaygroundState& state, const WeightsPayload* weights, int epoch,
                 bool weights_touched) {
    Run& run = app.run;
    run.edit_pending = false;
    run.reset_requested = false;
    run.state = state;
    int change = 0;
    if (!(state == run.trainer->state())) change = run.trainer->set_state(state);
    Trainer& t = *run.trainer;
    // A new network, or a step that differs only in its weights: the step's weights.
    const bool own_weights = (change & Trainer::kNetwork) || change == 0;
    if (own_weights) {
        t.reset();
        run.weights_touched = weights_touched;
        if (weights) {
            Link link;
            link.weights = *weights;
            link.epoch = epoch;
            if (ReadError error = load_link_weights(t, link); !error.empty()) {
                run.weights_touched = false;  // cannot happen: the step came from this network
                console_log(("undo: " + error.reason).c_str());
            }
        }
    }
    const bool restarted = own_weights || (change & Trainer::kData);
    trainer_changed(app, restarted ? TrainerChange::restarted : TrainerChange::settings);
    address_follow_state(app);
}

std::vector<std::string> app_apply_query(App& app, std::string_view query, bool from_address) {
    if (lessons_take_link(app, query)) return app.status.link_warnings;  // #lesson=... (web/lessons.h)
    const LinkPayloads link = split_link(query);
    // Back, Forward and a typed address have the browser's own history.
    if (!from_address) undo_record(app);
    History& history = app.history;
    const bool was_restoring = history.restoring;
    history.restoring = true;  // one step for the whole link
    StateReadResult read = read_link(link);
    app.run.state = std::move(read.state);
    app.status.link_warnings = read.warnings;
    for (const std::string& w : read.warnings) console_log(w.c_str());
    app.status.tfp_link = looks_like_tfp_link(query);
    if (from_address) address_shown(app, query, link.any());
    app_sync(app);
    app_reset(app);  // a link is a run from its start: same seed, same epochs
    apply_link_weights(app, link);  // ... unless it carries trained weights
    history.restoring = was_restoring;
    return app.status.link_warnings;
}

}  // namespace nnplay::web
