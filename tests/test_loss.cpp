// test_loss.cpp: the fused output activation + loss of every Output kind.
// Hand-worked losses, loss_backward against central differences of
// loss_forward in double, the stable forms at huge logits, and the
// classification helpers.
#include "engine/loss.h"

#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <vector>

using namespace nnplay;

namespace {

template <typename T>
doctest::Approx near(double v) {
    return doctest::Approx(v).epsilon(sizeof(T) == sizeof(float) ? 1e-6 : 1e-14).scale(0);  // relative
}

}  // namespace

TEST_CASE("loss: output_units") {
    CHECK(output_units(Output::softmax_ce, 4) == 4);
    CHECK(output_units(Output::softmax_ce, 3) == 3);
    CHECK(output_units(Output::sigmoid_log, 2) == 1);
    CHECK(output_units(Output::tanh_square, 2) == 1);
    CHECK(output_units(Output::linear_square, 1) == 1);
    CHECK(output_units(Output::step, 2) == 1);
}

TEST_CASE_TEMPLATE("loss: hand-worked values for every output kind", T, float, double) {
    SUBCASE("linear_square: ½(a − t)²") {
        // ½(1.5 − 0.5)² + ½(−0.5 − 1)² = 0.5 + 1.125
        const T Z[] = {1.5, -0.5}, labels[] = {0.5, 1.0};
        T A[2];
        CHECK(loss_forward(Output::linear_square, Z, A, labels, 1, 2) == near<T>(1.625));
        CHECK(A[0] == T(1.5));
        CHECK(A[1] == T(-0.5));
    }
    SUBCASE("sigmoid_log: −t log σ(z) − (1 − t) log(1 − σ(z))") {
        // z = 0, t = 1: ln 2; z = 2, t = 0: ln(1 + e²) = 2.12692801104;
        // z = −1, t = 0: ln(1 + e^−1) = 0.31326168752. Sum 3.13333687912.
        const T Z[] = {0, 2, -1}, labels[] = {1, 0, 0};
        T A[3];
        CHECK(loss_forward(Output::sigmoid_log, Z, A, labels, 1, 3) == near<T>(3.133336879121141));
        CHECK(A[0] == T(0.5));
        CHECK(double(A[1]) == near<T>(0.8807970779778823));
        CHECK(double(A[2]) == near<T>(1 - 0.7310585786300049));
    }
    SUBCASE("tanh_square: ½(tanh z − t')², t' = 2t − 1") {
        // z = 0.5, t = 1 → t' = +1: ½(0.46211715726 − 1)² = 0.14465897626
        // z = 0.5, t = 0 → t' = −1: ½(0.46211715726 + 1)² = 1.06889329078
        // z = −2,  t = 0 → t' = −1: ½(−0.96402758008 + 1)² = 0.00064700750
        const T Z[] = {0.5, 0.5, -2}, labels[] = {1, 0, 0};
        T A[3];
        const double want = 0.1446589762570265 + 1.068893290777046 + 0.0006470074976008825;
        CHECK(loss_forward(Output::tanh_square, Z, A, labels, 1, 3) == near<T>(want));
        CHECK(double(A[0]) == near<T>(0.46211715726000974));
    }
    SUBCASE("softmax_ce: −log softmax(z)_label") {
        // z = (1, 2, 3): softmax = (0.09003057, 0.24472847, 0.66524096);
        // label 2: ln(1 + e^−1 + e^−2) = 0.40760596444; label 0: that + 2.
        const T Z[] = {1, 2, 3, 1, 2, 3}, labels[] = {2, 0};
        T A[6];
        CHECK(loss_forward(Output::softmax_ce, Z, A, labels, 3, 2) ==
              near<T>(0.4076059644443804 + 2.4076059644443806));
        CHECK(double(A[0]) == near<T>(0.09003057317038046));
        CHECK(double(A[1]) == near<T>(0.24472847105479767));
        CHECK(double(A[2]) == near<T>(0.6652409557748219));
        CHECK(A[3] == A[0]);
    }
    SUBCASE("step: 0-1 loss, a = 1 iff z ≥ 0") {
        // a = (1, 0, 1, 0) against labels (1, 1, 0, 0): two mistakes.
        const T Z[] = {0.3, -0.2, 0.0, -1}, labels[] = {1, 1, 0, 0};
        T A[4];
        CHECK(loss_forward(Output::step, Z, A, labels, 1, 4) == 2.0);
        CHECK(A[0] == T(1));
        CHECK(A[1] == T(0));
        CHECK(A[2] == T(1));
        CHECK(A[3] == T(0));
    }
}

