// run.cpp: what every kind of run does the same way: taking a changed state in
// order, an epoch's end in pieces, the warnings any state can earn, divergence bookkeeping, and evaluating
// the float networks on arbitrary points and on the heatmap grid.
#include "engine/run.h"

#include "engine/assert.h"
#include "engine/ensemble.h"
#include "engine/features.h"
#include "engine/parallel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nnplay {

const char* name_of(RunStatus s) {
    switch (s) {
        case RunStatus::ok: return "ok";
        case RunStatus::diverged: return "diverged";
        case RunStatus::early_stopped: return "early_stopped";
    }
    return "ok";
}

void Run::take_state(const PlaygroundState& state, bool new_data, bool new_network) {
    if (!new_data && !new_network) settle();  // an epoch's end under way ends with the old settings
    state_ = state;
    if (new_data) position_ = 0;  // the order of the epoch under way is gone: the next one starts anew
    if (new_data) build_data();
    if (new_network) build_networks();
    warnings_.clear();
    add_common_warnings();
    take_settings();
    if (new_network) reset();
}

bool Run::settle() {
    if (!ending_) return false;
    while (!ending_piece(true)) {}
    return true;
}

void Run::end_in_pieces(Slice& slice, int max_pieces) {
    while (ending_ && slice.pieces < max_pieces) {
        ++slice.pieces;
        if (ending_piece(false)) {
            slice.epoch_completed = true;
            slice.measured = ending_measure_;
        }
    }
}

void Run::make_networks(const NetworkSpec& spec, int members) {
    spec_ = spec;
    nets_.assign(std::size_t(members), Network<Scalar>(spec_));
    last_good_ = nets_;
    eval_ws_ = Workspace<Scalar>(spec_, kEvalChunk, false);
    helper_ws_ = {};  // made at the first grid split in two
    grid_R_ = {0, 0};
}

void Run::add_common_warnings() {
    if (dropped_points_ > 0)
        warnings_.push_back(std::to_string(dropped_points_) +
                            " of your points have a label that is not a class from 0 to " +
                            std::to_string(classes_ - 1) + ", and were left out.");
    if (data_.train.empty())
        warnings_.push_back("There are no training points: draw some, or pick a data set.");
    if (state_.early_stopping && data_.val.empty())
        warnings_.push_back(
            "Early stopping needs a validation set: set the validation share above 0 %.");
    if (state_.model == Model::perceptron && classes_ > 2)
        warnings_.push_back("The perceptron separates two classes only; use an MLP for more.");
    if (state_.model == Model::perceptron && state_.problem == Problem::regression)
        warnings_.push_back("The perceptron is a classifier; regression needs an MLP.");
    if (features_.empty())
        warnings_.push_back("No input feature is selected: the network sees nothing.");
}

// Beyond these a diverged run is blamed on the labels or the initial weights, not the rate.
constexpr float kDivergeLabel = 1e4f;
constexpr float kDivergeInitScale = 4;

void Run::diverge(const char* what) {
    for (std::size_t m = 0; m < nets_.size(); ++m) nets_[m].params() = last_good_[m].params();
    const double lr = metrics_.learning_rate;
    char cause[512];
    // The likeliest cause first: labels or initial weights so large that any rate overflows.
    float largest_label = 0;
    if (is_regression())
        for (const Point& p : data_.train) largest_label = std::max(largest_label, std::fabs(p.label));
    if (largest_label > kDivergeLabel)
        std::snprintf(cause, sizeof cause, "the labels are very large (up to %g): scale them to about -1..1",
                      double(largest_label));
    else if ((state_.init == Init::uniform || state_.init == Init::gaussian) &&
             state_.init_scale > kDivergeInitScale)
        std::snprintf(cause, sizeof cause, "the initial weights are very large (initScale=%g): try 0.5 or less",
                      double(state_.init_scale));
    else if (state_.regularization != Regularization::none && state_.regularization_rate * lr >= 0.5)
        std::snprintf(cause, sizeof cause, "the regularisation rate %g times the learning rate %g is too large",
                      double(state_.regularization_rate), lr);
    else
        std::snprintf(cause, sizeof cause, "the learning rate %g is probably too high: try one ten times smaller",
                      lr);
    status_ = RunStatus::diverged;
    status_message_ = "Training diverged at epoch " + std::to_string(epoch_) + ": " + what +
                      ". Likely cause: " + cause + ". The weights are back to epoch " +
                      std::to_string(epoch_ - 1) + ".";
    --epoch_;
    measure();
}

