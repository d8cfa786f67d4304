// explain.h: one training step for one point, laid open: the forward pass (every neuron's
// z and a), the point's loss, the backward pass (every dL/dz and dL/dw, the regulariser's
// part apart), the update the trainer would make for a batch of just this point, and a
// central finite difference per parameter, so the chain rule can be checked with numbers.
#pragma once

#include "engine/state.h"

#include <string>
#include <vector>

namespace nnplay {

class Trainer;

struct ExplainNeuron {
    double z = 0;   // weighted sum (pre-activation)
    double a = 0;   // activation (for the output: probability, tanh value or regression value)
    double dz = 0;  // dL/dz of the point's data loss
};

// One weight W(to, from) of a dense layer, or its bias (from == -1).
struct ExplainParam {
    int to = 0, from = -1;
    double value = 0;       // before the step
    double grad_data = 0;   // dL/dw of the point's data loss (chain rule, double)
    double grad_reg = 0;    // the regulariser's part: L2 rate·w, L1 rate·sign(w) (0 for biases)
    double grad = 0;        // grad_data + grad_reg
    double numeric = 0;     // central finite difference of data loss + regularisation term
    double after = 0;       // the weight after the trainer's step (float, as it trains)
};

struct ExplainLayer {
    std::vector<ExplainNeuron> neurons;
    std::vector<ExplainParam> params;  // W column by column (from 0.., to 0..), then the biases
};

struct Explanation {
    int member = 0;
    int epoch = 0;
    double x = 0, y = 0, label = 0;
    std::vector<std::string> input_names;  // the enabled features' labels, e.g. "x₁", "sin(x₂)"
    std::vector<double> inputs;            // their values at the point
    std::vector<ExplainLayer> layers;      // one per dense layer; the last is the output layer
    double loss = 0;                       // the point's data loss
    double reg_loss = 0;                   // the regularisation term over all weights
    double learning_rate = 0;              // the rate the next epoch runs with
    std::string optimizer;                 // "sgd", "adam", ...
    std::string regularization;            // "none", "l1", "l2"
    double regularization_rate = 0;
    double max_relative_error = 0;         // largest |grad − numeric| / max(|grad|, |numeric|, 1e-8)
    // Dropout (engine/dropout.h): the rate the run trains with. The step shown is without it
    // (every unit on, as the network is evaluated): a training step switches units off at random.
    double dropout = 0;
};

// Explains one training step of ensemble member `member` of `trainer` (as it stands now)
// for the point (x, y) with `label` (class index, or regression target). The forward and
// backward passes and the finite differences run in double on a copy of the weights; the
// update runs in float exactly as the trainer's own step for a one-point batch (its
// optimiser moments, its schedule's rate, L1's proximal step). Nothing in the trainer
// changes. Returns "" and fills out, or says why the point or run cannot be explained.
std::string explain_step(const Trainer& trainer, int member, double x, double y, double label,
                         Explanation& out);

// The explanation as one JSON object: point, inputs, loss, the step's settings and
// "layers": [{"neurons": [{z, a, dz}], "weights": [{to, from, value, grad_data, grad_reg,
// grad, numeric, after}], "biases": [...]}] (from = the input or previous layer's neuron).
std::string explanation_json(const Explanation& e);

}  // namespace nnplay
