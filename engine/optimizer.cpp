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

template <typename T>
OptimizerMoments OptimizerState<T>::saved() const {
    OptimizerMoments out;
    out.m.assign(m_.data(), m_.data() + m_.size());
    out.s.assign(s_.data(), s_.data() + s_.size());
    out.steps = t_;
    out.beta1_t = beta1_t_;
    out.beta2_t = beta2_t_;
    return out;
}

template <typename T>
bool OptimizerState<T>::restore(const OptimizerMoments& saved) {
    const std::size_t n = std::size_t(m_.size());
    if ((!saved.m.empty() && saved.m.size() != n) || (!saved.s.empty() && saved.s.size() != n) ||
        saved.steps < 0)
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        m_[Eigen::Index(i)] = saved.m.empty() ? T(0) : T(saved.m[i]);
        s_[Eigen::Index(i)] = saved.s.empty() ? T(0) : T(saved.s[i]);
    }
    t_ = saved.steps;
    beta1_t_ = saved.beta1_t;
    beta2_t_ = saved.beta2_t;
    return true;
}

template <typename T>
void soft_threshold(T* w, std::size_t n, T threshold) {
    for (std::size_t i = 0; i < n; ++i) {
        const T shrunk = std::fabs(w[i]) - threshold;
        w[i] = shrunk > T(0) ? std::copysign(shrunk, w[i]) : T(0);
    }
}

template void soft_threshold<float>(float*, std::size_t, float);
template void soft_threshold<double>(double*, std::size_t, double);
template class OptimizerState<float>;
template class OptimizerState<double>;

}  // namespace nnplay
