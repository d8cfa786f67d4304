// run.h: one kind of training run behind the Trainer: nnplay's own (nnplay_run.h) or
// TensorFlow Playground's (tfp/run.h, compat=tf). This base holds what every run has and
// draws with — the data, float networks, metrics, status — and the grid and prediction code.
#pragma once

#include "engine/dataset.h"
#include "engine/network.h"
#include "engine/run_state.h"
#include "engine/state.h"

#include <array>
#include <string>
#include <vector>

namespace nnplay {

// What one epoch's evaluation reports. Losses are means of the data loss over
// the set (of the ensemble's averaged output); NaN where a set is empty or a
// figure does not apply (accuracy for regression, RMSE for classification).
struct Metrics {
    int epoch = 0;
    double train_loss = 0, val_loss = 0, test_loss = 0;
    double reg_loss = 0;          // the regularisation term (mean over ensemble members)
    double train_acc = 0, val_acc = 0, test_acc = 0;     // fraction correct, 0..1
    double train_rmse = 0, val_rmse = 0, test_rmse = 0;  // regression only
    std::vector<int> confusion;   // (classes × classes) on the test set, row = true, column = predicted
    double learning_rate = 0;     // the rate the last epoch ran with
    int restored_epoch = 0;       // after early stopping: the epoch whose weights (and these figures) were restored

    double total_loss() const { return train_loss + reg_loss; }
};

enum class RunStatus { ok, diverged, early_stopped };
const char* name_of(RunStatus);  // "ok", "diverged", "early_stopped"

// How much an epoch that completes measures: nothing (the page between frames; divergence,
// early stopping and the plateau schedule still measure what they need), the losses only
// (train, validation, test: what the loss chart draws), or every metric (accuracy, RMSE,
// confusion, the regularisation term).
enum class Measure { none, losses, full };

// What Trainer::step_batches or step_pieces did: the batches it completed, the pieces it
// trained (see step_pieces) and whether they finished an epoch. Nothing (0, 0, false): the
// run cannot train (stopped, no points, a perceptron on 3 classes).
struct Slice {
    int batches = 0;
    int pieces = 0;
    bool epoch_completed = false;
    Measure measured = Measure::none;  // what the completed epoch's end measured
};

// An R×R grid evaluation for heatmaps: column i·R + j is grid cell (row i, col j)
// at the plane point (grid_x(j, R), grid_y(i, R)) of features.h.
struct GridOutput {
    int resolution = 0;
    Matrix output;               // (outputs, R²): the ensemble's averaged outputs
    std::vector<Matrix> layers;  // if asked: per dense layer l, (width l, R²) activations of one member
};

// The Trainer's documentation (trainer.h) describes each public function; a Run
// implements them for one kind of training. Every run keeps float networks in nets_
// (a run that trains another model mirrors its weights there), which the heatmaps,
// predictions and exports read.
class Run {
public:
    virtual ~Run() = default;

    // Takes a changed state. The caller (Trainer::set_state) has decided what it
    // changed: new_data regenerates the data, new_network rebuilds and
    // re-initialises the networks; the settings are always taken again.
    void take_state(const PlaygroundState& state, bool new_data, bool new_network);

    virtual void reset() = 0;
    virtual Slice step_batches(int max_batches, Measure measure) = 0;
    virtual Slice step_pieces(int max_pieces, Measure measure) = 0;
    // Finishes the epoch under way, or trains a whole one.
    bool step_epoch(Measure measure) { return step_batches(kAllBatches, measure).epoch_completed; }
    // Samples of the epoch under way in completed batches (0: at an epoch boundary).
    int epoch_position() const { return position_; }
    // Whether an epoch is under way: samples of it trained, pieces of its next batch, or its end.
    virtual bool mid_epoch() const { return position_ > 0 || ending_; }
    // Completes an epoch's end that step_pieces left under way; true if it did.
    bool settle();
    virtual void resume_at(int epoch) = 0;
    virtual RunState run_state() const = 0;
    virtual std::string restore(const RunState& saved) = 0;
    virtual void measure() = 0;
    virtual void measure_losses() = 0;
    // Dropout: whether hidden unit `unit` of layer `layer` was switched off for the last
    // example member `member` trained on (false without dropout).
    virtual bool unit_dropped(int, int, int) const { return false; }

