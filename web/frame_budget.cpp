// frame_budget.cpp: the training seconds of each frame (see frame_budget.h): the speed's
// budget, as the frame rate and the epochs' cost set it, less what earlier frames overran.
#include "web/frame_budget.h"

#include <algorithm>

namespace nnplay::web {

void budget_follow_frames(FrameBudget& b, double interval, double work) {
    if (interval > 0.020 && interval < 0.5 && work > 0.5 * interval)
        b.fastest = std::max(kFastestMin, b.fastest * 0.8);
    else
        b.fastest = std::min(kFastestMax, b.fastest + 0.00025);
}

double budget_begin(FrameBudget& b, bool fastest, int most_epochs) {
    // As fast as possible: the budget that follows the frame rate, but never less than the
    // fastest N-a-frame speed would train: a link whose epochs take longer than a frame
    // trained 4 times slower "as fast as possible" (2 ms a frame while frames were slow) than
    // at 1 a frame (16 ms).
    const double epoch_cost = std::max(b.epoch_seconds, b.last_epoch_seconds);
    b.base = fastest ? std::max(b.fastest, std::min(kStepBudget, most_epochs * epoch_cost)) : kStepBudget;
    return std::max(0.25 * b.base, b.base - b.overrun);
}

void budget_end(FrameBudget& b, double budget, double used, bool trained) {
    // (The last slice's few milliseconds count too: counted from 1.25 budgets, training
    // averaged 18.7 ms a frame on a 16 ms budget.)
    b.overrun = !trained ? 0.0 : std::max(0.0, b.overrun - (b.base - budget)) + std::max(0.0, used - budget);
}

int next_slice(int pieces, double seconds, double budget) {
    const double fit = seconds > 0 ? budget / 4 / (seconds / pieces) : 2.0 * pieces;
    return int(std::clamp(fit, 1.0, double(kMaxSlicePieces)));
}

}  // namespace nnplay::web
