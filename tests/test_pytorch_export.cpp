// test_pytorch_export.cpp: the PyTorch script, checked natively (PyTorch is
// not run): the weight literals read back to the network's exact float32
// parameters, the layers and activations appear in order, and the optimiser,
// regularisation and schedule map to their PyTorch spellings.
#include "engine/pytorch_export.h"

#include "engine/schedule.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace nnplay;
using namespace nnplay::test;

namespace {

// The numbers of the literal after `prefix` on each line that has it, e.g.
// "models[0][2].weight.copy_(torch.tensor(": [[a, b], [c, d]] → a, b, c, d.
std::vector<float> literal_numbers(const std::string& script, const std::string& prefix) {
    std::vector<float> out;
    const std::size_t at = script.find(prefix);
    if (at == std::string::npos) return out;
    const std::size_t end = script.find('\n', at);
    std::string text = script.substr(at + prefix.size(), end - at - prefix.size());
    for (char& c : text)
        if (c == '[' || c == ']' || c == ',' || c == ')') c = ' ';
    const char* p = text.c_str();
    for (;;) {
        char* next = nullptr;
        const double v = std::strtod(p, &next);  // as Python reads it: a double
        if (next == p) break;
        out.push_back(float(v));                 // then torch's float32
        p = next;
    }
    return out;
}

// Positions of the parts in order, or npos when one is missing or out of order.
bool in_order(const std::string& text, std::initializer_list<std::string> parts) {
    std::size_t at = 0;
    for (const std::string& part : parts) {
        at = text.find(part, at);
        if (at == std::string::npos) return false;
        at += part.size();
    }
    return true;
}

}  // namespace

TEST_CASE("pytorch export: weight literals read back to the exact float32 parameters") {
    Trainer t = trained("dataset=spiral&networkShape=6,4&layerActivations=relu,swish&ensemble=2&"
                        "xSquared=true&sinY=true&seed=pt",
                        3);
    const std::string script = export_pytorch(t, 50);
    for (int m = 0; m < 2; ++m) {
        const Network<Scalar>& net = t.network(m);
        for (int l = 0; l < net.layer_count(); ++l) {
            const DenseLayer<Scalar>& layer = net.layer(l);
            const std::string module = "models[" + std::to_string(m) + "][" + std::to_string(2 * l) + "]";
            std::vector<float> W = literal_numbers(script, module + ".weight.copy_(torch.tensor(");
            std::vector<float> b = literal_numbers(script, module + ".bias.copy_(torch.tensor(");
            REQUIRE(int(W.size()) == layer.out * layer.in);
            REQUIRE(int(b.size()) == layer.out);
            for (int to = 0; to < layer.out; ++to) {
                for (int from = 0; from < layer.in; ++from)
                    CHECK(W[std::size_t(to * layer.in + from)] == layer.weights()(to, from));
                CHECK(b[std::size_t(to)] == layer.b[to]);
            }
        }
    }
    CHECK(in_order(script, {"nn.Linear(4, 6)", "nn.ReLU()", "nn.Linear(6, 4)", "nn.SiLU()", "nn.Linear(4, 1)", ")"}));
    CHECK(contains(script, "FEATURES = [\"x\", \"y\", \"xSquared\", \"sinY\"]"));
    CHECK(contains(script, "torch.stack([x, y, x * x, torch.sin(y)]"));
    CHECK(contains(script, "type=int, default=50,"));
    CHECK(contains(script, "models = [make_model() for _ in range(2)]"));
    CHECK(contains(script, "binary_cross_entropy_with_logits"));
    CHECK(contains(script, "torch.optim.SGD(groups, lr=0.03)"));
    CHECK(contains(script, "\"weight_decay\": 0.0},"));
    CHECK(contains(script, "return None"));  // constant schedule
}

TEST_CASE("pytorch export: the data points read back exactly") {
    Trainer t = trained("dataset=gauss&noise=20&numSamples=40&seed=d", 0);
    const std::string script = export_pytorch(t);
    const std::size_t at = script.find("train_points = torch.tensor([");
    REQUIRE(at != std::string::npos);
    const std::size_t end = script.find("], dtype", at);
    std::string text = script.substr(at + 29, end - at - 29);
    for (char& c : text)
        if (c == '[' || c == ']' || c == ',') c = ' ';
    std::vector<float> numbers;
    const char* p = text.c_str();
    for (char* next = nullptr;; p = next) {
        const double v = std::strtod(p, &next);
        if (next == p) break;
        numbers.push_back(float(v));
    }
    const std::vector<Point>& train = t.data().train;
    REQUIRE(numbers.size() == 3 * train.size());
    for (std::size_t i = 0; i < train.size(); ++i) {
        CHECK(numbers[3 * i] == train[i].x);
        CHECK(numbers[3 * i + 1] == train[i].y);
        CHECK(numbers[3 * i + 2] == train[i].label);
    }
}

