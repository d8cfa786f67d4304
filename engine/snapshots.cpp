// snapshots.cpp: taking and restoring snapshots of a run, and the log-spaced timeline that
// keeps them (see snapshots.h).
#include "engine/snapshots.h"

#include "engine/model_json.h"

#include <algorithm>
#include <bit>

namespace nnplay {

std::size_t Snapshot::bytes() const {
    std::size_t n = sizeof(Snapshot) + run.order.size() * sizeof(int);
    for (const auto& m : members) n += m.size() * sizeof(float);
    for (const auto& b : run.best) n += b.size() * sizeof(float);
    for (const OptimizerMoments& o : run.members) n += (o.m.size() + o.s.size()) * sizeof(float);
    return n;
}

Snapshot take_snapshot(const Trainer& trainer) {
    Snapshot s;
    s.run = trainer.run_state();
    s.run.epoch = trainer.epoch();
    for (int m = 0; m < trainer.ensemble_size(); ++m) {
        const auto& p = trainer.network(m).params();
        s.members.emplace_back(p.data(), p.data() + p.size());
    }
    s.metrics = trainer.metrics();
    return s;
}

std::string restore_snapshot(Trainer& trainer, const Snapshot& snapshot) {
    if (std::string error = load_weights(trainer, snapshot.members); !error.empty()) return error;
    return trainer.restore(snapshot.run);
}

int SnapshotLog::bucket(int epoch) {
    return epoch <= 0 ? 0 : std::bit_width(unsigned(epoch));
}

void SnapshotLog::record(const Trainer& trainer) {
    const int epoch = trainer.epoch();
    // Going on from an earlier epoch: the snapshots after it belong to another history.
    while (!kept_.empty() && kept_.back().epoch() >= epoch) {
        kept_.pop_back();
        latest_is_extra_ = false;
    }
    if (latest_is_extra_) {
        kept_.pop_back();
        latest_is_extra_ = false;
    }
    const bool opens_bucket = kept_.empty() || bucket(kept_.back().epoch()) != bucket(epoch);
    kept_.push_back(take_snapshot(trainer));
    latest_is_extra_ = !opens_bucket;
    // Bounded memory: drop the oldest after epoch 0, never the first or the latest.
    while (kept_.size() > 2 && bytes() > max_bytes_) kept_.erase(kept_.begin() + 1);
}

void SnapshotLog::truncate_after(int epoch) {
    while (!kept_.empty() && kept_.back().epoch() > epoch) {
        kept_.pop_back();
        latest_is_extra_ = false;
    }
}

const Snapshot* SnapshotLog::at_or_before(int epoch) const {
    const Snapshot* found = nullptr;
    for (const Snapshot& s : kept_)
        if (s.epoch() <= epoch) found = &s;
    return found;
}

std::size_t SnapshotLog::bytes() const {
    std::size_t n = 0;
    for (const Snapshot& s : kept_) n += s.bytes();
    return n;
}

}  // namespace nnplay
