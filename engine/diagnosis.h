// diagnosis.h: what goes wrong in a run that has not diverged, named for a learner: a
// collapsed or worse-than-chance network, a loss that blows up, swings or stalls, dead or
// saturated units, vanishing gradients, symmetric units, overfitting. The caller feeds it
// the trainer after each epoch (or each frame); it measures the network itself every few epochs.
#pragma once

#include "engine/network.h"
#include "engine/types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nnplay {

class Trainer;

// One finding. code: "collapse", "worse_than_chance", "blow_up", "oscillation", "stall",
// "dead_units", "saturated_units", "vanishing_gradients", "symmetry" or "overfitting".
struct DiagnosisItem {
    std::string code;
    std::string message;  // what is happening, as measured, and what to try
    std::string summary;  // the measured sentence alone (the page's short form)
    int since_epoch = 0;  // first analysed epoch it held at (overfitting: the best held-out epoch)
};

// What one analysis of member 0 over the training data measured; the rules read these.
struct DiagnosisMeasures {
    int epoch = -1;                 // the epoch analysed; -1 before the first analysis
    double output_spread = 0;       // largest max − min of an output over the training data,
                                    // relative to the output's range (or the labels' for regression)
    double chance_loss = 0;         // the loss of always predicting the class frequencies (the mean)
    std::vector<int> dead;          // per hidden layer: ReLUs with z ≤ 0 on every training point
    std::vector<int> saturated;     // per hidden layer: sigmoid/tanh units saturated on every point
    std::vector<int> distinct;      // per hidden layer: units that differ (weights in, bias, out)
    std::vector<double> grad_norm;  // per dense layer: ‖∂loss/∂W‖ over the whole training set
};

// How a hidden unit looks at the last analysis, for the network view's marks.
enum class UnitHealth : std::uint8_t { ok, dead, saturated };

// Per dense layer of member 0: ‖∂L/∂W‖ (weights, not biases) of the mean data loss over the
// whole training set, the figure of DiagnosisMeasures::grad_norm measured now, for the page's
// gradient-flow chart. Empty for the perceptron (no gradients) or without training points.
std::vector<double> layer_gradient_norms(const Trainer& trainer);

class Diagnosis {
public:
    static constexpr int kEvery = 10;  // epochs between analyses of the network

    // Forgets everything: a new run (new weights, data or network) starts.
    void reset();

    // Records the trainer's current metrics (call after every epoch in the CLI, after each
    // frame's training in the page) and analyses the network when kEvery epochs have passed
    // since the last analysis (or none was made yet). Cheap between analyses.
    void update(const Trainer& trainer);

    // Records and analyses now (the end of a run, or when the page is paused).
    void analyse(const Trainer& trainer);

    // Records the trainer's current metrics only (update() without the analysis: the page
    // uses it while an analysis would cost too much of the frame).
    void record(const Trainer& trainer);
    // Whether update() would analyse now.
    bool analysis_due(const Trainer& trainer) const;

    // The findings of the last analysis; empty for a healthy run.
    const std::vector<DiagnosisItem>& items() const { return items_; }
    bool has(const char* code) const;
    const DiagnosisMeasures& measures() const { return measures_; }

    // Hidden unit `node` of dense layer `layer` (member 0) at the last analysis.
    UnitHealth unit(int layer, int node) const;

    // The epoch the held-out loss was lowest, where overfitting began (for the loss chart),
    // or -1 when no overfitting is diagnosed.
    int overfit_epoch() const { return overfit_epoch_; }

    // The epoch of the lowest held-out loss recorded before the last sample (which, after
    // early stopping, carries the restored weights' figures), or -1: the early-stopping point.
    int best_held_epoch() const;

private:
    struct Sample {
        int epoch;
        double train, held;  // training loss; validation loss (test when there is no validation set)
    };
    void measure_network(const Trainer& trainer);
    void diagnose(const Trainer& trainer);
    void add(const char* code, std::string message);

    std::vector<Sample> history_;  // bounded: thinned to every other sample when full
    int last_analysis_ = -1;
    DiagnosisMeasures measures_;
    std::vector<std::vector<UnitHealth>> units_;  // per hidden layer
    std::vector<DiagnosisItem> items_;
    std::vector<DiagnosisItem> previous_;         // the last analysis's, for since_epoch
    int overfit_epoch_ = -1;

    // The training data's features (inputs, n) and labels, kept while the data stay the same.
    const void* data_key_ = nullptr;
    std::size_t data_size_ = 0;
    Matrix X_;
    Vector y_;
    Network<Scalar> net_;          // a copy of member 0, for a full-batch backward pass
    Workspace<Scalar> ws_;
    Vector grad_sum_;              // (P) gradient summed over the chunks
};

}  // namespace nnplay
