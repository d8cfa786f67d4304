// dense_layer.h: the fully connected op Z = W·X + b as a forward/backward pair.
// W and b are views into the network's flat parameter buffer (so optimisers
// see one array); the kernels are plain loops with a fixed summation order,
// which keeps float results identical under any SIMD width (see detmath.h).
#pragma once

#include "engine/types.h"

namespace nnplay {

template <typename T>
struct DenseLayer {
    int in = 0, out = 0;
    T* W = nullptr;   // (out, in) column-major, inside Network::params
    T* b = nullptr;   // (out)
    T* dW = nullptr;  // (out, in), inside Network::grads
    T* db = nullptr;  // (out)

    Eigen::Map<MatrixT<T>> weights() const { return {W, out, in}; }
    Eigen::Map<VectorT<T>> biases() const { return {b, out}; }

    // Z = W·X + b.  X (in, n), Z (out, n), both column-major with leading
    // dimension in / out.
    void forward(const T* X, T* Z, int n) const;

    // dW += dZ·Xᵀ; db += Σ_columns dZ; and, if dX is not null, dX = Wᵀ·dZ.
    // X (in, n), dZ (out, n), dX (in, n). Accumulates into dW/db: zero them first.
    void backward(const T* X, const T* dZ, T* dX, int n) const;
};

// Plain reference versions (Eigen products), to test the kernels against.
template <typename T>
void dense_forward_reference(const DenseLayer<T>& layer, const MatrixT<T>& X, MatrixT<T>& Z);

}  // namespace nnplay
