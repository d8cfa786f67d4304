// trainer.h: one playground run. Owns the data (generated from the state's
// seed), the network or ensemble of networks, their optimisers and the
// schedule, and trains epoch by epoch: batches, early stopping, divergence
// checks and per-epoch metrics. The page and the CLI both drive this class.
#pragma once

#include "engine/dataset.h"
#include "engine/network.h"
#include "engine/optimizer.h"
#include "engine/schedule.h"
#include "engine/state.h"
#include "engine/tfp_dataset.h"
#include "engine/tfp_network.h"

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

    double total_loss() const { return train_loss + reg_loss; }
};

enum class RunStatus { ok, diverged, early_stopped };
const char* name_of(RunStatus);  // "ok", "diverged", "early_stopped"

// An R×R grid evaluation for heatmaps: column i·R + j is grid cell (row i, col j)
// at the plane point (grid_x(j, R), grid_y(i, R)) of features.h.
struct GridOutput {
    int resolution = 0;
    Matrix output;               // (outputs, R²): the ensemble's averaged outputs
    std::vector<Matrix> layers;  // if asked: per dense layer l, (width l, R²) activations of member 0
};

// With state.compat == tf (and one of TensorFlow Playground's data sets and an
// MLP), the trainer runs TensorFlow Playground's own model instead of ours
// (trainer_tfp.cpp): its data from its seeded generator, its network, per-example
// training and loss, in double. The interface is the same: data() holds its points
// (its −1 as class 0), network(0) a float mirror of its weights for drawing and
// export, metrics() its mean ½(out − label)² train and test loss.
class Trainer {
public:
    explicit Trainer(const PlaygroundState& state);

    // Whether compat=tf is in effect for this state (it also needs one of
    // TensorFlow Playground's six data sets and model=mlp).
    static bool compat_applies(const PlaygroundState& state);
    bool compat_active() const { return tfp_; }

    // What set_state() had to redo.
    enum Change { kNothing = 0, kSettings = 1, kNetwork = 2, kData = 4 };

    // Takes a changed state: regenerates the data if a data setting changed,
    // rebuilds and re-initialises the networks if the architecture changed,
    // otherwise keeps the weights and only takes the new settings (learning
    // rate, regularisation, optimiser, schedule, batch size: changeable mid-run).
    int set_state(const PlaygroundState& state);
    const PlaygroundState& state() const { return state_; }

    // Re-initialises the weights from the seed (the same seed gives the same
    // weights), clears optimiser moments and schedule, epoch 0, status ok.
    void reset();

    // Trains one epoch over the training data in batches of batch_size (the
    // last, partial batch is applied on its own). Returns false, and trains
    // nothing, when the run has stopped (diverged or early-stopped). With
    // measure = false the full metrics are not recomputed (faster; the page
    // uses it between frames); divergence and early stopping are checked anyway.
    bool step_epoch(bool measure = true);

    // Continues a run from elsewhere (a link's or a model file's weights, just loaded) as
    // if it had trained `epoch` epochs here: the epoch counter and the step and exponential
    // schedules go on from there; plateau history and optimiser moments start afresh.
    void resume_at(int epoch);

    // Recomputes metrics() for the current weights.
    void measure();

    int epoch() const { return epoch_; }
    const Metrics& metrics() const { return metrics_; }
    RunStatus status() const { return status_; }
    const std::string& status_message() const { return status_message_; }
    // Warnings about the settings themselves (e.g. early stopping without a
    // validation set); empty when all is well.
    const std::vector<std::string>& warnings() const { return warnings_; }

    const DataSplit& data() const { return data_; }
    int class_count() const { return classes_; }
    bool is_regression() const { return state_.problem == Problem::regression; }
    const NetworkSpec& spec() const { return spec_; }
    int ensemble_size() const { return int(nets_.size()); }
    const Network<Scalar>& network(int member = 0) const { return nets_[member]; }

