// sweep.cpp: training the same setup with N derived seeds, in slices, and the spread of
// their curves and final figures (see sweep.h).
#include "engine/sweep.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nnplay {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::string sweep_check(int seeds, int epochs) {
    if (seeds < 1 || seeds > kMaxSweepSeeds)
        return "the number of seeds must be 1.." + std::to_string(kMaxSweepSeeds) + ", not " + std::to_string(seeds);
    if (epochs < 1 || epochs > kMaxSweepEpochs)
        return "the number of epochs must be 1.." + std::to_string(kMaxSweepEpochs) + ", not " + std::to_string(epochs);
    return {};
}

std::string sweep_seed(const std::string& base, int i) { return base + "/" + std::to_string(i + 1); }

Spread spread_of(const std::vector<double>& values) {
    Spread s{kNaN, kNaN, kNaN};
    double sum = 0;
    int n = 0;
    for (double v : values) {
        if (std::isnan(v)) continue;
        s.lo = n == 0 ? v : std::min(s.lo, v);
        s.hi = n == 0 ? v : std::max(s.hi, v);
        sum += v;
        ++n;
    }
    if (n > 0) s.mean = sum / n;
    return s;
}

Sweep::Sweep(const PlaygroundState& state, int seeds, int epochs) : state_(state), seeds_(seeds), epochs_(epochs) {}

Sweep::~Sweep() = default;

void Sweep::start_next() {
    PlaygroundState s = state_;
    s.seed = sweep_seed(state_.seed, int(results_.size()));
    current_ = std::make_unique<Trainer>(s);
    current_->measure();
    running_ = SweepResult{};
    running_.seed = s.seed;
    running_.train_loss.push_back(current_->metrics().train_loss);
    running_.test_loss.push_back(current_->metrics().test_loss);
}

void Sweep::finish_current() {
    running_.status = current_->status();
    running_.epoch = current_->epoch();
    running_.final = current_->metrics();
    results_.push_back(std::move(running_));
    running_ = SweepResult{};
    current_.reset();
}

bool Sweep::advance(int max_epochs) {
    for (int budget = max_epochs; budget > 0 && !done(); --budget) {
        if (!current_) {
            start_next();
            continue;
        }
        Trainer& t = *current_;
        const bool trained = t.step_epoch(true);
        if (trained) {
            running_.train_loss.push_back(t.metrics().train_loss);
            running_.test_loss.push_back(t.metrics().test_loss);
        }
        if (!trained || t.status() != RunStatus::ok || t.epoch() >= epochs_) finish_current();
    }
    return done();
}

int Sweep::advance_pieces(int max_pieces) {
    if (done()) return 0;
    if (!current_) start_next();
    Trainer& t = *current_;
    const Slice slice = t.step_pieces(max_pieces, Measure::full);  // as step_epoch(true)
    if (slice.epoch_completed) {
        running_.train_loss.push_back(t.metrics().train_loss);
        running_.test_loss.push_back(t.metrics().test_loss);
    }
    if ((slice.pieces == 0 && !slice.epoch_completed) || t.status() != RunStatus::ok || t.epoch() >= epochs_)
        finish_current();
    return slice.pieces;
}

double Sweep::progress() const {
    const double total = double(seeds_) * epochs_;
    double trained = double(results_.size()) * epochs_;
    if (current_) trained += current_->epoch();
    return std::min(1.0, trained / total);
}

SweepBand Sweep::band(bool test) const {
    SweepBand b;
    std::size_t longest = 0;
    for (const SweepResult& r : results_) longest = std::max(longest, r.train_loss.size());
    for (std::size_t e = 0; e < longest; ++e) {
        std::vector<double> at;
        for (const SweepResult& r : results_) {
            const std::vector<double>& curve = test ? r.test_loss : r.train_loss;
            if (e < curve.size()) at.push_back(curve[e]);
        }
        const Spread s = spread_of(at);
        b.mean.push_back(s.mean);
        b.lo.push_back(s.lo);
        b.hi.push_back(s.hi);
    }
    return b;
}

std::vector<double> Sweep::final_figures(bool accuracy) const {
    std::vector<double> v;
    for (const SweepResult& r : results_) v.push_back(accuracy ? r.final.test_acc : r.final.test_loss);
    return v;
}

}  // namespace nnplay
