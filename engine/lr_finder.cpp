// lr_finder.cpp: the learning-rate range test on a copy of the network: one
// mini-batch per rate, the rate multiplied by a constant factor each step.
#include "engine/lr_finder.h"

#include "engine/dropout.h"
#include "engine/training_set.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

namespace nnplay {

void LrFinder::begin(const Trainer& trainer, const LrFinderOptions& options) {
    options_ = options;
    options_.steps = std::clamp(options_.steps, 2, 10000);
    result_ = LrFinderResult{};
    state_ = trainer.state();
    net_ = trainer.network(0);
    done_ = false;
    if (net_.spec().output == Output::step) {
        result_.error = "the perceptron learns at a fixed step: it has no learning rate to find";
        done_ = true;
        return;
    }
    if (trainer.data().train.empty()) {
        result_.error = "there are no training points";
        done_ = true;
        return;
    }
    if (!(options_.start_rate > 0) || !(options_.end_rate > options_.start_rate)) {
        result_.error = "the rates must grow from a positive start";
        done_ = true;
        return;
    }
    points_matrix(trainer, trainer.data().train, X_, y_);
    const int n = int(X_.cols());
    const int batch = std::clamp(state_.batch_size, 1, n);
    ws_ = Workspace<Scalar>(net_.spec(), batch, true);
    // Dropout (issue 14): the finder trains as the run does, with the run's rates and masks
    // from a seeded stream of its own (the run's dropout stream is not touched).
    dropout_rates_ = trainer.compat_active() ? std::vector<float>{} : dropout_rates(state_);  // compat=tf: none
    size_dropout(ws_, net_.spec(), dropout_rates_);
    dropout_rng_ = Rng(state_.seed).derive("lr-finder-dropout");
    eval_ws_ = {};
    batch_X_.resize(X_.rows(), batch);
    batch_y_.resize(batch);
    opt_ = OptimizerState<Scalar>(std::size_t(net_.params().size()));
    settings_ = OptimizerSettings::from(state_);
    order_.resize(std::size_t(n));
    std::iota(order_.begin(), order_.end(), 0);
    rng_ = Rng(state_.seed).derive("lr-finder");
    cursor_ = n;  // shuffle before the first batch
    average_ = 0;
    min_loss_ = 0;
}

bool LrFinder::step(int steps) {
    const int n = int(X_.cols());
    const int batch = ws_.capacity;
    const double factor = std::pow(options_.end_rate / options_.start_rate, 1.0 / (options_.steps - 1));
    for (; steps > 0 && !done_; --steps) {
        const int t = steps_done();
        if (t >= options_.steps) {
            finish();
            break;
        }
        if (cursor_ + batch > n) {  // a new pass: reshuffle, always full batches
            for (int i = n - 1; i > 0; --i) std::swap(order_[std::size_t(i)], order_[std::size_t(rng_.below(i + 1))]);
            cursor_ = 0;
        }
        for (int j = 0; j < batch; ++j) {
            const int k = order_[std::size_t(cursor_ + j)];
            batch_X_.col(j) = X_.col(k);
            batch_y_[j] = y_[k];
        }
        cursor_ += batch;
        const double rate = options_.start_rate * std::pow(factor, t);
        if (!ws_.M.empty()) draw_dropout_masks(ws_, dropout_rates_, batch, dropout_rng_);
        net_.forward(batch_X_.data(), batch, ws_);
        net_.backward(batch_X_.data(), batch_y_.data(), batch, ws_);
        if (state_.regularization != Regularization::none)
            net_.add_regularization_gradient(state_.regularization, state_.regularization_rate);
        opt_.step(net_.params().data(), net_.grads().data(), settings_, rate);
        // The loss over the whole training set after the step, not the batch's: the
        // curve then shows what the rate did to the network, not which points it drew.
        const double loss = mean_loss(net_, X_, y_, eval_ws_);

        average_ = options_.smoothing * average_ + (1 - options_.smoothing) * loss;
        const double smoothed = average_ / (1 - std::pow(options_.smoothing, t + 1));
        if (!std::isfinite(smoothed)) {  // blown up: the point is not recorded
            result_.stopped_early = true;
            finish();
            break;
        }
        result_.rates.push_back(rate);
        result_.losses.push_back(smoothed);
        if (t == 0 || smoothed < min_loss_) min_loss_ = smoothed;
        if (t > 0 && smoothed > options_.blow_up * min_loss_) {
            result_.stopped_early = true;
            finish();
        }
    }
    return done_;
}

void LrFinder::finish() {
    done_ = true;
    const std::vector<double>& L = result_.losses;
    const int m = int(L.size());
    if (m < 3) {
        result_.error = "the loss blew up at once: the network could not be trained even at the smallest rate";
        return;
    }
    result_.best = int(std::min_element(L.begin(), L.end()) - L.begin());
    // Steepest descent before the minimum: the most negative slope of the smoothed
    // loss against log(rate), by central differences (the rate steps are equal in log).
    int steepest = -1;
    double slope = 0;
    for (int i = 1; i < std::min(result_.best, m - 1); ++i) {
        const double d = L[std::size_t(i + 1)] - L[std::size_t(i - 1)];
        if (steepest < 0 || d < slope) {
            steepest = i;
            slope = d;
        }
    }
    if (steepest < 0) steepest = std::max(0, result_.best / 2);  // the minimum came at once
    // When the network barely learns in so few steps, the loss falls fastest right at the
    // edge of divergence, far too fast for hundreds of epochs: never more than a tenth
    // of the rate where the loss first rose above its lowest so far (by 0.1 %), or of
    // the minimum's rate (fastai's lr_min), whichever comes first.
    int edge = result_.best;
    double lowest = L[0];
    for (int i = 1; i < result_.best; ++i) {
        if (L[std::size_t(i)] > lowest * 1.001) {
            edge = i;
            break;
        }
        lowest = std::min(lowest, L[std::size_t(i)]);
    }
    result_.edge = edge;
    const double cap = result_.rates[std::size_t(edge)] / 10;
    while (steepest > 0 && result_.rates[std::size_t(steepest)] > cap) --steepest;
    result_.suggested = steepest;
    result_.suggestion = result_.rates[std::size_t(steepest)];
}

LrFinderResult find_learning_rate(const Trainer& trainer, const LrFinderOptions& options) {
    LrFinder finder;
    finder.begin(trainer, options);
    while (!finder.step(INT_MAX)) {
    }
    return finder.result();
}

}  // namespace nnplay
