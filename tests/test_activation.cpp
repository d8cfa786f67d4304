// test_activation.cpp: the eight hidden-layer activations. Hand-worked values
// of f, f' against central differences in double, behaviour far out in the
// tails, and the batched kernels against the scalar definitions.
#include "engine/activation.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <vector>

using namespace nnplay;

namespace {

constexpr Activation kAll[] = {Activation::linear, Activation::sigmoid,   Activation::tanh,
                               Activation::relu,   Activation::leakyrelu, Activation::elu,
                               Activation::softplus, Activation::swish};

// Relative tolerance for a value computed in T from the det:: functions.
template <typename T>
constexpr double tol() {
    return sizeof(T) == sizeof(float) ? 1e-6 : 1e-14;
}

template <typename T>
doctest::Approx near(double v) {
    return doctest::Approx(v).epsilon(tol<T>()).scale(0);  // purely relative
}

}  // namespace

TEST_CASE_TEMPLATE("activation: hand-worked forward values", T, float, double) {
    using A = Activation;
    // linear: f(z) = z
    CHECK(activate(A::linear, T(1.5)) == T(1.5));
    CHECK(activate(A::linear, T(-2)) == T(-2));
    // sigmoid: 1/(1 + e^−z); σ(0) = ½, σ(2) = 0.88079707797788, σ(−3) = 0.04742587317757
    CHECK(activate(A::sigmoid, T(0)) == T(0.5));
    CHECK(double(activate(A::sigmoid, T(2))) == near<T>(0.8807970779778823));
    CHECK(double(activate(A::sigmoid, T(-3))) == near<T>(0.04742587317756678));
    // tanh(0.5) = 0.46211715726, tanh(−1) = −0.76159415596
    CHECK(double(activate(A::tanh, T(0.5))) == near<T>(0.46211715726000974));
    CHECK(double(activate(A::tanh, T(-1))) == near<T>(-0.7615941559557649));
    // relu: max(z, 0)
    CHECK(activate(A::relu, T(-1)) == T(0));
    CHECK(activate(A::relu, T(2.5)) == T(2.5));
    CHECK(activate(A::relu, T(0)) == T(0));
    // leakyrelu: 0.01·z below 0
    CHECK(double(activate(A::leakyrelu, T(-2))) == near<T>(-0.02));
    CHECK(activate(A::leakyrelu, T(3)) == T(3));
    // elu: e^z − 1 below 0: elu(−1) = e^−1 − 1 = −0.63212055883, elu(−½) = −0.39346934029
    CHECK(double(activate(A::elu, T(-1))) == near<T>(-0.6321205588285577));
    CHECK(double(activate(A::elu, T(-0.5))) == near<T>(-0.3934693402873666));
    CHECK(activate(A::elu, T(2)) == T(2));
    // softplus: ln(1 + e^z); softplus(0) = ln 2, softplus(±1) = 1.31326168752 / 0.31326168752
    CHECK(double(activate(A::softplus, T(0))) == near<T>(0.6931471805599453));
    CHECK(double(activate(A::softplus, T(1))) == near<T>(1.3132616875182228));
    CHECK(double(activate(A::softplus, T(-1))) == near<T>(0.31326168751822286));
    CHECK(double(activate(A::softplus, T(3))) == near<T>(3.048587351573742));
    // swish: z·σ(z); swish(1) = σ(1) = 0.73105857863, swish(−1) = −σ(−1), swish(2) = 2σ(2)
    CHECK(double(activate(A::swish, T(1))) == near<T>(0.7310585786300049));
    CHECK(double(activate(A::swish, T(-1))) == near<T>(-0.2689414213699951));
    CHECK(double(activate(A::swish, T(2))) == near<T>(1.7615941559557646));
    CHECK(activate(A::swish, T(0)) == T(0));
}

