// schedule.cpp: the schedules. Powers are repeated products, not std::pow, so
// the rate is the same bit for bit natively and in WASM. The plateau rate is cut
// one product at a time, as PyTorch does, so an exported script runs at the same rates.
#include "engine/schedule.h"

#include <algorithm>
#include <limits>

namespace nnplay {

namespace {
double power(double x, int n) {
    double r = 1;
    for (double b = x; n > 0; n >>= 1, b *= b)
        if (n & 1) r *= b;
    return r;
}

constexpr double kPlateauEps = 1e-8;  // PyTorch's eps: smaller changes of the rate are skipped
}  // namespace

LearningRateSchedule::LearningRateSchedule(const PlaygroundState& state) { configure(state); }

void LearningRateSchedule::configure(const PlaygroundState& s) {
    const bool new_base = s.learning_rate != base_ || s.schedule_factor != factor_ ||
                          s.min_learning_rate != min_rate_;
    if (s.schedule != kind_) {  // a new kind of schedule starts from the base rate
        s_.cuts = 0;
        s_.plateau_rate = 0;
        s_.have_best = false;
        s_.bad_epochs = 0;
        s_.cooldown = 0;
    }
    kind_ = s.schedule;
    base_ = s.learning_rate;
    factor_ = s.schedule_factor;
    decay_ = s.decay_rate;
    threshold_ = s.plateau_threshold;
    min_rate_ = s.min_learning_rate;
    step_every_ = s.step_every < 1 ? 1 : s.step_every;
    patience_ = s.plateau_patience < 1 ? 1 : s.plateau_patience;
    cooldown_ = s.plateau_cooldown < 0 ? 0 : s.plateau_cooldown;
    if (new_base && s_.cuts > 0) {  // the cuts so far, applied to the new base rate
        double r = base_;
        for (int i = 0; i < s_.cuts; ++i) r = std::max(r * factor_, min_rate_);
        s_.plateau_rate = r;
    }
    recompute();
}

void LearningRateSchedule::reset() {
    s_ = {};
    recompute();
}

void LearningRateSchedule::restore(const ScheduleState& saved) {
    s_ = saved;
    recompute();
}

void LearningRateSchedule::end_epoch(int epoch, double train_loss) {
    s_.epoch = epoch;
    if (kind_ == Schedule::plateau) {
        // The best starts at +inf, as PyTorch's; NaN is never better: a bad epoch.
        const double best = s_.have_best ? s_.best_loss : std::numeric_limits<double>::infinity();
        if (train_loss < best * (1 - threshold_)) {
            s_.best_loss = train_loss;
            s_.have_best = true;
            s_.bad_epochs = 0;
        } else {
            ++s_.bad_epochs;
        }
        if (s_.cooldown > 0) {
            --s_.cooldown;
            s_.bad_epochs = 0;  // bad epochs in the cooldown do not count
        }
        if (s_.bad_epochs >= patience_) {
            const double old = rate_;
            const double cut = std::max(old * factor_, min_rate_);
            if (old - cut > kPlateauEps) {
                s_.plateau_rate = cut;
                ++s_.cuts;
            }
            s_.cooldown = cooldown_;
            s_.bad_epochs = 0;
        }
    }
    recompute();
}

void LearningRateSchedule::recompute() {
    switch (kind_) {
        case Schedule::constant: rate_ = base_; break;
        case Schedule::step: rate_ = base_ * power(factor_, s_.epoch / step_every_); break;
        case Schedule::exp: rate_ = base_ * power(decay_, s_.epoch); break;
        case Schedule::plateau: rate_ = s_.cuts > 0 ? s_.plateau_rate : base_; break;
    }
}

}  // namespace nnplay
