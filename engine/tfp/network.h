// tfp/network.h: TensorFlow Playground's network (src/nn.ts) for compat=tf, in
// double as JavaScript computes: nodes and links, one example at a time;
// backward() accumulates per-example derivatives and update() applies their
// mean (a partial batch simply waits for the next update), then its L1/L2 step,
// where an L1 step that crosses zero kills the link for good.
#pragma once

#include "engine/tfp/seedrandom.h"
#include "engine/state.h"

#include <vector>

namespace nnplay {

// The activations TensorFlow Playground has (hidden layers), plus which output.
enum class TfpActivation { tanh, relu, sigmoid, linear };

struct TfpNode {
    double bias = 0.1;
    double total_input = 0, output = 0;
    double output_der = 0, input_der = 0;
    double acc_input_der = 0;  // Σ input_der since the last update (dE/db)
    int acc_count = 0;
};

struct TfpLink {
    double weight = 0;
    bool dead = false;         // L1 pushed it across 0: 0 from now on, never updated
    double acc_error_der = 0;  // Σ dE/dw since the last update
    int acc_count = 0;
};

class TfpNetwork {
public:
    TfpNetwork() = default;

    // buildNetwork(shape): layer 0 has shape[0] inputs, the last layer one
    // output node (tanh for classification, linear for regression). Links are
    // made node by node, each from every node of the previous layer in order,
    // and each draws rng.next() − 0.5, even with init_zero (then set to 0).
    // Biases are 0.1 (0 with init_zero) and draw nothing.
    TfpNetwork(const std::vector<int>& shape, TfpActivation hidden, TfpActivation output,
               Regularization regularization, bool init_zero, SeedRandom& rng);

    int layer_count() const { return int(nodes_.size()); }  // input layer included
    int width(int layer) const { return int(nodes_[layer].size()); }

    // Node `node` of layer `layer` (≥ 1) and its link from node `from` of layer − 1.
    TfpNode& node(int layer, int node) { return nodes_[layer][node]; }
    const TfpNode& node(int layer, int node) const { return nodes_[layer][node]; }
    TfpLink& link(int layer, int node, int from) { return links_[layer][std::size_t(node) * width(layer - 1) + from]; }
    const TfpLink& link(int layer, int node, int from) const {
        return links_[layer][std::size_t(node) * width(layer - 1) + from];
    }

    // forwardProp: inputs has width(0) values; returns the output node's output.
    // Each node: total = bias, += weight·source output over its links in order.
    double forward(const double* inputs);

    // backProp after forward(): output der = output − target (½(o − t)²), then
    // per layer from the last: input_der = output_der·f'(total_input), summed
    // into the node; each live link's errorDer = input_der·source output, summed;
    // the previous layer's output_der = Σ over its outgoing links of w·dest input_der.
    void backward(double target);

    // updateWeights: each node of layer 1 up, bias −= lr·Σ/count; each live link
    // with a count, w −= (lr/count)·Σ, then the regulariser's step lr·rate·g(w_old)
    // (L1: sign, L2: w); with L1 a step that crosses 0 sets w = 0 and kills the link.
    // Clears the sums.
    void update(double learning_rate, double regularization_rate);

    // The regularisation term TensorFlow Playground defines (it never shows it):
    // rate·Σ|w| (L1) or rate·Σ½w² (L2) over all links.
    double regularization_loss(double regularization_rate) const;

    bool all_finite() const;

    // The regulariser of every link (their page fixes it at build time and
    // rebuilds on a change; ours may change it mid-run).
    void set_regularization(Regularization r) { regularization_ = r; }

private:
    std::vector<std::vector<TfpNode>> nodes_;  // [layer][node]; layer 0 holds the inputs' outputs
    std::vector<std::vector<TfpLink>> links_;  // [layer][node · width(layer − 1) + from]; layer 0 empty
    TfpActivation hidden_ = TfpActivation::tanh, output_ = TfpActivation::tanh;
    Regularization regularization_ = Regularization::none;
};

// Their activation's output and derivative (tanh' = 1 − tanh², recomputed;
// relu' = 0 at 0; σ' = σ(1 − σ)).
double tfp_activation(TfpActivation a, double x);
double tfp_activation_der(TfpActivation a, double x);

}  // namespace nnplay
