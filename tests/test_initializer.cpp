// test_initializer.cpp: the starting weights. Zeros, uniform ±scale, Gaussian
// σ = scale, and the Xavier/He bounds and spreads from fan-in and fan-out,
// measured on big layers; the bias value, the draw order and reproducibility.
#include "engine/initializer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>

using namespace nnplay;

namespace {

// 64 → 64 → 16 → 64: a square layer, one with fan-in > fan-out and one with
// fan-in < fan-out, so Xavier (in + out) and He (in only) come out differently.
NetworkSpec big_spec() {
    NetworkSpec spec;
    spec.inputs = 64;
    spec.hidden = {64, 16};
    spec.activations = {Activation::relu, Activation::relu};
    spec.output = Output::softmax_ce;
    spec.outputs = 64;
    return spec;
}

struct Stats {
    double mean = 0, sd = 0, max_abs = 0;
};

template <typename T>
Stats weight_stats(const DenseLayer<T>& layer) {
    const auto W = layer.weights();
    Stats s;
    const double n = double(W.size());
    s.mean = double(W.sum()) / n;
    double sum2 = 0;
    for (Eigen::Index i = 0; i < W.size(); ++i) {
        const double w = W.data()[i];
        sum2 += (w - s.mean) * (w - s.mean);
        s.max_abs = std::fmax(s.max_abs, std::fabs(w));
    }
    s.sd = std::sqrt(sum2 / n);
    return s;
}

}  // namespace

TEST_CASE("initializer: zeros sets every weight and bias to 0") {
    Network<float> net(big_spec());
    net.params().setConstant(5.0f);
    Rng rng("zeros");
    initialize(net, Init::zeros, 0.5, 0.1, rng);  // the bias argument is ignored too
    CHECK(net.params().isZero());
}

TEST_CASE("initializer: uniform draws from −scale to scale") {
    Network<double> net(big_spec());
    Rng rng("uniform");
    for (double scale : {0.5, 0.1, 2.0}) {
        CAPTURE(scale);
        initialize(net, Init::uniform, scale, 0.1, rng);
        for (int l = 0; l < net.layer_count(); ++l) {
            CAPTURE(l);
            const Stats s = weight_stats(net.layer(l));
            CHECK(s.max_abs <= scale);
            CHECK(s.max_abs > 0.98 * scale);  // and it fills the interval
            CHECK(std::fabs(s.mean) < 0.05 * scale);
            CHECK(s.sd == doctest::Approx(scale / std::sqrt(3.0)).epsilon(0.05));  // U(−a, a): a/√3
        }
    }
}

TEST_CASE("initializer: gaussian has σ = scale") {
    Network<double> net(big_spec());
    Rng rng("gaussian");
    initialize(net, Init::gaussian, 0.3, 0.0, rng);
    const Stats s = weight_stats(net.layer(0));  // 4096 weights: σ known to ~1%
    CHECK(s.sd == doctest::Approx(0.3).epsilon(0.04));
    CHECK(std::fabs(s.mean) < 0.02);
    CHECK(s.max_abs > 2 * 0.3);  // not a bounded distribution
    CHECK(weight_stats(net.layer(1)).sd == doctest::Approx(0.3).epsilon(0.08));
}

