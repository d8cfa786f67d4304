// matmul.h: the two products a dense layer needs, C = init + A·B and G += D·Xᵀ,
// as register-blocked kernels (blocks of up to 8 rows × 4 or 8 columns, row
// counts fixed at compile time so each block is straight-line SIMD code; 4
// columns in WASM, where V8 has only x86's 16 vector registers to hold them). Every
// output element still sums its terms one by one in index order, exactly as
// the plain reference loops do, so results are bit-identical to them and the
// same under any SIMD width (native AVX or WASM SIMD128).
#pragma once

namespace nnplay {

// C(:, j) = init + Σ_k A(:, k)·B(k, j) for each column j < n.
// A (m, K), B (K, n), C (m, n), all column-major and packed; init (m) or null for 0.
template <typename T>
void matmul_columns(const T* A, const T* init, const T* B, T* C, int m, int K, int n);

// G(:, k) += Σ_j D(:, j)·X(k, j), i.e. G += D·Xᵀ, summing over j in order.
// D (m, n), X (K, n), G (m, K), column-major and packed.
template <typename T>
void accumulate_outer(const T* D, const T* X, T* G, int m, int K, int n);

// The same two products as plain loops: the reference the kernels are tested against.
template <typename T>
void matmul_columns_reference(const T* A, const T* init, const T* B, T* C, int m, int K, int n);
template <typename T>
void accumulate_outer_reference(const T* D, const T* X, T* G, int m, int K, int n);

}  // namespace nnplay
