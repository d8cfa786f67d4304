// trainer.cpp: the training loop and its bookkeeping. Per epoch: snapshot the
// weights, reshuffle, train the batches, check for NaN/Inf (restore the
// snapshot), early-stop on validation loss (restore the best), step the
// learning-rate schedule, and measure.
#include "engine/trainer.h"

#include "engine/assert.h"
#include "engine/features.h"
#include "engine/initializer.h"
#include "engine/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

namespace nnplay {

namespace {

constexpr int kEvalChunk = 1024;  // columns per evaluation batch
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string format(const char* fmt, double a = 0, double b = 0, double c = 0) {
    char buf[512];
    std::snprintf(buf, sizeof buf, fmt, a, b, c);
    return buf;
}

// The settings whose change means new data.
bool same_data(const PlaygroundState& a, const PlaygroundState& b) {
    return a.problem == b.problem && a.active_dataset() == b.active_dataset() &&
           a.class_count() == b.class_count() && a.sample_count() == b.sample_count() &&
           a.noise == b.noise && a.perc_train_data == b.perc_train_data &&
           a.perc_val_data == b.perc_val_data && a.seed == b.seed &&
           Trainer::compat_applies(a) == Trainer::compat_applies(b) &&
           (a.active_dataset() != Dataset::custom || a.points == b.points);
}

// The settings whose change means a new network (new initial weights).
bool same_network(const PlaygroundState& a, const PlaygroundState& b) {
    return network_spec(a) == network_spec(b) && a.init == b.init &&
           a.init_scale == b.init_scale && a.init_bias == b.init_bias &&
           a.init_zero == b.init_zero && a.ensemble == b.ensemble && a.seed == b.seed &&
           std::equal(std::begin(a.features), std::end(a.features), std::begin(b.features));
}

}  // namespace

const char* name_of(RunStatus s) {
    switch (s) {
        case RunStatus::ok: return "ok";
        case RunStatus::diverged: return "diverged";
        case RunStatus::early_stopped: return "early_stopped";
    }
    return "ok";
}

Trainer::Trainer(const PlaygroundState& state) : state_(state) {
    build_data();
    build_networks();
    take_settings();
    reset();
}

int Trainer::set_state(const PlaygroundState& state) {
    const bool data = !same_data(state_, state);
    const bool features = !std::equal(std::begin(state_.features), std::end(state_.features),
                                      std::begin(state.features));
    // Drawing or removing custom points changes the data, not the run: the
    // network keeps its weights and trains on from where it was.
    PlaygroundState same_points = state;
    same_points.points = state_.points;
    const bool points_only = data && same_data(state_, same_points);
    const bool network = (data && !points_only) || !same_network(state_, state);
    state_ = state;
    if (data || features) build_data();
    if (network) build_networks();
    take_settings();
    if (network) reset();
    return kSettings | (network ? kNetwork : 0) | (data ? kData : 0);
}

void Trainer::build_data() {
    tfp_ = compat_applies(state_);
    if (tfp_) return tfp_build_data();
    const Rng base(state_.seed);
    Rng data_rng = base.derive("data");
    Rng split_rng = base.derive("split");
    std::vector<Point> points = generate_points(state_, data_rng);
    classes_ = state_.class_count();
    // Drawn or imported points must name a class the network has: a label such as
    // 7 or 2.5 would index past the outputs. They are left out, with a warning.
    const std::size_t given = points.size();
    if (!is_regression())
        std::erase_if(points, [&](const Point& p) {
            return !(p.label >= 0 && p.label < float(classes_) && p.label == float(int(p.label)));
        });
    dropped_points_ = int(given - points.size());
    data_ = split_points(std::move(points), state_, split_rng);
    features_ = enabled_features(state_.features);

    auto take = [&](const std::vector<Point>& points, Matrix& X, Vector& y) {
        compute_features(features_, points, X);
        y.resize(Eigen::Index(points.size()));
        for (std::size_t i = 0; i < points.size(); ++i) y[Eigen::Index(i)] = points[i].label;
    };
    take(data_.train, X_train_, y_train_);
    take(data_.val, X_val_, y_val_);
    take(data_.test, X_test_, y_test_);
    grid_R_ = {0, 0};  // the grid's features may have changed
    order_.resize(data_.train.size());
    std::iota(order_.begin(), order_.end(), 0);
}

void Trainer::build_networks() {
    spec_ = tfp_ ? tfp_spec() : network_spec(state_);
    const int members = tfp_ ? 1 : std::clamp(state_.ensemble, 1, 8);
    nets_.assign(std::size_t(members), Network<Scalar>(spec_));
    opts_.assign(std::size_t(members), OptimizerState<Scalar>(std::size_t(nets_[0].params().size())));
    last_good_ = nets_;
    last_good_opts_ = opts_;
    best_ = nets_;
    eval_ws_ = Workspace<Scalar>(spec_, kEvalChunk, false);
    average_.resize(spec_.outputs, kEvalChunk);
    train_ws_ = {};
    grid_R_ = {0, 0};
}

void Trainer::take_settings() {
    optimizer_settings_ = OptimizerSettings::from(state_);
    schedule_.configure(state_);
    const int n = int(data_.train.size());
    const int batch = std::max(1, std::min(state_.batch_size, std::max(n, 1)));
    if (train_ws_.capacity != batch) {
        train_ws_ = Workspace<Scalar>(spec_, batch, true);
        batch_X_.resize(spec_.inputs, batch);
        batch_y_.resize(batch);
    }
    warnings_.clear();
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
    if (state_.compat != Compat::none) tfp_take_settings();
}

void Trainer::reset() {
    if (tfp_) return tfp_reset();
    const Rng base(state_.seed);
    const Rng init_rng = base.derive("init");
    const Init init = state_.init_zero ? Init::zeros : state_.init;
    for (std::size_t m = 0; m < nets_.size(); ++m) {
        Rng rng = init_rng.derive(std::to_string(m));
        initialize(nets_[m], init, state_.init_scale, state_.init_bias, rng);
        opts_[m].reset();
    }
    schedule_.reset();
    shuffle_rng_ = base.derive("shuffle");
    std::iota(order_.begin(), order_.end(), 0);
    start_over(schedule_.rate());
}

void Trainer::resume_at(int epoch) {
    if (epoch <= 0) return;
    epoch_ = epoch;
    measure();
    if (!tfp_) schedule_.end_epoch(epoch, metrics_.train_loss);
    metrics_.learning_rate = tfp_ ? state_.learning_rate : schedule_.rate();
}

void Trainer::start_over(double learning_rate) {
    epoch_ = 0;
    status_ = RunStatus::ok;
    status_message_.clear();
    have_best_ = false;
    since_best_ = 0;
    metrics_ = {};
    metrics_.learning_rate = learning_rate;
    measure();
}

void Trainer::train_batch(const int* index, int n) {
    // Plain loops: Eigen's column assignment (or a memmove call) costs more than
    // the 2 floats it moves.
    const int inputs = int(batch_X_.rows());
    Scalar* to = batch_X_.data();
    for (int j = 0; j < n; ++j) {
        const Scalar* from = X_train_.data() + std::size_t(index[j]) * inputs;
        for (int i = 0; i < inputs; ++i) *to++ = from[i];
        batch_y_[j] = y_train_[index[j]];
    }
    const Scalar lr = Scalar(schedule_.rate());
    const Scalar rate = state_.regularization_rate;
    for (std::size_t m = 0; m < nets_.size(); ++m) {
        Network<Scalar>& net = nets_[m];
        net.forward(batch_X_.data(), n, train_ws_);  // outputs only: backward needs no loss value
        net.backward(batch_X_.data(), batch_y_.data(), n, train_ws_);
        net.add_regularization_gradient(state_.regularization, rate);
        opts_[m].step(net.params().data(), net.grads().data(), optimizer_settings_, lr);
    }
}

bool Trainer::step_epoch(bool do_measure) {
    if (tfp_) return tfp_step_epoch(do_measure);
    const int n = int(data_.train.size());
    if (status_ != RunStatus::ok || n == 0) return false;
    const bool perceptron = spec_.output == Output::step;
    if (perceptron && (classes_ > 2 || is_regression())) return false;

    for (std::size_t m = 0; m < nets_.size(); ++m) {  // snapshot for divergence
        last_good_[m].params() = nets_[m].params();
        last_good_opts_[m] = opts_[m];
    }
    if (state_.reshuffle) {
        for (int i = n - 1; i > 0; --i) std::swap(order_[i], order_[shuffle_rng_.below(i + 1)]);
    }
    const double lr = schedule_.rate();
    if (perceptron) {
        for (int i : order_)
            for (auto& net : nets_)
                perceptron_update(net, X_train_.col(i).data(), y_train_[i], Scalar(lr));
    } else {
        const int batch = train_ws_.capacity;
        for (int start = 0; start < n; start += batch)
            train_batch(order_.data() + start, std::min(batch, n - start));
    }
    ++epoch_;
    metrics_.learning_rate = lr;

    // Divergence: NaN/Inf weights, or a non-finite loss when the loss is
    // measured anyway (the weights are checked every epoch: it costs nothing).
    bool finite = true;
    for (const auto& net : nets_) finite = finite && net.all_finite();
    double train_loss = kNaN, acc, rmse;
    if (finite && do_measure) {
        measure();
        train_loss = metrics_.train_loss;
        finite = std::isfinite(train_loss);
    } else if (finite && state_.schedule == Schedule::plateau) {
        evaluate_set(X_train_, y_train_, train_loss, acc, rmse, nullptr);
        finite = std::isfinite(train_loss);
    }
    if (!finite) {
        diverge(nets_[0].all_finite() ? "the training loss became infinite"
                                      : "the weights became NaN or infinite");
        return true;
    }

    if (state_.early_stopping && !data_.val.empty()) {
        double val_loss;
        evaluate_set(X_val_, y_val_, val_loss, acc, rmse, nullptr);
        if (!have_best_ || val_loss < best_val_ - state_.min_delta) {
            for (std::size_t m = 0; m < nets_.size(); ++m) best_[m].params() = nets_[m].params();
            best_val_ = val_loss;
            have_best_ = true;
            since_best_ = 0;
            best_epoch_ = epoch_;
        } else if (++since_best_ >= state_.patience) {
            for (std::size_t m = 0; m < nets_.size(); ++m) nets_[m].params() = best_[m].params();
            status_ = RunStatus::early_stopped;
            status_message_ =
                "Early stopping at epoch " + std::to_string(epoch_) +
                ": the validation loss has not improved for " + std::to_string(state_.patience) +
                " epochs. Restored the weights of epoch " + std::to_string(best_epoch_) +
                format(" (validation loss %.4g).", best_val_);
            measure();
            return true;
        }
    }
    schedule_.end_epoch(epoch_, train_loss);
    return true;
}

void Trainer::diverge(const char* what) {
    for (std::size_t m = 0; m < nets_.size(); ++m) {
        nets_[m].params() = last_good_[m].params();
        opts_[m] = last_good_opts_[m];
    }
    const double lr = metrics_.learning_rate;
    std::string cause;
    if (state_.regularization != Regularization::none && state_.regularization_rate * lr >= 0.5)
        cause = format("the regularisation rate %g times the learning rate %g is too large",
                       state_.regularization_rate, lr);
    else
        cause = format("the learning rate %g is probably too high: try one ten times smaller", lr);
    status_ = RunStatus::diverged;
    status_message_ = "Training diverged at epoch " + std::to_string(epoch_) + ": " + what +
                      ". Likely cause: " + cause + ". The weights are back to epoch " +
                      std::to_string(epoch_ - 1) + ".";
    --epoch_;
    measure();
}

void Trainer::evaluate_set(const Matrix& X, const Vector& y, double& loss, double& acc,
                           double& rmse, std::vector<int>* confusion) const {
    const int n = int(X.cols());
    const int k = spec_.outputs;
    if (n == 0) {
        loss = acc = rmse = kNaN;
        return;
    }
    double loss_sum = 0, sq_sum = 0;
    int correct = 0;
    const bool single = nets_.size() == 1;
    for (int start = 0; start < n; start += kEvalChunk) {
        const int m = std::min(kEvalChunk, n - start);
        const Scalar* x = X.data() + std::size_t(start) * X.rows();
        const Scalar* labels = y.data() + start;
        const Scalar* out;
        if (single) {
            loss_sum += nets_[0].forward(x, m, eval_ws_, labels);
            out = eval_ws_.outputs();
        } else {
            average_.leftCols(m).setZero();
            for (const auto& net : nets_) {
                net.forward(x, m, eval_ws_);
                average_.leftCols(m) += eval_ws_.A.back().leftCols(m);
            }
            average_.leftCols(m) /= Scalar(nets_.size());
            out = average_.data();
            loss_sum += loss_from_outputs(spec_.output, out, labels, k, m);
        }
        for (int j = 0; j < m; ++j) {
            const Scalar* a = out + std::size_t(j) * k;
            if (is_regression()) {
                double d = double(a[0]) - double(labels[j]);
                sq_sum += d * d;
            } else {
                const int predicted = predicted_class(spec_.output, a, k);
                correct += predicted == int(labels[j]);
                const int truth = int(labels[j]);
                if (confusion && truth >= 0 && truth < classes_ && predicted < classes_)
                    (*confusion)[std::size_t(truth * classes_ + predicted)] += 1;
            }
        }
    }
    loss = loss_sum / n;
    acc = is_regression() ? kNaN : double(correct) / n;
    rmse = is_regression() ? std::sqrt(sq_sum / n) : kNaN;
}

void Trainer::measure() {
    if (tfp_) return tfp_measure();
    Metrics& m = metrics_;
    m.epoch = epoch_;
    m.confusion.assign(is_regression() ? 0 : std::size_t(classes_ * classes_), 0);
    const bool test_empty = data_.test.empty();
    evaluate_set(X_train_, y_train_, m.train_loss, m.train_acc, m.train_rmse,
                 test_empty ? &m.confusion : nullptr);
    evaluate_set(X_val_, y_val_, m.val_loss, m.val_acc, m.val_rmse, nullptr);
    evaluate_set(X_test_, y_test_, m.test_loss, m.test_acc, m.test_rmse,
                 test_empty ? nullptr : &m.confusion);
    m.reg_loss = 0;
    for (const auto& net : nets_)
        m.reg_loss += net.regularization_loss(state_.regularization, state_.regularization_rate);
    m.reg_loss /= double(nets_.size());
}

float Trainer::weight(int member, int layer, int to, int from) const {
    return nets_[member].layer(layer).weights()(to, from);
}
void Trainer::set_weight(int member, int layer, int to, int from, float value) {
    nets_[member].layer(layer).weights()(to, from) = value;
    if (tfp_) tfp_net_.link(layer + 1, to, from).weight = value;
}
float Trainer::bias(int member, int layer, int node) const {
    return nets_[member].layer(layer).b[node];
}
void Trainer::set_bias(int member, int layer, int node, float value) {
    nets_[member].layer(layer).b[node] = value;
    if (tfp_) tfp_net_.node(layer + 1, node).bias = value;
}

void Trainer::predict(const std::vector<Point>& points, Matrix& out) const {
    Matrix X;
    compute_features(features_, points, X);
    const int n = int(points.size());
    out.resize(spec_.outputs, n);
    for (int start = 0; start < n; start += kEvalChunk) {
        const int m = std::min(kEvalChunk, n - start);
        out.middleCols(start, m).setZero();
        for (const auto& net : nets_) {
            net.forward(X.data() + std::size_t(start) * X.rows(), m, eval_ws_);
            out.middleCols(start, m) += eval_ws_.A.back().leftCols(m);
        }
        out.middleCols(start, m) /= Scalar(nets_.size());
    }
}

void Trainer::evaluate_grid(int R, GridOutput& out, bool all_layers) const {
    NNPLAY_ASSERT(R >= 1 && R <= 512);
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
    for (int start = 0; start < n; start += kEvalChunk) {
        const int m = std::min(kEvalChunk, n - start);
        const Scalar* x = grid_X.data() + std::size_t(start) * grid_X.rows();
        auto block = out.output.middleCols(start, m);
        for (std::size_t member = 0; member < nets_.size(); ++member) {
            nets_[member].forward(x, m, eval_ws_);
            if (member == 0) {
                block = eval_ws_.A.back().leftCols(m);
                if (all_layers)
                    for (int l = 0; l < spec_.layer_count(); ++l)
                        out.layers[l].middleCols(start, m) = eval_ws_.A[l].leftCols(m);
            } else {
                block += eval_ws_.A.back().leftCols(m);
            }
        }
        if (nets_.size() > 1) block /= Scalar(nets_.size());
    }
}

}  // namespace nnplay