TEST_CASE("loss: loss_from_outputs agrees with loss_forward away from saturation") {
    const double Z1[] = {0.7, -1.2, 2.5, -0.1}, L2[] = {1, 0, 0, 1}, Lr[] = {0.2, -0.4, 1.0, 0.0};
    const double Zk[] = {0.5, -1, 2, 0.1, 0.2, 0.3, -2, 1, 0.4, 3, -3, 0}, Lk[] = {2, 0, 1, 1};
    double A[12];
    struct Case {
        Output o;
        const double* Z;
        const double* labels;
        int k;
    };
    for (Case c : {Case{Output::linear_square, Z1, Lr, 1}, Case{Output::sigmoid_log, Z1, L2, 1},
                   Case{Output::tanh_square, Z1, L2, 1}, Case{Output::softmax_ce, Zk, Lk, 3},
                   Case{Output::step, Z1, L2, 1}}) {
        CAPTURE(int(c.o));
        const double from_z = loss_forward(c.o, c.Z, A, c.labels, c.k, 4);
        CHECK(loss_from_outputs(c.o, A, c.labels, c.k, 4) == doctest::Approx(from_z).epsilon(1e-13));
    }
}

TEST_CASE("loss: loss_backward is the central difference of loss_forward (double)") {
    const double h = 1e-6;
    const int n = 5;
    struct Case {
        Output o;
        int k;
        std::vector<double> labels;
    };
    const std::vector<double> z_values = {0.7,  -1.3, 2.1, -0.4, 0.05, 1.6,  -2.2, 0.9,
                                          -0.6, 0.3,  1.1, -1.7, 0.45, -0.8, 2.6};
    for (const Case& c : {Case{Output::linear_square, 1, {0.5, -1, 0.2, 1.5, 0}},
                          Case{Output::sigmoid_log, 1, {1, 0, 0, 1, 1}},
                          Case{Output::tanh_square, 1, {1, 0, 1, 0, 0}},
                          Case{Output::softmax_ce, 3, {2, 0, 1, 1, 0}}}) {
        CAPTURE(int(c.o));
        std::vector<double> Z(z_values.begin(), z_values.begin() + c.k * n);
        std::vector<double> A(Z.size()), A2(Z.size()), dZ(Z.size());
        loss_forward(c.o, Z.data(), A.data(), c.labels.data(), c.k, n);
        const double scale = 1.0 / n;  // the gradient of the mean
        loss_backward(c.o, A.data(), c.labels.data(), dZ.data(), c.k, n, scale);
        for (std::size_t i = 0; i < Z.size(); ++i) {
            CAPTURE(i);
            const double z = Z[i];
            Z[i] = z + h;
            const double up = loss_forward(c.o, Z.data(), A2.data(), c.labels.data(), c.k, n);
            Z[i] = z - h;
            const double down = loss_forward(c.o, Z.data(), A2.data(), c.labels.data(), c.k, n);
            Z[i] = z;
            const double numeric = scale * (up - down) / (2 * h);
            CHECK(std::fabs(dZ[i] - numeric) <= 1e-8 * std::fmax(1.0, std::fabs(numeric)));
            CHECK(std::fabs(dZ[i]) > 1e-6);  // every entry matters here, none is trivially 0
        }
    }
}

TEST_CASE("loss: loss_backward's closed forms and scale") {
    // dZ = scale·(A − t) for linear/sigmoid; scale·(A − t')(1 − A²) for tanh;
    // scale·(A − onehot) for softmax; 0 for step.
    const float A[] = {0.8f, 0.3f}, L[] = {1, 0};
    float dZ[2];
    loss_backward(Output::sigmoid_log, A, L, dZ, 1, 2, 0.5f);
    CHECK(dZ[0] == doctest::Approx(0.5 * (0.8 - 1)));
    CHECK(dZ[1] == doctest::Approx(0.5 * 0.3));
    loss_backward(Output::tanh_square, A, L, dZ, 1, 2, 1.0f);
    CHECK(dZ[0] == doctest::Approx((0.8 - 1) * (1 - 0.64)));
    CHECK(dZ[1] == doctest::Approx((0.3 + 1) * (1 - 0.09)));
    const float As[] = {0.2f, 0.5f, 0.3f}, Ls[] = {1};
    float dZs[3];
    loss_backward(Output::softmax_ce, As, Ls, dZs, 3, 1, 2.0f);
    CHECK(dZs[0] == doctest::Approx(0.4));
    CHECK(dZs[1] == doctest::Approx(-1.0));
    CHECK(dZs[2] == doctest::Approx(0.6));
    dZ[0] = dZ[1] = 7;
    loss_backward(Output::step, A, L, dZ, 1, 2, 1.0f);
    CHECK(dZ[0] == 0);
    CHECK(dZ[1] == 0);
}

