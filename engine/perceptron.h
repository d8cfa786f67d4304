// perceptron.h: Rosenblatt's learning rule for a single threshold neuron.
// The neuron fires (class 1) when w·x + b ≥ 0, i.e. when w·x reaches the
// threshold θ = −b. Weights change only on a mistake: w += lr·(t − y)·x.
#pragma once

#include "engine/network.h"

namespace nnplay {

// Presents one example x (inputs) with label t ∈ {0, 1} to a network made by
// network_spec() for model=perceptron (one dense layer, Output::step). Returns
// true if it was a mistake (and the weights changed).
bool perceptron_update(Network<Scalar>& net, const Scalar* x, Scalar t, Scalar lr);

}  // namespace nnplay
