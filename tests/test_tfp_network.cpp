// test_tfp_network.cpp: TensorFlow Playground's network for compat=tf. The
// weights' draw order, a hand-computed forward pass, backward against central
// differences in double, the per-example accumulation with a partial batch
// carried into the next update, and L1's dead links.
#include "engine/tfp/network.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace nnplay;
using namespace nnplay::test;

TEST_CASE("tfp_network: links draw rand - 0.5 node by node, biases 0.1, and initZero draws too") {
    SeedRandom a("w"), b("w");
    TfpNetwork net({2, 3, 1}, TfpActivation::tanh, TfpActivation::tanh, Regularization::none, false, a);
    for (int n = 0; n < 3; ++n)
        for (int from = 0; from < 2; ++from) CHECK(net.link(1, n, from).weight == b.next() - 0.5);
    for (int from = 0; from < 3; ++from) CHECK(net.link(2, 0, from).weight == b.next() - 0.5);
    CHECK(net.node(1, 2).bias == 0.1);
    CHECK(a.next() == b.next());  // nothing else was drawn

    SeedRandom c("w"), d("w");
    TfpNetwork zero({2, 3, 1}, TfpActivation::tanh, TfpActivation::tanh, Regularization::none, true, c);
    for (int i = 0; i < 9; ++i) d.next();
    CHECK(c.next() == d.next());  // 9 draws, thrown away
    CHECK(zero.link(2, 0, 1).weight == 0);
    CHECK(zero.node(2, 0).bias == 0);
}

TEST_CASE("tfp_network: forward is bias plus the sum of w times source, then the activation") {
    SeedRandom rng("f");
    TfpNetwork net({2, 2, 1}, TfpActivation::relu, TfpActivation::tanh, Regularization::none, false, rng);
    net.link(1, 0, 0).weight = 1, net.link(1, 0, 1).weight = -2, net.node(1, 0).bias = 0.5;
    net.link(1, 1, 0).weight = -1, net.link(1, 1, 1).weight = -1, net.node(1, 1).bias = 0;
    net.link(2, 0, 0).weight = 0.25, net.link(2, 0, 1).weight = 3, net.node(2, 0).bias = -0.1;
    const double x[2] = {2, 0.25};
    // hidden: relu(0.5 + 2 − 0.5) = 2, relu(−2.25) = 0; output tanh(−0.1 + 0.5 + 0)
    CHECK(net.forward(x) == doctest::Approx(std::tanh(-0.1 + 0.25 * 2.0)).epsilon(1e-15));
    CHECK(net.node(1, 1).output == 0);
}

TEST_CASE("tfp_network: backward's derivatives equal central differences of 1/2 (o - t)^2") {
    for (TfpActivation act : {TfpActivation::tanh, TfpActivation::sigmoid, TfpActivation::linear,
                              TfpActivation::relu}) {
        CAPTURE(int(act));
        SeedRandom rng("g");
        TfpNetwork net({2, 3, 2, 1}, act, TfpActivation::tanh, Regularization::none, false, rng);
        const double x[2] = {0.7, -1.3}, target = -1;
        auto loss = [&] {
            const double o = net.forward(x);
            return 0.5 * (o - target) * (o - target);
        };
        net.forward(x);
        net.backward(target);
        for (int l = 1; l < net.layer_count(); ++l)
            for (int n = 0; n < net.width(l); ++n) {
                const double db = central_difference(net.node(l, n).bias, loss);
                CHECK(net.node(l, n).acc_input_der == doctest::Approx(db).epsilon(1e-6));
                for (int from = 0; from < net.width(l - 1); ++from) {
                    const double dw = central_difference(net.link(l, n, from).weight, loss);
                    CHECK(net.link(l, n, from).acc_error_der == doctest::Approx(dw).epsilon(1e-6));
                }
            }
    }
}

TEST_CASE("tfp_network: a partial batch carries over into the next epoch's first update") {
    // One linear neuron o = b + w·x on 25 examples, batch 10: updates after
    // examples 10 and 20; 5 wait, and the next epoch's first update averages 15.
    SeedRandom rng("c");
    TfpNetwork net({1, 1}, TfpActivation::linear, TfpActivation::linear, Regularization::none, false, rng);
    auto epoch = [&] {
        for (int i = 0; i < 25; ++i) {
            const double x = 0.1 * i;
            net.forward(&x);
            net.backward(1.0);
            if ((i + 1) % 10 == 0) net.update(0.1, 0);
        }
    };
    epoch();
    CHECK(net.node(1, 0).acc_count == 5);
    CHECK(net.link(1, 0, 0).acc_count == 5);

    // The next update: the 5 carried derivatives plus 10 new ones, divided by 15.
    double sum = net.node(1, 0).acc_input_der;
    const double bias = net.node(1, 0).bias;
    for (int i = 0; i < 10; ++i) {
        const double x = 0.1 * i;
        const double o = net.forward(&x);
        sum += o - 1.0;
        net.backward(1.0);
    }
    CHECK(net.node(1, 0).acc_count == 15);
    net.update(0.1, 0);
    CHECK(net.node(1, 0).bias == bias - 0.1 * sum / 15);
    CHECK(net.node(1, 0).acc_count == 0);
}

TEST_CASE("tfp_network: an L1 step across zero kills the link for good, L2 only shrinks") {
    SeedRandom rng("l1");
    TfpNetwork net({2, 1}, TfpActivation::linear, TfpActivation::linear, Regularization::l1, false, rng);
    net.link(1, 0, 0).weight = 0.001;  // the L1 step lr·rate = 0.01 pushes it past 0
    net.link(1, 0, 1).weight = 0.5;
    const double x[2] = {0, 0};  // no data gradient on the weights: only the regulariser acts
    net.forward(x);
    net.backward(0);
    net.update(0.1, 0.1);
    CHECK(net.link(1, 0, 0).dead);
    CHECK(net.link(1, 0, 0).weight == 0);
    CHECK_FALSE(net.link(1, 0, 1).dead);
    CHECK(net.link(1, 0, 1).weight == 0.5 - (0.1 * 0.1) * 1);

    const double y[2] = {1, 1};  // now with a gradient: the dead link stays 0
    for (int i = 0; i < 5; ++i) {
        net.forward(y);
        net.backward(3);
        CHECK(net.link(1, 0, 0).acc_count == 0);
        net.update(0.1, 0.1);
    }
    CHECK(net.link(1, 0, 0).weight == 0);
    CHECK(net.link(1, 0, 1).weight != 0.5 - 0.01);

    SeedRandom rng2("l2");
    TfpNetwork l2({1, 1}, TfpActivation::linear, TfpActivation::linear, Regularization::l2, false, rng2);
    l2.link(1, 0, 0).weight = 0.001;
    const double zero = 0;
    l2.forward(&zero);
    l2.backward(0);
    l2.update(0.1, 20);  // a step of 2·w: crosses 0, but only L1 kills
    CHECK_FALSE(l2.link(1, 0, 0).dead);
    CHECK(l2.link(1, 0, 0).weight == 0.001 - (0.1 * 20) * 0.001);
}
