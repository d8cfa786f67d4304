// activation.cpp: the batched activation kernels, one loop per activation so
// that each compiles to straight-line (SIMD where possible) code.
#include "engine/activation.h"

#include "engine/simd.h"

#include <type_traits>

namespace nnplay {

template <typename T>
void tanh_forward(const T* Z, T* A, int n) {
    int i = 0;
    if constexpr (std::is_same_v<T, float>) {  // det::tanh_of lane by lane: the same bits
        for (; i + 8 <= n; i += 8)
            simd::store(A + i, det::tanh_of(simd::load<simd::Vec8>(Z + i)));
        for (; i + 4 <= n; i += 4)
            simd::store(A + i, det::tanh_of(simd::load<simd::Vec4>(Z + i)));
    }
    for (; i < n; ++i) A[i] = det::tanh(Z[i]);
}

template <typename T>
void sigmoid_forward(const T* Z, T* A, int n) {
    int i = 0;
    if constexpr (std::is_same_v<T, float>) {  // det::exp_of lane by lane: the same bits
        for (; i + 8 <= n; i += 8)
            simd::store(A + i, 1.0f / (1.0f + det::exp_of(-simd::load<simd::Vec8>(Z + i))));
        for (; i + 4 <= n; i += 4)
            simd::store(A + i, 1.0f / (1.0f + det::exp_of(-simd::load<simd::Vec4>(Z + i))));
    }
    for (; i < n; ++i) A[i] = T(1) / (T(1) + det::exp(-Z[i]));
}

template <typename T>
void activation_forward(Activation a, const T* Z, T* A, int n) {
    switch (a) {
        case Activation::linear:
            for (int i = 0; i < n; ++i) A[i] = Z[i];
            break;
        case Activation::tanh:
            tanh_forward(Z, A, n);
            break;
        case Activation::sigmoid:
            sigmoid_forward(Z, A, n);
            break;
        case Activation::relu:
            for (int i = 0; i < n; ++i) A[i] = Z[i] > 0 ? Z[i] : T(0);
            break;
        default:
            for (int i = 0; i < n; ++i) A[i] = activate(a, Z[i]);
            break;
    }
}

template <typename T>
void activation_backward(Activation a, const T* Z, const T* A, const T* dA, T* dZ, int n) {
    switch (a) {
        case Activation::linear:
            for (int i = 0; i < n; ++i) dZ[i] = dA[i];
            break;
        case Activation::tanh:
            for (int i = 0; i < n; ++i) dZ[i] = dA[i] * (T(1) - A[i] * A[i]);
            break;
        case Activation::sigmoid:
            for (int i = 0; i < n; ++i) dZ[i] = dA[i] * (A[i] * (T(1) - A[i]));
            break;
        case Activation::relu:
            // dA read whatever the sign: a load under the condition cannot be vectorised in
            // WebAssembly (no masked loads), and this loop ran element by element there.
            for (int i = 0; i < n; ++i) {
                const T d = dA[i];
                dZ[i] = Z[i] > 0 ? d : T(0);
            }
            break;
        default:
            for (int i = 0; i < n; ++i) dZ[i] = dA[i] * activate_derivative(a, Z[i], A[i]);
            break;
    }
}

template void tanh_forward<float>(const float*, float*, int);
template void tanh_forward<double>(const double*, double*, int);
template void sigmoid_forward<float>(const float*, float*, int);
template void sigmoid_forward<double>(const double*, double*, int);
template void activation_forward<float>(Activation, const float*, float*, int);
template void activation_forward<double>(Activation, const double*, double*, int);
template void activation_backward<float>(Activation, const float*, const float*, const float*,
                                         float*, int);
template void activation_backward<double>(Activation, const double*, const double*,
                                          const double*, double*, int);

}  // namespace nnplay
