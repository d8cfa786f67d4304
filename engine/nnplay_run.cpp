// nnplay_run.cpp: nnplay's own training loop and its bookkeeping. Per epoch: snapshot the
// weights, reshuffle, train the batches, check for NaN/Inf (restore the snapshot),
// early-stop on validation loss (restore the best), step the learning-rate schedule, measure.
#include "engine/nnplay_run.h"

#include "engine/dropout.h"
#include "engine/ensemble.h"
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

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

NnplayRun::NnplayRun(const PlaygroundState& state) : Run(state) {
    take_state(state, true, true);
}

void NnplayRun::build_data() {
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
    drop_batch();
    ending_ = false;  // new data: the epoch under way is gone
    order_.resize(data_.train.size());
    std::iota(order_.begin(), order_.end(), 0);
}

void NnplayRun::build_networks() {
    const int members = std::clamp(state_.ensemble, 1, 8);
    make_networks(network_spec(state_), members);
    opts_.assign(std::size_t(members), OptimizerState<Scalar>(std::size_t(nets_[0].params().size())));
    last_good_opts_ = opts_;
    best_ = nets_;
    average_.resize(spec_.outputs, kEvalChunk);
    ending_average_.resize(spec_.outputs, kEvalChunk);
    ending_ws_ = Workspace<Scalar>(spec_, kEvalChunk, false);
    ending_ = false;
    drop_batch();
    train_ws_ = {};
    batch_X_.resize(0, 0);  // take_settings sizes the training buffers for this network
}

void NnplayRun::take_settings() {
    optimizer_settings_ = OptimizerSettings::from(state_);
    schedule_.configure(state_);
    const int n = int(data_.train.size());
    const int batch = std::max(1, std::min(state_.batch_size, std::max(n, 1)));
    const std::vector<float> rates = dropout_rates(state_);
    bool new_masks = rates != dropout_rates_ || train_ws_.M.size() != (any_dropout(rates) ? spec_.hidden.size() : 0);
    if (batch_size_ != batch || batch_X_.cols() != batch) {
        drop_batch();
        batch_size_ = batch;
        train_ws_ = Workspace<Scalar>(spec_, std::min(batch, kTrainPiece), true);
        batch_X_.resize(spec_.inputs, batch);
        batch_y_.resize(batch);
        new_masks = true;
    }
    if (new_masks) {
        drop_batch();
        dropout_rates_ = rates;
        size_dropout(train_ws_, spec_, dropout_rates_);
        batch_masks_ = dropout_masks<Scalar>(spec_, dropout_rates_, batch);
        dropped_.clear();
    }
    // compat=tf asked for, but this state is not one TensorFlow Playground can run.
    if (state_.compat != Compat::none)
        warnings_.push_back(std::string("compat=tf reproduces TensorFlow Playground's circle, xor, gauss, "
                                        "spiral, reg-plane and reg-gauss with an MLP; ") +
                            "this state runs nnplay's own training.");
}

void NnplayRun::reset() {
    const Rng base(state_.seed);
    const Rng init_rng = base.derive("init");
    const Init init = state_.init_zero ? Init::zeros : state_.init;
    drop_batch();
    ending_ = false;
    for (std::size_t m = 0; m < nets_.size(); ++m) {
        Rng rng = init_rng.derive(std::to_string(m));
        initialize(nets_[m], init, state_.init_scale, state_.init_bias, rng);
        opts_[m].reset();
    }
    schedule_.reset();
    shuffle_rng_ = base.derive("shuffle");
    dropout_rng_ = base.derive("dropout");
    dropped_.clear();
    std::iota(order_.begin(), order_.end(), 0);
    have_best_ = false;
    since_best_ = 0;
    start_over(schedule_.rate());
}

void NnplayRun::resume_at(int epoch) {
    if (epoch <= 0) return;
    drop_batch();
    ending_ = false;
    epoch_ = epoch;
    position_ = 0;
    measure();
    schedule_.end_epoch(epoch, metrics_.train_loss);
    metrics_.learning_rate = schedule_.rate();
}

