// tfp/run.cpp: compat=tf, TensorFlow Playground's run as its page makes it from a
// link: Math.seedrandom(seed), its data (one shuffle, then the split), its network's
// weights from the same stream, then per epoch its per-example loop with an update
// every batchSize examples (counted from 0 each epoch; a partial batch carries over)
// and its losses.
#include "engine/tfp/run.h"

#include "engine/detmath.h"
#include "engine/features.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nnplay {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The features TensorFlow Playground has, in its INPUTS order (ours too).
constexpr Feature kTfpFeatures[] = {f_x, f_y, f_x_squared, f_y_squared, f_x_times_y, f_sin_x, f_sin_y};

bool tfp_activation_of(Activation a, TfpActivation& out) {
    switch (a) {
        case Activation::tanh: out = TfpActivation::tanh; return true;
        case Activation::relu: out = TfpActivation::relu; return true;
        case Activation::sigmoid: out = TfpActivation::sigmoid; return true;
        case Activation::linear: out = TfpActivation::linear; return true;
        default: return false;  // theirs falls back to its default, tanh
    }
}

Activation activation_of(TfpActivation a) {
    switch (a) {
        case TfpActivation::tanh: return Activation::tanh;
        case TfpActivation::relu: return Activation::relu;
        case TfpActivation::sigmoid: return Activation::sigmoid;
        case TfpActivation::linear: return Activation::linear;
    }
    return Activation::tanh;
}

TfpActivation hidden_activation(const PlaygroundState& s) {
    TfpActivation a = TfpActivation::tanh;
    tfp_activation_of(s.activation, a);
    return a;
}

// Their input features: enabled, and not hidden by a "<key>_hide=true" (their
// page deletes a hidden input altogether).
std::vector<Feature> tfp_features(const PlaygroundState& s) {
    std::vector<Feature> out;
    for (Feature f : kTfpFeatures) {
        const bool hidden = std::find(s.hidden_controls.begin(), s.hidden_controls.end(),
                                      name_of(f)) != s.hidden_controls.end();
        if (s.features[f] && !hidden) out.push_back(f);
    }
    return out;
}

// constructInput(x, y) for every example: (n × inputs) row-major.
std::vector<double> tfp_inputs(const std::vector<Feature>& features, const std::vector<TfpExample>& set) {
    std::vector<double> X;
    X.reserve(set.size() * features.size());
    for (const TfpExample& e : set)
        for (Feature f : features) {
            switch (f) {
                case f_x: X.push_back(e.x); break;
                case f_y: X.push_back(e.y); break;
                case f_x_squared: X.push_back(e.x * e.x); break;
                case f_y_squared: X.push_back(e.y * e.y); break;
                case f_x_times_y: X.push_back(e.x * e.y); break;
                case f_sin_x: X.push_back(det::sin(e.x)); break;
                case f_sin_y: X.push_back(det::sin(e.y)); break;
                default: break;
            }
        }
    return X;
}

// Their getLoss (the mean of ½(out − label)², summed in order) and, for our
// metrics, accuracy (out ≥ 0 is their +1, class 1) or RMSE, and the confusion:
// the sums of up to max_points more points; true when the set is summed.
bool score_piece(TfpNetwork& net, const std::vector<double>& X, const std::vector<TfpExample>& set,
                 bool regression, std::vector<int>* confusion, TfpScoreSum& sum, std::size_t max_points) {
    const std::size_t inputs = set.empty() ? 0 : X.size() / set.size();
    const std::size_t end = std::min(set.size(), sum.next + std::min(max_points, set.size()));
    for (std::size_t i = sum.next; i < end; ++i) {
        const double out = net.forward(X.data() + i * inputs);
        const double label = set[i].label;
        sum.loss += 0.5 * ((out - label) * (out - label));  // 0.5 * Math.pow(out − label, 2)
        sum.sq += (out - label) * (out - label);
        if (!regression) {
            const int predicted = out >= 0 ? 1 : 0, truth = label > 0 ? 1 : 0;
            sum.correct += predicted == truth;
            if (confusion) (*confusion)[std::size_t(truth * 2 + predicted)] += 1;
        }
    }
    sum.next = end;
    return end == set.size();
}

TfpSetScore score_of(const TfpScoreSum& sum, std::size_t count, bool regression) {
    TfpSetScore s;
    if (count == 0) return s;
    const double n = double(count);
    s.loss = sum.loss / n;
    if (regression) s.rmse = std::sqrt(sum.sq / n);
    else s.acc = sum.correct / n;
    return s;
}

