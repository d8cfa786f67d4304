// features.cpp: the feature columns for training points and for the heatmap
// grid. The grid version tabulates per row and per column, since it runs for
// every redraw (up to 512² cells) and sin/cos would otherwise dominate.
#include "engine/features.h"

#include "engine/assert.h"
#include "engine/detmath.h"

#include <cstddef>
#include <vector>

namespace nnplay {

std::vector<Feature> enabled_features(const bool enabled[feature_count]) {
    std::vector<Feature> out;
    for (int f = 0; f < feature_count; ++f)
        if (enabled[f]) out.push_back(static_cast<Feature>(f));
    return out;
}

double feature_value(Feature f, double x, double y) {
    switch (f) {
        case f_x: return x;
        case f_y: return y;
        case f_x_squared: return x * x;
        case f_y_squared: return y * y;
        case f_x_times_y: return x * y;
        case f_sin_x: return det::sin(x);
        case f_sin_y: return det::sin(y);
        case f_cos_x: return det::cos(x);
        case f_cos_y: return det::cos(y);
        case feature_count: break;
    }
    NNPLAY_ASSERT(false && "feature_value: not a feature");
    return 0;
}

template <typename T>
void compute_features(const std::vector<Feature>& features, const std::vector<Point>& points,
                      MatrixT<T>& X) {
    const auto n_features = static_cast<Eigen::Index>(features.size());
    const auto n_points = static_cast<Eigen::Index>(points.size());
    X.resize(n_features, n_points);
    for (Eigen::Index n = 0; n < n_points; ++n) {
        const Point& p = points[static_cast<std::size_t>(n)];
        for (Eigen::Index f = 0; f < n_features; ++f)
            X(f, n) = static_cast<T>(
                feature_value(features[static_cast<std::size_t>(f)], p.x, p.y));
    }
}

namespace {

// Every feature of one coordinate except the cross term, computed once per
// grid row or column. Same expressions as feature_value, so the grid's values
// are bit-identical to evaluating each cell on its own.
struct AxisValues {
    double v, squared, sin, cos;
};

AxisValues axis_values(double v) { return {v, v * v, det::sin(v), det::cos(v)}; }

}  // namespace

template <typename T>
void compute_grid_features(const std::vector<Feature>& features, int R, MatrixT<T>& X) {
    NNPLAY_ASSERT(R >= 0);
    const auto n_features = static_cast<Eigen::Index>(features.size());
    X.resize(n_features, static_cast<Eigen::Index>(R) * R);

    std::vector<AxisValues> cols(static_cast<std::size_t>(R)), rows(static_cast<std::size_t>(R));
    for (int k = 0; k < R; ++k) {
        cols[static_cast<std::size_t>(k)] = axis_values(grid_x(k, R));
        rows[static_cast<std::size_t>(k)] = axis_values(grid_y(k, R));
    }

    // Grid row by grid row (R·features values, cache-sized), and within a row
    // one pass per feature, so the switch stays out of the per-cell loop.
    for (int i = 0; i < R; ++i) {
        const AxisValues& ry = rows[static_cast<std::size_t>(i)];
        const Eigen::Index row_start = static_cast<Eigen::Index>(i) * R;
        for (Eigen::Index f = 0; f < n_features; ++f) {
            auto fill = [&](auto value_at) {
                for (int j = 0; j < R; ++j)
                    X(f, row_start + j) =
                        static_cast<T>(value_at(cols[static_cast<std::size_t>(j)], ry));
            };
            using A = const AxisValues&;
            switch (features[static_cast<std::size_t>(f)]) {
                case f_x: fill([](A cx, A) { return cx.v; }); break;
                case f_y: fill([](A, A r) { return r.v; }); break;
                case f_x_squared: fill([](A cx, A) { return cx.squared; }); break;
                case f_y_squared: fill([](A, A r) { return r.squared; }); break;
                case f_x_times_y: fill([](A cx, A r) { return cx.v * r.v; }); break;
                case f_sin_x: fill([](A cx, A) { return cx.sin; }); break;
                case f_sin_y: fill([](A, A r) { return r.sin; }); break;
                case f_cos_x: fill([](A cx, A) { return cx.cos; }); break;
                case f_cos_y: fill([](A, A r) { return r.cos; }); break;
                case feature_count: NNPLAY_ASSERT(false && "not a feature"); break;
            }
        }
    }
}

template void compute_features<float>(const std::vector<Feature>&, const std::vector<Point>&,
                                      MatrixT<float>&);
template void compute_features<double>(const std::vector<Feature>&, const std::vector<Point>&,
                                       MatrixT<double>&);
template void compute_grid_features<float>(const std::vector<Feature>&, int, MatrixT<float>&);
template void compute_grid_features<double>(const std::vector<Feature>&, int, MatrixT<double>&);

}  // namespace nnplay
