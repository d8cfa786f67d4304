// boundary.h: the output plot's grid, refined progressively (speed, task C). A pass evaluates
// an R×R grid of a snapshot of the networks a batch of cells at a time within a time budget per
// frame, so a big network keeps a fine plot while it trains, and a paused one refines further.
#pragma once

#include "engine/features.h"
#include "engine/network.h"
#include "engine/trainer.h"

#include <vector>

namespace nnplay::web {

class BoundaryGrid {
public:
    // Starts a pass at R over the trainer's networks as they are now, over the square of the
    // plane centred on (cx, cy) reaching `half` to each side (the output plot's zoom; the
    // whole plane by default); a pass in progress is dropped. A compat=tf run's grid is
    // evaluated at once by the trainer (its networks are small), at most 512².
    void start(const Trainer& trainer, int R, float cx = 0, float cy = 0, float half = kDomain);
    // Evaluates batches for up to budget_ms (at least one); true when the pass has just
    // finished, result() then holding it.
    bool advance(double budget_ms);
    bool busy() const { return next_ < total_ || finished_; }
    int pass_res() const { return R_; }
    const Matrix& result() const { return result_; }  // (outputs, R²) of the last finished pass
    int result_res() const { return result_R_; }
    long long passes() const { return passes_; }  // passes finished so far
    // A whole pass at R in ms, as measured on the passes so far (0 before any).
    double estimate_ms(int R) const { return ms_per_cell_ * double(R) * double(R); }

private:
    // Cells [first, first + m) of the pass into out_, through ws (m ≤ kBatchMax).
    void evaluate(Workspace<Scalar>& ws, int first, int m);

    std::vector<Network<Scalar>> nets_;  // the snapshot being evaluated
    Workspace<Scalar> ws_;
    Workspace<Scalar> helper_ws_;  // the helper thread's, where there is one
    Matrix X_;           // the grid's features (inputs, R²), kept while R and the features stay
    std::vector<bool> X_features_;
    int X_R_ = 0;
    float X_cx_ = 0, X_cy_ = 0, X_half_ = kDomain;  // the region X_ covers
    Matrix out_, result_;
    int R_ = 0, result_R_ = 0, next_ = 0, total_ = 0;
    long long passes_ = 0;
    bool finished_ = false;     // a pass finished within start() (compat=tf)
    double ms_per_cell_ = 0;    // the last batch's cost, to size the next ones
    double cost_[2] = {0, 0};   // the last cost per cell on one thread and split on two
    long long batches_ = 0;
};

}  // namespace nnplay::web
