// dense_layer.cpp: the dense op on the blocked kernels of matmul.h. Each output
// element always sums its terms in the same order, so results do not depend on
// the SIMD width.
#include "engine/dense_layer.h"

#include "engine/matmul.h"

#include <vector>

namespace nnplay {

template <typename T>
void DenseLayer<T>::forward(const T* X, T* Z, int n) const {
    matmul_columns(W, b, X, Z, out, in, n);  // Z = b + W·X
}

template <typename T>
void DenseLayer<T>::backward(const T* X, const T* dZ, T* dX, int n) const {
    // db += Σ_j dZ(:, j), in j order, in local sums (8 outputs at a time: one
    // vector): through db itself, which could alias dZ, every term would be a
    // load, add and store in a chain.
    int o0 = 0;
    for (; o0 + 8 <= out; o0 += 8) {
        T sum[8];
        for (int r = 0; r < 8; ++r) sum[r] = db[o0 + r];
        for (int j = 0; j < n; ++j)
            for (int r = 0; r < 8; ++r) sum[r] += dZ[std::size_t(j) * out + o0 + r];
        for (int r = 0; r < 8; ++r) db[o0 + r] = sum[r];
    }
    for (int o = o0; o < out; ++o) {
        T sum = db[o];
        for (int j = 0; j < n; ++j) sum += dZ[std::size_t(j) * out + o];
        db[o] = sum;
    }
    accumulate_outer(dZ, X, dW, out, in, n);  // dW += dZ·Xᵀ
    if (!dX) return;
    // dX = Wᵀ·dZ, as a column product with Wᵀ laid out column-major. The
    // scratch only grows, so after the first batch this allocates nothing.
    static thread_local std::vector<T> Wt;
    if (Wt.size() < std::size_t(in) * out) Wt.resize(std::size_t(in) * out);
    for (int i = 0; i < in; ++i)
        for (int o = 0; o < out; ++o) Wt[std::size_t(o) * in + i] = W[std::size_t(i) * out + o];
    matmul_columns(Wt.data(), static_cast<const T*>(nullptr), dZ, dX, in, out, n);
}

template <typename T>
void dense_forward_reference(const DenseLayer<T>& layer, const MatrixT<T>& X, MatrixT<T>& Z) {
    Z = (layer.weights() * X).colwise() + layer.biases();
}

template struct DenseLayer<float>;
template struct DenseLayer<double>;
template void dense_forward_reference(const DenseLayer<float>&, const MatrixT<float>&,
                                      MatrixT<float>&);
template void dense_forward_reference(const DenseLayer<double>&, const MatrixT<double>&,
                                      MatrixT<double>&);

}  // namespace nnplay
