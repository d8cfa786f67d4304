// tfp/network.cpp: src/nn.ts's forwardProp, backProp and updateWeights in
// double, with every sum taken in their order so results agree with their page
// to the last bits the math functions allow. tanh and exp are detmath.h's, so
// native (glibc) and WASM (musl) runs give the same bits; V8 has its own (fdlibm
// ports), and the two differ in a last bit now and then, which only a chaotic
// run (a deep tanh network on spiral, after ~80 epochs) grows to a visible size.
#include "engine/tfp/network.h"

#include "engine/detmath.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

double tfp_activation(TfpActivation a, double x) {
    switch (a) {
        case TfpActivation::tanh: return det::tanh(x);
        case TfpActivation::relu: return std::isnan(x) ? x : std::max(0.0, x);  // Math.max(0, x)
        case TfpActivation::sigmoid: return 1 / (1 + det::exp(-x));
        case TfpActivation::linear: return x;
    }
    return x;
}

double tfp_activation_der(TfpActivation a, double x) {
    switch (a) {
        case TfpActivation::tanh: {
            const double o = tfp_activation(a, x);
            return 1 - o * o;
        }
        case TfpActivation::relu: return x <= 0 ? 0 : 1;
        case TfpActivation::sigmoid: {
            const double o = tfp_activation(a, x);
            return o * (1 - o);
        }
        case TfpActivation::linear: return 1;
    }
    return 1;
}

TfpNetwork::TfpNetwork(const std::vector<int>& shape, TfpActivation hidden, TfpActivation output,
                       Regularization regularization, bool init_zero, SeedRandom& rng)
    : hidden_(hidden), output_(output), regularization_(regularization) {
    nodes_.resize(shape.size());
    links_.resize(shape.size());
    for (std::size_t l = 0; l < shape.size(); ++l) {
        nodes_[l].resize(std::size_t(shape[l]));
        for (TfpNode& n : nodes_[l]) n.bias = init_zero ? 0 : 0.1;
        if (l == 0) continue;
        const std::size_t from = nodes_[l - 1].size();
        links_[l].resize(nodes_[l].size() * from);
        for (TfpLink& link : links_[l]) {  // node by node, each from every source in order
            link.weight = rng.next() - 0.5;
            if (init_zero) link.weight = 0;
        }
    }
}

double TfpNetwork::forward(const double* inputs) {
    for (std::size_t i = 0; i < nodes_[0].size(); ++i) nodes_[0][i].output = inputs[i];
    const int L = layer_count();
    for (int l = 1; l < L; ++l) {
        const TfpActivation act = l == L - 1 ? output_ : hidden_;
        const std::vector<TfpNode>& prev = nodes_[l - 1];
        for (std::size_t n = 0; n < nodes_[l].size(); ++n) {
            TfpNode& node = nodes_[l][n];
            const TfpLink* in = &links_[l][n * prev.size()];
            double total = node.bias;
            for (std::size_t j = 0; j < prev.size(); ++j) total += in[j].weight * prev[j].output;
            node.total_input = total;
            node.output = tfp_activation(act, total);
        }
    }
    return nodes_[L - 1][0].output;
}

void TfpNetwork::backward(double target) {
    const int L = layer_count();
    TfpNode& out = nodes_[L - 1][0];
    out.output_der = out.output - target;
    for (int l = L - 1; l >= 1; --l) {
        const TfpActivation act = l == L - 1 ? output_ : hidden_;
        std::vector<TfpNode>& layer = nodes_[l];
        std::vector<TfpNode>& prev = nodes_[l - 1];
        for (TfpNode& node : layer) {
            node.input_der = node.output_der * tfp_activation_der(act, node.total_input);
            node.acc_input_der += node.input_der;
            ++node.acc_count;
        }
        for (std::size_t n = 0; n < layer.size(); ++n) {
            TfpLink* in = &links_[l][n * prev.size()];
            for (std::size_t j = 0; j < prev.size(); ++j) {
                if (in[j].dead) continue;
                in[j].acc_error_der += layer[n].input_der * prev[j].output;
                ++in[j].acc_count;
            }
        }
        if (l == 1) continue;
        // Node j's outgoing links, in the order they were made: to each node n.
        for (std::size_t j = 0; j < prev.size(); ++j) {
            double der = 0;
            for (std::size_t n = 0; n < layer.size(); ++n)
                der += links_[l][n * prev.size() + j].weight * layer[n].input_der;
            prev[j].output_der = der;
        }
    }
}

void TfpNetwork::update(double learning_rate, double regularization_rate) {
    for (int l = 1; l < layer_count(); ++l) {
        const std::size_t from = nodes_[l - 1].size();
        for (std::size_t n = 0; n < nodes_[l].size(); ++n) {
            TfpNode& node = nodes_[l][n];
            if (node.acc_count > 0) {
                node.bias -= learning_rate * node.acc_input_der / node.acc_count;
                node.acc_input_der = 0;
                node.acc_count = 0;
            }
            for (std::size_t j = 0; j < from; ++j) {
                TfpLink& link = links_[l][n * from + j];
                if (link.dead) continue;
                const double w = link.weight;
                const double reg_der = regularization_ == Regularization::l1 ? (w < 0 ? -1 : (w > 0 ? 1 : 0))
                                       : regularization_ == Regularization::l2 ? w
                                                                               : 0;
                if (link.acc_count > 0) {
                    link.weight = link.weight - (learning_rate / link.acc_count) * link.acc_error_der;
                    const double next = link.weight - (learning_rate * regularization_rate) * reg_der;
                    if (regularization_ == Regularization::l1 && link.weight * next < 0) {
                        link.weight = 0;  // crossed 0 by the regulariser's step alone
                        link.dead = true;
                    } else {
                        link.weight = next;
                    }
                    link.acc_error_der = 0;
                    link.acc_count = 0;
                }
            }
        }
    }
}

double TfpNetwork::regularization_loss(double regularization_rate) const {
    double sum = 0;
    for (const auto& layer : links_)
        for (const TfpLink& link : layer) {
            if (regularization_ == Regularization::l1) sum += std::fabs(link.weight);
            else if (regularization_ == Regularization::l2) sum += 0.5 * link.weight * link.weight;
        }
    return regularization_rate * sum;
}

bool TfpNetwork::all_finite() const {
    for (std::size_t l = 1; l < nodes_.size(); ++l) {
        for (const TfpNode& n : nodes_[l])
            if (!std::isfinite(n.bias)) return false;
        for (const TfpLink& link : links_[l])
            if (!std::isfinite(link.weight)) return false;
    }
    return true;
}

}  // namespace nnplay