RunState NnplayRun::run_state() const {
    RunState s;
    s.epoch = epoch_;
    s.last_rate = metrics_.learning_rate;
    s.schedule = schedule_.saved();
    for (const auto& opt : opts_) {
        OptimizerMoments m = opt.saved();
        // Buffers the optimiser never touched stay out: a saved SGD run is small.
        auto zero = [](const std::vector<float>& v) {
            return std::all_of(v.begin(), v.end(), [](float x) { return x == 0; });
        };
        if (zero(m.m)) m.m.clear();
        if (zero(m.s)) m.s.clear();
        s.members.push_back(std::move(m));
    }
    // A batch under way has changed nothing yet but its masks' stream and, the epoch's first,
    // the order: the run stands where it began (its pieces are trained again).
    const bool before_epoch = in_batch_ && position_ == 0;
    const std::vector<int>& order = before_epoch ? order_before_ : order_;
    s.shuffle = (before_epoch ? shuffle_before_ : shuffle_rng_).position();
    const Rng& dropout = in_batch_ ? dropout_at_batch_ : dropout_rng_;
    if (dropout.position() != Rng(state_.seed).derive("dropout").position()) s.dropout = dropout.position();
    s.position = position_;
    bool in_order = true;
    for (std::size_t i = 0; i < order.size() && in_order; ++i) in_order = order[i] == int(i);
    if (!in_order) s.order = order;
    s.have_best = have_best_;
    if (have_best_) {
        s.best_val = best_val_;
        s.best_epoch = best_epoch_;
        s.since_best = since_best_;
        for (const auto& net : best_) s.best.emplace_back(net.params().data(), net.params().data() + net.params().size());
    }
    return s;
}

std::string NnplayRun::restore(const RunState& saved) {
    const std::size_t members = nets_.size();
    const std::size_t P = std::size_t(nets_[0].params().size());
    if (saved.members.size() != members)
        return "the saved run has " + std::to_string(saved.members.size()) + " members, this one " +
               std::to_string(members);
    if (saved.epoch < 0) return "a negative epoch";
    for (const OptimizerMoments& m : saved.members)
        if ((!m.m.empty() && m.m.size() != P) || (!m.s.empty() && m.s.size() != P) || m.steps < 0)
            return "the optimiser's moments do not fit a network of " + std::to_string(P) + " parameters";
    if (!saved.order.empty()) {
        if (saved.order.size() != order_.size())
            return "the training order has " + std::to_string(saved.order.size()) + " points, the data " +
                   std::to_string(order_.size());
        std::vector<char> seen(order_.size(), 0);
        for (int i : saved.order) {
            if (i < 0 || std::size_t(i) >= seen.size() || seen[std::size_t(i)])
                return "the training order is not an order of the training points";
            seen[std::size_t(i)] = 1;
        }
    }
    if (saved.position < 0 || std::size_t(saved.position) >= std::max<std::size_t>(order_.size(), 1))
        return "the position in the epoch (" + std::to_string(saved.position) + ") is past the " +
               std::to_string(order_.size()) + " training points";
    if (saved.have_best) {
        if (saved.best.size() != members) return "early stopping's best weights do not fit the ensemble";
        for (const auto& b : saved.best)
            if (b.size() != P) return "early stopping's best weights do not fit the network";
    }

    drop_batch();
    ending_ = false;
    epoch_ = saved.epoch;
    schedule_.restore(saved.schedule);
    for (std::size_t m = 0; m < members; ++m) opts_[m].restore(saved.members[m]);
    shuffle_rng_.set_position(saved.shuffle);
    if (saved.dropout == decltype(saved.dropout){}) dropout_rng_ = Rng(state_.seed).derive("dropout");
    else dropout_rng_.set_position(saved.dropout);
    dropped_.clear();
    if (saved.order.empty()) std::iota(order_.begin(), order_.end(), 0);
    else order_ = saved.order;
    have_best_ = saved.have_best;
    best_val_ = saved.best_val;
    best_epoch_ = saved.best_epoch;
    since_best_ = saved.since_best;
    if (have_best_)
        for (std::size_t m = 0; m < members; ++m)
            std::copy(saved.best[m].begin(), saved.best[m].end(), best_[m].params().data());
    status_ = RunStatus::ok;
    status_message_.clear();
    // Mid-epoch, the epoch's start is not saved: a divergence before its end goes back to
    // the weights as loaded.
    position_ = saved.position;
    if (position_ > 0) begin_epoch_snapshot();
    measure();
    metrics_.learning_rate = saved.last_rate;
    return {};
}

