// test_dense_layer.cpp: Z = W·X + b. A hand-computed 2→3 case, the loop
// kernel against the Eigen reference over random shapes, and backward's
// dW, db, dX against the explicit Eigen formulas (and a central difference).
#include "engine/dense_layer.h"
#include "engine/rng.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace nnplay;
using namespace nnplay::test;

namespace {

// A layer over its own buffers: W (out, in), b (out), dW, db.
template <typename T>
struct OwnedLayer {
    MatrixT<T> W, dW;
    VectorT<T> b, db;
    DenseLayer<T> layer;

    OwnedLayer(int in, int out)
        : W(MatrixT<T>::Zero(out, in)), dW(MatrixT<T>::Zero(out, in)), b(VectorT<T>::Zero(out)),
          db(VectorT<T>::Zero(out)) {
        layer.in = in;
        layer.out = out;
        layer.W = W.data();
        layer.b = b.data();
        layer.dW = dW.data();
        layer.db = db.data();
    }
};

template <typename T>
MatrixT<T> random_matrix(Rng& rng, int rows, int cols) {
    MatrixT<T> M(rows, cols);
    for (Eigen::Index i = 0; i < M.size(); ++i) M.data()[i] = T(rng.uniform(-1, 1));
    return M;
}

// Fills in place: assigning a new matrix to OwnedLayer::W would move another
// buffer in and leave the layer's pointers dangling.
template <typename Derived>
void fill_random(Rng& rng, Eigen::MatrixBase<Derived>& M) {
    for (Eigen::Index j = 0; j < M.cols(); ++j)
        for (Eigen::Index i = 0; i < M.rows(); ++i)
            M(i, j) = typename Derived::Scalar(rng.uniform(-1, 1));
}

}  // namespace

TEST_CASE_TEMPLATE("dense_layer: hand-computed 2→3 forward", T, float, double) {
    // W = [[1, −1], [0.5, 2], [−3, 0]], b = (0.1, −0.2, 0.3)
    // x₁ = (1, 2):    z = (1 − 2 + 0.1, 0.5 + 4 − 0.2, −3 + 0 + 0.3) = (−0.9, 4.3, −2.7)
    // x₂ = (−1, 0.5): z = (−1 − 0.5 + 0.1, −0.5 + 1 − 0.2, 3 + 0 + 0.3) = (−1.4, 0.3, 3.3)
    OwnedLayer<T> L(2, 3);
    L.W << 1, -1, 0.5, 2, -3, 0;
    L.b << 0.1, -0.2, 0.3;
    CHECK(L.layer.weights()(1, 1) == T(2));  // the view reads the same column-major buffer
    CHECK(L.layer.biases()(2) == T(0.3));
    const T X[] = {1, 2, -1, 0.5};  // (2, 2) column-major
    T Z[6];
    L.layer.forward(X, Z, 2);
    const double want[] = {-0.9, 4.3, -2.7, -1.4, 0.3, 3.3};
    for (int i = 0; i < 6; ++i) {
        CAPTURE(i);
        CHECK(double(Z[i]) == doctest::Approx(want[i]).epsilon(1e-6));
    }
}

TEST_CASE_TEMPLATE("dense_layer: forward equals dense_forward_reference on random shapes", T,
                   float, double) {
    Rng rng("dense-forward");
    const double tol = sizeof(T) == sizeof(float) ? 1e-5 : 1e-13;
    for (int trial = 0; trial < 40; ++trial) {
        const int in = 1 + rng.below(64), out = 1 + rng.below(64), n = 1 + rng.below(37);
        CAPTURE(in);
        CAPTURE(out);
        CAPTURE(n);
        OwnedLayer<T> L(in, out);
        fill_random(rng, L.W);
        fill_random(rng, L.b);
        const MatrixT<T> X = random_matrix<T>(rng, in, n);
        MatrixT<T> Z(out, n), Zref;
        L.layer.forward(X.data(), Z.data(), n);
        dense_forward_reference(L.layer, X, Zref);
        REQUIRE(Zref.rows() == out);
        REQUIRE(Zref.cols() == n);
        // Both sum the same in terms in different orders: equal up to rounding,
        // measured against the size of the terms (Σ|w||x| + |b|).
        const MatrixT<T> scale =
            (L.W.cwiseAbs() * X.cwiseAbs()).colwise() + L.b.cwiseAbs();
        const double worst = ((Z - Zref).cwiseAbs().array() / scale.array()).maxCoeff();
        CHECK(worst < tol);
    }
}

