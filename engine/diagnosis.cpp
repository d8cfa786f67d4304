// diagnosis.cpp: the training diagnosis (see diagnosis.h). Every kEvery epochs one forward and
// backward pass of member 0 over the training data measures the output's spread, dead and
// saturated units, identical units and the gradient per layer; the loss history gives the rest.
#include "engine/diagnosis.h"

#include "engine/features.h"
#include "engine/help.h"
#include "engine/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nnplay {

namespace {

constexpr std::size_t kHistoryCapacity = 1024;
constexpr int kChunk = 512;             // columns per forward/backward pass
constexpr double kConstant = 1e-3;      // an output spread below this is "constant"
constexpr double kChanceFactor = 1.1;   // a loss this far above chance is worse than chance
constexpr int kStallWindow = 100;       // epochs the training loss must have stalled over
constexpr double kStallGain = 0.01;     // ... improving by less than this share
constexpr double kNearZero = 0.3;       // a loss below this share of chance is "near zero"
constexpr double kVanishing = 1e-2;     // first layer's gradient / last layer's: two orders down
constexpr int kOverfitEpochs = 20;      // the held-out loss has been rising at least this long
constexpr double kOverfitRise = 0.1;    // ... by this share of its best
constexpr int kSwingSamples = 12;       // oscillation: the recent samples looked at
constexpr int kSwings = 3;              // ... and the large rises among them that count

std::string format(const char* fmt, double a) {
    char buf[160];
    std::snprintf(buf, sizeof buf, fmt, a);
    return buf;
}

// "hidden layer 1: 8 of 8" for each hidden layer with at least half its units counted.
std::string per_layer(const std::vector<int>& counts, const NetworkSpec& spec, bool& any_half,
                      bool& any_all) {
    std::string text;
    any_half = any_all = false;
    for (std::size_t l = 0; l < counts.size(); ++l) {
        const int width = spec.hidden[l];
        if (counts[l] == 0 || 2 * counts[l] < width) continue;
        any_half = true;
        any_all = any_all || counts[l] == width;
        if (!text.empty()) text += "; ";
        text += "hidden layer " + std::to_string(l + 1) + ": " + std::to_string(counts[l]) + " of " +
                std::to_string(width);
    }
    return text;
}

bool is_relu(Activation a) { return a == Activation::relu; }
bool saturates(Activation a) { return a == Activation::sigmoid || a == Activation::tanh; }

}  // namespace

void Diagnosis::reset() {
    history_.clear();
    last_analysis_ = -1;
    measures_ = {};
    units_.clear();
    items_.clear();
    previous_.clear();
    overfit_epoch_ = -1;
    data_key_ = nullptr;
    data_size_ = 0;
}

bool Diagnosis::has(const char* code) const {
    return std::any_of(items_.begin(), items_.end(), [&](const DiagnosisItem& d) { return d.code == code; });
}

UnitHealth Diagnosis::unit(int layer, int node) const {
    if (layer < 0 || layer >= int(units_.size()) || node < 0 || node >= int(units_[layer].size()))
        return UnitHealth::ok;
    return units_[layer][node];
}

bool Diagnosis::analysis_due(const Trainer& trainer) const {
    return last_analysis_ < 0 || trainer.epoch() >= last_analysis_ + kEvery || trainer.epoch() < last_analysis_;
}

void Diagnosis::update(const Trainer& trainer) {
    if (analysis_due(trainer)) analyse(trainer);
    else record(trainer);
}

void Diagnosis::analyse(const Trainer& trainer) {
    record(trainer);
    last_analysis_ = trainer.epoch();
    measure_network(trainer);
    previous_ = std::move(items_);
    items_.clear();
    overfit_epoch_ = -1;
    diagnose(trainer);
}