// A batch begins: its examples gathered (plain loops: Eigen's column assignment, or a
// memmove call, costs more than the 2 floats it moves) and the dropout stream noted.
void NnplayRun::begin_batch() {
    batch_n_ = std::min(batch_size_, int(order_.size()) - position_);
    const int* index = order_.data() + position_;
    const int inputs = int(batch_X_.rows());
    Scalar* to = batch_X_.data();
    for (int j = 0; j < batch_n_; ++j) {
        const Scalar* from = X_train_.data() + std::size_t(index[j]) * inputs;
        for (int i = 0; i < inputs; ++i) *to++ = from[i];
        batch_y_[j] = y_train_[index[j]];
    }
    dropout_at_batch_ = dropout_rng_;
    piece_member_ = piece_column_ = 0;
    in_batch_ = true;
}

// One member's forward and backward pass over the batch's next columns (its masks drawn for the
// whole batch at its first piece: the members draw in turn, as they always have). The loss
// gradient is scaled by the whole batch and summed in column order, so the grads are those of
// one pass over the batch, bit for bit (Network::accumulate_gradient).
bool NnplayRun::train_piece() {
    if (!in_batch_) begin_batch();
    const std::size_t m = std::size_t(piece_member_);
    Network<Scalar>& net = nets_[m];
    const int first = piece_column_;
    const int count = std::min(train_ws_.capacity, batch_n_ - first);
    if (!batch_masks_.empty()) {
        if (first == 0) draw_dropout_masks(batch_masks_, dropout_rates_, batch_n_, dropout_rng_);
        for (std::size_t l = 0; l < batch_masks_.size(); ++l)
            if (train_ws_.has_dropout(int(l))) train_ws_.M[l].leftCols(count) = batch_masks_[l].middleCols(first, count);
    }
    const Scalar* x = batch_X_.data() + std::size_t(first) * std::size_t(batch_X_.rows());
    net.forward(x, count, train_ws_);  // outputs only: the gradient needs no loss value
    if (first == 0) net.grads().setZero();
    net.accumulate_gradient(x, batch_y_.data() + first, count, train_ws_, Scalar(1) / Scalar(batch_n_));
    piece_column_ += count;
    if (piece_column_ < batch_n_) return false;
    if (!batch_masks_.empty()) note_dropped(m, count);
    piece_column_ = 0;
    if (++piece_member_ < int(nets_.size())) return false;
    end_batch();
    return true;
}

// The batch's last piece is done: each member's regulariser and optimiser step, in turn.
void NnplayRun::end_batch() {
    const Scalar lr = Scalar(schedule_.rate());
    const Scalar rate = state_.regularization_rate;
    const bool l1 = state_.regularization == Regularization::l1 && rate > 0;
    // In double, then float: the PyTorch script's lr·λ reaches its float32 weights the same way.
    const Scalar threshold = Scalar(schedule_.rate() * double(rate));
    for (std::size_t m = 0; m < nets_.size(); ++m) {
        Network<Scalar>& net = nets_[m];
        if (!l1) net.add_regularization_gradient(state_.regularization, rate);
        opts_[m].step(net.params().data(), net.grads().data(), optimizer_settings_, lr);
        if (l1)  // L1's proximal step: weights (not biases) shrink towards, and stop at, 0
            for (int l = 0; l < net.layer_count(); ++l) {
                DenseLayer<Scalar>& layer = net.layer(l);
                soft_threshold(layer.W, std::size_t(layer.in) * std::size_t(layer.out), threshold);
            }
    }
    position_ += batch_n_;
    in_batch_ = false;
}

