// network.cpp: building the layer chain over the flat buffers, and the forward
// and backward passes over it.
#include "engine/network.h"

#include "engine/assert.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

NetworkSpec network_spec(const PlaygroundState& state) {
    NetworkSpec spec;
    spec.inputs = state.input_count();
    const int k = state.class_count();
    if (state.model == Model::perceptron) {
        spec.output = Output::step;  // a single neuron: no hidden layers
        spec.outputs = 1;
        return spec;
    }
    spec.hidden = state.network_shape;
    for (int l = 0; l < int(spec.hidden.size()); ++l) {
        spec.activations.push_back(state.hidden_activation(l));
        spec.formulas.push_back(spec.activations.back() == Activation::formula ? state.hidden_formula(l) : "");
    }
    // Only networks with a formula carry the list, so every other spec compares as before.
    if (std::all_of(spec.formulas.begin(), spec.formulas.end(), [](const std::string& f) { return f.empty(); }))
        spec.formulas.clear();
    if (state.problem == Problem::regression)
        spec.output = Output::linear_square;
    else if (k > 2)
        spec.output = Output::softmax_ce;
    else
        spec.output = state.loss == Loss::square ? Output::tanh_square : Output::sigmoid_log;
    spec.outputs = output_units(spec.output, k);
    return spec;
}

template <typename T>
Workspace<T>::Workspace(const NetworkSpec& spec, int capacity_, bool for_training)
    : capacity(capacity_) {
    for (int l = 0; l < spec.layer_count(); ++l) {
        Z.emplace_back(spec.width(l), capacity);
        A.emplace_back(spec.width(l), capacity);
        if (for_training) {
            dZ.emplace_back(spec.width(l), capacity);
            dA.emplace_back(spec.width(l), capacity);
        }
    }
}

template <typename T>
Network<T>::Network(const NetworkSpec& spec) : spec_(spec) {
    NNPLAY_ASSERT(spec.activations.size() == spec.hidden.size());
    std::size_t count = 0;
    for (int l = 0; l < spec_.layer_count(); ++l)
        count += std::size_t(spec_.width(l)) * (spec_.fan_in(l) + 1);
    params_ = VectorT<T>::Zero(Eigen::Index(count));
    grads_ = VectorT<T>::Zero(Eigen::Index(count));
    bind_layers();
    compile_formulas();
}

template <typename T>
Network<T>::Network(const Network& other)
    : spec_(other.spec_), params_(other.params_), grads_(other.grads_), formulas_(other.formulas_) {
    bind_layers();
}

// A formula that does not compile (the state's readers refuse those, so only a state built
// by hand) leaves its layer linear rather than stopping the program.
template <typename T>
void Network<T>::compile_formulas() {
    formulas_.assign(spec_.hidden.size(), nullptr);
    for (std::size_t l = 0; l < spec_.hidden.size(); ++l) {
        if (spec_.activations[l] != Activation::formula || l >= spec_.formulas.size()) continue;
        if (std::optional<Formula> f = Formula::compile(spec_.formulas[l], FormulaVars::x))
            formulas_[l] = std::make_shared<const Formula>(std::move(*f));
    }
}

template <typename T>
Network<T>& Network<T>::operator=(const Network& other) {
    if (this != &other) {
        spec_ = other.spec_;
        params_ = other.params_;
        grads_ = other.grads_;
        formulas_ = other.formulas_;
        bind_layers();
    }
    return *this;
}

template <typename T>
void Network<T>::bind_layers() {
    layers_.assign(spec_.layer_count(), {});
    std::size_t offset = 0;
    for (int l = 0; l < spec_.layer_count(); ++l) {
        DenseLayer<T>& layer = layers_[l];
        layer.in = spec_.fan_in(l);
        layer.out = spec_.width(l);
        layer.W = params_.data() + offset;
        layer.dW = grads_.data() + offset;
        offset += std::size_t(layer.in) * layer.out;
        layer.b = params_.data() + offset;
        layer.db = grads_.data() + offset;
        offset += layer.out;
    }
}

