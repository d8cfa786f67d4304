// boundary.cpp: see boundary.h. The ensemble's mean as Run::evaluate_grid takes it
// (engine/ensemble.h), over a copy of the networks so that training between batches cannot
// mix epochs into one picture.
#include "web/boundary.h"

#include "web/platform.h"

#include "engine/ensemble.h"
#include "engine/features.h"
#include "engine/parallel.h"

#include <algorithm>

namespace nnplay::web {
namespace {

constexpr int kBatchMax = 1024;  // cells per forward pass, at most (the engine's own batch)
constexpr int kBatchMin = 64;

// The R×R cells of the square centred on (cx, cy), `half` to each side, row 0 at the top (as
// evaluate_grid's).
std::vector<Point> region_points(int R, float cx, float cy, float half) {
    const float cell = 2 * half / float(R);
    std::vector<Point> points(std::size_t(R) * std::size_t(R));
    for (int i = 0; i < R; ++i)
        for (int j = 0; j < R; ++j)
            points[std::size_t(i * R + j)] = {cx - half + (float(j) + 0.5f) * cell, cy + half - (float(i) + 0.5f) * cell, 0};
    return points;
}

}  // namespace

void BoundaryGrid::start(const Trainer& trainer, int R, float cx, float cy, float half) {
    finished_ = false;
    const bool whole = half >= kDomain;
    if (trainer.compat_active()) {
        R = std::clamp(R, 1, 512);
        GridOutput grid;
        const double t0 = now_ms();
        if (whole) trainer.evaluate_grid(R, grid, false);
        else trainer.predict(region_points(R, cx, cy, half), grid.output);
        ms_per_cell_ = (now_ms() - t0) / double(R * R);
        result_ = std::move(grid.output);
        R_ = result_R_ = R;
        next_ = total_ = 0;
        finished_ = true;
        return;
    }
    const PlaygroundState& state = trainer.state();
    std::vector<bool> features(state.features, state.features + feature_count);
    if (R != X_R_ || features != X_features_ || cx != X_cx_ || cy != X_cy_ || half != X_half_) {
        if (whole) compute_grid_features(enabled_features(state.features), R, X_);
        else compute_features(enabled_features(state.features), region_points(R, cx, cy, half), X_);
        X_R_ = R;
        X_features_ = features;
        X_cx_ = cx, X_cy_ = cy, X_half_ = half;
    }
    nets_.clear();
    for (int m = 0; m < trainer.ensemble_size(); ++m) nets_.push_back(trainer.network(m));
    const NetworkSpec& spec = trainer.spec();
    bool fits = ws_.capacity >= kBatchMax && ws_.A.size() == std::size_t(spec.layer_count());
    for (int l = 0; fits && l < spec.layer_count(); ++l) fits = ws_.A[std::size_t(l)].rows() == spec.width(l);
    if (!fits) {
        ws_ = Workspace<Scalar>(spec, kBatchMax, false);
        helper_ws_ = parallel_parts() > 1 ? Workspace<Scalar>(spec, kBatchMax, false) : Workspace<Scalar>();
        cost_[0] = cost_[1] = 0;  // another network: measure both ways again
    }
    R_ = R;
    next_ = 0;
    total_ = R * R;
    out_.resize(spec.outputs, total_);
}

void BoundaryGrid::evaluate(Workspace<Scalar>& ws, int first, int m) {
    ensemble_forward(nets_, X_.data() + std::size_t(first) * std::size_t(X_.rows()), m, ws, out_.col(first).data());
}

bool BoundaryGrid::advance(double budget_ms) {
    if (finished_) {
        finished_ = false;
        ++passes_;
        return true;
    }
    if (next_ >= total_ || nets_.empty()) return false;
    const double start = now_ms();
    // Where there is a second thread (the page with threads), a batch may split in two halves,
    // the helper evaluating one while this thread does the other (engine/parallel.h): when that
    // has been the faster way per cell. It need not be: on 2 cores whose browser also draws in
    // software, the helper finds no core free. Every 16th batch tries the other way again.
    const bool two = helper_ws_.capacity >= kBatchMax && parallel_parts() > 1;
    do {
        int split = 1;
        if (two) {
            const bool faster = cost_[1] == 0 || (cost_[0] > 0 && cost_[1] < cost_[0]);
            split = faster != (++batches_ % 16 == 0) ? 2 : 1;
        }
        const double left = budget_ms - (now_ms() - start);
        const double ms_per_cell = cost_[split - 1] > 0 ? cost_[split - 1] : ms_per_cell_;
        int m = ms_per_cell > 0 ? int(left / ms_per_cell) : kBatchMin;
        m = std::clamp(m, kBatchMin, kBatchMax * split);
        m = std::min(m, total_ - next_);
        if (m < 2 * kBatchMin) split = 1;
        const double t0 = now_ms();
        run_parts(split, [&](int part) { evaluate(part == 0 ? ws_ : helper_ws_, next_ + m * part / split,
                                                  m * (part + 1) / split - m * part / split); });
        next_ += m;
        ms_per_cell_ = std::max(1e-6, (now_ms() - t0) / double(m));
        cost_[split - 1] = ms_per_cell_;
    } while (next_ < total_ && now_ms() - start + double(kBatchMin) * ms_per_cell_ < budget_ms);
    if (next_ < total_) return false;
    std::swap(result_, out_);
    result_R_ = R_;
    ++passes_;
    return true;
}

}  // namespace nnplay::web
