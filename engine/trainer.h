// trainer.h: one playground run, the class the page and the CLI drive. It owns
// the data (generated from the state's seed), the network or ensemble of
// networks and their training, epoch by epoch, with per-epoch metrics. It is a
// facade: the run itself is nnplay's own (nnplay_run.h) or, with compat=tf,
// TensorFlow Playground's (tfp/run.h), chosen from the state.
#pragma once

#include "engine/run.h"

#include <memory>
#include <string>
#include <vector>

namespace nnplay {

// With state.compat == tf (and one of TensorFlow Playground's data sets and an
// MLP), the trainer runs TensorFlow Playground's own model instead of ours
// (engine/tfp/run.h): its data from its seeded generator, its network, per-example
// training and loss, in double. The interface is the same: data() holds its points
// (its −1 as class 0), network(0) a float mirror of its weights for drawing and
// export, metrics() its mean ½(out − label)² train and test loss.
class Trainer {
public:
    explicit Trainer(const PlaygroundState& state);

    // Whether compat=tf is in effect for this state (it also needs one of
    // TensorFlow Playground's six data sets and model=mlp).
    static bool compat_applies(const PlaygroundState& state);
    bool compat_active() const { return compat_; }

    // What set_state() had to redo.
    enum Change { kNothing = 0, kSettings = 1, kNetwork = 2, kData = 4 };

    // Takes a changed state: regenerates the data if a data setting changed,
    // rebuilds and re-initialises the networks if the architecture changed,
    // otherwise keeps the weights and only takes the new settings (learning
    // rate, regularisation, optimiser, schedule, batch size: changeable mid-run).
    // Turning compat=tf on or off starts a new run of the other kind.
    int set_state(const PlaygroundState& state);
    const PlaygroundState& state() const { return run_->state(); }

    // Re-initialises the weights from the seed (the same seed gives the same
    // weights), clears optimiser moments and schedule, epoch 0, status ok.
    void reset() { run_->reset(); }

    // Trains one epoch over the training data in batches of batch_size (the
    // last, partial batch is applied on its own), or what is left of the epoch
    // under way. Returns false, and trains nothing, when the run has stopped
    // (diverged or early-stopped). With measure = false the full metrics are not
    // recomputed (faster); divergence and early stopping are checked anyway.
    bool step_epoch(bool measure = true) { return run_->step_epoch(measure ? Measure::full : Measure::none); }

    // Trains at most max_batches batches (≥ 1) of the epoch under way, starting one if
    // none is, and stops at its end; an epoch that completes is measured as asked and
    // checked as step_epoch does. Any slicing gives the same weights, metrics and run
    // state, bit for bit, as whole epochs: the page trains what fits a frame's budget.
    // A perceptron's batch is one point; compat=tf's is batchSize examples (the last
    // one partial).
    Slice step_batches(int max_batches, Measure measure = Measure::full) {
        return run_->step_batches(max_batches < 1 ? 1 : max_batches, measure);
    }
    // The same in pieces: at most max_pieces (≥ 1), where a piece is one ensemble member's
    // forward and backward pass over up to kTrainPiece examples of the batch under way, and a
    // batch ends (every member's optimiser step, at once) with its last piece. Any slicing in
    // pieces gives the same run too: a batch of thousands of examples through a big ensemble
    // takes the page's frames a piece at a time. The batch under way leaves the weights, the
    // moments and the run state as they were at its start until it ends; a change that ends it
    // early (new data, network, batch size or dropout, an edited weight, reset, restore) drops
    // its pieces, and it starts again. A perceptron's piece is a point (its batch); compat=tf's
    // is a few of its examples (a batch's sums wait in its nodes until the batch's update).
    // The epoch's end takes pieces too: one member's pass over up to 1,024 points of a set it
    // measures (the measure asked for, plateau's training loss, early stopping's validation
    // loss), with the measure asked for when it began (Slice::measured), and the epoch
    // completes, measured and checked, with the last. Until then the epoch
    // counter and metrics() are the last epoch's; anything that reads or changes the run
    // (run_state, measure, a weight, settings) completes it first (settle), and new data, a new
    // network, reset or restore drop it.
    Slice step_pieces(int max_pieces, Measure measure = Measure::full) {
        return run_->step_pieces(max_pieces < 1 ? 1 : max_pieces, measure);
    }
    static constexpr int kTrainPiece = Run::kTrainPiece;
    // Completes an epoch's end that step_pieces left under way (the page, before it saves or
    // edits, so its chart gets that epoch); true if there was one.
    bool settle() { return run_->settle(); }

