// tfp/run.h: compat=tf, TensorFlow Playground's own run as its page makes it from a link: its
// data from its seeded generator, its node-and-link network, per-example training and loss, in
// double. Behind the Trainer's interface like nnplay's run, with a float mirror for drawing.
#pragma once

#include "engine/run.h"
#include "engine/tfp/dataset.h"
#include "engine/tfp/network.h"
#include "engine/tfp/seedrandom.h"

#include <vector>

namespace nnplay {

// data() holds its points (its −1 as class 0), network(0) a float mirror of its
// weights for drawing and export, metrics() its mean ½(out − label)² train and
// test loss. Settings TensorFlow Playground lacks are ignored with a warning.
class TfpRun final : public Run {
public:
    explicit TfpRun(const PlaygroundState& state);

    // Whether this run can reproduce the state: compat=tf, one of TensorFlow
    // Playground's six data sets and model=mlp.
    static bool applies(const PlaygroundState& state);

    // A freshly loaded page: the weights drawn again after the same data draws.
    void reset() override;
    // Their epoch: every training example once in order, an update every batchSize; a
    // batch of a slice is the examples up to the next update (or the epoch's end).
    Slice step_batches(int max_batches, Measure measure) override;
    void resume_at(int epoch) override;
    // Their run has no optimiser moments, schedule or shuffle: the epoch and its double
    // weights are all it keeps.
    RunState run_state() const override;
    std::string restore(const RunState& saved) override;
    void measure() override;
    void measure_losses() override;
    // Edits the double model too (the float mirror is only a copy).
    void set_weight(int member, int layer, int to, int from, float value) override;
    void set_bias(int member, int layer, int node, float value) override;

private:
    void build_data() override;
    void build_networks() override;
    void take_settings() override;
    void mirror();  // the double weights into nets_[0]

    TfpData tfp_data_;                  // its points, ±1 labels
    std::vector<double> X_train_;       // (n_train × inputs) row-major: its input features
    std::vector<double> X_test_;        // (n_test × inputs)
    SeedRandom rng_{""};                // the stream as it stands after the data: weights come next
    TfpNetwork net_;
    TfpNetwork last_good_net_;          // at the start of the epoch, for divergence
};

}  // namespace nnplay