    static constexpr int kAllBatches = 1 << 30;
    static constexpr int kTrainPiece = 256;  // examples of one member a piece trains at most

    const PlaygroundState& state() const { return state_; }
    int epoch() const { return epoch_; }
    const Metrics& metrics() const { return metrics_; }
    RunStatus status() const { return status_; }
    const std::string& status_message() const { return status_message_; }
    const std::vector<std::string>& warnings() const { return warnings_; }
    const DataSplit& data() const { return data_; }
    int class_count() const { return classes_; }
    bool is_regression() const { return state_.problem == Problem::regression; }
    const NetworkSpec& spec() const { return spec_; }
    int ensemble_size() const { return int(nets_.size()); }
    const Network<Scalar>& network(int member) const { return nets_[member]; }

    float weight(int member, int layer, int to, int from) const;
    float bias(int member, int layer, int node) const;
    // Edits the float networks; a run with a model of its own edits that too.
    virtual void set_weight(int member, int layer, int to, int from, float value);
    virtual void set_bias(int member, int layer, int node, float value);

    void predict(const std::vector<Point>& points, Matrix& out) const;
    void evaluate_grid(int R, GridOutput& out, bool all_layers, int member = 0) const;

protected:
    static constexpr int kEvalChunk = 1024;  // columns per evaluation batch

    // An epoch's end, after its examples, in pieces as its training is: the run's begin_ending
    // checks the weights and sets ending_; each ending_piece evaluates a piece of what the
    // measure and the epoch's decisions need (all it can at once when `at_once`: settle), and
    // the last completes the epoch (ending_ false again) and returns true.
    virtual bool ending_piece(bool at_once) = 0;
    // The end's pieces while the slice has pieces left (max_pieces: kAllBatches for all).
    void end_in_pieces(Slice& slice, int max_pieces);
    bool ending_ = false;
    Measure ending_measure_ = Measure::none;  // what the end measures
    bool ending_finite_ = true;               // the weights were finite when it began

    explicit Run(const PlaygroundState& state) : state_(state) {}

    // From state_: the points, features_ and whatever the run trains on.
    virtual void build_data() = 0;
    // spec_, nets_ (through make_networks) and whatever the run trains with.
    virtual void build_networks() = 0;
    // The settings that may change mid-run, and the run's own warnings.
    virtual void take_settings() = 0;

    // `members` networks of `spec`, their snapshots, the evaluation workspace.
    void make_networks(const NetworkSpec& spec, int members);
    // The warnings about the settings that hold for any run (no training points, ...).
    void add_common_warnings();
    // Restores nets_ from last_good_, steps the epoch back and says why it diverged.
    void diverge(const char* what);
    // Epoch 0, status ok, fresh metrics at the current weights.
    void start_over(double learning_rate);

    PlaygroundState state_;
    std::vector<std::string> warnings_;
    DataSplit data_;
    int classes_ = 2;
    int dropped_points_ = 0;               // custom points left out for a label that is no class
    NetworkSpec spec_;
    std::vector<Feature> features_;        // the enabled input features

    std::vector<Network<Scalar>> nets_;       // the ensemble (size 1 normally)
    std::vector<Network<Scalar>> last_good_;  // weights at the start of the epoch

    mutable Workspace<Scalar> eval_ws_;    // (chunk) for evaluation
    mutable Workspace<Scalar> helper_ws_;  // (chunk) for the grid's part on the helper thread
    mutable std::array<Matrix, 2> grid_X_;  // (inputs, R²) features of the last two grids asked for
    mutable std::array<int, 2> grid_R_ = {0, 0};
    mutable int grid_next_ = 0;

    int epoch_ = 0;
    int position_ = 0;                     // samples of the epoch under way trained so far
    Metrics metrics_;
    RunStatus status_ = RunStatus::ok;
    std::string status_message_;
};

}  // namespace nnplay
