// trainer.cpp: the Trainer's one decision: from a changed state, what to redo
// (new data, a new network, or only new settings), and which kind of run the
// state asks for: TensorFlow Playground's under compat=tf, nnplay's own otherwise.
#include "engine/trainer.h"

#include "engine/nnplay_run.h"
#include "engine/tfp/run.h"

#include <algorithm>

namespace nnplay {

namespace {

// The settings whose change means new data (within one kind of run).
bool same_data(const PlaygroundState& a, const PlaygroundState& b) {
    return a.problem == b.problem && a.active_dataset() == b.active_dataset() &&
           a.class_count() == b.class_count() && a.sample_count() == b.sample_count() &&
           a.noise == b.noise && a.perc_train_data == b.perc_train_data &&
           a.perc_val_data == b.perc_val_data && a.seed == b.seed &&
           (a.active_dataset() != Dataset::custom || a.points == b.points);
}

// The settings whose change means a new network (new initial weights).
bool same_network(const PlaygroundState& a, const PlaygroundState& b) {
    return network_spec(a) == network_spec(b) && a.init == b.init &&
           a.init_scale == b.init_scale && a.init_bias == b.init_bias &&
           a.init_zero == b.init_zero && a.ensemble == b.ensemble && a.seed == b.seed &&
           std::equal(std::begin(a.features), std::end(a.features), std::begin(b.features));
}

}  // namespace

bool Trainer::compat_applies(const PlaygroundState& state) { return TfpRun::applies(state); }

Trainer::Trainer(const PlaygroundState& state) : compat_(compat_applies(state)) {
    if (compat_) run_ = std::make_unique<TfpRun>(state);
    else run_ = std::make_unique<NnplayRun>(state);
}

int Trainer::set_state(const PlaygroundState& state) {
    if (compat_applies(state) != compat_) {  // the other kind of run: everything anew
        *this = Trainer(state);
        return kSettings | kNetwork | kData;
    }
    const PlaygroundState& old = run_->state();
    const bool data = !same_data(old, state);
    const bool features = !std::equal(std::begin(old.features), std::end(old.features),
                                      std::begin(state.features));
    // Drawing or removing custom points changes the data, not the run: the
    // network keeps its weights and trains on from where it was.
    PlaygroundState same_points = state;
    same_points.points = old.points;
    // So does turning the data shown into your own points (the page's first drawn point).
    PlaygroundState made_custom = old;
    made_custom.dataset = state.dataset, made_custom.reg_dataset = state.reg_dataset;
    made_custom.points = state.points;
    made_custom.classes = state.classes;  // a different class count still rebuilds: same_network
    const bool to_custom = old.active_dataset() != Dataset::custom &&
                           state.active_dataset() == Dataset::custom && same_data(made_custom, state);
    const bool points_only = data && (same_data(old, same_points) || to_custom);
    const bool network = (data && !points_only) || !same_network(old, state);
    run_->take_state(state, data || features, network);
    return kSettings | (network ? kNetwork : 0) | (data ? kData : 0);
}

}  // namespace nnplay