void Diagnosis::record(const Trainer& trainer) {
    const Metrics& m = trainer.metrics();
    const int epoch = trainer.epoch();
    const double held = trainer.data().val.empty() ? m.test_loss : m.val_loss;
    // A run that stepped back (a diverged epoch undone) or was measured again at the same
    // epoch replaces the samples from there on.
    while (!history_.empty() && history_.back().epoch >= epoch) history_.pop_back();
    if (history_.size() >= kHistoryCapacity) {
        // Keep every other sample, the first included.
        std::size_t j = 0;
        for (std::size_t i = 0; i < history_.size(); i += 2) history_[j++] = history_[i];
        history_.resize(j);
    }
    history_.push_back({epoch, m.train_loss, held});
}

void Diagnosis::measure_network(const Trainer& trainer) {
    const NetworkSpec& spec = trainer.spec();
    const std::vector<Point>& train = trainer.data().train;
    const int n = int(train.size());
    const int hidden = int(spec.hidden.size());
    DiagnosisMeasures& ms = measures_;
    ms = {};
    ms.epoch = trainer.epoch();
    ms.dead.assign(std::size_t(hidden), 0);
    ms.saturated.assign(std::size_t(hidden), 0);
    ms.distinct.assign(std::size_t(hidden), 0);
    ms.grad_norm.assign(std::size_t(spec.layer_count()), 0.0);
    units_.assign(std::size_t(hidden), {});
    for (int l = 0; l < hidden; ++l) units_[l].assign(std::size_t(spec.hidden[l]), UnitHealth::ok);

    if (!(net_.spec() == spec)) {
        net_ = trainer.network(0);
        ws_ = {};
    } else {
        net_.params() = trainer.network(0).params();
    }

    // Distinct units: compare weights in, bias and weights out, exactly.
    for (int l = 0; l < hidden; ++l) {
        const DenseLayer<Scalar>& in = net_.layer(l);
        const DenseLayer<Scalar>& out = net_.layer(l + 1);
        const auto W = in.weights();
        const auto V = out.weights();
        int distinct = 0;
        for (int i = 0; i < in.out; ++i) {
            bool seen = false;
            for (int j = 0; j < i && !seen; ++j)
                seen = in.b[i] == in.b[j] && W.row(i) == W.row(j) && V.col(i) == V.col(j);
            distinct += !seen;
        }
        ms.distinct[l] = distinct;
    }
    if (n == 0) return;

    if (data_key_ != train.data() || data_size_ != train.size()) {
        compute_features(enabled_features(trainer.state().features), train, X_);
        y_.resize(n);
        for (int i = 0; i < n; ++i) y_[i] = train[std::size_t(i)].label;
        data_key_ = train.data();
        data_size_ = train.size();
    }
    const Output output = spec.output;
    const int k = spec.outputs;

    // The chance loss: always answering the class frequencies (or the mean target).
    if (output == Output::linear_square || output == Output::tanh_square) {
        double sum = 0, sq = 0;
        for (int i = 0; i < n; ++i) {
            const double t = output == Output::tanh_square ? 2.0 * y_[i] - 1.0 : double(y_[i]);
            sum += t;
            sq += t * t;
        }
        const double mean = sum / n;
        ms.chance_loss = 0.5 * std::max(0.0, sq / n - mean * mean);
    } else {
        std::vector<int> count(std::size_t(std::max(k, 2)), 0);
        for (int i = 0; i < n; ++i) {
            const int c = std::clamp(int(y_[i]), 0, int(count.size()) - 1);
            ++count[std::size_t(c)];
        }
        double h = 0, top = 0;
        for (int c : count)
            if (c > 0) {
                const double p = double(c) / n;
                h -= p * std::log(p);
                top = std::max(top, p);
            }
        ms.chance_loss = output == Output::step ? 1 - top : h;  // the perceptron's 0-1 loss
    }

    if (ws_.capacity != std::min(n, kChunk)) ws_ = Workspace<Scalar>(spec, std::min(n, kChunk), true);
    grad_sum_.setZero(net_.params().size());
    std::vector<Scalar> out_lo(std::size_t(k), 1e30f), out_hi(std::size_t(k), -1e30f);
    // Per hidden unit: ever active (ReLU), ever unsaturated (sigmoid, tanh).
    std::vector<std::vector<char>> active, unsaturated;
    for (int l = 0; l < hidden; ++l) {
        active.emplace_back(std::size_t(spec.hidden[l]), 0);
        unsaturated.emplace_back(std::size_t(spec.hidden[l]), 0);
    }
    const bool trainable = output != Output::step;
    for (int start = 0; start < n; start += ws_.capacity) {
        const int m = std::min(ws_.capacity, n - start);
        const Scalar* x = X_.data() + std::size_t(start) * X_.rows();
        const Scalar* labels = y_.data() + start;
        net_.forward(x, m, ws_);  // outputs only: backward needs no loss value
        for (int l = 0; l < hidden; ++l) {
            const Activation a = spec.activations[l];
            if (!is_relu(a) && !saturates(a)) continue;
            const Matrix& Z = ws_.Z[l];
            const Matrix& A = ws_.A[l];
            for (int j = 0; j < m; ++j)
                for (int i = 0; i < spec.hidden[l]; ++i) {
                    if (is_relu(a)) {
                        active[l][i] |= Z(i, j) > 0;
                    } else {
                        const Scalar v = A(i, j);
                        // |f'(z)| below 0.02 (tanh) or 0.0099 (sigmoid): almost no gradient passes.
                        const bool sat = a == Activation::tanh ? std::abs(v) > 0.99f : (v < 0.01f || v > 0.99f);
                        unsaturated[l][i] |= !sat;
                    }
                }
        }
        const Matrix& out = ws_.A.back();
        for (int j = 0; j < m; ++j)
            for (int c = 0; c < k; ++c) {
                out_lo[c] = std::min(out_lo[c], out(c, j));
                out_hi[c] = std::max(out_hi[c], out(c, j));
            }
        if (trainable) {
            net_.backward(x, labels, m, ws_);
            grad_sum_ += net_.grads() * (Scalar(m) / Scalar(n));
        }
    }
    for (int l = 0; l < hidden; ++l) {
        const Activation a = spec.activations[l];
        for (int i = 0; i < spec.hidden[l]; ++i) {
            if (is_relu(a) && !active[l][i]) {
                ++ms.dead[l];
                units_[l][i] = UnitHealth::dead;
            } else if (saturates(a) && !unsaturated[l][i]) {
                ++ms.saturated[l];
                units_[l][i] = UnitHealth::saturated;
            }
        }
    }
    double range = 1;
    if (output == Output::tanh_square) range = 2;
    if (output == Output::linear_square) range = double(y_.maxCoeff() - y_.minCoeff());
    for (int c = 0; c < k; ++c)
        ms.output_spread = std::max(ms.output_spread, range > 0 ? double(out_hi[c] - out_lo[c]) / range : 1.0);
    if (trainable) {
        std::size_t offset = 0;
        for (int l = 0; l < spec.layer_count(); ++l) {
            const std::size_t size = std::size_t(spec.width(l)) * std::size_t(spec.fan_in(l));
            ms.grad_norm[l] = double(grad_sum_.segment(Eigen::Index(offset), Eigen::Index(size)).norm());
            offset += size + std::size_t(spec.width(l));  // W, then b
        }
    }
}

