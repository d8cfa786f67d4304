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

// Shuffles points with rng, then: train share = perc_train_data % of all
// (at least 1 point), val = perc_val_data % of that share, moved out of it;
// the rest is test.
DataSplit split_points(std::vector<Point> points, const PlaygroundState& state, Rng& rng);

// Fisher–Yates shuffle driven by rng.
void shuffle_points(std::vector<Point>& points, Rng& rng);

}  // namespace nnplay
