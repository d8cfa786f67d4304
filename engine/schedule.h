// schedule.h: the learning rate over time. constant; step (× factor every N
// epochs); exp (lr·decayᵉᵖᵒᶜʰ); plateau (× factor when the training loss has not
// improved on its best for P epochs, as PyTorch's ReduceLROnPlateau in mode min).
#pragma once

#include "engine/state.h"

namespace nnplay {

// Where a schedule stands: everything the next epoch's rate depends on besides the
// settings, so a saved run goes on exactly (engine/run_state.h).
struct ScheduleState {
    int epoch = 0;          // epochs ended so far
    int cuts = 0;           // plateau: cuts of the rate so far
    double plateau_rate = 0;  // plateau: the rate after those cuts (0: the base rate)
    double best_loss = 0;   // plateau: the best training loss so far
    bool have_best = false;
    int bad_epochs = 0;     // plateau: epochs since the best (not counting cooldown)
    int cooldown = 0;       // plateau: epochs of cooldown left after a cut

    bool operator==(const ScheduleState&) const = default;
};

class LearningRateSchedule {
public:
    explicit LearningRateSchedule(const PlaygroundState& state = {});

    // Takes new settings mid-run (a changed base rate or schedule) without
    // forgetting how far the run has come.
    void configure(const PlaygroundState& state);

    // The rate for the epoch about to run.
    double rate() const { return rate_; }

    // Call after each epoch with its number (1, 2, …) and its training loss.
    // Plateau follows PyTorch's ReduceLROnPlateau (mode "min", threshold_mode "rel"):
    // a loss improves when below best·(1 − threshold); an epoch that does not is bad,
    // but not during the cooldown after a cut; after P bad epochs (PyTorch's
    // patience P − 1) the rate becomes max(rate·factor, min rate), unless that
    // changes it by no more than 1e-8, and a cooldown starts.
    void end_epoch(int epoch, double train_loss);

    void reset();

    // Where the schedule stands, and going on from a saved one.
    ScheduleState saved() const { return s_; }
    void restore(const ScheduleState& saved);

private:
    void recompute();

    Schedule kind_ = Schedule::constant;
    double base_ = 0.03, factor_ = 0.1, decay_ = 0.99;
    double threshold_ = 1e-4, min_rate_ = 0;
    int step_every_ = 100, patience_ = 20, cooldown_ = 0;
    double rate_ = 0.03;
    ScheduleState s_;
};

}  // namespace nnplay