TEST_CASE("initializer: Xavier and He scale by fan-in and fan-out") {
    Network<double> net(big_spec());
    Rng rng("fan");
    // Per layer (in, out): (64, 64), (64, 16), (16, 64).
    const double in[] = {64, 64, 16}, out[] = {64, 16, 64};

    SUBCASE("xavier-uniform: ±√(6/(in + out))") {
        initialize(net, Init::xavier_uniform, 0.5, 0.1, rng);
        for (int l = 0; l < 3; ++l) {
            CAPTURE(l);
            const double bound = std::sqrt(6.0 / (in[l] + out[l]));
            const Stats s = weight_stats(net.layer(l));
            CHECK(s.max_abs <= bound);
            CHECK(s.max_abs > 0.97 * bound);
            CHECK(s.sd == doctest::Approx(bound / std::sqrt(3.0)).epsilon(0.06));
        }
    }
    SUBCASE("xavier-normal: σ = √(2/(in + out))") {
        initialize(net, Init::xavier_normal, 0.5, 0.1, rng);
        for (int l = 0; l < 3; ++l) {
            CAPTURE(l);
            CHECK(weight_stats(net.layer(l)).sd ==
                  doctest::Approx(std::sqrt(2.0 / (in[l] + out[l]))).epsilon(0.08));
        }
    }
    SUBCASE("he-uniform: ±√(6/in)") {
        initialize(net, Init::he_uniform, 0.5, 0.1, rng);
        for (int l = 0; l < 3; ++l) {
            CAPTURE(l);
            const double bound = std::sqrt(6.0 / in[l]);
            const Stats s = weight_stats(net.layer(l));
            CHECK(s.max_abs <= bound);
            CHECK(s.max_abs > 0.97 * bound);
            CHECK(s.sd == doctest::Approx(bound / std::sqrt(3.0)).epsilon(0.06));
        }
    }
    SUBCASE("he-normal: σ = √(2/in)") {
        initialize(net, Init::he_normal, 0.5, 0.1, rng);
        for (int l = 0; l < 3; ++l) {
            CAPTURE(l);
            CHECK(weight_stats(net.layer(l)).sd ==
                  doctest::Approx(std::sqrt(2.0 / in[l])).epsilon(0.08));
        }
    }
    SUBCASE("the scale argument does not matter to them") {
        for (Init init : {Init::xavier_uniform, Init::xavier_normal, Init::he_uniform,
                          Init::he_normal}) {
            CAPTURE(name_of(init));
            Network<double> a(big_spec()), b(big_spec());
            Rng ra("same"), rb("same");
            initialize(a, init, 0.5, 0.1, ra);
            initialize(b, init, 7.0, 0.1, rb);
            CHECK(a.params() == b.params());
        }
    }
}

TEST_CASE("initializer: every bias is the init bias and draws nothing") {
    NetworkSpec spec = big_spec();
    for (Init init : {Init::uniform, Init::gaussian, Init::xavier_uniform, Init::xavier_normal,
                      Init::he_uniform, Init::he_normal}) {
        CAPTURE(name_of(init));
        Network<float> net(spec);
        Rng rng("bias");
        initialize(net, init, 0.5, 0.25, rng);
        for (int l = 0; l < net.layer_count(); ++l) {
            CAPTURE(l);
            CHECK((net.layer(l).biases().array() == 0.25f).all());
        }
        if (init == Init::uniform) {
            // Exactly one draw per weight: 64·64 + 64·16 + 16·64 of them.
            Rng after("bias");
            for (int i = 0; i < 64 * 64 + 64 * 16 + 16 * 64; ++i) after.next_u64();
            CHECK(rng.next_u64() == after.next_u64());
        }
    }
}

TEST_CASE("initializer: weights are drawn neuron by neuron, inputs in order") {
    NetworkSpec spec;
    spec.inputs = 3;
    spec.hidden = {2};
    spec.activations = {Activation::tanh};
    Network<double> net(spec);
    Rng rng("order"), replay("order");
    initialize(net, Init::uniform, 0.5, 0.0, rng);
    // Layer 0: W(0,0), W(0,1), W(0,2), W(1,0), …; then layer 1.
    const auto W0 = net.layer(0).weights();
    for (int o = 0; o < 2; ++o)
        for (int i = 0; i < 3; ++i) CHECK(W0(o, i) == replay.uniform(-0.5, 0.5));
    const auto W1 = net.layer(1).weights();
    CHECK(W1(0, 0) == replay.uniform(-0.5, 0.5));
    CHECK(W1(0, 1) == replay.uniform(-0.5, 0.5));
}

TEST_CASE("initializer: the same seed gives the same weights, another seed others") {
    for (Init init : {Init::uniform, Init::gaussian, Init::xavier_normal, Init::he_uniform}) {
        CAPTURE(name_of(init));
        Network<double> a(big_spec()), b(big_spec()), c(big_spec());
        Rng ra("seed-1"), rb("seed-1"), rc("seed-2");
        initialize(a, init, 0.5, 0.1, ra);
        initialize(b, init, 0.5, 0.1, rb);
        initialize(c, init, 0.5, 0.1, rc);
        CHECK(a.params() == b.params());
        CHECK(a.params() != c.params());
        // Not a single weight in common.
        int same = 0;
        for (int l = 0; l < a.layer_count(); ++l)
            same += int((a.layer(l).weights().array() == c.layer(l).weights().array()).count());
        CHECK(same == 0);
        // float networks get the same draws, rounded.
        Network<float> f(big_spec());
        Rng rf("seed-1");
        initialize(f, init, 0.5, 0.1, rf);
        CHECK(f.params() == a.params().cast<float>());
    }
}