void Run::start_over(double learning_rate) {
    epoch_ = 0;
    position_ = 0;
    status_ = RunStatus::ok;
    status_message_.clear();
    metrics_ = {};
    metrics_.learning_rate = learning_rate;
    measure();
}

float Run::weight(int member, int layer, int to, int from) const {
    return nets_[member].layer(layer).weights()(to, from);
}
void Run::set_weight(int member, int layer, int to, int from, float value) {
    nets_[member].layer(layer).weights()(to, from) = value;
}
float Run::bias(int member, int layer, int node) const {
    return nets_[member].layer(layer).b[node];
}
void Run::set_bias(int member, int layer, int node, float value) {
    nets_[member].layer(layer).b[node] = value;
}

void Run::predict(const std::vector<Point>& points, Matrix& out) const {
    Matrix X;
    compute_features(features_, points, X);
    const int n = int(points.size());
    out.resize(spec_.outputs, n);
    for (int start = 0; start < n; start += kEvalChunk) {
        const int m = std::min(kEvalChunk, n - start);
        ensemble_forward(nets_, X.data() + std::size_t(start) * X.rows(), m, eval_ws_, out.col(start).data());
    }
}

void Run::evaluate_grid(int R, GridOutput& out, bool all_layers, int member) const {
    NNPLAY_ASSERT(R >= 1 && R <= 512);
    NNPLAY_ASSERT(member >= 0 && member < int(nets_.size()));
    // Two cached resolutions: the page alternates the output plot and the thumbnails.
    int slot = grid_R_[0] == R ? 0 : grid_R_[1] == R ? 1 : -1;
    if (slot < 0) {
        slot = grid_next_;
        grid_next_ ^= 1;
        compute_grid_features(features_, R, grid_X_[slot]);
        grid_R_[slot] = R;
    }
    const Matrix& grid_X = grid_X_[slot];
    const int n = R * R;
    out.resolution = R;
    out.output.resize(spec_.outputs, n);
    if (all_layers) {
        out.layers.resize(std::size_t(spec_.layer_count()));
        for (int l = 0; l < spec_.layer_count(); ++l) out.layers[l].resize(spec_.width(l), n);
    }
    // The chunks in two halves, the second on the helper thread where there is one
    // (engine/parallel.h): each chunk's columns are its own, computed as on one thread.
    const int chunks = (n + kEvalChunk - 1) / kEvalChunk;
    const int parts = chunks >= 2 ? parallel_parts() : 1;
    if (parts > 1 && helper_ws_.capacity < kEvalChunk) helper_ws_ = Workspace<Scalar>(spec_, kEvalChunk, false);
    run_parts(parts, [&](int part) {
        Workspace<Scalar>& ws = part == 0 ? eval_ws_ : helper_ws_;
        const int end = std::min(n, chunks * (part + 1) / parts * kEvalChunk);
        for (int start = chunks * part / parts * kEvalChunk; start < end; start += kEvalChunk) {
            const int m = std::min(kEvalChunk, n - start);
            const Scalar* x = grid_X.data() + std::size_t(start) * grid_X.rows();
            ensemble_forward(nets_, x, m, ws, out.output.col(start).data(), [&](int k, const Workspace<Scalar>& w) {
                if (all_layers && k == member)
                    for (int l = 0; l < spec_.layer_count(); ++l) out.layers[l].middleCols(start, m) = w.A[l].leftCols(m);
            });
        }
    });
}

}  // namespace nnplay
