// matmul.cpp: blocked kernels. A block keeps R×4 (R×8 for float SIMD) accumulators in registers
// while it walks the shared dimension once, instead of reloading C for every
// term; R is a template parameter (1..8) so the compiler unrolls and vectorises.
#include "engine/matmul.h"

#include "engine/simd.h"

#include <cstddef>
#include <type_traits>

namespace nnplay {

namespace {

constexpr int kCols = 4;  // columns of C per block

// Rows [r0, r0 + R) of C = init + A·B.
template <typename T, int R>
void matmul_rows(const T* A, const T* init, const T* B, T* C, int m, int K, int n, int r0) {
    int j = 0;
    for (; j + kCols <= n; j += kCols) {
        T acc[kCols][R];
        for (int s = 0; s < kCols; ++s)
            for (int r = 0; r < R; ++r) acc[s][r] = init ? init[r0 + r] : T(0);
        const T* b = B + std::size_t(j) * K;
        for (int k = 0; k < K; ++k) {
            const T* a = A + std::size_t(k) * m + r0;
            for (int s = 0; s < kCols; ++s) {
                const T bs = b[std::size_t(s) * K + k];
                for (int r = 0; r < R; ++r) acc[s][r] += a[r] * bs;
            }
        }
        for (int s = 0; s < kCols; ++s)
            for (int r = 0; r < R; ++r) C[std::size_t(j + s) * m + r0 + r] = acc[s][r];
    }
    for (; j < n; ++j) {
        T acc[R];
        for (int r = 0; r < R; ++r) acc[r] = init ? init[r0 + r] : T(0);
        const T* b = B + std::size_t(j) * K;
        for (int k = 0; k < K; ++k) {
            const T* a = A + std::size_t(k) * m + r0;
            for (int r = 0; r < R; ++r) acc[r] += a[r] * b[k];
        }
        for (int r = 0; r < R; ++r) C[std::size_t(j) * m + r0 + r] = acc[r];
    }
}

// Rows [r0, r0 + R) of G += D·Xᵀ.
template <typename T, int R>
void outer_rows(const T* D, const T* X, T* G, int m, int K, int n, int r0) {
    int k = 0;
    for (; k + kCols <= K; k += kCols) {
        T acc[kCols][R];
        for (int s = 0; s < kCols; ++s)
            for (int r = 0; r < R; ++r) acc[s][r] = G[std::size_t(k + s) * m + r0 + r];
        for (int j = 0; j < n; ++j) {
            const T* d = D + std::size_t(j) * m + r0;
            const T* x = X + std::size_t(j) * K + k;
            for (int s = 0; s < kCols; ++s)
                for (int r = 0; r < R; ++r) acc[s][r] += d[r] * x[s];
        }
        for (int s = 0; s < kCols; ++s)
            for (int r = 0; r < R; ++r) G[std::size_t(k + s) * m + r0 + r] = acc[s][r];
    }
    for (; k < K; ++k) {
        T acc[R];
        for (int r = 0; r < R; ++r) acc[r] = G[std::size_t(k) * m + r0 + r];
        for (int j = 0; j < n; ++j) {
            const T* d = D + std::size_t(j) * m + r0;
            const T xk = X[std::size_t(j) * K + k];
            for (int r = 0; r < R; ++r) acc[r] += d[r] * xk;
        }
        for (int r = 0; r < R; ++r) G[std::size_t(k) * m + r0 + r] = acc[r];
    }
}

// Float blocks of 8 and 4 rows as GCC/Clang vector types: one vector per column
// of the block, so the accumulators stay in registers (AVX or 2×SSE natively,
// SIMD128 in WASM). Lane-wise mul then add: the same arithmetic as the loops.
using simd::load;
using simd::store;
using simd::Vec4;
using simd::Vec8;

// Columns per vector block: 8 accumulators hide the add latency; in WASM a Vec8
// is two f32x4, and 8 of them would not fit x86's 16 registers under V8 (it
// spills: measured 1.5–2× slower than 4 columns).
#ifdef __wasm_simd128__
constexpr int kBlockCols = 4;
#else
constexpr int kBlockCols = 8;
#endif

template <typename V>
void matmul_rows_vec(const float* A, const float* init, const float* B, float* C, int m, int K,
                     int n, int r0) {
    constexpr int kVecCols = kBlockCols;
    const V start = init ? load<V>(init + r0) : V{};
    int j = 0;
    for (; j + kVecCols <= n; j += kVecCols) {
        V acc[kVecCols];
        for (int s = 0; s < kVecCols; ++s) acc[s] = start;
        const float* b = B + std::size_t(j) * K;
        for (int k = 0; k < K; ++k) {
            const V a = load<V>(A + std::size_t(k) * m + r0);
            for (int s = 0; s < kVecCols; ++s) acc[s] += a * b[std::size_t(s) * K + k];
        }
        for (int s = 0; s < kVecCols; ++s) store(C + std::size_t(j + s) * m + r0, acc[s]);
    }
    for (; j < n; ++j) {
        V acc = start;
        const float* b = B + std::size_t(j) * K;
        for (int k = 0; k < K; ++k) acc += load<V>(A + std::size_t(k) * m + r0) * b[k];
        store(C + std::size_t(j) * m + r0, acc);
    }
}

template <typename V>
void outer_rows_vec(const float* D, const float* X, float* G, int m, int K, int n, int r0) {
    constexpr int kVecCols = kBlockCols;
    int k = 0;
    for (; k + kVecCols <= K; k += kVecCols) {
        float* g = G + std::size_t(k) * m + r0;
        V acc[kVecCols];
        for (int s = 0; s < kVecCols; ++s) acc[s] = load<V>(g + std::size_t(s) * m);
        for (int j = 0; j < n; ++j) {
            const V d = load<V>(D + std::size_t(j) * m + r0);
            const float* x = X + std::size_t(j) * K + k;
            for (int s = 0; s < kVecCols; ++s) acc[s] += d * x[s];
        }
        for (int s = 0; s < kVecCols; ++s) store(g + std::size_t(s) * m, acc[s]);
    }
    for (; k < K; ++k) {
        float* g = G + std::size_t(k) * m + r0;
        V acc = load<V>(g);
        for (int j = 0; j < n; ++j)
            acc += load<V>(D + std::size_t(j) * m + r0) * X[std::size_t(j) * K + k];
        store(g, acc);
    }
}

// Calls F<R>(r0) for row blocks of 8 and then the remainder.
template <template <typename, int> class Kernel, typename T, typename... Args>
void for_row_blocks(int m, Args... args) {
    int r0 = 0;
    for (; r0 + 8 <= m; r0 += 8) Kernel<T, 8>::run(args..., r0);
    switch (m - r0) {
        case 1: Kernel<T, 1>::run(args..., r0); break;
        case 2: Kernel<T, 2>::run(args..., r0); break;
        case 3: Kernel<T, 3>::run(args..., r0); break;
        case 4: Kernel<T, 4>::run(args..., r0); break;
        case 5: Kernel<T, 5>::run(args..., r0); break;
        case 6: Kernel<T, 6>::run(args..., r0); break;
        case 7: Kernel<T, 7>::run(args..., r0); break;
        default: break;
    }
}

template <typename T, int R>
struct MatmulKernel {
    static void run(const T* A, const T* init, const T* B, T* C, int m, int K, int n, int r0) {
        if constexpr (std::is_same_v<T, float> && R == 8)
            matmul_rows_vec<Vec8>(A, init, B, C, m, K, n, r0);
        else if constexpr (std::is_same_v<T, float> && R == 4)
            matmul_rows_vec<Vec4>(A, init, B, C, m, K, n, r0);
        else
            matmul_rows<T, R>(A, init, B, C, m, K, n, r0);
    }
};
template <typename T, int R>
struct OuterKernel {
    static void run(const T* D, const T* X, T* G, int m, int K, int n, int r0) {
        if constexpr (std::is_same_v<T, float> && R == 8)
            outer_rows_vec<Vec8>(D, X, G, m, K, n, r0);
        else if constexpr (std::is_same_v<T, float> && R == 4)
            outer_rows_vec<Vec4>(D, X, G, m, K, n, r0);
        else
            outer_rows<T, R>(D, X, G, m, K, n, r0);
    }
};

}  // namespace

template <typename T>
void matmul_columns(const T* A, const T* init, const T* B, T* C, int m, int K, int n) {
    for_row_blocks<MatmulKernel, T>(m, A, init, B, C, m, K, n);
}

template <typename T>
void accumulate_outer(const T* D, const T* X, T* G, int m, int K, int n) {
    for_row_blocks<OuterKernel, T>(m, D, X, G, m, K, n);
}

template <typename T>
void matmul_columns_reference(const T* A, const T* init, const T* B, T* C, int m, int K, int n) {
    for (int j = 0; j < n; ++j)
        for (int r = 0; r < m; ++r) {
            T sum = init ? init[r] : T(0);
            for (int k = 0; k < K; ++k) sum += A[std::size_t(k) * m + r] * B[std::size_t(j) * K + k];
            C[std::size_t(j) * m + r] = sum;
        }
}

template <typename T>
void accumulate_outer_reference(const T* D, const T* X, T* G, int m, int K, int n) {
    for (int k = 0; k < K; ++k)
        for (int r = 0; r < m; ++r) {
            T sum = G[std::size_t(k) * m + r];
            for (int j = 0; j < n; ++j) sum += D[std::size_t(j) * m + r] * X[std::size_t(j) * K + k];
            G[std::size_t(k) * m + r] = sum;
        }
}

#define NNPLAY_INSTANTIATE(T)                                                                   \
    template void matmul_columns<T>(const T*, const T*, const T*, T*, int, int, int);           \
    template void accumulate_outer<T>(const T*, const T*, T*, int, int, int);                   \
    template void matmul_columns_reference<T>(const T*, const T*, const T*, T*, int, int, int); \
    template void accumulate_outer_reference<T>(const T*, const T*, T*, int, int, int);
NNPLAY_INSTANTIATE(float)
NNPLAY_INSTANTIATE(double)
#undef NNPLAY_INSTANTIATE

}  // namespace nnplay