TEST_CASE_TEMPLATE("activation: hand-worked derivatives", T, float, double) {
    using A = Activation;
    auto d = [](Activation a, T z) { return double(activate_derivative(a, z, activate(a, z))); };
    CHECK(d(A::linear, T(-3)) == 1.0);
    CHECK(d(A::sigmoid, T(0)) == near<T>(0.25));                     // σ(1 − σ) = ¼
    CHECK(d(A::tanh, T(0)) == near<T>(1.0));                         // 1 − tanh² = 1
    CHECK(d(A::tanh, T(0.5)) == near<T>(1 - 0.46211715726000974 * 0.46211715726000974));
    CHECK(d(A::relu, T(-1)) == 0.0);
    CHECK(d(A::relu, T(1)) == 1.0);
    CHECK(d(A::leakyrelu, T(-1)) == near<T>(0.01));
    CHECK(d(A::leakyrelu, T(1)) == 1.0);
    CHECK(d(A::elu, T(-1)) == near<T>(0.36787944117144233));        // e^−1
    CHECK(d(A::elu, T(1)) == 1.0);
    CHECK(d(A::softplus, T(0)) == near<T>(0.5));                     // σ(0)
    CHECK(d(A::softplus, T(2)) == near<T>(0.8807970779778823));      // σ(2)
    CHECK(d(A::swish, T(0)) == near<T>(0.5));                        // σ(0) + 0
    // swish'(1) = σ(1) + σ(1)(1 − σ(1)) = 0.7310585786 + 0.1966119332
    CHECK(d(A::swish, T(1)) == near<T>(0.7310585786300049 + 0.19661193324148185));
}

TEST_CASE("activation: derivatives match central differences in double") {
    const double h = 1e-6;
    // Away from the kinks at 0 of relu, leakyrelu and elu (elu is C¹ there
    // but f'' jumps, which the central difference would smear).
    for (Activation a : kAll) {
        for (double z : {-4.1, -2.3, -0.7, -0.1, 0.2, 0.9, 1.7, 3.1}) {
            CAPTURE(int(a));
            CAPTURE(z);
            const double numeric = (activate(a, z + h) - activate(a, z - h)) / (2 * h);
            const double analytic = activate_derivative(a, z, activate(a, z));
            CHECK(std::fabs(analytic - numeric) <= 1e-8 * std::fmax(1.0, std::fabs(numeric)));
        }
    }
}

TEST_CASE_TEMPLATE("activation: tails stay finite and approach their limits", T, float, double) {
    using A = Activation;
    for (Activation a : kAll) {
        for (T z : {T(-1e4), T(-100), T(-30), T(30), T(100), T(1e4)}) {
            CAPTURE(int(a));
            CAPTURE(z);
            const T f = activate(a, z);
            CHECK(std::isfinite(f));
            CHECK(std::isfinite(activate_derivative(a, z, f)));
        }
    }
    CHECK(activate(A::sigmoid, T(100)) == T(1));
    CHECK(double(activate(A::sigmoid, T(-100))) < 1e-30);
    CHECK(activate(A::sigmoid, T(-100)) >= T(0));
    CHECK(activate(A::tanh, T(100)) == T(1));
    CHECK(activate(A::tanh, T(-100)) == T(-1));
    CHECK(activate(A::elu, T(-100)) == T(-1));
    CHECK(activate(A::softplus, T(100)) == T(100));
    // softplus(−50) = ln(1 + e^−50) ≈ 1.9e−22; computed as log(1 + e^z) it rounds to 0
    // (no log1p), an absolute error far below anything training can see.
    CHECK(activate(A::softplus, T(-50)) >= T(0));
    CHECK(double(activate(A::softplus, T(-50))) <= 1e-21);
    // Down to z = −15 it keeps float-level relative accuracy: ln(1 + e^−15) = 3.0590227e−7.
    CHECK(double(activate(A::softplus, T(-15))) ==
          doctest::Approx(3.059022737137205e-07).epsilon(1e-6).scale(0));
    CHECK(double(activate(A::swish, T(-100))) > -1e-30);
    CHECK(activate(A::swish, T(100)) == T(100));
    CHECK(activate_derivative(A::sigmoid, T(100), activate(A::sigmoid, T(100))) == T(0));
    CHECK(activate_derivative(A::softplus, T(100), activate(A::softplus, T(100))) == T(1));
}