std::vector<double> layer_gradient_norms(const Trainer& trainer) {
    const NetworkSpec& spec = trainer.spec();
    const std::vector<Point>& train = trainer.data().train;
    const int n = int(train.size());
    if (spec.output == Output::step || n == 0) return {};
    Matrix X;
    compute_features(enabled_features(trainer.state().features), train, X);
    Vector y(n);
    for (int i = 0; i < n; ++i) y[i] = train[std::size_t(i)].label;
    Network<Scalar> net = trainer.network(0);
    Workspace<Scalar> ws(spec, std::min(n, kChunk), true);
    Vector sum = Vector::Zero(net.params().size());
    for (int start = 0; start < n; start += ws.capacity) {
        const int m = std::min(ws.capacity, n - start);
        const Scalar* x = X.data() + std::size_t(start) * X.rows();
        net.forward(x, m, ws);
        net.backward(x, y.data() + start, m, ws);
        sum += net.grads() * (Scalar(m) / Scalar(n));  // chunk means, weighted: the whole set's mean
    }
    std::vector<double> norms;
    std::size_t offset = 0;
    for (int l = 0; l < spec.layer_count(); ++l) {
        const std::size_t size = std::size_t(spec.width(l)) * std::size_t(spec.fan_in(l));
        norms.push_back(double(sum.segment(Eigen::Index(offset), Eigen::Index(size)).norm()));
        offset += size + std::size_t(spec.width(l));  // W, then b
    }
    return norms;
}

