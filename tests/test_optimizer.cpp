// test_optimizer.cpp: the five update rules worked by hand for two steps on a
// two-parameter vector (w₀ = (1, −2), g₁ = (0.5, −1), g₂ = (0.2, 0.4), lr = 0.1,
// the default μ = 0.9, ρ = 0.9, β₁ = 0.9, β₂ = 0.999, ε = 1e−8), Adam's bias
// correction, and reset().
#include "engine/optimizer.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace nnplay;

namespace {

struct Run {
    double after1[2], after2[2];
};

// Two steps of `kind` from w₀ with g₁ then g₂; returns w after each.
template <typename T>
Run two_steps(Optimizer kind) {
    OptimizerSettings settings;
    settings.kind = kind;
    OptimizerState<T> opt(2);
    T w[2] = {1, -2};
    const T g1[2] = {0.5, -1}, g2[2] = {0.2, 0.4};
    Run r;
    opt.step(w, g1, settings, 0.1);
    r.after1[0] = w[0];
    r.after1[1] = w[1];
    opt.step(w, g2, settings, 0.1);
    r.after2[0] = w[0];
    r.after2[1] = w[1];
    CHECK(opt.steps() == 2);
    return r;
}

template <typename T>
doctest::Approx near(double v) {
    return doctest::Approx(v).epsilon(sizeof(T) == sizeof(float) ? 1e-6 : 1e-12);
}

}  // namespace

TEST_CASE("optimizer: default settings follow PyTorch's") {
    const OptimizerSettings s;
    CHECK(s.kind == Optimizer::sgd);
    CHECK(s.momentum == 0.9);
    CHECK(s.rms_decay == 0.9);
    CHECK(s.beta1 == 0.9);
    CHECK(s.beta2 == 0.999);
    CHECK(s.epsilon == 1e-8);
}

TEST_CASE_TEMPLATE("optimizer: sgd, w −= lr·g", T, float, double) {
    // w₁ = (1 − 0.05, −2 + 0.1) = (0.95, −1.9); w₂ = (0.95 − 0.02, −1.9 − 0.04) = (0.93, −1.94)
    const Run r = two_steps<T>(Optimizer::sgd);
    CHECK(r.after1[0] == near<T>(0.95));
    CHECK(r.after1[1] == near<T>(-1.9));
    CHECK(r.after2[0] == near<T>(0.93));
    CHECK(r.after2[1] == near<T>(-1.94));
}

TEST_CASE_TEMPLATE("optimizer: momentum, v = μv + g, w −= lr·v", T, float, double) {
    // v₁ = g₁ = (0.5, −1): w₁ = (0.95, −1.9).
    // v₂ = 0.9·(0.5, −1) + (0.2, 0.4) = (0.65, −0.5): w₂ = (0.95 − 0.065, −1.9 + 0.05) = (0.885, −1.85).
    const Run r = two_steps<T>(Optimizer::momentum);
    CHECK(r.after1[0] == near<T>(0.95));
    CHECK(r.after1[1] == near<T>(-1.9));
    CHECK(r.after2[0] == near<T>(0.885));
    CHECK(r.after2[1] == near<T>(-1.85));
}

TEST_CASE_TEMPLATE("optimizer: nesterov, v = μv + g, w −= lr·(g + μv)", T, float, double) {
    // v₁ = (0.5, −1); g + μv = (0.95, −1.9): w₁ = (0.905, −1.81).
    // v₂ = (0.65, −0.5); g + μv = (0.2 + 0.585, 0.4 − 0.45) = (0.785, −0.05):
    // w₂ = (0.905 − 0.0785, −1.81 + 0.005) = (0.8265, −1.805).
    const Run r = two_steps<T>(Optimizer::nesterov);
    CHECK(r.after1[0] == near<T>(0.905));
    CHECK(r.after1[1] == near<T>(-1.81));
    CHECK(r.after2[0] == near<T>(0.8265));
    CHECK(r.after2[1] == near<T>(-1.805));
}

TEST_CASE_TEMPLATE("optimizer: rmsprop, s = ρs + (1−ρ)g², w −= lr·g/(√s + ε)", T, float, double) {
    // s₁ = 0.1·(0.25, 1) = (0.025, 0.1); √s₁ = (0.158113883, 0.316227766);
    // w₁ = (1 − 0.05/0.158113883, −2 + 0.1/0.316227766) = (0.683772254, −1.683772244)
    // (ε moves the 8th digit). s₂ = 0.9·s₁ + 0.1·(0.04, 0.16) = (0.0265, 0.106);
    // steps 0.02/√0.0265 = 0.122858984 and 0.04/√0.106 = 0.122858984:
    // w₂ = (0.560913238, −1.806631264).
    const Run r = two_steps<T>(Optimizer::rmsprop);
    CHECK(r.after1[0] == near<T>(0.6837722539831608));
    CHECK(r.after1[1] == near<T>(-1.6837722439831617));
    CHECK(r.after2[0] == near<T>(0.5609132381635399));
    CHECK(r.after2[1] == near<T>(-1.8066312635763673));
}

