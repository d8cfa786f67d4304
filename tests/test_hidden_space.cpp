// test_hidden_space.cpp: points and the input grid as a hidden layer sees them.
#include "engine/hidden_space.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace nnplay;

TEST_CASE("hidden space: two neurons' activations, principal components, and clear errors") {
    PlaygroundState s;
    s.seed = "hidden";
    Trainer t(s);  // 2-4-2-1 tanh
    HiddenSpaceOptions o;
    o.lines = 5;
    o.samples = 9;
    const HiddenSpace h = hidden_space(t, o);
    REQUIRE(h.error.empty());
    CHECK(h.point_a.size() == t.data().train.size());
    CHECK(h.line_a.size() == std::size_t(2 * 5 * 9));
    // tanh: every coordinate in (−1, 1), the bounds hold them all.
    for (std::size_t k = 0; k < h.line_a.size(); ++k) {
        CHECK(std::abs(h.line_a[k]) < 1);
        CHECK(h.line_a[k] >= h.a_min);
        CHECK(h.line_b[k] <= h.b_max);
    }
    // The point's coordinate is neuron 1's activation of layer 1: tanh(w·x + b).
    const Point& p = t.data().train[0];
    const DenseLayer<Scalar>& l0 = t.network(0).layer(0);
    const double z = double(l0.W[0]) * p.x + double(l0.W[l0.out]) * p.y + double(l0.b[0]);
    CHECK(h.point_a[0] == doctest::Approx(std::tanh(z)).epsilon(1e-5));

    o.pca = true;
    const HiddenSpace c = hidden_space(t, o);
    REQUIRE(c.error.empty());
    CHECK(c.axis_a.find("principal component 1") == 0);
    // Centred: the points' mean on each component is 0.
    double mean = 0;
    for (float a : c.point_a) mean += a;
    CHECK(std::abs(mean / double(c.point_a.size())) < 1e-4);

    o.pca = false;
    o.layer = 1;  // the second hidden layer has 2 neurons
    CHECK(hidden_space(t, o).error.empty());
    o.neuron_b = 2;
    CHECK(hidden_space(t, o).error.find("has 2 neurons") != std::string::npos);
    o.layer = 2;
    CHECK(hidden_space(t, o).error.find("does not exist") != std::string::npos);
    s.network_shape = {};
    Trainer none(s);
    CHECK(hidden_space(none, {}).error.find("no hidden layer") != std::string::npos);
}
