// dataset.h: the toy data sets on the plane [−6, 6]², TensorFlow Playground's
// definitions (so results compare) plus moons, checkerboard and the multi-class
// sets, and the seeded split into training, validation and test points.
#pragma once

#include "engine/rng.h"
#include "engine/state.h"

#include <string>
#include <vector>

namespace nnplay {

// The labelled points of state.active_dataset(): state.sample_count() points
// (custom: state.points as they are), noise state.noise %, classes
// state.class_count(), drawn from rng (the caller passes Rng(seed).derive("data")).
// Classification labels are class indices 0..k−1 (binary: 0 is TensorFlow
// Playground's −1, orange; 1 its +1, blue); regression labels are targets in [−1, 1].
std::vector<Point> generate_points(const PlaygroundState& state, Rng& rng);

struct DataSplit {
    std::vector<Point> train;  // used for gradient steps
    std::vector<Point> val;    // held out of training, for early stopping
    std::vector<Point> test;   // never trained on
};

// Shuffles the automatic points (Point::split) with rng, then: train share =
// perc_train_data % of them (at least 1 point), val = perc_val_data % of that
// share, moved out of it; the rest is test. Pinned points (train, val, test) go
// to their part after the automatic ones, in their order, and draw nothing from
// rng: adding or removing a pinned point moves no other point. With every point
// automatic (every generated set) this is the split of before pins existed.
DataSplit split_points(std::vector<Point> points, const PlaygroundState& state, Rng& rng);

// The points of a split, each pinned to its part (train, then val, then test, in
// order): as a custom set, split_points gives back exactly this split, whatever
// the seed and ratio, and keeps it while points are drawn or removed.
std::vector<Point> pin_splits(const DataSplit& split);

// The same points, every one automatic again: the seeded split decides anew
// (a new seed or a new ratio re-splits a custom set).
std::vector<Point> unpin_splits(std::vector<Point> points);

// Fisher–Yates shuffle driven by rng.
void shuffle_points(std::vector<Point>& points, Rng& rng);

}  // namespace nnplay
