// training_set.h: a run's training points as the matrices a network reads (features by
// column, labels or targets), for the views that evaluate or train a copy of the
// network outside the run (error surface, learning-rate finder, hidden space).
#pragma once

#include "engine/trainer.h"

#include <vector>

namespace nnplay {

// The enabled input features of `points` (inputs, n) and their labels (n): class
// index or regression target, as the run itself trains on them.
void points_matrix(const Trainer& trainer, const std::vector<Point>& points, Matrix& X, Vector& y);

// The mean data loss of `net` over the n columns of X (labels y), in chunks of kLossChunk
// columns (the rest last) summed in order, so the workspace stays small. NaN when n is 0.
constexpr int kLossChunk = 256;
double mean_loss(const Network<Scalar>& net, const Matrix& X, const Vector& y, Workspace<Scalar>& ws);

}  // namespace nnplay