void Diagnosis::add(const char* code, std::string message) {
    std::string summary = message;
    const std::string_view advice = help_text(std::string("diagnosis.") + code);
    if (!advice.empty()) message += " " + std::string(advice);
    int since = measures_.epoch;
    for (const DiagnosisItem& d : previous_)
        if (d.code == code) since = d.since_epoch;
    if (std::string_view(code) == "overfitting") since = overfit_epoch_;
    items_.push_back({code, std::move(message), std::move(summary), since});
}

int Diagnosis::best_held_epoch() const {
    int best = -1;
    double low = INFINITY;
    for (std::size_t i = 0; i + 1 < history_.size(); ++i)
        if (history_[i].held < low) {
            low = history_[i].held;
            best = history_[i].epoch;
        }
    return best;
}

void Diagnosis::diagnose(const Trainer& trainer) {
    const NetworkSpec& spec = trainer.spec();
    const DiagnosisMeasures& ms = measures_;
    const int epoch = trainer.epoch();
    if (trainer.data().train.empty() || history_.empty()) return;
    if (spec.output == Output::step) return;  // the perceptron has no hidden units or loss curve
    const double chance = ms.chance_loss;
    const Sample& now = history_.back();
    const Sample& first = history_.front();
    const double scale = std::max(first.train, chance);  // what counts as a large change in loss
    const double lr = trainer.metrics().learning_rate;
    const int hidden = int(spec.hidden.size());

    // Symmetry: a hidden layer whose units are all copies of fewer distinct ones.
    std::string sym;
    for (int l = 0; l < hidden; ++l)
        if (spec.hidden[l] >= 2 && ms.distinct[l] < spec.hidden[l]) {
            if (!sym.empty()) sym += "; ";
            sym += "hidden layer " + std::to_string(l + 1) + " has " + std::to_string(spec.hidden[l]) +
                   " units but only " + std::to_string(ms.distinct[l]) + " different";
        }
    const bool symmetric = !sym.empty();

    bool dead_half, dead_all, sat_half, sat_all;
    const std::string dead = per_layer(ms.dead, spec, dead_half, dead_all);
    const std::string sat = per_layer(ms.saturated, spec, sat_half, sat_all);

    // Vanishing gradients: the first layer learns orders of magnitude slower than the last.
    const double g_first = ms.grad_norm.front(), g_last = ms.grad_norm.back();
    // The last layer's gradient swings as the output settles: once said, it stays said until
    // the ratio is ten times better.
    const bool said = std::any_of(previous_.begin(), previous_.end(),
                                  [](const DiagnosisItem& d) { return d.code == "vanishing_gradients"; });
    const bool vanishing = spec.layer_count() >= 3 && spec.inputs > 0 && !symmetric && !dead_all && g_last > 0 &&
                           std::isfinite(g_last) && g_first < (said ? 10 : 1) * kVanishing * g_last;
    const std::string ratio = format("%.0f times smaller than the last layer's", g_last / std::max(g_first, 1e-30));

    // Collapse: the output is (nearly) the same on every training point.
    const bool labels_vary = chance > 1e-9;
    if (epoch > 0 && labels_vary && ms.output_spread < kConstant) {
        std::string why;
        auto cause = [&](const std::string& c) { why += (why.empty() ? " Measured: " : "; ") + c; };
        if (spec.inputs == 0) cause("no input feature is selected, so the network sees nothing");
        if (dead_half) cause("dead ReLUs (never active on any training point) in " + dead);
        if (sat_half) cause("saturated units (stuck at their extremes on every point) in " + sat);
        if (symmetric) cause("identical units: " + sym);
        if (vanishing) cause("the gradient reaching the first layer is " + ratio);
        if (lr >= 1) cause(format("the learning rate %g is very high", lr));
        add("collapse", format("The network gives (nearly) the same output on every training point "
                               "(it varies by only %.2g %% of its range).", 100 * ms.output_spread) + why + (why.empty() ? "" : "."));
    }

    // Worse than chance: after a few epochs, the training loss is above that of a constant guess.
    if (epoch >= 10 && labels_vary && now.train > kChanceFactor * chance) {
        const bool regression = spec.output == Output::linear_square;
        add("worse_than_chance",
            format("The training loss %.3g is worse than ", now.train) +
                format(regression ? "always predicting the mean value (loss %.3g)."
                                  : "always predicting the class frequencies (loss %.3g).", chance));
    }

    // Blow-up: the loss rose far above its best; oscillation: it keeps swinging up.
    double best = now.train;
    for (const Sample& s : history_) best = std::min(best, s.train);
    const bool blow_up = std::isfinite(now.train) && now.train - best > scale;
    if (blow_up)
        add("blow_up", format("The training loss rose from its best, %.3g, ", best) +
                           format("to %.3g", now.train) + format(" (the learning rate is %g).", lr));
    int rises = 0;
    const std::size_t from = history_.size() > kSwingSamples ? history_.size() - kSwingSamples : 1;
    for (std::size_t i = std::max<std::size_t>(from, 1); i < history_.size(); ++i)
        rises += history_[i].train - history_[i - 1].train > 0.1 * scale;
    if (!blow_up && rises >= kSwings)
        add("oscillation", "The training loss keeps jumping up and down (" + std::to_string(rises) + " large rises in the last " +
                               std::to_string(history_.size() - from + 1) + " measurements" +
                               format("; the learning rate is %g).", lr));

    // Dead and saturated units, per hidden layer.
    if (dead_half)
        add("dead_units", "Dead ReLUs, never active on any training point, in " + dead + ".");
    if (sat_half)
        add("saturated_units", "Saturated units, stuck at their extremes on every training point, in " + sat + ".");

    if (vanishing)
        add("vanishing_gradients", format("The first layer's gradient, %.2g, is ", g_first) + ratio +
                                       format(" (%.2g).", g_last));

    if (symmetric) add("symmetry", "Identical units: " + sym + ".");

    // Overfitting: the held-out loss has risen well above its best while the training loss fell.
    std::size_t best_held = history_.size();
    for (std::size_t i = 0; i < history_.size(); ++i)
        if (std::isfinite(history_[i].held) && (best_held == history_.size() || history_[i].held < history_[best_held].held))
            best_held = i;
    if (best_held < history_.size()) {
        const Sample& b = history_[best_held];
        if (epoch - b.epoch >= kOverfitEpochs && now.held > b.held * (1 + kOverfitRise) + 0.01 * chance &&
            now.train < b.train) {
            overfit_epoch_ = b.epoch;
            const bool val = !trainer.data().val.empty();
            add("overfitting", format(val ? "The validation loss has risen from %.3g" : "The test loss has risen from %.3g", b.held) +
                                   " at epoch " + std::to_string(b.epoch) + format(" to %.3g", now.held) +
                                   format(" while the training loss fell to %.3g.", now.train));
        }
    }

    // Stall: over the last kStallWindow epochs the training loss barely fell, and it is not
    // near zero. Not said when a finding above already explains it.
    if (!items_.empty() || first.epoch > epoch - kStallWindow) return;
    double before = INFINITY, recent = INFINITY;
    for (const Sample& s : history_) {
        double& best_of = s.epoch <= epoch - kStallWindow ? before : recent;
        best_of = std::min(best_of, s.train);
    }
    if (std::isfinite(before) && recent > before * (1 - kStallGain) && now.train > kNearZero * chance)
        add("stall", format("The training loss has stayed near %.3g", now.train) + " for the last " +
                         std::to_string(kStallWindow) + " epochs, well above zero.");
}

}  // namespace nnplay
