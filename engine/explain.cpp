// explain.cpp: one training step for one point, in two copies of the network: a double
// one for the numbers a learner reads and checks (forward, backward, finite differences),
// and a float one that takes the trainer's own step, so "after" is what training does.
#include "engine/explain.h"

#include "engine/dropout.h"

#include "engine/features.h"
#include "engine/json_writer.h"
#include "engine/network.h"
#include "engine/optimizer.h"
#include "engine/schedule.h"
#include "engine/trainer.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

namespace {

// The point's data loss plus the regularisation term, for the finite differences.
double total_loss(const Network<double>& net, const double* x, double label, Workspace<double>& ws,
                  Regularization r, double rate) {
    return net.forward(x, 1, ws, &label) + net.regularization_loss(r, rate);
}

}  // namespace

std::string explain_step(const Trainer& trainer, int member, double x, double y, double label,
                         Explanation& out) {
    const PlaygroundState& state = trainer.state();
    if (trainer.compat_active())
        return "compat=tf runs TensorFlow Playground's own model; explain covers nnplay's training "
               "(drop compat=tf)";
    const NetworkSpec& spec = trainer.spec();
    if (spec.output == Output::step)
        return "the perceptron learns by its mistake rule, not by gradients: nothing to explain";
    if (member < 0 || member >= trainer.ensemble_size())
        return "member " + std::to_string(member) + " does not exist: the ensemble has " +
               std::to_string(trainer.ensemble_size()) + " member(s), 0 to " +
               std::to_string(trainer.ensemble_size() - 1);
    if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(label))
        return "the point's coordinates and label must be finite numbers";
    if (trainer.is_regression()) {
        if (label < -1e6 || label > 1e6) return "the target must lie between -1e6 and 1e6";
    } else if (label != std::floor(label) || label < 0 || label >= trainer.class_count()) {
        return "the label must be a class index from 0 to " + std::to_string(trainer.class_count() - 1);
    }

    out = {};
    out.member = member;
    out.epoch = trainer.epoch();
    out.x = x;
    out.y = y;
    out.label = label;
    const std::vector<Feature> features = enabled_features(state.features);
    const Point point{float(x), float(y), float(label)};
    Matrix xf;  // the features as the trainer computes them (float)
    compute_features(features, {point}, xf);
    std::vector<double> xd;
    for (std::size_t i = 0; i < features.size(); ++i) {
        out.input_names.emplace_back(label_of(features[i]));
        xd.push_back(feature_value(features[i], double(point.x), double(point.y)));
    }
    out.inputs = xd;

    const Network<Scalar>& net = trainer.network(member);
    const int L = net.layer_count();
    const Regularization reg = state.regularization;
    const double rate = reg == Regularization::none ? 0.0 : double(state.regularization_rate);
    out.regularization = name_of(reg);
    out.regularization_rate = rate;
    out.optimizer = name_of(state.optimizer);
    const std::vector<float> drop = dropout_rates(state);
    out.dropout = drop.empty() ? 0.0 : double(*std::max_element(drop.begin(), drop.end()));  // layerDropout: the highest

    // Forward and backward in double.
    Network<double> dnet(spec);
    for (Eigen::Index i = 0; i < net.params().size(); ++i) dnet.params()[i] = double(net.params()[i]);
    Workspace<double> ws(spec, 1, true);
    const double t = label;
    out.loss = dnet.forward(xd.data(), 1, ws, &t);
    out.reg_loss = dnet.regularization_loss(reg, rate);
    dnet.backward(xd.data(), &t, 1, ws);

    // The trainer's step in float: its optimiser moments and the rate of the next epoch.
    const RunState run = trainer.run_state();
    LearningRateSchedule schedule(state);
    schedule.restore(run.schedule);
    out.learning_rate = schedule.rate();
    Network<Scalar> fnet = net;
    Workspace<Scalar> fws(spec, 1, true);
    const Scalar flabel = Scalar(label);
    fnet.forward(xf.data(), 1, fws);
    fnet.backward(xf.data(), &flabel, 1, fws);
    const bool l1 = reg == Regularization::l1 && state.regularization_rate > 0;
    if (!l1) fnet.add_regularization_gradient(reg, state.regularization_rate);
    OptimizerState<Scalar> opt(std::size_t(fnet.params().size()));
    opt.restore(run.members[std::size_t(member)]);
    opt.step(fnet.params().data(), fnet.grads().data(), OptimizerSettings::from(state),
             Scalar(schedule.rate()));
    if (l1) {
        const Scalar threshold = Scalar(schedule.rate() * double(state.regularization_rate));
        for (int l = 0; l < L; ++l) {
            DenseLayer<Scalar>& layer = fnet.layer(l);
            soft_threshold(layer.W, std::size_t(layer.in) * std::size_t(layer.out), threshold);
        }
    }

    // Central differences: h scaled to the weight, small enough for the truncation error
    // (h²) and large enough for the rounding error (ε/h) to stay far below 1e-6 relative.
    Workspace<double> probe(spec, 1, false);
    auto numeric = [&](double& w) {
        const double keep = w, h = 1e-5 * std::max(1.0, std::fabs(w));
        w = keep + h;
        const double plus = total_loss(dnet, xd.data(), t, probe, reg, rate);
        w = keep - h;
        const double minus = total_loss(dnet, xd.data(), t, probe, reg, rate);
        w = keep;
        return (plus - minus) / (2 * h);
    };

    for (int l = 0; l < L; ++l) {
        ExplainLayer layer;
        DenseLayer<double>& dl = dnet.layer(l);
        const DenseLayer<Scalar>& after = fnet.layer(l);
        for (int o = 0; o < dl.out; ++o)
            layer.neurons.push_back({ws.Z[l](o, 0), ws.A[l](o, 0), ws.dZ[l](o, 0)});
        auto add = [&](int to, int from, double& w, double grad_data, double grad_reg, float w_after) {
            ExplainParam p;
            p.to = to;
            p.from = from;
            p.value = w;
            p.grad_data = grad_data;
            p.grad_reg = grad_reg;
            p.grad = grad_data + grad_reg;
            p.numeric = numeric(w);
            p.after = double(w_after);
            const double scale = std::max({std::fabs(p.grad), std::fabs(p.numeric), 1e-8});
            out.max_relative_error = std::max(out.max_relative_error, std::fabs(p.grad - p.numeric) / scale);
            layer.params.push_back(p);
        };
        for (int i = 0; i < dl.in; ++i)
            for (int o = 0; o < dl.out; ++o) {
                const std::size_t k = std::size_t(i) * dl.out + o;
                double& w = dl.W[k];
                const double sign = double((w > 0) - (w < 0));
                const double g_reg = reg == Regularization::l2 ? rate * w
                                     : reg == Regularization::l1 ? rate * sign : 0.0;
                add(o, i, w, dl.dW[k], g_reg, after.W[k]);
            }
        for (int o = 0; o < dl.out; ++o) add(o, -1, dl.b[o], dl.db[o], 0.0, after.b[o]);
        out.layers.push_back(std::move(layer));
    }
    return {};
}