TfpSetScore score(TfpNetwork& net, const std::vector<double>& X, const std::vector<TfpExample>& set,
                  bool regression, std::vector<int>* confusion) {
    TfpScoreSum sum;
    score_piece(net, X, set, regression, confusion, sum, set.size());
    return score_of(sum, set.size(), regression);
}

Point to_point(const TfpExample& e, bool regression) {
    const float label = regression ? float(e.label) : (e.label > 0 ? 1.0f : 0.0f);
    return {float(e.x), float(e.y), label};
}

}  // namespace

bool TfpRun::applies(const PlaygroundState& state) {
    return state.compat == Compat::tf && tfp_has_dataset(state.active_dataset()) &&
           state.model == Model::mlp;
}

TfpRun::TfpRun(const PlaygroundState& state) : Run(state) {
    take_state(state, true, true);
}

void TfpRun::build_data() {
    SeedRandom rng(state_.seed);  // generateData(true) re-seeds before making the data
    tfp_data_ = tfp_generate_data(state_, rng);
    rng_ = rng;
    ending_ = false;  // new data: the epoch under way is gone
    classes_ = is_regression() ? 1 : 2;
    dropped_points_ = 0;
    features_ = tfp_features(state_);
    X_train_ = tfp_inputs(features_, tfp_data_.train);
    X_test_ = tfp_inputs(features_, tfp_data_.test);

    const bool regression = is_regression();
    data_ = {};
    for (const TfpExample& e : tfp_data_.train) data_.train.push_back(to_point(e, regression));
    for (const TfpExample& e : tfp_data_.test) data_.test.push_back(to_point(e, regression));
    grid_R_ = {0, 0};
}

void TfpRun::build_networks() {
    NetworkSpec spec;
    spec.inputs = int(features_.size());
    spec.hidden = state_.network_shape;
    spec.activations.assign(spec.hidden.size(), activation_of(hidden_activation(state_)));
    spec.output = is_regression() ? Output::linear_square : Output::tanh_square;
    spec.outputs = 1;
    make_networks(spec, 1);
}

void TfpRun::take_settings() {
    const PlaygroundState& s = state_;
    const PlaygroundState d;  // the defaults
    std::vector<std::string> ignored;
    TfpActivation a;
    if (!tfp_activation_of(s.activation, a))
        ignored.push_back(std::string("activation=") + name_of(s.activation) + " (tanh is used)");
    if (!s.layer_activations.empty()) ignored.push_back("layerActivations");
    if (s.features[f_cos_x] || s.features[f_cos_y]) ignored.push_back("cosX/cosY (they do nothing there)");
    if (s.optimizer != Optimizer::sgd) ignored.push_back(std::string("optimizer=") + name_of(s.optimizer));
    if (s.schedule != Schedule::constant) ignored.push_back(std::string("schedule=") + name_of(s.schedule));
    if (s.ensemble != 1) ignored.push_back("ensemble");
    if (s.perc_val_data != 0) ignored.push_back("percValData");
    if (s.early_stopping) ignored.push_back("earlyStopping");
    if (s.dropout > 0) ignored.push_back("dropout");
    if (!s.layer_dropout.empty()) ignored.push_back("layerDropout");
    if (s.num_samples != 0) ignored.push_back("numSamples (500, or 1200 for regression)");
    if (s.problem == Problem::classification && s.class_count() != 2) ignored.push_back("classes (2)");
    if (s.init != d.init || s.init_scale != d.init_scale || s.init_bias != d.init_bias)
        ignored.push_back("init, initScale, initBias (U(-0.5, 0.5) weights, 0.1 biases)");
    if (!ignored.empty()) {
        std::string list;
        for (const std::string& i : ignored) list += (list.empty() ? "" : ", ") + i;
        warnings_.push_back("compat=tf ignores what TensorFlow Playground lacks: " + list + ".");
    }
    if (s.batch_size > int(data_.train.size()))
        warnings_.push_back("The batch size is larger than the training set: as in TensorFlow "
                            "Playground, the weights never change.");
}

void TfpRun::reset() {
    ending_ = false;
    std::vector<int> shape = {int(features_.size())};
    shape.insert(shape.end(), state_.network_shape.begin(), state_.network_shape.end());
    shape.push_back(1);
    SeedRandom rng = rng_;  // a freshly loaded page: the weights follow the data's draws
    net_ = TfpNetwork(shape, hidden_activation(state_),
                      is_regression() ? TfpActivation::linear : TfpActivation::tanh,
                      state_.regularization, state_.init_zero, rng);
    last_good_net_ = net_;
    mirror();
    start_over(state_.learning_rate);
}

