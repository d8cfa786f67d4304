// tfp/dataset.h: TensorFlow Playground's six data sets exactly as its page
// makes them for compat=tf: its generators in double, drawing from seedrandom
// in its order (every draw, noise or not), its one shuffle and its split.
// Labels are its own: ±1 for classification, a target in [−1, 1] for regression.
#pragma once

#include "engine/tfp/seedrandom.h"
#include "engine/state.h"

#include <vector>

namespace nnplay {

struct TfpExample {
    double x = 0, y = 0, label = 0;
};

struct TfpData {
    std::vector<TfpExample> train;  // the first floor(n·percTrainData/100) shuffled points
    std::vector<TfpExample> test;   // the rest
};

// Whether TensorFlow Playground has this data set: circle, xor, gauss, spiral,
// reg-plane, reg-gauss.
bool tfp_has_dataset(Dataset dataset);

// num_samples points of `dataset` (one tfp_has_dataset accepts) at noise
// `noise` (a fraction, state.noise / 100), drawn from rng in their order.
std::vector<TfpExample> tfp_generate(Dataset dataset, int num_samples, double noise, SeedRandom& rng);

// Their Fisher–Yates: from the end, swap a[counter − 1] with a[floor(rand·counter)].
void tfp_shuffle(std::vector<TfpExample>& examples, SeedRandom& rng);

// What their page does on load (generateData(true)), drawing from rng, which
// the caller has seeded with state.seed: 500 points (1,200 for regression) of
// state.active_dataset() at state.noise %, shuffled once, split at
// state.perc_train_data %. The network's weights are drawn next, from the same rng.
TfpData tfp_generate_data(const PlaygroundState& state, SeedRandom& rng);

}  // namespace nnplay
