// loss.cpp: losses in their numerically stable forms: log loss from the logit
// (never log(0)), softmax with the largest logit subtracted first.
#include "engine/loss.h"

#include "engine/activation.h"
#include "engine/detmath.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

int output_units(Output o, int classes) { return o == Output::softmax_ce ? classes : 1; }

namespace {

// log(1 + e^x) for x ≤ 0, in double.
double log1p_exp_neg(double x) { return det::log(1.0 + det::exp(x)); }

}  // namespace

template <typename T>
void output_forward(Output o, const T* Z, T* A, int k, int n) {
    switch (o) {
        case Output::linear_square:
            for (int j = 0; j < n; ++j) A[j] = Z[j];
            break;
        case Output::sigmoid_log:
            sigmoid_forward(Z, A, n);
            break;
        case Output::tanh_square:
            tanh_forward(Z, A, n);
            break;
        case Output::softmax_ce:
            for (int j = 0; j < n; ++j) {
                const T* z = Z + std::size_t(j) * k;
                T* a = A + std::size_t(j) * k;
                T zmax = *std::max_element(z, z + k);
                T sum = 0;
                for (int c = 0; c < k; ++c) sum += (a[c] = det::exp(z[c] - zmax));
                for (int c = 0; c < k; ++c) a[c] /= sum;
            }
            break;
        case Output::step:
            for (int j = 0; j < n; ++j) A[j] = Z[j] >= 0 ? T(1) : T(0);
            break;
    }
}

template <typename T>
double loss_forward(Output o, const T* Z, T* A, const T* labels, int k, int n) {
    output_forward(o, Z, A, k, n);
    if (o != Output::sigmoid_log && o != Output::softmax_ce)
        return loss_from_outputs(o, A, labels, k, n);
    double total = 0;
    for (int j = 0; j < n; ++j) {
        if (o == Output::sigmoid_log) {
            // −t log σ(z) − (1−t) log(1 − σ(z)) = max(z, 0) − z·t + log(1 + e^−|z|)
            double z = Z[j], t = labels[j];
            total += std::max(z, 0.0) - z * t + log1p_exp_neg(-std::fabs(z));
        } else {
            // −log softmax(z)_label = log Σ e^(z_c − z_max) − (z_label − z_max)
            const T* z = Z + std::size_t(j) * k;
            double zmax = *std::max_element(z, z + k), sum = 0;
            for (int c = 0; c < k; ++c) sum += det::exp(double(z[c]) - zmax);
            total += det::log(sum) - (double(z[int(labels[j])]) - zmax);
        }
    }
    return total;
}

template <typename T>
double loss_from_outputs(Output o, const T* A, const T* labels, int k, int n) {
    constexpr double kTiny = 1e-12;
    double total = 0;
    for (int j = 0; j < n; ++j) {
        const T* a = A + std::size_t(j) * k;
        double t = labels[j];
        switch (o) {
            case Output::linear_square: total += 0.5 * (a[0] - t) * (a[0] - t); break;
            case Output::sigmoid_log: {
                double p = std::clamp(double(a[0]), kTiny, 1 - kTiny);
                total -= t * det::log(p) + (1 - t) * det::log(1 - p);
                break;
            }
            case Output::tanh_square: {
                double d = a[0] - (2 * t - 1);
                total += 0.5 * d * d;
                break;
            }
            case Output::softmax_ce: total -= det::log(std::max(double(a[int(t)]), kTiny)); break;
            case Output::step: total += a[0] != t ? 1.0 : 0.0; break;
        }
    }
    return total;
}

template <typename T>
void loss_backward(Output o, const T* A, const T* labels, T* dZ, int k, int n, T scale) {
    switch (o) {
        case Output::linear_square:
        case Output::sigmoid_log:
            for (int j = 0; j < n; ++j) dZ[j] = scale * (A[j] - labels[j]);
            break;
        case Output::tanh_square:
            for (int j = 0; j < n; ++j)
                dZ[j] = scale * (A[j] - (T(2) * labels[j] - T(1))) * (T(1) - A[j] * A[j]);
            break;
        case Output::softmax_ce:
            for (int j = 0; j < n; ++j) {
                int label = int(labels[j]);
                for (int c = 0; c < k; ++c) {
                    std::size_t i = std::size_t(j) * k + c;
                    dZ[i] = scale * (A[i] - (c == label ? T(1) : T(0)));
                }
            }
            break;
        case Output::step:
            for (int j = 0; j < n; ++j) dZ[j] = 0;
            break;
    }
}

template <typename T>
int predicted_class(Output o, const T* a, int k) {
    switch (o) {
        case Output::sigmoid_log:
        case Output::step: return a[0] >= T(0.5) ? 1 : 0;
        case Output::tanh_square: return a[0] >= T(0) ? 1 : 0;
        case Output::softmax_ce: return int(std::max_element(a, a + k) - a);
        case Output::linear_square: return 0;
    }
    return 0;
}

template <typename T>
bool is_correct(Output o, const T* a, T label, int k) {
    return predicted_class(o, a, k) == int(label);
}

#define NNPLAY_INSTANTIATE(T)                                                               \
    template void output_forward<T>(Output, const T*, T*, int, int);                        \
    template double loss_forward<T>(Output, const T*, T*, const T*, int, int);              \
    template double loss_from_outputs<T>(Output, const T*, const T*, int, int);             \
    template void loss_backward<T>(Output, const T*, const T*, T*, int, int, T);            \
    template int predicted_class<T>(Output, const T*, int);                                 \
    template bool is_correct<T>(Output, const T*, T, int);
NNPLAY_INSTANTIATE(float)
NNPLAY_INSTANTIATE(double)
#undef NNPLAY_INSTANTIATE

}  // namespace nnplay