template <typename T>
double Network<T>::forward(const T* X, int n, Workspace<T>& ws, const T* labels) const {
    NNPLAY_ASSERT(n <= ws.capacity);
    const int L = layer_count();
    const T* input = X;
    for (int l = 0; l < L; ++l) {
        T* Z = ws.Z[l].data();
        T* A = ws.A[l].data();
        layers_[l].forward(input, Z, n);
        if (l + 1 < L) {
            if (const Formula* f = formulas_[size_t(l)].get())
                f->forward(Z, A, layers_[l].out * n);
            else
                activation_forward(spec_.activations[l], Z, A, layers_[l].out * n);
        } else if (labels) {
            return loss_forward(spec_.output, Z, A, labels, spec_.outputs, n);
        } else {
            output_forward(spec_.output, Z, A, spec_.outputs, n);
        }
        input = A;
        if (ws.has_dropout(l)) {  // inverted dropout: D = A ⊙ M, the next layer's input
            T* D = ws.D[size_t(l)].data();
            const T* M = ws.M[size_t(l)].data();
            for (int i = 0; i < layers_[l].out * n; ++i) D[i] = A[i] * M[i];
            input = D;
        }
    }
    return 0;
}

template <typename T>
void Network<T>::backward(const T* X, const T* labels, int n, Workspace<T>& ws) {
    grads_.setZero();
    accumulate_gradient(X, labels, n, ws, T(1) / T(n));
}

template <typename T>
void Network<T>::accumulate_gradient(const T* X, const T* labels, int n, Workspace<T>& ws, T scale) {
    NNPLAY_ASSERT(!ws.dZ.empty() && n <= ws.capacity && n > 0);
    const int L = layer_count();
    loss_backward(spec_.output, ws.A[L - 1].data(), labels, ws.dZ[L - 1].data(), spec_.outputs, n, scale);
    for (int l = L - 1; l >= 0; --l) {
        const bool dropped = l > 0 && ws.has_dropout(l - 1);
        const T* input = l == 0 ? X : dropped ? ws.D[l - 1].data() : ws.A[l - 1].data();
        T* dinput = l == 0 ? nullptr : ws.dA[l - 1].data();
        layers_[l].backward(input, ws.dZ[l].data(), dinput, n);
        if (dropped) {  // dA = dD ⊙ M: a unit switched off passes no gradient back
            const T* M = ws.M[l - 1].data();
            for (int i = 0; i < layers_[l - 1].out * n; ++i) dinput[i] *= M[i];
        }
        if (l > 0 && formulas_[size_t(l - 1)])  // dZ = dA ⊙ f'(Z), f' by dual numbers
            formulas_[size_t(l - 1)]->backward(ws.Z[l - 1].data(), ws.dA[l - 1].data(), ws.dZ[l - 1].data(),
                                               layers_[l - 1].out * n);
        else if (l > 0)
            activation_backward(spec_.activations[l - 1], ws.Z[l - 1].data(), ws.A[l - 1].data(),
                                ws.dA[l - 1].data(), ws.dZ[l - 1].data(), layers_[l - 1].out * n);
    }
}

template <typename T>
void Network<T>::add_regularization_gradient(Regularization r, T rate) {
    if (r == Regularization::none || rate == T(0)) return;
    for (DenseLayer<T>& layer : layers_) {
        const int count = layer.in * layer.out;
        if (r == Regularization::l2) {
            for (int i = 0; i < count; ++i) layer.dW[i] += rate * layer.W[i];
        } else {
            for (int i = 0; i < count; ++i)
                layer.dW[i] += rate * T((layer.W[i] > 0) - (layer.W[i] < 0));
        }
    }
}

template <typename T>
double Network<T>::regularization_loss(Regularization r, T rate) const {
    if (r == Regularization::none) return 0;
    double sum = 0;
    for (const DenseLayer<T>& layer : layers_) {
        const int count = layer.in * layer.out;
        for (int i = 0; i < count; ++i) {
            double w = layer.W[i];
            sum += r == Regularization::l2 ? 0.5 * w * w : std::fabs(w);
        }
    }
    return double(rate) * sum;
}

template <typename T>
bool Network<T>::all_finite() const {
    return params_.allFinite();
}

template struct Workspace<float>;
template struct Workspace<double>;
template class Network<float>;
template class Network<double>;

}  // namespace nnplay