Slice TfpRun::step_batches(int max_batches, Measure do_measure) {
    const std::size_t n = tfp_data_.train.size();
    if (status_ != RunStatus::ok || n == 0) return {};
    Slice slice;
    if (!ending_) {
        const std::size_t batch = std::size_t(std::max(state_.batch_size, 1));
        for (; slice.batches < max_batches && std::size_t(position_) < n; ++slice.batches)
            train_examples(std::min(n, (std::size_t(position_) / batch + 1) * batch));
        mirror();  // the page draws the weights mid-epoch too
        if (std::size_t(position_) < n) return slice;
        begin_ending(do_measure);
    }
    settle();
    slice.epoch_completed = true;
    slice.measured = ending_measure_;
    return slice;
}

Slice TfpRun::step_pieces(int max_pieces, Measure do_measure) {
    const std::size_t n = tfp_data_.train.size();
    if (status_ != RunStatus::ok || n == 0) return {};
    const std::size_t per_piece = piece_examples();
    Slice slice;
    if (!ending_) {
        for (; slice.pieces < max_pieces && std::size_t(position_) < n; ++slice.pieces)
            slice.batches += train_examples(std::min(n, std::size_t(position_) + per_piece));
        mirror();
        if (std::size_t(position_) < n) return slice;
        begin_ending(do_measure);
    }
    end_in_pieces(slice, max_pieces);
    return slice;
}

int TfpRun::train_examples(std::size_t end) {
    if (position_ == 0) {
        last_good_net_ = net_;
        last_good_[0].params() = nets_[0].params();
    }
    // The regulariser may have changed since the network was built.
    net_.set_regularization(state_.regularization);
    const double lr = query_double(state_.learning_rate);
    const double rate = query_double(state_.regularization_rate);
    const std::size_t batch = std::size_t(std::max(state_.batch_size, 1));
    const std::size_t inputs = features_.size();
    int updates = 0;
    for (std::size_t i = std::size_t(position_); i < end; ++i) {
        net_.forward(X_train_.data() + i * inputs);
        net_.backward(tfp_data_.train[i].label);
        if ((i + 1) % batch == 0) {
            net_.update(lr, rate);
            ++updates;
        }
    }
    position_ = int(end);
    return updates;
}

std::size_t TfpRun::piece_examples() const {
    constexpr std::size_t kPieceLinks = 16384;
    std::size_t links = 0;
    for (int l = 0; l < spec_.layer_count(); ++l) links += std::size_t(spec_.width(l)) * std::size_t(spec_.fan_in(l) + 1);
    return std::max<std::size_t>(1, kPieceLinks / std::max<std::size_t>(links, 1));
}

void TfpRun::begin_ending(Measure do_measure) {
    ending_ = true;
    ending_measure_ = do_measure;
    ending_finite_ = net_.all_finite();
    ending_set_ = ending_finite_ && do_measure != Measure::none ? 0 : 2;
    ending_sums_[0] = ending_sums_[1] = {};
    ending_confusion_.assign(is_regression() || do_measure != Measure::full ? 0 : 4, 0);
}

bool TfpRun::ending_piece(bool at_once) {
    if (ending_set_ < 2) {
        const std::size_t max_points = at_once ? tfp_data_.train.size() + tfp_data_.test.size() : 2 * piece_examples();
        // The confusion counts the test set, or the training set where there is no test set.
        const bool test_empty = tfp_data_.test.empty();
        const bool counted = !ending_confusion_.empty() && (ending_set_ == 1) != test_empty;
        const std::vector<double>& X = ending_set_ == 0 ? X_train_ : X_test_;
        const std::vector<TfpExample>& set = ending_set_ == 0 ? tfp_data_.train : tfp_data_.test;
        if (score_piece(net_, X, set, is_regression(), counted ? &ending_confusion_ : nullptr,
                        ending_sums_[ending_set_], max_points))
            ++ending_set_;
        if (ending_set_ < 2) return false;
    }
    complete_epoch();
    return true;
}

// The epoch's end, its sets scored: count it, fill the measure asked for, check for divergence.
void TfpRun::complete_epoch() {
    ending_ = false;
    position_ = 0;
    ++epoch_;
    metrics_.learning_rate = state_.learning_rate;
    bool finite = ending_finite_;
    if (finite && ending_measure_ != Measure::none) {
        const bool regression = is_regression();
        if (ending_measure_ == Measure::full) metrics_.confusion = ending_confusion_;
        take_scores(score_of(ending_sums_[0], tfp_data_.train.size(), regression),
                    score_of(ending_sums_[1], tfp_data_.test.size(), regression), ending_measure_);
        finite = std::isfinite(metrics_.train_loss) && std::isfinite(metrics_.test_loss);
    }
    if (!finite) {
        const bool weights = net_.all_finite();
        net_ = last_good_net_;
        diverge(weights ? "the loss became infinite" : "the weights became NaN or infinite");
    }
}

