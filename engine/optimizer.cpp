// optimizer.cpp: the update loops; each is one pass over the flat buffers.
#include "engine/optimizer.h"

#include <cmath>

namespace nnplay {

OptimizerSettings OptimizerSettings::from(const PlaygroundState& state) {
    OptimizerSettings s;
    s.kind = state.optimizer;
    s.momentum = state.momentum;
    s.rms_decay = state.rms_decay;
    s.beta1 = state.beta1;
    s.beta2 = state.beta2;
    s.epsilon = state.epsilon;
    return s;
}

template <typename T>
OptimizerState<T>::OptimizerState(std::size_t count)
    : m_(VectorT<T>::Zero(Eigen::Index(count))), s_(VectorT<T>::Zero(Eigen::Index(count))) {}

template <typename T>
void OptimizerState<T>::reset() {
    m_.setZero();
    s_.setZero();
    t_ = 0;
    beta1_t_ = beta2_t_ = 1;
}

template <typename T>
void OptimizerState<T>::step(T* w, const T* g, const OptimizerSettings& o, double lr_) {
    const Eigen::Index n = m_.size();
    T* m = m_.data();
    T* s = s_.data();
    const T lr = T(lr_), mu = T(o.momentum), eps = T(o.epsilon);
    ++t_;
    switch (o.kind) {
        case Optimizer::sgd:
            for (Eigen::Index i = 0; i < n; ++i) w[i] -= lr * g[i];
            break;
        case Optimizer::momentum:
            for (Eigen::Index i = 0; i < n; ++i) {
                m[i] = mu * m[i] + g[i];
                w[i] -= lr * m[i];
            }
            break;
        case Optimizer::nesterov:
            for (Eigen::Index i = 0; i < n; ++i) {
                m[i] = mu * m[i] + g[i];
                w[i] -= lr * (g[i] + mu * m[i]);
            }
            break;
        case Optimizer::rmsprop: {
            const T rho = T(o.rms_decay);
            for (Eigen::Index i = 0; i < n; ++i) {
                s[i] = rho * s[i] + (T(1) - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / (std::sqrt(s[i]) + eps);
            }
            break;
        }
        case Optimizer::adam: {
            const T b1 = T(o.beta1), b2 = T(o.beta2);
            beta1_t_ *= o.beta1;
            beta2_t_ *= o.beta2;
            const T c1 = T(1 / (1 - beta1_t_)), c2 = T(1 / (1 - beta2_t_));
            for (Eigen::Index i = 0; i < n; ++i) {
                m[i] = b1 * m[i] + (T(1) - b1) * g[i];
                s[i] = b2 * s[i] + (T(1) - b2) * g[i] * g[i];
                w[i] -= lr * (m[i] * c1) / (std::sqrt(s[i] * c2) + eps);
            }
            break;
        }
    }
}

template class OptimizerState<float>;
template class OptimizerState<double>;

}  // namespace nnplay
