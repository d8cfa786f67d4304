// features.h: the input features a network sees for a point (x₁, x₂):
// x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂, cos x₁, cos x₂, any subset, always in
// that order. Networks never see raw points, only these columns.
#pragma once

#include "engine/state.h"
#include "engine/types.h"

namespace nnplay {

// Indices of the enabled features, in order (size = state.input_count()).
std::vector<Feature> enabled_features(const bool enabled[feature_count]);

// The value of one feature at (x, y). Uses det::sin / det::cos, so it is the
// same natively and in WASM.
double feature_value(Feature f, double x, double y);

// Fills column n of X (inputs, N) with the enabled features of points[n].
// X is resized to (features.size(), points.size()).
template <typename T>
void compute_features(const std::vector<Feature>& features, const std::vector<Point>& points,
                      MatrixT<T>& X);

// The same for the grid of an R×R heatmap: column i·R + j is the point
// x = −6 + 12·(j + ½)/R, y = 6 − 12·(i + ½)/R (row 0 at the top), 6 being kDomain.
template <typename T>
void compute_grid_features(const std::vector<Feature>& features, int R, MatrixT<T>& X);

// The plane coordinates of grid cell (row i, column j) of an R×R grid.
inline double grid_x(int j, int R) { return -double(kDomain) + 2.0 * kDomain * (j + 0.5) / R; }
inline double grid_y(int i, int R) { return double(kDomain) - 2.0 * kDomain * (i + 0.5) / R; }

}  // namespace nnplay