TEST_CASE_TEMPLATE("loss: softmax sums to 1 and is stable for huge logits", T, float, double) {
    const T Z[] = {1000, 999, -1000, 0.3, -0.2, 0.1, -1000, -1000, -1000};
    const T labels[] = {0, 1, 2};
    T A[9];
    const double loss = loss_forward(Output::softmax_ce, Z, A, labels, 3, 3);
    for (int j = 0; j < 3; ++j) {
        CAPTURE(j);
        double sum = 0;
        for (int c = 0; c < 3; ++c) {
            CHECK(std::isfinite(A[3 * j + c]));
            CHECK(A[3 * j + c] >= T(0));
            sum += A[3 * j + c];
        }
        CHECK(sum == doctest::Approx(1.0).epsilon(1e-6));
    }
    // (1000, 999, −1000): softmax = (1/(1 + e^−1), e^−1/(1 + e^−1), ~0)
    CHECK(double(A[0]) == doctest::Approx(0.7310585786300049).epsilon(1e-6));
    CHECK(double(A[1]) == doctest::Approx(0.2689414213699951).epsilon(1e-6));
    // Equal logits: uniform.
    CHECK(double(A[6]) == doctest::Approx(1.0 / 3).epsilon(1e-6));
    // Loss: ln(1 + e^−1) for the first, ln 3 for the third, the middle one by hand:
    // −log softmax(0.3, −0.2, 0.1)_1 = 0.5 + ln(1 + e^−0.5 + e^−0.2)
    const double want = 0.31326168751822286 + (0.5 + std::log(1 + std::exp(-0.5) + std::exp(-0.2))) +
                        std::log(3.0);
    CHECK(std::isfinite(loss));
    CHECK(loss == doctest::Approx(want).epsilon(1e-6));
    // The first example's label now 2000 below its top logit: a large, finite loss,
    // ln(1 + e^−1) + 2000 (the other two unchanged).
    const T labels2[] = {2, 1, 2};
    CHECK(loss_forward(Output::softmax_ce, Z, A, labels2, 3, 3) ==
          doctest::Approx(want + 2000).epsilon(1e-6));
}

TEST_CASE_TEMPLATE("loss: sigmoid log loss is finite for z = ±100", T, float, double) {
    // Stable form: max(z, 0) − z·t + ln(1 + e^−|z|).
    const T Z[] = {100, -100, 100, -100};
    const T labels[] = {0, 1, 1, 0};
    T A[4];
    const double loss = loss_forward(Output::sigmoid_log, Z, A, labels, 1, 4);
    CHECK(std::isfinite(loss));
    // Two confident mistakes cost 100 each; the two right answers ~e^−100 each.
    CHECK(loss == doctest::Approx(200.0).epsilon(1e-12));
    CHECK(A[0] == T(1));
    CHECK(A[1] >= T(0));
    CHECK(double(A[1]) < 1e-30);
    // Each example alone.
    const T one[] = {100}, right[] = {1};
    CHECK(loss_forward(Output::sigmoid_log, one, A, right, 1, 1) < 1e-40);
    // From saturated outputs, the clamp keeps the loss finite: −ln(1e−12)
    // (up to the rounding of 1 − (1 − 1e−12)).
    CHECK(loss_from_outputs(Output::sigmoid_log, A, labels, 1, 1) ==
          doctest::Approx(27.631021115928547).epsilon(1e-5));
    // loss_backward at saturation: dZ = A − t, finite.
    T dZ[4];
    loss_backward(Output::sigmoid_log, A, labels, dZ, 1, 4, T(1));
    for (T d : dZ) CHECK(std::isfinite(d));
    CHECK(dZ[0] == T(1));
}

TEST_CASE_TEMPLATE("loss: predicted_class and is_correct", T, float, double) {
    const T hi[] = {0.7}, lo[] = {0.3}, half[] = {0.5};
    CHECK(predicted_class(Output::sigmoid_log, hi, 1) == 1);
    CHECK(predicted_class(Output::sigmoid_log, lo, 1) == 0);
    CHECK(predicted_class(Output::sigmoid_log, half, 1) == 1);
    CHECK(is_correct(Output::sigmoid_log, hi, T(1), 1));
    CHECK_FALSE(is_correct(Output::sigmoid_log, hi, T(0), 1));

    const T pos[] = {0.2}, neg[] = {-0.2}, zero[] = {0};
    CHECK(predicted_class(Output::tanh_square, pos, 1) == 1);
    CHECK(predicted_class(Output::tanh_square, neg, 1) == 0);
    CHECK(predicted_class(Output::tanh_square, zero, 1) == 1);
    CHECK(is_correct(Output::tanh_square, neg, T(0), 1));
    CHECK_FALSE(is_correct(Output::tanh_square, neg, T(1), 1));

    const T probs[] = {0.1, 0.6, 0.05, 0.25};
    CHECK(predicted_class(Output::softmax_ce, probs, 4) == 1);
    CHECK(is_correct(Output::softmax_ce, probs, T(1), 4));
    CHECK_FALSE(is_correct(Output::softmax_ce, probs, T(3), 4));
    const T last[] = {0.1, 0.2, 0.7};
    CHECK(predicted_class(Output::softmax_ce, last, 3) == 2);

    const T one[] = {1}, nil[] = {0};
    CHECK(predicted_class(Output::step, one, 1) == 1);
    CHECK(predicted_class(Output::step, nil, 1) == 0);
    CHECK(is_correct(Output::step, nil, T(0), 1));
    CHECK_FALSE(is_correct(Output::step, one, T(0), 1));
}