// The batch under way is given up (its pieces changed nothing but the dropout stream, and
// for the epoch's first batch the order): the next piece starts it again.
void NnplayRun::drop_batch() {
    if (!in_batch_) return;
    dropout_rng_ = dropout_at_batch_;
    if (position_ == 0) {
        order_ = order_before_;
        shuffle_rng_ = shuffle_before_;
    }
    in_batch_ = false;
    piece_member_ = piece_column_ = 0;
}

void NnplayRun::set_weight(int member, int layer, int to, int from, float value) {
    settle();      // an epoch's end under way evaluates the weights the epoch left
    drop_batch();  // a batch's gradients were of the weights before the edit
    Run::set_weight(member, layer, to, from, value);
}

void NnplayRun::set_bias(int member, int layer, int node, float value) {
    settle();
    drop_batch();
    Run::set_bias(member, layer, node, value);
}

// Keeps which hidden units the last example of the batch (its column n − 1) had switched off.
void NnplayRun::note_dropped(std::size_t member, int n) {
    if (dropped_.size() != nets_.size()) dropped_.assign(nets_.size(), {});
    std::vector<char>& d = dropped_[member];
    d.clear();
    for (std::size_t l = 0; l < spec_.hidden.size(); ++l) {
        const int width = spec_.hidden[l];
        for (int i = 0; i < width; ++i)
            d.push_back(train_ws_.has_dropout(int(l)) && train_ws_.M[l](i, n - 1) == Scalar(0));
    }
}

bool NnplayRun::unit_dropped(int member, int layer, int unit) const {
    if (member < 0 || std::size_t(member) >= dropped_.size() || layer < 0 ||
        std::size_t(layer) >= spec_.hidden.size() || unit < 0 || unit >= spec_.hidden[std::size_t(layer)])
        return false;
    std::size_t at = std::size_t(unit);
    for (int l = 0; l < layer; ++l) at += std::size_t(spec_.hidden[std::size_t(l)]);
    const std::vector<char>& d = dropped_[std::size_t(member)];
    return at < d.size() && d[at];
}

void NnplayRun::begin_epoch_snapshot() {
    for (std::size_t m = 0; m < nets_.size(); ++m) {
        last_good_[m].params() = nets_[m].params();
        last_good_opts_[m] = opts_[m];
    }
}

// The start of an epoch: snapshot for divergence, then this epoch's order (what it was is
// kept until the first batch ends: see drop_batch and run_state).
void NnplayRun::begin_epoch() {
    begin_epoch_snapshot();
    order_before_ = order_;
    shuffle_before_ = shuffle_rng_;
    const int n = int(order_.size());
    if (state_.reshuffle)
        for (int i = n - 1; i > 0; --i) std::swap(order_[i], order_[shuffle_rng_.below(i + 1)]);
}

Slice NnplayRun::step_batches(int max_batches, Measure do_measure) {
    return step(max_batches, kAllBatches, do_measure);
}

Slice NnplayRun::step_pieces(int max_pieces, Measure do_measure) {
    return step(kAllBatches, max_pieces, do_measure);
}

// Trains until max_batches batches end or max_pieces pieces are trained, or the epoch ends.
// The epoch's end takes pieces too (step_batches: all it needs at once).
Slice NnplayRun::step(int max_batches, int max_pieces, Measure do_measure) {
    const int n = int(data_.train.size());
    if (status_ != RunStatus::ok || n == 0) return {};
    const bool perceptron = spec_.output == Output::step;
    if (perceptron && (classes_ > 2 || is_regression())) return {};

    Slice slice;
    if (!ending_) {
        if (position_ == 0 && !in_batch_) begin_epoch();
        if (perceptron) {  // a batch is one point, and a piece
            const Scalar lr = Scalar(schedule_.rate());
            for (; slice.batches < std::min(max_batches, max_pieces) && position_ < n; ++slice.batches, ++position_) {
                const int i = order_[std::size_t(position_)];
                for (auto& net : nets_) perceptron_update(net, X_train_.col(i).data(), y_train_[i], lr);
            }
            slice.pieces = slice.batches;
        } else {
            while (slice.batches < max_batches && slice.pieces < max_pieces && position_ < n) {
                ++slice.pieces;
                if (train_piece()) ++slice.batches;
            }
        }
        if (position_ < n) return slice;
        begin_ending(do_measure);
    }
    end_in_pieces(slice, max_pieces);
    return slice;
}

