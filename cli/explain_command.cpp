// explain_command.cpp: `nnplay explain` trains a state to epoch N, then prints one training
// step for one point the way the page's Backprop section steps through it: forward, loss,
// backward (with finite differences beside each gradient) and the update.
#include "cli/commands.h"
#include "cli/link_trainer.h"

#include "engine/dataset.h"
#include "engine/explain.h"
#include "engine/link.h"
#include "engine/trainer.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

namespace nnplay::cli {

namespace {

// "x₁" for the input, "h1.3" for hidden neuron 3 of layer 1, "out" or "out2" for the output.
std::string unit_name(const Explanation& e, int layer, int unit) {
    if (layer < 0) return e.input_names[std::size_t(unit)];
    const bool output = layer + 1 == int(e.layers.size());
    if (output) return e.layers.back().neurons.size() == 1 ? "out" : "out" + std::to_string(unit);
    return "h" + std::to_string(layer + 1) + "." + std::to_string(unit);
}

// The name padded to `width` columns: "x₁" is 4 bytes but 2 columns, so printf's %-8s would not do.
std::string pad(std::string name, std::size_t width) {
    std::size_t columns = 0;
    for (unsigned char c : name) columns += (c & 0xC0) != 0x80;
    if (columns < width) name.append(width - columns, ' ');
    return name;
}

void print_table(const Explanation& e) {
    std::printf("point (%g, %g), label %g; member %d at epoch %d\n", e.x, e.y, e.label, e.member, e.epoch);
    if (e.dropout > 0)
        std::printf("dropout %g: shown without it, every neuron on (the evaluation pass). A training step\n"
                    "switches each hidden neuron off with chance %g per example and scales the others by %.4g.\n",
                    e.dropout, e.dropout, 1.0 / (1.0 - e.dropout));
    std::printf("\nforward\n");
    for (std::size_t i = 0; i < e.inputs.size(); ++i)
        std::printf("  %s a = % .6g\n", pad(e.input_names[i], 8).c_str(), e.inputs[i]);
    for (std::size_t l = 0; l < e.layers.size(); ++l)
        for (std::size_t n = 0; n < e.layers[l].neurons.size(); ++n)
            std::printf("  %s z = % .6g   a = % .6g\n", pad(unit_name(e, int(l), int(n)), 8).c_str(),
                        e.layers[l].neurons[n].z, e.layers[l].neurons[n].a);
    std::printf("\nloss %.6g (the point's data loss)", e.loss);
    if (e.regularization != "none")
        std::printf(" + %s term %.6g (rate %g)", e.regularization.c_str(), e.reg_loss, e.regularization_rate);
    std::printf("\n\nbackward: dL/dz\n");
    for (std::size_t l = e.layers.size(); l-- > 0;)
        for (std::size_t n = 0; n < e.layers[l].neurons.size(); ++n)
            std::printf("  %s dL/dz = % .6g\n", pad(unit_name(e, int(l), int(n)), 8).c_str(), e.layers[l].neurons[n].dz);
    std::printf("\nbackward: dL/dw (data + regulariser), finite difference, and the update at rate %g (%s)\n",
                e.learning_rate, e.optimizer.c_str());
    std::printf("  %-18s %13s %13s %13s %13s %13s %13s\n", "parameter", "value", "dL/dw data", "regulariser",
                "dL/dw", "numeric", "after");
    for (std::size_t l = e.layers.size(); l-- > 0;)
        for (const ExplainParam& p : e.layers[l].params) {
            const std::string to = unit_name(e, int(l), p.to);
            const std::string name = p.from < 0 ? "b " + to : "w " + unit_name(e, int(l) - 1, p.from) + "->" + to;
            std::printf("  %s % 13.6g % 13.6g % 13.6g % 13.6g % 13.6g % 13.6g\n", pad(name, 18).c_str(), p.value,
                        p.grad_data, p.grad_reg, p.grad, p.numeric, p.after);
        }
    std::printf("\nlargest relative difference between chain rule and finite differences: %.2g\n",
                e.max_relative_error);
}

}  // namespace

int run_explain(const ExplainOptions& options) {
    const std::unique_ptr<Trainer> owner = trainer_from_link(options.state_query);
    Trainer& trainer = *owner;
    train_until(trainer, options.epochs);

    double label = options.label;
    if (std::isnan(label)) {
        // No label given: the label of the nearest training point.
        double best = std::numeric_limits<double>::infinity();
        for (const Point& p : trainer.data().train) {
            const double d = (p.x - options.x) * (p.x - options.x) + (p.y - options.y) * (p.y - options.y);
            if (d < best) {
                best = d;
                label = p.label;
            }
        }
        if (std::isnan(label)) {
            std::fprintf(stderr, "nnplay explain: no training points to take a label from: give --point X,Y,LABEL\n");
            return kExitUsage;
        }
    }
    Explanation e;
    if (std::string why = explain_step(trainer, options.member, options.x, options.y, label, e); !why.empty()) {
        std::fprintf(stderr, "nnplay explain: %s\n", why.c_str());
        return kExitUsage;
    }
    if (options.json) std::printf("%s\n", explanation_json(e).c_str());
    else print_table(e);
    std::fflush(stdout);
    return kExitOk;
}

}  // namespace nnplay::cli
