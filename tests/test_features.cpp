// test_features.cpp: feature values at hand-worked points, the column layout
// of compute_features, and the heatmap grid (cell centres, row 0 at the top),
// whose tabulated kernel is checked against per-cell feature_value.
#include "engine/features.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace nnplay;

namespace {

std::vector<Feature> all_features() {
    bool on[feature_count];
    for (bool& b : on) b = true;
    return enabled_features(on);
}

}  // namespace

TEST_CASE("features: enabled_features keeps the fixed order") {
    PlaygroundState state;  // TFP's default: x and y
    auto defaults = enabled_features(state.features);
    CHECK(defaults == std::vector<Feature>{f_x, f_y});

    bool none[feature_count] = {};
    CHECK(enabled_features(none).empty());

    bool some[feature_count] = {};
    some[f_cos_y] = some[f_x_times_y] = some[f_x] = true;
    CHECK(enabled_features(some) == std::vector<Feature>{f_x, f_x_times_y, f_cos_y});

    auto all = all_features();
    REQUIRE(all.size() == feature_count);
    for (int f = 0; f < feature_count; ++f) CHECK(all[static_cast<std::size_t>(f)] == f);
}

TEST_CASE("features: feature_value at hand-worked points") {
    // (1, 2): x² = 1, y² = 4, xy = 2.
    CHECK(feature_value(f_x, 1, 2) == 1);
    CHECK(feature_value(f_y, 1, 2) == 2);
    CHECK(feature_value(f_x_squared, 1, 2) == 1);
    CHECK(feature_value(f_y_squared, 1, 2) == 4);
    CHECK(feature_value(f_x_times_y, 1, 2) == 2);
    CHECK(feature_value(f_sin_x, 1, 2) == doctest::Approx(0.8414709848078965).epsilon(1e-14));
    CHECK(feature_value(f_sin_y, 1, 2) == doctest::Approx(0.9092974268256817).epsilon(1e-14));
    CHECK(feature_value(f_cos_x, 1, 2) == doctest::Approx(0.5403023058681398).epsilon(1e-14));
    CHECK(feature_value(f_cos_y, 1, 2) == doctest::Approx(-0.4161468365471424).epsilon(1e-14));

    // (−3, 0.5): signs survive squaring and products as they should.
    CHECK(feature_value(f_x_squared, -3, 0.5) == 9);
    CHECK(feature_value(f_y_squared, -3, 0.5) == 0.25);
    CHECK(feature_value(f_x_times_y, -3, 0.5) == -1.5);

    // det::sin / det::cos agree with the C library to rounding over the plane.
    for (double v = -6; v <= 6; v += 0.37) {
        CAPTURE(v);
        CHECK(std::abs(feature_value(f_sin_x, v, 0) - std::sin(v)) < 1e-14);
        CHECK(std::abs(feature_value(f_cos_y, 0, v) - std::cos(v)) < 1e-14);
    }
}

TEST_CASE_TEMPLATE("features: compute_features puts point n in column n", T, float, double) {
    const std::vector<Point> points = {{1, 2, 0}, {-3, 0.5f, 1}, {0, 0, 1}};
    const std::vector<Feature> features = {f_y, f_x_squared, f_x_times_y, f_cos_x};
    MatrixT<T> X(7, 7);  // wrong size on purpose: compute_features resizes
    compute_features(features, points, X);
    REQUIRE(X.rows() == 4);
    REQUIRE(X.cols() == 3);
    CHECK(X(0, 0) == T(2));
    CHECK(X(1, 0) == T(1));
    CHECK(X(2, 0) == T(2));
    CHECK(X(3, 0) == doctest::Approx(0.5403023058681398).epsilon(1e-6));
    CHECK(X(0, 1) == T(0.5));
    CHECK(X(1, 1) == T(9));
    CHECK(X(2, 1) == T(-1.5));
    CHECK(X(3, 1) == doctest::Approx(std::cos(-3.0)).epsilon(1e-6));
    CHECK(X(0, 2) == T(0));
    CHECK(X(3, 2) == T(1));  // cos 0

    compute_features(features, std::vector<Point>{}, X);
    CHECK(X.rows() == 4);
    CHECK(X.cols() == 0);
}

TEST_CASE("features: grid cells are centres, row 0 at the top") {
    // R = 4: cells are 3 wide, centres at ±1.5 and ±4.5.
    CHECK(grid_x(0, 4) == -4.5);
    CHECK(grid_x(3, 4) == 4.5);
    CHECK(grid_y(0, 4) == 4.5);
    CHECK(grid_y(3, 4) == -4.5);
    CHECK(grid_x(1, 4) == -1.5);
    CHECK(grid_y(2, 4) == -1.5);

    MatrixD X;
    compute_grid_features({f_x, f_y}, 4, X);
    REQUIRE(X.rows() == 2);
    REQUIRE(X.cols() == 16);
    // Column i·R + j is row i, column j.
    CHECK(X(0, 0) == -4.5);  // top left
    CHECK(X(1, 0) == 4.5);
    CHECK(X(0, 3) == 4.5);   // top right
    CHECK(X(1, 3) == 4.5);
    CHECK(X(0, 4) == -4.5);  // second row, left
    CHECK(X(1, 4) == 1.5);
    CHECK(X(0, 15) == 4.5);  // bottom right
    CHECK(X(1, 15) == -4.5);

    // R = 1: the one cell is the origin.
    compute_grid_features({f_x, f_y, f_cos_x}, 1, X);
    REQUIRE(X.cols() == 1);
    CHECK(X(0, 0) == 0);
    CHECK(X(1, 0) == 0);
    CHECK(X(2, 0) == 1);
}

TEST_CASE_TEMPLATE("features: tabulated grid equals per-cell feature_value", T, float, double) {
    const auto features = all_features();
    for (int R : {3, 7, 64}) {
        CAPTURE(R);
        MatrixT<T> X;
        compute_grid_features(features, R, X);
        REQUIRE(X.rows() == feature_count);
        REQUIRE(X.cols() == R * R);
        int mismatches = 0;
        for (int i = 0; i < R; ++i)
            for (int j = 0; j < R; ++j)
                for (int f = 0; f < feature_count; ++f)
                    mismatches += X(f, i * R + j) !=
                                  static_cast<T>(feature_value(static_cast<Feature>(f),
                                                               grid_x(j, R), grid_y(i, R)));
        CHECK(mismatches == 0);
    }
}

TEST_CASE("features: a 512 grid of a feature subset") {
    const int R = 512;
    Matrix X;
    compute_grid_features({f_x_times_y, f_sin_y}, R, X);
    REQUIRE(X.rows() == 2);
    REQUIRE(X.cols() == R * R);
    const int i = 100, j = 400;
    const double x = -6 + 12 * (j + 0.5) / R, y = 6 - 12 * (i + 0.5) / R;
    CHECK(X(0, i * R + j) == doctest::Approx(x * y).epsilon(1e-6));
    CHECK(X(1, i * R + j) == doctest::Approx(std::sin(y)).epsilon(1e-6));
    CHECK(X(0, R * R - 1) == doctest::Approx(grid_x(R - 1, R) * grid_y(R - 1, R)).epsilon(1e-6));
}
