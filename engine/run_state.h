// run_state.h: where a training run stands besides its weights — the epoch, the
// schedule, every member's optimiser moments, the shuffle generator and the order it
// has made, early stopping's best — so a saved run (model file, link, PyTorch script)
// goes on bit for bit as if it had never stopped.
#pragma once

#include "engine/optimizer.h"
#include "engine/schedule.h"

#include <array>
#include <cstdint>
#include <vector>

namespace nnplay {

struct RunState {
    int epoch = 0;
    double last_rate = 0;                  // the rate the last epoch ran with (its metrics show it)
    ScheduleState schedule;
    std::vector<OptimizerMoments> members;  // one per ensemble member
    std::array<std::uint64_t, 4> shuffle{};  // the shuffle generator's position
    std::vector<int> order;                // the training order as last shuffled
    // The dropout generator's position (engine/dropout.h); all 0 while it has drawn nothing,
    // so a run without dropout saves (and compares) as before.
    std::array<std::uint64_t, 4> dropout{};
    int position = 0;                      // samples of the epoch under way already trained (0: between epochs)
    // Early stopping: the best validation loss so far, its epoch and weights.
    bool have_best = false;
    double best_val = 0;
    int best_epoch = 0;
    int since_best = 0;
    std::vector<std::vector<float>> best;  // each member's params at best_epoch (with have_best)
    // compat=tf: its double weights in Network::params' layout (its float mirror alone would
    // not go on bit for bit). Model files carry them; links do not (see payload.h).
    std::vector<double> exact_params;

    bool operator==(const RunState&) const = default;
};

}  // namespace nnplay
