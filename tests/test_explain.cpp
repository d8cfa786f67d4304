// test_explain.cpp: explain_step's chain-rule gradients agree with central finite
// differences for every activation and loss (and regulariser), and its "after" weights
// are exactly the trainer's own step on a batch of that one point.
#include "engine/explain.h"

#include "engine/diagnosis.h"
#include "engine/trainer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace nnplay;

namespace {

// Every parameter's analytic gradient against its finite difference: within 1e-6
// relative (with a 1e-9 floor for gradients that are all but zero).
void check_gradients(const Explanation& e) {
    int params = 0;
    for (const ExplainLayer& layer : e.layers)
        for (const ExplainParam& p : layer.params) {
            CAPTURE(p.to);
            CAPTURE(p.from);
            CAPTURE(p.grad);
            CAPTURE(p.numeric);
            CHECK(std::fabs(p.grad - p.numeric) <= 1e-6 * std::max(std::fabs(p.grad), std::fabs(p.numeric)) + 1e-9);
            ++params;
        }
    CHECK(params > 0);
}

}  // namespace

TEST_CASE("explain: analytic gradients match finite differences for every activation x loss") {
    const Activation activations[] = {Activation::linear, Activation::sigmoid, Activation::tanh,
                                      Activation::relu, Activation::leakyrelu, Activation::elu,
                                      Activation::softplus, Activation::swish};
    struct Case {
        const char* name;
        Problem problem;
        Dataset dataset;
        int classes;
        Loss loss;
        Regularization reg;
    };
    const Case cases[] = {
        {"sigmoid+log", Problem::classification, Dataset::circle, 2, Loss::log, Regularization::none},
        {"tanh+square", Problem::classification, Dataset::xor_, 2, Loss::square, Regularization::l2},
        {"softmax+ce", Problem::classification, Dataset::spiral, 3, Loss::log, Regularization::l1},
        {"linear+square", Problem::regression, Dataset::reg_plane, 1, Loss::square, Regularization::l2},
    };
    for (const Case& c : cases)
        for (Activation a : activations) {
            CAPTURE(c.name);
            CAPTURE(name_of(a));
            PlaygroundState s;
            s.problem = c.problem;
            if (c.problem == Problem::regression) s.reg_dataset = c.dataset;
            else s.dataset = c.dataset;
            s.classes = c.classes;
            s.loss = c.loss;
            s.activation = a;
            s.network_shape = {4, 3};
            s.features[f_x_squared] = true;
            s.regularization = c.reg;
            s.regularization_rate = c.reg == Regularization::none ? 0.0f : 0.01f;
            s.learning_rate = 0.01f;
            Trainer t(s);
            for (int e = 0; e < 5; ++e) t.step_epoch();
            Explanation e;
            const double label = c.problem == Problem::regression ? 0.3 : c.classes - 1;
            REQUIRE(explain_step(t, 0, 1.7, -0.9, label, e) == "");
            REQUIRE(e.layers.size() == 3);
            CHECK(e.layers[2].neurons.size() == std::size_t(c.classes == 3 ? 3 : 1));
            CHECK(e.inputs.size() == 3);
            CHECK(e.loss > 0);
            check_gradients(e);
            // The output layer's dL/dz: a − t for the fused sigmoid, softmax and linear losses.
            if (c.loss == Loss::log && c.classes == 2)
                CHECK(e.layers[2].neurons[0].dz == doctest::Approx(e.layers[2].neurons[0].a - label));
        }
}

TEST_CASE("explain: the update is the trainer's own step on a one-point batch") {
    struct Case {
        Optimizer opt;
        Regularization reg;
        Schedule schedule;
    };
    const Case cases[] = {{Optimizer::sgd, Regularization::none, Schedule::constant},
                          {Optimizer::adam, Regularization::l2, Schedule::exp},
                          {Optimizer::momentum, Regularization::l1, Schedule::constant},
                          {Optimizer::rmsprop, Regularization::l2, Schedule::step}};
    for (const Case& c : cases) {
        CAPTURE(name_of(c.opt));
        PlaygroundState s;
        s.dataset = Dataset::custom;
        // One point pinned to training, the rest to test: each epoch is one step on it.
        s.points = {{1.5f, -0.5f, 1, PointSplit::train}, {-2, 1, 0, PointSplit::test},
                    {3, 3, 1, PointSplit::test}, {0, -4, 0, PointSplit::test}};
        s.optimizer = c.opt;
        s.regularization = c.reg;
        s.regularization_rate = 0.003f;
        s.schedule = c.schedule;
        s.step_every = 2;
        s.network_shape = {3, 2};
        s.ensemble = 2;
        Trainer t(s);
        REQUIRE(t.data().train.size() == 1);
        for (int e = 0; e < 3; ++e) t.step_epoch();
        for (int member = 0; member < 2; ++member) {
            Explanation e;
            REQUIRE(explain_step(t, member, 1.5, -0.5, 1, e) == "");
            check_gradients(e);
            std::vector<double> after;
            for (const ExplainLayer& layer : e.layers)
                for (const ExplainParam& p : layer.params) after.push_back(p.after);
            Trainer copy(s);
            for (int k = 0; k < 4; ++k) copy.step_epoch();
            std::vector<double> trained;
            for (int l = 0; l < copy.spec().layer_count(); ++l) {
                const DenseLayer<Scalar>& layer = copy.network(member).layer(l);
                for (int i = 0; i < layer.in * layer.out; ++i) trained.push_back(double(layer.W[i]));
                for (int o = 0; o < layer.out; ++o) trained.push_back(double(layer.b[o]));
            }
            CHECK(after == trained);  // bit for bit
            bool moved = false;
            for (const ExplainLayer& layer : e.layers)
                for (const ExplainParam& p : layer.params) moved = moved || p.after != p.value;
            CHECK(moved);
        }
    }
}

TEST_CASE("explain: bad requests get a reason, never a crash") {
    PlaygroundState s;
    Trainer t(s);
    Explanation e;
    CHECK(explain_step(t, 1, 0, 0, 1, e).find("member 1 does not exist") != std::string::npos);
    CHECK(explain_step(t, 0, 0, 0, 2, e).find("class index from 0 to 1") != std::string::npos);
    CHECK(explain_step(t, 0, 0, 0, 0.5, e) != "");
    CHECK(explain_step(t, 0, std::nan(""), 0, 0, e) != "");
    s.model = Model::perceptron;
    Trainer p(s);
    CHECK(explain_step(p, 0, 0, 0, 1, e).find("perceptron") != std::string::npos);
}

TEST_CASE("gradient norms: a deep sigmoid network's first layer gets orders of magnitude less") {
    PlaygroundState s;
    s.network_shape = {8, 8, 8, 8, 8, 8};
    s.activation = Activation::sigmoid;
    Trainer t(s);
    for (int e = 0; e < 5; ++e) t.step_epoch();
    const std::vector<double> norms = layer_gradient_norms(t);
    REQUIRE(norms.size() == 7);
    for (double g : norms) CHECK((std::isfinite(g) && g > 0));
    MESSAGE("first layer " << norms.front() << ", last " << norms.back());
    CHECK(norms.front() < 1e-2 * norms.back());
    // A shallow tanh network passes its gradient back without such a loss.
    s.network_shape = {4};
    s.activation = Activation::tanh;
    Trainer shallow(s);
    const std::vector<double> g2 = layer_gradient_norms(shallow);
    REQUIRE(g2.size() == 2);
    CHECK(g2.front() > 1e-2 * g2.back());
    s.model = Model::perceptron;
    CHECK(layer_gradient_norms(Trainer(s)).empty());
}