void TfpRun::resume_at(int epoch) {
    if (epoch <= 0) return;
    ending_ = false;
    epoch_ = epoch;
    position_ = 0;
    measure();
    metrics_.learning_rate = state_.learning_rate;  // their rate never changes
}

RunState TfpRun::run_state() const {
    RunState s;
    s.epoch = epoch_;
    s.last_rate = metrics_.learning_rate;
    // In the float networks' layout (mirror()): per layer, W column by column, then b.
    for (int l = 0; l < spec_.layer_count(); ++l) {
        for (int from = 0; from < spec_.fan_in(l); ++from)
            for (int to = 0; to < spec_.width(l); ++to) s.exact_params.push_back(net_.link(l + 1, to, from).weight);
        for (int to = 0; to < spec_.width(l); ++to) s.exact_params.push_back(net_.node(l + 1, to).bias);
    }
    return s;
}

std::string TfpRun::restore(const RunState& saved) {
    const std::size_t P = std::size_t(nets_[0].params().size());
    if (!saved.exact_params.empty() && saved.exact_params.size() != P)
        return "the double weights (" + std::to_string(saved.exact_params.size()) +
               ") do not fit a network of " + std::to_string(P) + " parameters";
    if (ending_) {  // the epoch's end under way scored the weights replaced here
        ending_ = false;
        position_ = 0;
    }
    if (!saved.exact_params.empty()) {
        std::size_t i = 0;
        for (int l = 0; l < spec_.layer_count(); ++l) {
            for (int from = 0; from < spec_.fan_in(l); ++from)
                for (int to = 0; to < spec_.width(l); ++to) net_.link(l + 1, to, from).weight = saved.exact_params[i++];
            for (int to = 0; to < spec_.width(l); ++to) net_.node(l + 1, to).bias = saved.exact_params[i++];
        }
        mirror();
    }
    resume_at(saved.epoch);
    return {};
}

void TfpRun::measure() {
    settle();
    const bool regression = is_regression();
    metrics_.confusion.assign(regression ? 0 : 4, 0);
    const bool test_empty = tfp_data_.test.empty();
    const TfpSetScore train = score(net_, X_train_, tfp_data_.train, regression,
                                    test_empty && !regression ? &metrics_.confusion : nullptr);
    const TfpSetScore test = score(net_, X_test_, tfp_data_.test, regression,
                                   !test_empty && !regression ? &metrics_.confusion : nullptr);
    take_scores(train, test, Measure::full);
}

void TfpRun::measure_losses() {
    settle();
    const bool regression = is_regression();
    take_scores(score(net_, X_train_, tfp_data_.train, regression, nullptr),
                score(net_, X_test_, tfp_data_.test, regression, nullptr), Measure::losses);
}

void TfpRun::take_scores(const TfpSetScore& train, const TfpSetScore& test, Measure measure) {
    Metrics& m = metrics_;
    m.epoch = epoch_;
    m.train_loss = train.loss;
    m.test_loss = test.loss;
    if (measure != Measure::full) return;
    m.val_loss = m.val_acc = m.val_rmse = kNaN;
    m.train_acc = train.acc;
    m.test_acc = test.acc;
    m.train_rmse = train.rmse;
    m.test_rmse = test.rmse;
    m.reg_loss = state_.regularization == Regularization::none
                     ? 0
                     : net_.regularization_loss(query_double(state_.regularization_rate));
}

void TfpRun::set_weight(int member, int layer, int to, int from, float value) {
    settle();  // an epoch's end under way scores the weights the epoch left
    Run::set_weight(member, layer, to, from, value);
    net_.link(layer + 1, to, from).weight = value;
}

void TfpRun::set_bias(int member, int layer, int node, float value) {
    settle();
    Run::set_bias(member, layer, node, value);
    net_.node(layer + 1, node).bias = value;
}

void TfpRun::mirror() {
    Network<Scalar>& net = nets_[0];
    for (int l = 0; l < net.layer_count(); ++l) {
        DenseLayer<Scalar>& layer = net.layer(l);
        for (int to = 0; to < spec_.width(l); ++to) {
            layer.b[to] = Scalar(net_.node(l + 1, to).bias);
            for (int from = 0; from < spec_.fan_in(l); ++from)
                layer.weights()(to, from) = Scalar(net_.link(l + 1, to, from).weight);
        }
    }
}

}  // namespace nnplay
