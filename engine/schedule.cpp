// schedule.cpp: the schedules. Powers are repeated products, not std::pow, so
// the rate is the same bit for bit natively and in WASM.
#include "engine/schedule.h"

namespace nnplay {

namespace {
double power(double x, int n) {
    double r = 1;
    for (double b = x; n > 0; n >>= 1, b *= b)
        if (n & 1) r *= b;
    return r;
}
}  // namespace

LearningRateSchedule::LearningRateSchedule(const PlaygroundState& state) { configure(state); }

void LearningRateSchedule::configure(const PlaygroundState& s) {
    if (s.schedule != kind_) {  // a new kind of schedule starts from the base rate
        plateau_scale_ = 1;
        have_best_ = false;
        since_best_ = 0;
    }
    kind_ = s.schedule;
    base_ = s.learning_rate;
    factor_ = s.schedule_factor;
    decay_ = s.decay_rate;
    step_every_ = s.step_every < 1 ? 1 : s.step_every;
    patience_ = s.plateau_patience < 1 ? 1 : s.plateau_patience;
    recompute(epoch_);
}

void LearningRateSchedule::reset() {
    epoch_ = 0;
    plateau_scale_ = 1;
    have_best_ = false;
    since_best_ = 0;
    recompute(0);
}

void LearningRateSchedule::end_epoch(int epoch, double train_loss) {
    epoch_ = epoch;
    if (kind_ == Schedule::plateau) {
        if (!have_best_ || train_loss < best_loss_) {
            best_loss_ = train_loss;
            have_best_ = true;
            since_best_ = 0;
        } else if (++since_best_ >= patience_) {
            plateau_scale_ *= factor_;
            since_best_ = 0;
            best_loss_ = train_loss;  // judge the new rate from here
        }
    }
    recompute(epoch);
}

void LearningRateSchedule::recompute(int epoch) {
    switch (kind_) {
        case Schedule::constant: rate_ = base_; break;
        case Schedule::step: rate_ = base_ * power(factor_, epoch / step_every_); break;
        case Schedule::exp: rate_ = base_ * power(decay_, epoch); break;
        case Schedule::plateau: rate_ = base_ * plateau_scale_; break;
    }
}

}  // namespace nnplay
