// test_matmul.cpp: the blocked kernels against their plain reference loops,
// bit for bit (every output element sums its terms in the same order), over
// shapes that hit every row block (8, 4, 1–7), column block and remainder.
#include "engine/matmul.h"
#include "engine/rng.h"

#include <doctest/doctest.h>

#include <cstring>
#include <vector>

using namespace nnplay;

namespace {

template <typename T>
std::vector<T> random_values(Rng& rng, int count) {
    std::vector<T> v(static_cast<std::size_t>(count));
    for (T& x : v) x = T(rng.uniform(-1, 1));
    return v;
}

template <typename T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

}  // namespace

TEST_CASE_TEMPLATE("matmul: matmul_columns equals the reference loop bit for bit", T, float,
                   double) {
    Rng rng("matmul-columns");
    for (int trial = 0; trial < 300; ++trial) {
        const int m = 1 + rng.below(70), K = 1 + rng.below(70), n = 1 + rng.below(40);
        const bool with_init = rng.below(4) != 0;
        CAPTURE(m);
        CAPTURE(K);
        CAPTURE(n);
        CAPTURE(with_init);
        const std::vector<T> A = random_values<T>(rng, m * K), B = random_values<T>(rng, K * n),
                             init = random_values<T>(rng, m);
        std::vector<T> C(std::size_t(m) * n, T(7)), C_ref(std::size_t(m) * n, T(-7));
        const T* b = with_init ? init.data() : nullptr;
        matmul_columns(A.data(), b, B.data(), C.data(), m, K, n);
        matmul_columns_reference(A.data(), b, B.data(), C_ref.data(), m, K, n);
        CHECK(same_bits(C, C_ref));
    }
}

TEST_CASE_TEMPLATE("matmul: accumulate_outer equals the reference loop bit for bit", T, float,
                   double) {
    Rng rng("matmul-outer");
    for (int trial = 0; trial < 300; ++trial) {
        const int m = 1 + rng.below(70), K = 1 + rng.below(70), n = 1 + rng.below(40);
        CAPTURE(m);
        CAPTURE(K);
        CAPTURE(n);
        const std::vector<T> D = random_values<T>(rng, m * n), X = random_values<T>(rng, K * n);
        std::vector<T> G = random_values<T>(rng, m * K);  // accumulated into, not overwritten
        std::vector<T> G_ref = G;
        accumulate_outer(D.data(), X.data(), G.data(), m, K, n);
        accumulate_outer_reference(D.data(), X.data(), G_ref.data(), m, K, n);
        CHECK(same_bits(G, G_ref));
    }
}

TEST_CASE("matmul: a hand-computed 2×2 product") {
    // [[1, 2], [3, 4]] · [[5], [6]] + (0.5, −0.5) = (17.5, 38.5)
    const double A[] = {1, 3, 2, 4}, B[] = {5, 6}, init[] = {0.5, -0.5};
    double C[2];
    matmul_columns(A, init, B, C, 2, 2, 1);
    CHECK(C[0] == 17.5);
    CHECK(C[1] == 38.5);
}