// The end of an epoch begins: the weights' check, and the evaluations its decisions and the
// measure asked for need. Early stopping's validation loss is the measure's where it has one
// (the same sums: the same bits).
void NnplayRun::begin_ending(Measure do_measure) {
    ending_ = true;
    ending_measure_ = do_measure;
    ending_evals_.clear();
    ending_next_ = 0;
    ending_finite_ = true;
    for (const auto& net : nets_) ending_finite_ = ending_finite_ && net.all_finite();
    if (!ending_finite_) return;
    ending_metrics_ = metrics_;
    if (do_measure != Measure::none)
        ending_evals_ = measure_evals(do_measure, ending_metrics_);
    else if (state_.schedule == Schedule::plateau)
        ending_evals_.push_back({&X_train_, &y_train_, &ending_train_loss_});
    if (do_measure == Measure::none && state_.early_stopping && !data_.val.empty())
        ending_evals_.push_back({&X_val_, &y_val_, &ending_val_loss_});
}

// One evaluation piece of the epoch's end (kEvalChunk points, at once or not), or, after its
// last, the end itself.
bool NnplayRun::ending_piece(bool) {
    if (ending_next_ < ending_evals_.size()) {
        if (eval_piece(ending_evals_[ending_next_], ending_ws_, ending_average_)) ++ending_next_;
        if (ending_next_ < ending_evals_.size()) return false;
    }
    ending_ = false;
    position_ = 0;
    complete_epoch();
    return true;
}

// The end of an epoch, its evaluations made: count it, check for divergence, early-stop, step
// the schedule.
void NnplayRun::complete_epoch() {
    ++epoch_;
    const double rate = schedule_.rate();
    metrics_.learning_rate = rate;

    // Divergence: NaN/Inf weights, or a non-finite loss when the loss is
    // measured anyway (the weights are checked every epoch: it costs nothing).
    bool finite = ending_finite_;
    double train_loss = kNaN;
    if (finite && ending_measure_ != Measure::none) {
        metrics_ = ending_metrics_;
        metrics_.learning_rate = rate;
        finish_measure(ending_measure_, metrics_);
        train_loss = metrics_.train_loss;
        finite = std::isfinite(train_loss);
    } else if (finite && state_.schedule == Schedule::plateau) {
        train_loss = ending_train_loss_;
        finite = std::isfinite(train_loss);
    }
    if (!finite) {
        opts_ = last_good_opts_;
        diverge(nets_[0].all_finite() ? "the training loss became infinite"
                                      : "the weights became NaN or infinite");
        return;
    }

    if (state_.early_stopping && !data_.val.empty()) {
        const double val_loss = ending_measure_ != Measure::none ? metrics_.val_loss : ending_val_loss_;
        if (!have_best_ || val_loss < best_val_ - state_.min_delta) {
            for (std::size_t m = 0; m < nets_.size(); ++m) best_[m].params() = nets_[m].params();
            best_val_ = val_loss;
            have_best_ = true;
            since_best_ = 0;
            best_epoch_ = epoch_;
        } else if (++since_best_ >= state_.patience) {
            for (std::size_t m = 0; m < nets_.size(); ++m) nets_[m].params() = best_[m].params();
            status_ = RunStatus::early_stopped;
            char best[64];
            std::snprintf(best, sizeof best, " (validation loss %.4g).", best_val_);
            status_message_ =
                "Early stopping at epoch " + std::to_string(epoch_) +
                ": the validation loss has not improved for " + std::to_string(state_.patience) +
                " epochs. Restored the weights of epoch " + std::to_string(best_epoch_) + best;
            measure();
            metrics_.restored_epoch = best_epoch_;
            return;
        }
    }
    schedule_.end_epoch(epoch_, train_loss);
}

