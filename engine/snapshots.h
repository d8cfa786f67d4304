// snapshots.h: rewinding a run. A snapshot is everything a run needs to go on exactly —
// each member's weights and the RunState (epoch, schedule, moments, shuffle) — plus the
// metrics it showed; a SnapshotLog keeps a bounded, log-spaced set of them for the timeline.
#pragma once

#include "engine/trainer.h"

#include <cstddef>
#include <string>
#include <vector>

namespace nnplay {

struct Snapshot {
    RunState run;                              // run.epoch is the snapshot's epoch
    std::vector<std::vector<float>> members;   // each member's Network::params()
    Metrics metrics;                           // what the run showed at that epoch

    int epoch() const { return run.epoch; }
    std::size_t bytes() const;                 // an estimate of the memory it holds
};

// The trainer's weights and run state as they are now.
Snapshot take_snapshot(const Trainer& trainer);

// Puts a snapshot's weights and run state back into a trainer of the same network and data:
// training then goes on bit for bit as the run it was taken from (compat=tf keeps the epoch
// only). Returns why it does not fit (then the trainer may have the weights but not the
// state: the caller should reset), or "".
std::string restore_snapshot(Trainer& trainer, const Snapshot& snapshot);

// The snapshots of the current run: the first one recorded in each log-spaced bucket of
// epochs (0, 1, 2–3, 4–7, 8–15, …) and the latest. A million epochs keep about 22; when the
// bytes still pass max_bytes (huge ensembles), the oldest after epoch 0 are dropped.
class SnapshotLog {
public:
    explicit SnapshotLog(std::size_t max_bytes = std::size_t(16) << 20) : max_bytes_(max_bytes) {}

    // Forgets every snapshot (a new run).
    void clear() {
        kept_.clear();
        latest_is_extra_ = false;
    }

    // Records the trainer's state if its epoch opens a bucket not yet kept, and as the latest.
    // An epoch at or before one already kept (training went on from an earlier snapshot)
    // first drops the snapshots after it: the timeline holds one history.
    void record(const Trainer& trainer);

    // Drops the snapshots after `epoch` (training goes on from there, another history).
    void truncate_after(int epoch);

    // The kept snapshots, by epoch.
    const std::vector<Snapshot>& kept() const { return kept_; }
    bool empty() const { return kept_.empty(); }
    // The kept snapshot with the largest epoch ≤ epoch, or nullptr.
    const Snapshot* at_or_before(int epoch) const;
    std::size_t bytes() const;

    // The bucket of an epoch: 0 for epoch 0, k + 1 for 2^k ≤ epoch < 2^(k+1).
    static int bucket(int epoch);

private:
    std::vector<Snapshot> kept_;
    bool latest_is_extra_ = false;  // kept_.back() is only the latest, not its bucket's first
    std::size_t max_bytes_;
};

}  // namespace nnplay
