// initializer.h: starting weights. Zeros shows the symmetry problem (every
// neuron of a layer stays identical); uniform and Gaussian use a fixed scale;
// Xavier/Glorot and He scale by fan-in/fan-out so signals neither vanish nor blow up.
#pragma once

#include "engine/network.h"
#include "engine/rng.h"

namespace nnplay {

// Draws every weight from rng, layer by layer, each destination neuron's
// incoming weights in input order (TensorFlow Playground's order); biases are
// set to `bias` and draw nothing. scale: uniform ±scale, gaussian σ = scale;
// ignored by the Xavier and He variants:
//   xavier-uniform ±√(6/(in+out)), xavier-normal σ = √(2/(in+out)),
//   he-uniform ±√(6/in), he-normal σ = √(2/in). zeros: weights and biases 0.
template <typename T>
void initialize(Network<T>& net, Init init, double scale, double bias, Rng& rng);

}  // namespace nnplay