bool NnplayRun::eval_piece(SetEval& e, Workspace<Scalar>& ws, Matrix& average) const {
    const int n = int(e.X->cols());
    const int k = spec_.outputs;
    if (n == 0) {
        *e.loss = kNaN;
        if (e.acc) *e.acc = kNaN;
        if (e.rmse) *e.rmse = kNaN;
        return true;
    }
    const int m = std::min(kEvalChunk, n - e.start);
    const Scalar* x = e.X->data() + std::size_t(e.start) * std::size_t(e.X->rows());
    const Scalar* labels = e.y->data() + e.start;
    const Scalar* out;
    if (nets_.size() == 1) {
        e.loss_sum += nets_[0].forward(x, m, ws, labels);
        out = ws.outputs();
    } else {  // the mean as ensemble_forward makes it, a member a piece
        nets_[std::size_t(e.member)].forward(x, m, ws);
        ensemble_add(e.member, int(nets_.size()), ws, m, average.data());
        if (++e.member < int(nets_.size())) return false;
        e.member = 0;
        out = average.data();
        e.loss_sum += loss_from_outputs(spec_.output, out, labels, k, m);
    }
    for (int j = 0; j < m; ++j) {
        const Scalar* a = out + std::size_t(j) * k;
        if (is_regression()) {
            double d = double(a[0]) - double(labels[j]);
            e.sq_sum += d * d;
        } else {
            const int predicted = predicted_class(spec_.output, a, k);
            e.correct += predicted == int(labels[j]);
            const int truth = int(labels[j]);
            if (e.confusion && truth >= 0 && truth < classes_ && predicted < classes_)
                (*e.confusion)[std::size_t(truth * classes_ + predicted)] += 1;
        }
    }
    e.start += m;
    if (e.start < n) return false;
    *e.loss = e.loss_sum / n;
    if (e.acc) *e.acc = is_regression() ? kNaN : double(e.correct) / n;
    if (e.rmse) *e.rmse = is_regression() ? std::sqrt(e.sq_sum / n) : kNaN;
    return true;
}

void NnplayRun::evaluate_set(const Matrix& X, const Vector& y, double& loss, double& acc,
                           double& rmse, std::vector<int>* confusion) const {
    SetEval e{&X, &y, &loss, &acc, &rmse, confusion};
    while (!eval_piece(e, eval_ws_, average_)) {}
}

std::vector<NnplayRun::SetEval> NnplayRun::measure_evals(Measure measure, Metrics& m) {
    if (measure == Measure::losses)
        return {{&X_train_, &y_train_, &m.train_loss}, {&X_val_, &y_val_, &m.val_loss}, {&X_test_, &y_test_, &m.test_loss}};
    m.confusion.assign(is_regression() ? 0 : std::size_t(classes_ * classes_), 0);
    std::vector<int>* confusion = &m.confusion;
    const bool test_empty = data_.test.empty();
    return {{&X_train_, &y_train_, &m.train_loss, &m.train_acc, &m.train_rmse, test_empty ? confusion : nullptr},
            {&X_val_, &y_val_, &m.val_loss, &m.val_acc, &m.val_rmse},
            {&X_test_, &y_test_, &m.test_loss, &m.test_acc, &m.test_rmse, test_empty ? nullptr : confusion}};
}

void NnplayRun::finish_measure(Measure measure, Metrics& m) const {
    m.epoch = epoch_;
    if (measure != Measure::full) return;
    m.reg_loss = 0;
    for (const auto& net : nets_)
        m.reg_loss += net.regularization_loss(state_.regularization, state_.regularization_rate);
    m.reg_loss /= double(nets_.size());
}

// (An epoch's end under way comes first: its figures are of the same weights.)
void NnplayRun::measure_losses() {
    settle();
    for (SetEval& e : measure_evals(Measure::losses, metrics_)) while (!eval_piece(e, eval_ws_, average_)) {}
    finish_measure(Measure::losses, metrics_);
}

void NnplayRun::measure() {
    settle();
    for (SetEval& e : measure_evals(Measure::full, metrics_)) while (!eval_piece(e, eval_ws_, average_)) {}
    finish_measure(Measure::full, metrics_);
}

}  // namespace nnplay