std::string explanation_json(const Explanation& e) {
    std::string j = "{";
    auto key = [&](const char* name) {
        if (j.size() > 1 && j.back() != '{' && j.back() != '[') j += ',';
        append_json_string(j, name);
        j += ':';
    };
    auto num = [&](const char* name, double v) {
        key(name);
        append_json_number(j, v);
    };
    auto text = [&](const char* name, const std::string& v) {
        key(name);
        append_json_string(j, v);
    };
    num("member", e.member);
    num("epoch", e.epoch);
    num("x", e.x);
    num("y", e.y);
    num("label", e.label);
    key("inputs");
    j += '[';
    for (std::size_t i = 0; i < e.inputs.size(); ++i) {
        if (i) j += ',';
        j += '{';
        text("name", e.input_names[i]);
        num("value", e.inputs[i]);
        j += '}';
    }
    j += ']';
    num("loss", e.loss);
    num("reg_loss", e.reg_loss);
    num("learning_rate", e.learning_rate);
    text("optimizer", e.optimizer);
    text("regularization", e.regularization);
    num("regularization_rate", e.regularization_rate);
    num("max_relative_error", e.max_relative_error);
    if (e.dropout > 0) num("dropout", e.dropout);  // only with dropout: other runs' JSON is as before
    key("layers");
    j += '[';
    for (std::size_t l = 0; l < e.layers.size(); ++l) {
        if (l) j += ',';
        j += '{';
        key("neurons");
        j += '[';
        for (std::size_t n = 0; n < e.layers[l].neurons.size(); ++n) {
            const ExplainNeuron& u = e.layers[l].neurons[n];
            if (n) j += ',';
            j += '{';
            num("z", u.z);
            num("a", u.a);
            num("dz", u.dz);
            j += '}';
        }
        j += ']';
        for (int bias = 0; bias < 2; ++bias) {
            key(bias ? "biases" : "weights");
            j += '[';
            bool first = true;
            for (const ExplainParam& p : e.layers[l].params) {
                if ((p.from < 0) != bool(bias)) continue;
                if (!first) j += ',';
                first = false;
                j += '{';
                num("to", p.to);
                if (!bias) num("from", p.from);
                num("value", p.value);
                num("grad_data", p.grad_data);
                num("grad_reg", p.grad_reg);
                num("grad", p.grad);
                num("numeric", p.numeric);
                num("after", p.after);
                j += '}';
            }
            j += ']';
        }
        j += '}';
    }
    j += "]}";
    return j;
}

}  // namespace nnplay