    // Training samples of the epoch under way in completed batches; 0 between epochs. The
    // epoch counter counts completed epochs only.
    int epoch_position() const { return run_->epoch_position(); }
    // Whether an epoch is under way (samples of it trained, pieces of its next batch, or its end).
    bool mid_epoch() const { return run_->mid_epoch(); }
    static constexpr int kAllBatches = Run::kAllBatches;  // step_batches to the epoch's end

    // Continues a run from elsewhere (a link's or a model file's weights, just loaded) as
    // if it had trained `epoch` epochs here: the epoch counter and the step and exponential
    // schedules go on from there; plateau history and optimiser moments start afresh.
    void resume_at(int epoch) { run_->resume_at(epoch); }

    // Where the run stands besides its weights (engine/run_state.h), and going on from
    // a saved one after its weights were loaded: the next epochs are those the saved run
    // would have trained, bit for bit. restore() returns why a saved state does not fit
    // this run (then nothing changed), or "". compat=tf keeps the epoch only.
    // An epoch's end under way is completed first (settle: the state must be the epoch's).
    RunState run_state() const {
        run_->settle();
        return run_->run_state();
    }
    std::string restore(const RunState& saved) { return run_->restore(saved); }

    // Recomputes metrics() for the current weights.
    void measure() { run_->measure(); }
    // Recomputes only the train, validation and test losses of metrics() (the loss
    // chart's figures): a cheap per-epoch measure where a frame shows the rest.
    void measure_losses() { run_->measure_losses(); }

    // Dropout (engine/dropout.h): whether hidden unit `unit` of layer `layer` (0-based hidden
    // layers) was switched off for the last example member `member` trained on; false without
    // dropout, for compat=tf and before any training step.
    bool unit_dropped(int member, int layer, int unit) const { return run_->unit_dropped(member, layer, unit); }

    int epoch() const { return run_->epoch(); }
    const Metrics& metrics() const { return run_->metrics(); }
    RunStatus status() const { return run_->status(); }
    const std::string& status_message() const { return run_->status_message(); }
    // Warnings about the settings themselves (e.g. early stopping without a
    // validation set); empty when all is well.
    const std::vector<std::string>& warnings() const { return run_->warnings(); }

    const DataSplit& data() const { return run_->data(); }
    int class_count() const { return run_->class_count(); }
    bool is_regression() const { return run_->is_regression(); }
    const NetworkSpec& spec() const { return run_->spec(); }
    int ensemble_size() const { return run_->ensemble_size(); }
    const Network<Scalar>& network(int member = 0) const { return run_->network(member); }

    // One weight W(to, from) of dense layer `layer`, or one bias. Setting one
    // keeps training where it was (the optimiser's moments are kept).
    float weight(int member, int layer, int to, int from) const {
        return run_->weight(member, layer, to, from);
    }
    void set_weight(int member, int layer, int to, int from, float value) {
        run_->set_weight(member, layer, to, from, value);
    }
    float bias(int member, int layer, int node) const { return run_->bias(member, layer, node); }
    void set_bias(int member, int layer, int node, float value) { run_->set_bias(member, layer, node, value); }

    // Ensemble-averaged outputs for arbitrary points: out is (outputs, points.size()).
    void predict(const std::vector<Point>& points, Matrix& out) const { run_->predict(points, out); }

    // Evaluates the R×R grid (R ≤ 512) in batches: the ensemble's mean output; with
    // all_layers, also every neuron's activation of ensemble member `member` (0 ≤ member <
    // ensemble_size()) for the network view's thumbnails.
    void evaluate_grid(int R, GridOutput& out, bool all_layers, int member = 0) const {
        run_->evaluate_grid(R, out, all_layers, member);
    }

private:
    std::unique_ptr<Run> run_;
    bool compat_ = false;  // run_ is TensorFlow Playground's
};

}  // namespace nnplay