TEST_CASE("pytorch export: optimisers, regularisation and schedules") {
    struct Case {
        const char* query;
        std::vector<std::string> parts;
    };
    const Case cases[] = {
        {"optimizer=momentum&momentum=0.8&regularization=L2&regularizationRate=0.001",
         {"torch.optim.SGD(groups, lr=0.03, momentum=0.8)", "\"weight_decay\": 0.001},  # L2",
          "{\"params\": biases(model), \"weight_decay\": 0.0}"}},
        {"optimizer=nesterov&schedule=step&stepEvery=30&scheduleFactor=0.5",
         {"momentum=0.9, nesterov=True)", "StepLR(optimizer, step_size=30, gamma=0.5)", "schedule.step()"}},
        {"optimizer=rmsprop&rmsDecay=0.95&epsilon=1e-07&schedule=exp&decayRate=0.98",
         {"torch.optim.RMSprop(groups, lr=0.03, alpha=0.95, eps=1e-07)", "ExponentialLR(optimizer, gamma=0.98)"}},
        {"optimizer=adam&learningRate=0.001&beta1=0.8&regularization=L1&regularizationRate=0.01&"
         "schedule=plateau&plateauPatience=5",
         {"torch.optim.Adam(groups, lr=0.001, betas=(0.8, 0.999), eps=1e-08)",
          "shrink = optimizer.param_groups[0][\"lr\"] * 0.01",
          "w.copy_(w.sign() * (w.abs() - shrink).clamp(min=0))",
          "ReduceLROnPlateau(optimizer, mode=\"min\", factor=0.1, patience=4, threshold=0.0001, "
          "threshold_mode=\"rel\", cooldown=0, min_lr=0.0)",
          "schedule.best = float(\"inf\")", "load_optimizer_state(optimizer, member)",
          "schedule.step(train_loss)"}},
        {"loss=square&activation=sigmoid", {"nn.Sigmoid()", "nn.Tanh(),  # TensorFlow Playground's output",
                                            "0.5 * nn.functional.mse_loss(z[:, 0], 2 * labels - 1)"}},
        {"dataset=blobs&classes=3&activation=leakyrelu", {"nn.LeakyReLU(0.01)", "nn.Linear(2, 3)",
                                                          "nn.functional.cross_entropy(z, labels.long())",
                                                          "argmax(dim=1)"}},
        {"problem=regression&activation=elu", {"nn.ELU(alpha=1.0)", "0.5 * nn.functional.mse_loss(z[:, 0], labels)",
                                               "test rmse"}},
        {"model=perceptron", {"nn.Linear(2, 1)", "(z >= 0).float()", "no training loop"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        const std::string script = export_pytorch(Trainer(from_query(c.query).state));
        for (const std::string& part : c.parts) CHECK_MESSAGE(contains(script, part), part);
    }
    // Weight decay stays off without L2, and no L1 term appears without L1.
    const std::string plain = export_pytorch(Trainer(from_query("").state));
    CHECK_FALSE(contains(plain, "# L2"));
    CHECK_FALSE(contains(plain, "# L1"));
    CHECK_FALSE(contains(plain, "load_optimizer_state"));  // plain SGD has no state
}

TEST_CASE("pytorch export: the script goes on from the export's epoch, rate, schedule and moments") {
    // Defect 1: exp at 0.3 exported at epoch 50 must run at 0.3 * 0.97^50, not restart at 0.3.
    Trainer t = trained("dataset=circle&noise=10&networkShape=4,2&activation=tanh&schedule=exp&decayRate=0.97&"
                        "learningRate=0.3&reshuffle=false&optimizer=adam&seed=f",
                        50);
    const std::string script = export_pytorch(t);
    CHECK(contains(script, "START_EPOCH = 50"));
    CHECK(contains(script, "parser.add_argument(\"--epochs\", type=int, default=100"));
    CHECK(contains(script, "for epoch in range(START_EPOCH + 1, START_EPOCH + EPOCHS + 1):"));
    CHECK(contains(script, "print(f\"epoch {START_EPOCH}: train loss"));  // the loss at the export first
    CHECK(contains(script, "schedule.last_epoch = START_EPOCH"));
    LearningRateSchedule schedule(t.state());
    schedule.restore(t.run_state().schedule);
    const std::vector<float> lr = literal_numbers(script, "torch.optim.Adam(groups, lr=");
    REQUIRE(!lr.empty());
    CHECK(lr[0] == float(schedule.rate()));
    CHECK(schedule.rate() == doctest::Approx(0.3 * std::pow(0.97, 50)).epsilon(1e-6));
    // Adam's step count and both moments, the first weight's first moment exactly.
    CHECK(contains(script, "STEPS = [" + std::to_string(t.run_state().members[0].steps) + "]"));
    const RunState run = t.run_state();
    const OptimizerMoments& m = run.members[0];
    const std::size_t at = script.find("MOMENT1 = [\n    [[[");
    REQUIRE(at != std::string::npos);
    const double first = std::strtod(script.c_str() + at + std::strlen("MOMENT1 = [\n    [[["), nullptr);
    CHECK(float(first) == m.m[0]);  // W(0, 0) of layer 0 is params[0]
    CHECK(m.m[0] != 0.0f);

    // Defect 4: no input feature: the features are an (N, 0) tensor, not torch.stack([]).
    const std::string none = export_pytorch(trained("x=false&y=false", 1));
    CHECK(contains(none, "return torch.zeros(len(points), 0)"));
    CHECK_FALSE(contains(none, "torch.stack([]"));
}

TEST_CASE("pytorch export: every activation has a module") {
    CHECK(std::string(pytorch_module(Activation::linear)) == "nn.Identity()");
    CHECK(std::string(pytorch_module(Activation::softplus)) == "nn.Softplus()");
    CHECK(std::string(pytorch_module(Activation::tanh)) == "nn.Tanh()");
}
