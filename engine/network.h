// network.h: a multi-layer perceptron as a chain of ops, dense → activation →
// … → dense → output loss, trained by reverse-mode differentiation: forward()
// keeps every Z and A in a Workspace, backward() walks the chain in reverse.
// Parameters and gradients live in one flat buffer each, so optimisers and
// regularisers are single loops and a training step allocates nothing.
#pragma once

#include "engine/activation.h"
#include "engine/dense_layer.h"
#include "engine/formula.h"
#include "engine/loss.h"
#include "engine/state.h"
#include "engine/types.h"

#include <memory>
#include <string>
#include <vector>

namespace nnplay {

struct NetworkSpec {
    int inputs = 2;
    std::vector<int> hidden;              // widths of the hidden layers (may be empty)
    std::vector<Activation> activations;  // one per hidden layer
    std::vector<std::string> formulas;    // one per hidden layer: its formula's text where the
                                          // activation is Activation::formula, else ""
    Output output = Output::sigmoid_log;
    int outputs = 1;                      // output units: 1, or k for softmax

    bool operator==(const NetworkSpec&) const = default;
    int layer_count() const { return int(hidden.size()) + 1; }  // dense layers
    int width(int layer) const { return layer < int(hidden.size()) ? hidden[layer] : outputs; }
    int fan_in(int layer) const { return layer == 0 ? inputs : hidden[layer - 1]; }
};

// The network a state describes: inputs from its features, hidden layers from
// network_shape and (layer_)activation(s), output and loss from problem, classes,
// loss and model.
NetworkSpec network_spec(const PlaygroundState& state);

// Per-batch buffers, sized once for up to `capacity` columns.
template <typename T>
struct Workspace {
    int capacity = 0;
    std::vector<MatrixT<T>> Z;   // Z[l]: (width l, capacity) pre-activations of dense layer l
    std::vector<MatrixT<T>> A;   // A[l]: (width l, capacity) activations; A.back() = outputs
    std::vector<MatrixT<T>> dZ;  // dZ[l]: (width l, capacity), only when made for training
    std::vector<MatrixT<T>> dA;  // dA[l]: (width l, capacity), only when made for training
    // Dropout (engine/dropout.h), training only: per hidden layer l with a rate, M[l] (width l,
    // capacity) holds 0 or 1/(1−p) per unit and example, and D[l] = A[l] ⊙ M[l] is what layer
    // l + 1 reads. Empty (or an empty matrix for a layer): no dropout there.
    std::vector<MatrixT<T>> M;
    std::vector<MatrixT<T>> D;

    Workspace() = default;
    Workspace(const NetworkSpec& spec, int capacity, bool for_training);
    const T* outputs() const { return A.back().data(); }  // (outputs, n) of the last forward
    bool has_dropout(int l) const { return l < int(M.size()) && M[std::size_t(l)].size() > 0; }
};

template <typename T>
class Network {
public:
    explicit Network(const NetworkSpec& spec = {});
    Network(const Network& other);
    Network& operator=(const Network& other);

    const NetworkSpec& spec() const { return spec_; }
    int layer_count() const { return spec_.layer_count(); }
    const DenseLayer<T>& layer(int l) const { return layers_[l]; }
    DenseLayer<T>& layer(int l) { return layers_[l]; }

    // All parameters: per layer, W (column-major) then b.
    VectorT<T>& params() { return params_; }
    const VectorT<T>& params() const { return params_; }
    VectorT<T>& grads() { return grads_; }
    const VectorT<T>& grads() const { return grads_; }

    // Forward over n ≤ ws.capacity columns of X (inputs, n). Fills ws.Z, ws.A;
    // the outputs (probabilities, tanh values or regression values) end in
    // ws.A.back(). Returns the summed loss when labels are given, else 0. A hidden layer
    // with a dropout mask in ws (ws.has_dropout) passes A ⊙ M on instead of A.
    double forward(const T* X, int n, Workspace<T>& ws, const T* labels = nullptr) const;

    // After forward(X, n, ws, labels): sets grads to the gradient of the MEAN
    // data loss over the n columns. dZ_L = (A − t)/n; per layer, from the last:
    // dW = dZ·Xᵀ, db = Σ dZ, dA_prev = Wᵀ·dZ, dZ_prev = dA_prev ⊙ f'(Z_prev); with dropout
    // the layer read D_prev = A_prev ⊙ M_prev, so dA_prev = (Wᵀ·dZ) ⊙ M_prev (the same mask).
    void backward(const T* X, const T* labels, int n, Workspace<T>& ws);

    // The same for a part of a bigger batch: after forward over n of its columns, adds to
    // grads (not zeroed) the gradient of `scale` × their summed loss; with scale 1/batch, a
    // batch given part by part in column order sums every gradient term in the same order as
    // backward over the whole, so the grads are the same bits (NnplayRun trains a big batch in
    // parts the page can spread over frames).
    void accumulate_gradient(const T* X, const T* labels, int n, Workspace<T>& ws, T scale);

    // Adds the regulariser's gradient to the weights' gradients (never biases):
    // L2: dW += rate·W (the term is rate·½‖W‖²); L1: dW += rate·sign(W).
    void add_regularization_gradient(Regularization r, T rate);

    // The regularisation term rate·Σ½w² (L2) or rate·Σ|w| (L1) over all weights.
    double regularization_loss(Regularization r, T rate) const;

    bool all_finite() const;

private:
    void bind_layers();
    void compile_formulas();

    NetworkSpec spec_;
    VectorT<T> params_;  // (P): all weights and biases
    VectorT<T> grads_;   // (P): their gradients
    std::vector<DenseLayer<T>> layers_;
    // Per hidden layer, the compiled formula of a formula activation (else null). Shared by
    // copies: a program is read-only once compiled.
    std::vector<std::shared_ptr<const Formula>> formulas_;
};

}  // namespace nnplay