    // One weight W(to, from) of dense layer `layer`, or one bias. Setting one
    // keeps training where it was (the optimiser's moments are kept).
    float weight(int member, int layer, int to, int from) const;
    void set_weight(int member, int layer, int to, int from, float value);
    float bias(int member, int layer, int node) const;
    void set_bias(int member, int layer, int node, float value);

    // Ensemble-averaged outputs for arbitrary points: out is (outputs, points.size()).
    void predict(const std::vector<Point>& points, Matrix& out) const;

    // Evaluates the R×R grid (R ≤ 512) in batches; with all_layers, also every
    // neuron's activation (member 0) for the network view's thumbnails.
    void evaluate_grid(int R, GridOutput& out, bool all_layers) const;

private:
    void build_data();
    void build_networks();
    void take_settings();
    void train_batch(const int* index, int n);
    void evaluate_set(const Matrix& X, const Vector& y, double& loss, double& acc, double& rmse,
                      std::vector<int>* confusion) const;
    void diverge(const char* what);
    // Epoch 0, status ok, no best weights, fresh metrics at the current weights.
    void start_over(double learning_rate);

    // compat=tf, in trainer_tfp.cpp.
    void tfp_build_data();
    NetworkSpec tfp_spec() const;
    void tfp_take_settings();
    void tfp_reset();
    bool tfp_step_epoch(bool do_measure);
    void tfp_measure();
    void tfp_mirror();  // the double weights into nets_[0]

    PlaygroundState state_;
    std::vector<std::string> warnings_;
    DataSplit data_;
    int classes_ = 2;
    int dropped_points_ = 0;           // custom points left out for a label that is no class
    NetworkSpec spec_;
    OptimizerSettings optimizer_settings_;
    LearningRateSchedule schedule_;

    // Features and labels of each set, computed once per data set.
    Matrix X_train_, X_val_, X_test_;  // (inputs, n_set)
    Vector y_train_, y_val_, y_test_;  // (n_set) class index or target

    std::vector<Network<Scalar>> nets_;          // the ensemble (size 1 normally)
    std::vector<OptimizerState<Scalar>> opts_;   // one per member
    std::vector<Network<Scalar>> last_good_;     // weights at the start of the epoch
    std::vector<Network<Scalar>> best_;          // early stopping: the best weights so far
    std::vector<OptimizerState<Scalar>> last_good_opts_;

    mutable Workspace<Scalar> train_ws_;   // (batch) for training
    mutable Workspace<Scalar> eval_ws_;    // (chunk) for evaluation
    Matrix batch_X_;                       // (inputs, batch) gathered batch
    Vector batch_y_;                       // (batch)
    std::vector<int> order_;               // training order, reshuffled each epoch
    Rng shuffle_rng_{""};
    std::vector<Feature> features_;        // the enabled input features
    mutable std::array<Matrix, 2> grid_X_;  // (inputs, R²) features of the last two grids asked for
    mutable std::array<int, 2> grid_R_ = {0, 0};
    mutable int grid_next_ = 0;
    mutable Matrix average_;               // (outputs, chunk) ensemble average scratch

    int epoch_ = 0;
    Metrics metrics_;
    RunStatus status_ = RunStatus::ok;
    std::string status_message_;
    double best_val_ = 0;
    int best_epoch_ = 0;
    int since_best_ = 0;
    bool have_best_ = false;

    // compat=tf: TensorFlow Playground's run.
    bool tfp_ = false;
    TfpData tfp_data_;                  // its points, ±1 labels
    std::vector<double> tfp_X_train_;   // (n_train × inputs) row-major: its input features
    std::vector<double> tfp_X_test_;    // (n_test × inputs)
    SeedRandom tfp_rng_{""};            // the stream as it stands after the data: weights come next
    TfpNetwork tfp_net_;
    TfpNetwork tfp_last_good_;          // at the start of the epoch, for divergence
};

}  // namespace nnplay