TEST_CASE_TEMPLATE("activation: batched forward and backward equal the scalar functions", T, float,
                   double) {
    // 103 values (not a multiple of any SIMD width) over [−6, 6], including 0.
    const int n = 103;
    std::vector<T> Z(n), dA(n), A(n), dZ(n);
    for (int i = 0; i < n; ++i) {
        Z[i] = T(-6 + 12.0 * i / (n - 1));
        dA[i] = T(0.3 + 0.01 * ((i * 37) % 61) - 0.4);
    }
    Z[n / 2] = T(0);
    for (Activation a : kAll) {
        CAPTURE(int(a));
        activation_forward(a, Z.data(), A.data(), n);
        activation_backward(a, Z.data(), A.data(), dA.data(), dZ.data(), n);
        int forward_mismatch = 0, backward_mismatch = 0;
        for (int i = 0; i < n; ++i) {
            const T f = activate(a, Z[i]);
            forward_mismatch += A[i] != f;
            backward_mismatch += dZ[i] != dA[i] * activate_derivative(a, Z[i], f);
        }
        CHECK(forward_mismatch == 0);
        CHECK(backward_mismatch == 0);
    }
}

TEST_CASE("activation: batched kernels touch exactly n values") {
    std::vector<double> Z = {1, -1, 2, 99}, A = {7, 7, 7, 7}, dA = {1, 1, 1, 1}, dZ = {7, 7, 7, 7};
    for (Activation a : kAll) {
        CAPTURE(int(a));
        A = {7, 7, 7, 7};
        dZ = {7, 7, 7, 7};
        activation_forward(a, Z.data(), A.data(), 3);
        activation_backward(a, Z.data(), A.data(), dA.data(), dZ.data(), 3);
        CHECK(A[3] == 7);
        CHECK(dZ[3] == 7);
        CHECK(A[0] == activate(a, 1.0));
    }
}

TEST_CASE("activation: tanh_forward and sigmoid_forward give the scalar bits, specials included") {
    // Their SIMD blocks against det::tanh and 1/(1 + det::exp(−z)) one by one.
    // Every length 0..40 (blocks of 8, of 4 and the scalar tail), in place too,
    // over values across the clamp at 9, tiny and huge ones, ±0, ±inf and NaN.
    std::vector<float> Z;
    for (int i = 0; i < 400; ++i) Z.push_back(-12.0f + 0.0617f * float(i));
    for (float v : {0.0f, -0.0f, 1e-30f, -1e-30f, 1e-40f, -1e-40f, 9.0f, -9.0f, 8.9999f, 3e38f,
                    -3e38f, INFINITY, -INFINITY, NAN, -NAN})
        Z.push_back(v);
    const auto bits = [](float f) {
        std::uint32_t u;
        std::memcpy(&u, &f, sizeof u);
        return std::isnan(f) ? 0x7fc00000u : u;  // a NaN is a NaN, whatever its payload
    };
    using Kernel = void (*)(const float*, float*, int);
    const Kernel kernels[] = {tanh_forward<float>, sigmoid_forward<float>};
    const auto scalar = [](int which, float z) {
        return which == 0 ? det::tanh(z) : 1.0f / (1.0f + det::exp(-z));
    };
    for (int which = 0; which < 2; ++which)
    for (std::size_t start = 0; start + 40 <= Z.size(); start += 13) {
        for (int n = 0; n <= 40; ++n) {
            std::vector<float> A(std::size_t(n) + 1, 5.0f), in_place(Z.begin() + long(start),
                                                                   Z.begin() + long(start) + n);
            kernels[which](Z.data() + start, A.data(), n);
            kernels[which](in_place.data(), in_place.data(), n);
            int mismatch = 0;
            for (int i = 0; i < n; ++i) {
                const std::uint32_t want = bits(scalar(which, Z[start + std::size_t(i)]));
                mismatch += bits(A[std::size_t(i)]) != want;
                mismatch += bits(in_place[std::size_t(i)]) != want;
            }
            CAPTURE(which);
            CAPTURE(start);
            CAPTURE(n);
            CHECK(mismatch == 0);
            CHECK(A[std::size_t(n)] == 5.0f);  // nothing past n
        }
    }
    CHECK(det::tanh(-0.0f) == 0.0f);
    CHECK(std::signbit(det::tanh(-0.0f)));
    CHECK(det::tanh(INFINITY) == 1.0f);
    CHECK(det::tanh(-INFINITY) == -1.0f);
    CHECK(std::isnan(det::tanh(NAN)));
    CHECK(det::exp(0.0f) == 1.0f);
    CHECK(det::exp(-0.0f) == 1.0f);
    CHECK(det::exp(1000.0f) == det::exp(88.0f));  // clamped: finite
    CHECK(det::exp(-1000.0f) > 0.0f);
}