TEST_CASE_TEMPLATE("optimizer: adam with bias correction", T, float, double) {
    // Step 1: m = 0.1·g₁, s = 0.001·g₁²; m̂ = g₁, ŝ = g₁², so the step is
    // lr·g/(|g| + ε) = lr·sign(g)·(1 − 2e−8 or 1e−8): w₁ = (0.900000002, −1.900000001).
    // Step 2: m = 0.9·(0.05, −0.1) + 0.1·(0.2, 0.4) = (0.065, −0.05),
    // s = 0.999·(0.00025, 0.001) + 0.001·(0.04, 0.16) = (0.00028975, 0.001159);
    // m̂ = m/0.19 = (0.342105263, −0.263157895), ŝ = s/0.001999 = (0.144947474, 0.579789895);
    // steps 0.1·m̂/√ŝ = (0.089857518, −0.034560585): w₂ = (0.810142484, −1.865439417).
    const Run r = two_steps<T>(Optimizer::adam);
    CHECK(r.after1[0] == near<T>(0.9000000019999999));
    CHECK(r.after1[1] == near<T>(-1.900000001));
    CHECK(r.after2[0] == near<T>(0.8101424839029281));
    CHECK(r.after2[1] == near<T>(-1.865439416662626));
}

TEST_CASE("optimizer: adam's first steps on a constant gradient are lr·sign(g)") {
    // With bias correction m̂ = g and ŝ = g² exactly, for any step count.
    OptimizerSettings settings;
    settings.kind = Optimizer::adam;
    settings.epsilon = 0;
    OptimizerState<double> opt(2);
    double w[2] = {0, 0};
    const double g[2] = {3.0, -0.001};
    for (int t = 1; t <= 20; ++t) {
        opt.step(w, g, settings, 0.01);
        CHECK(w[0] == doctest::Approx(-0.01 * t).epsilon(1e-12));
        CHECK(w[1] == doctest::Approx(0.01 * t).epsilon(1e-12));
    }
    CHECK(opt.steps() == 20);
}

TEST_CASE("optimizer: reset() clears the moments and the step count") {
    for (Optimizer kind : {Optimizer::momentum, Optimizer::nesterov, Optimizer::rmsprop,
                           Optimizer::adam}) {
        CAPTURE(name_of(kind));
        OptimizerSettings settings;
        settings.kind = kind;
        const double g[2] = {0.5, -1}, g_other[2] = {-3, 2};

        OptimizerState<double> fresh(2);
        double w_fresh[2] = {1, -2};
        fresh.step(w_fresh, g, settings, 0.1);

        OptimizerState<double> used(2);
        double w[2] = {7, 7};
        for (int i = 0; i < 5; ++i) used.step(w, g_other, settings, 0.1);
        CHECK(used.steps() == 5);
        used.reset();
        CHECK(used.steps() == 0);
        w[0] = 1;
        w[1] = -2;
        used.step(w, g, settings, 0.1);
        CHECK(w[0] == w_fresh[0]);
        CHECK(w[1] == w_fresh[1]);

        // Without the reset the history shows.
        OptimizerState<double> unreset(2);
        double w2[2] = {7, 7};
        for (int i = 0; i < 5; ++i) unreset.step(w2, g_other, settings, 0.1);
        w2[0] = 1;
        w2[1] = -2;
        unreset.step(w2, g, settings, 0.1);
        CHECK(w2[0] != w_fresh[0]);
    }
}

TEST_CASE("optimizer: only the sized count of parameters is touched, lr 0 changes nothing") {
    for (Optimizer kind : {Optimizer::sgd, Optimizer::momentum, Optimizer::nesterov,
                           Optimizer::rmsprop, Optimizer::adam}) {
        CAPTURE(name_of(kind));
        OptimizerSettings settings;
        settings.kind = kind;
        OptimizerState<float> opt(3);
        float w[4] = {1, 2, 3, 4};
        const float g[4] = {1, 1, 1, 1};
        opt.step(w, g, settings, 0.0);
        CHECK(w[0] == 1);
        CHECK(w[2] == 3);
        opt.step(w, g, settings, 0.1);
        CHECK(w[0] < 1);
        CHECK(w[2] < 3);
        CHECK(w[3] == 4);
    }
}
