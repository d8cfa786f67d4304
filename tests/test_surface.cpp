// test_surface.cpp: the error surface. One linear unit with square loss gives a convex
// bowl whose lowest cell is the least-squares solution; a multi-layer network's slice
// is not convex; the path and its bounded record behave as documented.
#include "engine/surface.h"

#include "engine/training_set.h"

#include <Eigen/LU>
#include <doctest/doctest.h>

#include <cmath>

using namespace nnplay;

namespace {

PlaygroundState read(const char* query) {
    StateReadResult r = from_query(query);
    INFO(query);
    REQUIRE(r.warnings.empty());
    return r.state;
}

double at(const Surface& s, int i, int j) { return s.loss[std::size_t(i * s.size + j)]; }

// Whether some cell lies above the mean of its two neighbours along a row, a column
// or a diagonal by more than `tolerance` (a triple that breaks convexity).
bool has_nonconvex_triple(const Surface& s, double tolerance) {
    const int dirs[4][2] = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
    for (int i = 1; i + 1 < s.size; ++i)
        for (int j = 1; j + 1 < s.size; ++j)
            for (const auto& d : dirs) {
                const double mid = at(s, i, j);
                const double ends = 0.5 * (at(s, i - d[0], j - d[1]) + at(s, i + d[0], j + d[1]));
                if (mid > ends + tolerance) return true;
            }
    return false;
}

}  // namespace

TEST_CASE("surface: one linear unit with square loss is a convex bowl whose minimum is the least-squares fit") {
    Trainer t(read("problem=regression&regDataset=reg-plane&networkShape=&noise=20&seed=bowl"));
    REQUIRE(t.network(0).layer_count() == 1);
    for (int e = 0; e < 5; ++e) t.step_epoch();
    WeightPath path;
    path.record(t.epoch(), t.network(0));
    SurfaceOptions options;
    options.size = 41;
    const Surface s = compute_surface(t, path, options);
    REQUIRE(s.error.empty());
    CHECK(s.method == SurfaceMethod::exact);
    CHECK(s.a_now == doctest::Approx(t.network(0).params()[0]));
    CHECK_FALSE(has_nonconvex_triple(s, 1e-6));
    double a = 0, b = 0;  // located, the weights are their own coordinates
    s.locate(t.network(0).params(), a, b);
    CHECK(a == double(t.network(0).params()[0]));
    CHECK(b == double(t.network(0).params()[1]));

    // The least-squares weights with the bias held at its value: the 2×2 normal equations.
    Matrix X;
    Vector y;
    points_matrix(t, t.data().train, X, y);
    const double bias = t.network(0).layer(0).b[0];
    Eigen::Matrix2d A = Eigen::Matrix2d::Zero();
    Eigen::Vector2d r = Eigen::Vector2d::Zero();
    for (Eigen::Index k = 0; k < X.cols(); ++k) {
        const Eigen::Vector2d x(X(0, k), X(1, k));
        A += x * x.transpose();
        r += x * (double(y[k]) - bias);
    }
    const Eigen::Vector2d w = A.inverse() * r;
    int best = 0;
    for (int k = 1; k < s.size * s.size; ++k)
        if (s.loss[std::size_t(k)] < s.loss[std::size_t(best)]) best = k;
    const double step = (s.a_max - s.a_min) / (s.size - 1);
    CHECK(std::abs(s.a_at(best % s.size) - w[0]) <= step);
    CHECK(std::abs(s.b_at(best / s.size) - w[1]) <= step);
    CHECK(s.a_min < w[0]);
    CHECK(w[0] < s.a_max);
}

