// boundary.cpp: see boundary.h. The same sums as Run::evaluate_grid (the ensemble's outputs
// averaged), over a copy of the networks so that training between batches cannot mix epochs
// into one picture.
#include "web/boundary.h"

#include "web/platform.h"

#include "engine/features.h"

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
    if (!fits) ws_ = Workspace<Scalar>(spec, kBatchMax, false);
    R_ = R;
    next_ = 0;
    total_ = R * R;
    out_.resize(spec.outputs, total_);
}

bool BoundaryGrid::advance(double budget_ms) {
    if (finished_) {
        finished_ = false;
        ++passes_;
        return true;
    }
    if (next_ >= total_ || nets_.empty()) return false;
    const double start = now_ms();
    do {
        const double left = budget_ms - (now_ms() - start);
        int m = ms_per_cell_ > 0 ? int(left / ms_per_cell_) : kBatchMin;
        m = std::clamp(m, kBatchMin, kBatchMax);
        m = std::min(m, total_ - next_);
        const double t0 = now_ms();
        auto block = out_.middleCols(next_, m);
        const Scalar* x = X_.data() + std::size_t(next_) * std::size_t(X_.rows());
        for (std::size_t k = 0; k < nets_.size(); ++k) {
            nets_[k].forward(x, m, ws_);
            if (k == 0) block = ws_.A.back().leftCols(m);
            else block += ws_.A.back().leftCols(m);
        }
        if (nets_.size() > 1) block /= Scalar(nets_.size());
        next_ += m;
        ms_per_cell_ = std::max(1e-6, (now_ms() - t0) / double(m));
    } while (next_ < total_ && now_ms() - start + double(kBatchMin) * ms_per_cell_ < budget_ms);
    if (next_ < total_) return false;
    std::swap(result_, out_);
    result_R_ = R_;
    ++passes_;
    return true;
}

}  // namespace nnplay::web
