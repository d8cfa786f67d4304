// dropout.h: inverted dropout for the hidden layers, in training only. Each hidden unit is
// switched off for one example with probability p and the kept ones are scaled by 1/(1−p), so
// the trained network is evaluated as it is. The masks come from a seeded Rng of their own.
#pragma once

#include "engine/network.h"
#include "engine/rng.h"

#include <vector>

namespace nnplay {

constexpr float kMaxDropout = 0.9f;  // the state's limit: at p → 1 nothing would be left to learn

// The rate of each hidden layer of the state's network (one per hidden layer; a perceptron has
// none), clamped to 0..kMaxDropout: layerDropout's where it has one, else `dropout`. All 0
// when dropout is off.
std::vector<float> dropout_rates(const PlaygroundState& state);

// Whether any rate is above 0.
bool any_dropout(const std::vector<float>& rates);

// One (width, capacity) matrix of zeros per hidden layer of spec with a rate, an empty one
// per layer without; none at all when every rate is 0.
template <typename T>
std::vector<MatrixT<T>> dropout_masks(const NetworkSpec& spec, const std::vector<float>& rates, int capacity);

// Sizes ws's masks for these rates (one per hidden layer of spec): a layer with a rate gets
// M and D of (width, capacity); one without gets none, so with every rate 0 the workspace (and
// every number trained with it) is as without dropout. Allocates: call when the settings change.
template <typename T>
void size_dropout(Workspace<T>& ws, const NetworkSpec& spec, const std::vector<float>& rates);

// Draws the masks of n examples (n ≤ ws.capacity): for each hidden layer with a rate, each
// example in turn, each unit in turn, one rng.uniform(): kept (1/(1−p)) when it is ≥ p, else 0.
// This order is part of what makes a run reproducible: changing it changes every run with dropout.
template <typename T>
void draw_dropout_masks(Workspace<T>& ws, const std::vector<float>& rates, int n, Rng& rng);
// The same into masks of dropout_masks() (n ≤ their capacity).
template <typename T>
void draw_dropout_masks(std::vector<MatrixT<T>>& M, const std::vector<float>& rates, int n, Rng& rng);

}  // namespace nnplay
