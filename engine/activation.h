// activation.h: the element-wise activations A = f(Z) of hidden layers and
// their derivatives, as a forward/backward pair over a whole (width, N) block.
// Math goes through det:: so float results are the same natively and in WASM.
#pragma once

#include "engine/detmath.h"
#include "engine/state.h"

namespace nnplay {

constexpr double kLeakySlope = 0.01;  // leakyrelu: f(z) = 0.01·z for z < 0
constexpr double kEluAlpha = 1.0;     // elu: f(z) = α(e^z − 1) for z < 0

// f(z) for one value.
template <typename T>
inline T activate(Activation a, T z) {
    switch (a) {
        case Activation::linear: return z;
        case Activation::sigmoid: return T(1) / (T(1) + det::exp(-z));
        case Activation::tanh: return det::tanh(z);
        case Activation::relu: return z > 0 ? z : T(0);
        case Activation::leakyrelu: return z > 0 ? z : T(kLeakySlope) * z;
        case Activation::elu: return z > 0 ? z : T(kEluAlpha) * det::expm1(z);
        case Activation::softplus:  // log(1 + e^z) = max(z, 0) + log(1 + e^−|z|)
            return (z > 0 ? z : T(0)) +
                   T(det::log(1.0 + static_cast<double>(det::exp(z > 0 ? -z : z))));
        case Activation::swish: return z / (T(1) + det::exp(-z));
        case Activation::formula: return z;  // the network runs its Formula (engine/formula.h) instead
    }
    return z;
}

// f'(z), given z and a = f(z) (the cheaper of the two is used).
template <typename T>
inline T activate_derivative(Activation act, T z, T a) {
    switch (act) {
        case Activation::linear: return T(1);
        case Activation::sigmoid: return a * (T(1) - a);
        case Activation::tanh: return T(1) - a * a;
        case Activation::relu: return z > 0 ? T(1) : T(0);
        case Activation::leakyrelu: return z > 0 ? T(1) : T(kLeakySlope);
        case Activation::elu: return z > 0 ? T(1) : a + T(kEluAlpha);
        case Activation::softplus: return T(1) / (T(1) + det::exp(-z));
        case Activation::swish: {
            T s = T(1) / (T(1) + det::exp(-z));
            return s + a * (T(1) - s);  // σ + zσ(1 − σ)
        }
        case Activation::formula: return T(1);  // the network runs its Formula instead
    }
    return T(1);
}

// Forward over n values: A = f(Z). The switch sits outside the loop so each
// loop is a plain element-wise kernel the compiler can vectorise.
template <typename T>
void activation_forward(Activation a, const T* Z, T* A, int n);

// A = tanh(Z) over n values, as det::tanh one by one but in SIMD blocks for
// float (bit-identical: the reference is the plain loop). Z and A may be equal.
template <typename T>
void tanh_forward(const T* Z, T* A, int n);

// A = σ(Z) = 1/(1 + e^−Z) over n values, the same way (det::exp).
template <typename T>
void sigmoid_forward(const T* Z, T* A, int n);

// Backward over n values: dZ = dA ⊙ f'(Z).
template <typename T>
void activation_backward(Activation a, const T* Z, const T* A, const T* dA, T* dZ, int n);

}  // namespace nnplay