TEST_CASE_TEMPLATE("dense_layer: backward equals dW = dZ·Xᵀ, db = row sums, dX = Wᵀ·dZ", T, float,
                   double) {
    Rng rng("dense-backward");
    const double tol = sizeof(T) == sizeof(float) ? 1e-5 : 1e-13;
    for (int trial = 0; trial < 30; ++trial) {
        const int in = 1 + rng.below(64), out = 1 + rng.below(64), n = 1 + rng.below(37);
        CAPTURE(in);
        CAPTURE(out);
        CAPTURE(n);
        OwnedLayer<T> L(in, out);
        fill_random(rng, L.W);
        const MatrixT<T> X = random_matrix<T>(rng, in, n);
        const MatrixT<T> dZ = random_matrix<T>(rng, out, n);
        MatrixT<T> dX = MatrixT<T>::Constant(in, n, T(99));  // overwritten, not accumulated
        L.layer.backward(X.data(), dZ.data(), dX.data(), n);

        const MatrixT<T> dW_ref = dZ * X.transpose();
        const VectorT<T> db_ref = dZ.rowwise().sum();
        const MatrixT<T> dX_ref = L.W.transpose() * dZ;
        const double sW = (dZ.cwiseAbs() * X.cwiseAbs().transpose()).maxCoeff() + 1e-30;
        const double sb = dZ.cwiseAbs().rowwise().sum().maxCoeff() + 1e-30;
        const double sX = (L.W.cwiseAbs().transpose() * dZ.cwiseAbs()).maxCoeff() + 1e-30;
        CHECK((L.dW - dW_ref).cwiseAbs().maxCoeff() / sW < tol);
        CHECK((L.db - db_ref).cwiseAbs().maxCoeff() / sb < tol);
        CHECK((dX - dX_ref).cwiseAbs().maxCoeff() / sX < tol);
    }
}

TEST_CASE("dense_layer: backward accumulates into dW and db, and dX may be null") {
    Rng rng("dense-accumulate");
    OwnedLayer<double> L(3, 2);
    fill_random(rng, L.W);
    const MatrixD X = random_matrix<double>(rng, 3, 4), dZ = random_matrix<double>(rng, 2, 4);
    L.layer.backward(X.data(), dZ.data(), nullptr, 4);
    const MatrixD dW1 = L.dW;
    const VectorD db1 = L.db;
    CHECK(dW1.isApprox(dZ * X.transpose(), 1e-14));
    L.layer.backward(X.data(), dZ.data(), nullptr, 4);
    CHECK(L.dW.isApprox(2 * dW1, 1e-14));
    CHECK(L.db.isApprox(2 * db1, 1e-14));
}

TEST_CASE("dense_layer: backward is the central difference of a linear loss (double)") {
    // J = Σ G ⊙ Z with a fixed G: ∂J/∂Z = G, so backward(dZ = G) must give ∂J/∂W, ∂J/∂b, ∂J/∂X.
    Rng rng("dense-numeric");
    const int in = 4, out = 3, n = 5;
    OwnedLayer<double> L(in, out);
    fill_random(rng, L.W);
    fill_random(rng, L.b);
    MatrixD X = random_matrix<double>(rng, in, n);
    const MatrixD G = random_matrix<double>(rng, out, n);
    auto J = [&]() {
        MatrixD Z(out, n);
        L.layer.forward(X.data(), Z.data(), n);
        return (G.array() * Z.array()).sum();
    };
    MatrixD dX(in, n);
    L.layer.backward(X.data(), G.data(), dX.data(), n);
    auto numeric = [&](double& p) { return central_difference(p, J); };
    for (Eigen::Index i = 0; i < L.W.size(); ++i)
        CHECK(L.dW.data()[i] == doctest::Approx(numeric(L.W.data()[i])).epsilon(1e-8));
    for (Eigen::Index i = 0; i < L.b.size(); ++i)
        CHECK(L.db[i] == doctest::Approx(numeric(L.b[i])).epsilon(1e-8));
    for (Eigen::Index i = 0; i < X.size(); ++i)
        CHECK(dX.data()[i] == doctest::Approx(numeric(X.data()[i])).epsilon(1e-8));
}
