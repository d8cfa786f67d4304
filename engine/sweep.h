// sweep.h: a seed sweep — the same setup trained with N seeds derived from the state's seed,
// to show how much a result owes to the initialisation and the data draw. Shared by
// `nnplay sweep` and the page, which advances it a few epochs per frame.
#pragma once

#include "engine/trainer.h"

#include <memory>
#include <string>
#include <vector>

namespace nnplay {

constexpr int kMaxSweepSeeds = 50;
constexpr int kMaxSweepEpochs = 100000;

// Why a sweep of `seeds` seeds for `epochs` epochs cannot run, or "".
std::string sweep_check(int seeds, int epochs);

// The seed of sweep run i (0-based) for a state seeded `base`: "base/1", "base/2", ….
std::string sweep_seed(const std::string& base, int i);

// One seed's run: its seed, how it ended, and its loss curves (index = epoch, from 0).
struct SweepResult {
    std::string seed;
    RunStatus status = RunStatus::ok;
    int epoch = 0;                    // the last epoch trained
    Metrics final;                    // the metrics at the end
    std::vector<double> train_loss, test_loss;
};

// The spread of one curve across the seeds, per epoch: over the seeds that reached it.
struct SweepBand {
    std::vector<double> mean, lo, hi;
};

// The mean, least and greatest of a set of figures (NaNs left out; all NaN when none).
struct Spread {
    double mean = 0, lo = 0, hi = 0;
};
Spread spread_of(const std::vector<double>& values);

class Sweep {
public:
    // sweep_check(seeds, epochs) must be "".
    Sweep(const PlaygroundState& state, int seeds, int epochs);
    ~Sweep();

    // Trains at most max_epochs epochs (one seed after another; building a seed's run counts
    // as one). Returns true when the sweep is done.
    bool advance(int max_epochs);
    // Trains at most max_pieces pieces of batches (≥ 1) of the seed under way, starting it (or
    // the next) where none is: an epoch, and a batch, may span calls, with the same numbers as
    // whole epochs (Trainer::step_pieces). Returns the pieces trained (0 when done). The page's
    // way: a big network's epoch on thousands of points takes seconds, one batch of thousands
    // through a big ensemble a quarter of one.
    int advance_pieces(int max_pieces);
    bool done() const { return int(results_.size()) == seeds_; }

    int seeds() const { return seeds_; }
    int epochs() const { return epochs_; }
    const PlaygroundState& state() const { return state_; }
    // Finished seeds, in order.
    const std::vector<SweepResult>& results() const { return results_; }
    // 0..1 of the epochs to train.
    double progress() const;

    SweepBand band(bool test) const;
    // The final test accuracy (classification) or test loss (regression) of each result.
    std::vector<double> final_figures(bool accuracy) const;

private:
    void start_next();
    void finish_current();

    PlaygroundState state_;
    int seeds_, epochs_;
    std::unique_ptr<Trainer> current_;
    SweepResult running_;
    std::vector<SweepResult> results_;
};

}  // namespace nnplay
