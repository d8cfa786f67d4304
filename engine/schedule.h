// schedule.h: the learning rate over time. constant; step (× factor every N
// epochs); exp (lr·decayᵉᵖᵒᶜʰ); plateau (× factor when the training loss has not
// improved for P epochs: "divide by 10 when the loss stalls").
#pragma once

#include "engine/state.h"

namespace nnplay {

class LearningRateSchedule {
public:
    explicit LearningRateSchedule(const PlaygroundState& state = {});

    // Takes new settings mid-run (a changed base rate or schedule) without
    // forgetting how far the run has come.
    void configure(const PlaygroundState& state);

    // The rate for the epoch about to run.
    double rate() const { return rate_; }

    // Call after each epoch with its number (1, 2, …) and its training loss.
    void end_epoch(int epoch, double train_loss);

    void reset();

private:
    void recompute(int epoch);

    Schedule kind_ = Schedule::constant;
    double base_ = 0.03, factor_ = 0.1, decay_ = 0.99;
    int step_every_ = 100, patience_ = 20;
    double rate_ = 0.03;
    int epoch_ = 0;
    double plateau_scale_ = 1;  // product of the plateau cuts so far
    double best_loss_ = 0;
    int since_best_ = 0;
    bool have_best_ = false;
};

}  // namespace nnplay
