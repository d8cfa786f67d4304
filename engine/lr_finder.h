// lr_finder.h: the learning-rate finder (Smith 2017, fastai's lr_find): trains a COPY
// of the run's network on mini-batches (with the run's dropout) while the rate grows
// exponentially, records the smoothed loss against the rate and suggests the rate where the
// loss fell fastest.
#pragma once

#include "engine/optimizer.h"
#include "engine/rng.h"
#include "engine/trainer.h"

#include <string>
#include <vector>

namespace nnplay {

struct LrFinderOptions {
    double start_rate = 1e-5;
    double end_rate = 10;
    int steps = 300;             // mini-batches at most
    double smoothing = 0.9;      // the loss's exponential moving average (bias-corrected)
    double blow_up = 4;          // stop once the smoothed loss exceeds this × its minimum
};

struct LrFinderResult {
    std::string error;           // why nothing could be found ("" when fine)
    std::vector<double> rates;   // the rate of each step taken
    std::vector<double> losses;  // the smoothed loss after each step
    bool stopped_early = false;  // the loss blew up before end_rate
    int best = -1;               // the step of the smallest smoothed loss
    int edge = -1;               // the step where the loss first rose clearly (the edge of stability)
    int suggested = -1;          // the steepest descent before the minimum, at most a tenth of the edge's rate
    double suggestion = 0;       // its rate
};

// Runs the finder step by step, so the page can spread it over frames. It copies the
// network, data and settings at begin(): the trainer itself is never touched.
class LrFinder {
public:
    void begin(const Trainer& trainer, const LrFinderOptions& options = {});
    // Takes up to `steps` more mini-batches; returns true when finished (then result()
    // has the suggestion).
    bool step(int steps);
    bool done() const { return done_; }
    int steps_done() const { return int(result_.rates.size()); }
    int steps_total() const { return options_.steps; }
    const LrFinderResult& result() const { return result_; }

private:
    void finish();

    LrFinderOptions options_;
    LrFinderResult result_;
    PlaygroundState state_;
    Network<Scalar> net_;
    OptimizerState<Scalar> opt_;
    OptimizerSettings settings_;
    Workspace<Scalar> ws_, eval_ws_;
    Matrix X_, batch_X_;
    Vector y_, batch_y_;
    std::vector<int> order_;
    int cursor_ = 0;
    Rng rng_{""};
    std::vector<float> dropout_rates_;  // the run's dropout, one rate per hidden layer
    Rng dropout_rng_{""};
    double average_ = 0, min_loss_ = 0;
    bool done_ = true;
};

// The whole finder at once (the CLI and the tests).
LrFinderResult find_learning_rate(const Trainer& trainer, const LrFinderOptions& options = {});

}  // namespace nnplay
