// tfp/run.h: compat=tf, TensorFlow Playground's own run as its page makes it from a link: its
// data from its seeded generator, its node-and-link network, per-example training and loss, in
// double. Behind the Trainer's interface like nnplay's run, with a float mirror for drawing.
#pragma once

#include "engine/run.h"
#include "engine/tfp/dataset.h"
#include "engine/tfp/network.h"
#include "engine/tfp/seedrandom.h"

#include <limits>
#include <vector>

namespace nnplay {

// A set's score summed in order (their getLoss), a piece of points at a time: the next
// point, the sums so far.
struct TfpScoreSum {
    std::size_t next = 0;
    double loss = 0, sq = 0;
    int correct = 0;
};
// A set's figures from its sums (NaN where a figure does not apply, or the set is empty).
struct TfpSetScore {
    double loss = std::numeric_limits<double>::quiet_NaN();
    double acc = std::numeric_limits<double>::quiet_NaN();
    double rmse = std::numeric_limits<double>::quiet_NaN();
};

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
    // The same in pieces of a few examples (piece_examples(): one through 8 × 64, about 0.1 ms
    // of their scalar code in the page), a batch's sums waiting in the nodes and
    // links for its update; the epoch's end scores its sets in pieces too, summed in the same
    // order (the same bits). Any slicing gives the same run.
    Slice step_pieces(int max_pieces, Measure measure) override;
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
    // Trains the epoch's examples from position_ to `end` (the snapshot for divergence at its
    // start), an update every batchSize; returns the updates made.
    int train_examples(std::size_t end);
    // Training examples, or scored points (twice as many), a piece takes: about kPieceLinks
    // link visits.
    std::size_t piece_examples() const;
    // The epoch's end: the weights checked, then (measure asked for) the training and test
    // sets scored twice piece_examples() points a piece (at once: every point).
    void begin_ending(Measure measure);
    bool ending_piece(bool at_once) override;
    void complete_epoch();
    // metrics(): the epoch and the sets' losses, and for a full measure the rest but the
    // confusion (counted by the caller).
    void take_scores(const TfpSetScore& train, const TfpSetScore& test, Measure measure);

    TfpData tfp_data_;                  // its points, ±1 labels
    std::vector<double> X_train_;       // (n_train × inputs) row-major: its input features
    std::vector<double> X_test_;        // (n_test × inputs)
    SeedRandom rng_{""};                // the stream as it stands after the data: weights come next
    TfpNetwork net_;
    TfpNetwork last_good_net_;          // at the start of the epoch, for divergence

    int ending_set_ = 0;                // 0: the training set, 1: the test set, 2: scored
    TfpScoreSum ending_sums_[2];
    std::vector<int> ending_confusion_;
};

}  // namespace nnplay