TEST_CASE("surface: a multi-layer network's slice is not convex, and the same seed gives the same surface") {
    Trainer t(read("dataset=xor&networkShape=8,8&activation=tanh&seed=hills"));
    WeightPath path;
    for (int e = 0; e < 30; ++e) {
        t.step_epoch(false);
        path.record(t.epoch(), t.network(0));
    }
    SurfaceOptions options;
    options.size = 31;
    const Surface s = compute_surface(t, path, options);
    REQUIRE(s.error.empty());
    CHECK(s.method == SurfaceMethod::random);
    CHECK(has_nonconvex_triple(s, 1e-4));
    CHECK(s.path_a.size() == 30);
    // The path ends at the current weights: the centre of the slice.
    CHECK(std::abs(s.path_a.back()) < 1e-4);
    CHECK(std::abs(s.path_b.back()) < 1e-4);
    const Surface again = compute_surface(t, path, options);
    CHECK(again.loss == s.loss);
    // locate() puts weights where the path's points are; trained on, they leave the centre.
    for (int i : {0, 12, 29}) {
        double a = 0, b = 0;
        s.locate(path.weights(i), a, b);
        CHECK(a == s.path_a[std::size_t(i)]);
        CHECK(b == s.path_b[std::size_t(i)]);
    }
    t.step_epoch(false);
    double a = 0, b = 0;
    s.locate(t.network(0).params(), a, b);
    CHECK(std::hypot(a, b) > 1e-4);
    s.locate(Vector(3), a, b);
    CHECK(std::isnan(a));

    options.method = SurfaceMethod::pca;
    const Surface p = compute_surface(t, path, options);
    REQUIRE(p.error.empty());
    CHECK(std::abs(p.d1.cast<double>().dot(p.d2.cast<double>())) < 1e-4);
    CHECK(p.path_a.front() != doctest::Approx(0.0));
    CHECK(p.description.find("principal") != std::string::npos);
}

TEST_CASE("surface: the builder spreads the grid over calls and says what it cannot do") {
    Trainer t(read("dataset=circle&seed=steps"));
    WeightPath path;
    SurfaceBuilder b;
    SurfaceOptions options;
    options.size = 11;
    b.begin(t, path, options);
    CHECK_FALSE(b.step(50));
    CHECK(b.cells_done() == 50);
    CHECK(std::isnan(b.surface().loss[60]));
    CHECK(b.step(1000));
    CHECK(b.surface().loss == compute_surface(t, path, options).loss);

    options.method = SurfaceMethod::pca;  // no path yet
    CHECK(compute_surface(t, path, options).error.find("train first") != std::string::npos);
    options.method = SurfaceMethod::exact;  // 2-4-2-1 has more than two weights
    CHECK(compute_surface(t, path, options).error.find("two chosen weights") != std::string::npos);
    options.weight_a = 0;
    options.weight_b = 999;
    CHECK_FALSE(compute_surface(t, path, options).error.empty());
    options.weight_b = 3;
    CHECK(compute_surface(t, path, options).error.empty());
}

TEST_CASE("surface: a cell over many points is computed a chunk at a time, to the same bits as mean_loss") {
    // 1000 points, half of them for training: 500, two chunks (256 and 244) a cell.
    Trainer t(read("dataset=xor&numSamples=1000&networkShape=8,8&seed=chunks"));
    REQUIRE(t.data().train.size() == 500);
    WeightPath path;
    SurfaceOptions options;
    options.size = 5;
    SurfaceBuilder b;
    b.begin(t, path, options);
    CHECK_FALSE(b.step_chunk());
    CHECK(b.cells_done() == 0);  // the first cell is half summed: not shown yet
    CHECK(std::isnan(b.surface().loss[0]));
    CHECK_FALSE(b.step_chunk());
    CHECK(b.cells_done() == 1);
    int calls = 2;
    while (!b.step_chunk()) ++calls;
    CHECK(calls + 1 == 2 * 25);
    const Surface& s = b.surface();
    CHECK(s.loss == compute_surface(t, path, options).loss);  // step() goes by the same chunks
    // Each cell is mean_loss at its weights, bit for bit.
    Matrix X;
    Vector y;
    points_matrix(t, t.data().train, X, y);
    Network<Scalar> net = t.network(0);
    for (int cell : {0, 12, 24}) {
        const int i = cell / s.size, j = cell % s.size;
        net.params() = s.origin + Scalar(s.a_at(j)) * s.d1 + Scalar(s.b_at(i)) * s.d2;
        Workspace<Scalar> ws;
        CHECK(s.loss[std::size_t(cell)] == mean_loss(net, X, y, ws));
    }
}

TEST_CASE("surface: the recorded path stays bounded and evenly spaced") {
    Trainer t(read("dataset=circle&seed=path"));
    WeightPath path(8);
    for (int e = 1; e <= 40; ++e) path.record(e, t.network(0));
    CHECK(path.size() <= 8);
    CHECK(path.size() >= 4);
    for (int i = 1; i < path.size(); ++i) CHECK(path.epoch(i) - path.epoch(i - 1) == path.epoch(1) - path.epoch(0));
    path.record(1, t.network(0));  // a new run: starts over
    CHECK(path.size() == 1);
}
