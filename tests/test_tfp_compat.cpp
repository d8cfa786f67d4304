// test_tfp_compat.cpp: compat=tf against TensorFlow Playground itself. Each
// tests/data/tfp/*.json holds a link and the train and test loss its own code
// (src/nn.ts, dataset.ts, playground.ts under Node, seedrandom 2.4.4) printed
// after every epoch; the trainer must give the same to 4 significant digits
// (relative 5e-4, absolute 1e-9 near 0) for 100 epochs, 50 for chaotic runs.
// Then the trainer's interface in this mode: points, weights, grid, warnings.
#include "engine/trainer.h"

#include "engine/json_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace nnplay;

namespace {

constexpr double kRelative = 5e-4, kAbsolute = 1e-9;

struct Case {
    std::string name, hash;
    int epochs = 0;
    std::vector<double> train, test;
};

std::vector<Case> load_cases() {
    std::vector<Case> cases;
    for (const auto& entry : std::filesystem::directory_iterator(NNPLAY_TFP_DATA_DIR)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        Result<JsonValue> parsed = parse_json(text.str());
        INFO(entry.path().string());
        REQUIRE(parsed.value);
        const JsonValue& v = *parsed.value;
        Case c;
        c.name = v.find("name")->text;
        c.hash = v.find("hash")->text;
        c.epochs = int(v.find("epochs")->number);
        for (const JsonValue& x : v.find("train")->items) c.train.push_back(x.number);
        for (const JsonValue& x : v.find("test")->items) c.test.push_back(x.number);
        REQUIRE(int(c.train.size()) == c.epochs + 1);
        REQUIRE(int(c.test.size()) == c.epochs + 1);
        cases.push_back(std::move(c));
    }
    std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
    return cases;
}

double error_of(double got, double want) {
    const double err = std::fabs(got - want);
    return err <= kAbsolute ? 0 : err / std::fabs(want);
}

PlaygroundState compat_state(const std::string& hash) {
    StateReadResult r = from_query(hash + "&compat=tf");
    INFO(hash);
    REQUIRE(r.warnings.empty());
    return r.state;
}

}  // namespace

TEST_CASE("tfp_compat: train and test loss match TensorFlow Playground's, epoch by epoch") {
    const std::vector<Case> cases = load_cases();
    REQUIRE(cases.size() >= 20);
    double worst_all = 0, raw_all = 0;  // raw: without the absolute floor
    std::string worst_name;
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CAPTURE(c.hash);
        Trainer t(compat_state(c.hash));
        REQUIRE(t.compat_active());
        double worst = 0;
        int worst_epoch = 0;
        for (int e = 0; e <= c.epochs; ++e) {
            if (e > 0) REQUIRE(t.step_epoch());
            REQUIRE(t.epoch() == e);
            const double err = std::max(error_of(t.metrics().train_loss, c.train[std::size_t(e)]),
                                        error_of(t.metrics().test_loss, c.test[std::size_t(e)]));
            if (err > worst) worst = err, worst_epoch = e;
            for (auto [got, want] : {std::pair{t.metrics().train_loss, c.train[std::size_t(e)]},
                                     {t.metrics().test_loss, c.test[std::size_t(e)]}})
                if (std::fabs(got - want) / std::fabs(want) > raw_all) {
                    raw_all = std::fabs(got - want) / std::fabs(want);
                    worst_name = c.name + ", epoch " + std::to_string(e);
                }
        }
        CAPTURE(worst_epoch);
        CHECK(worst <= kRelative);
        worst_all = std::max(worst_all, worst);
    }
    // The reference is rounded to 10 significant digits: 5e-11 is a perfect match.
    MESSAGE(cases.size() << " cases: largest relative difference " << raw_all << " (" << worst_name
                         << "); beyond the 1e-9 floor " << worst_all);
}

TEST_CASE("tfp_compat: points, weights and the float mirror") {
    Trainer t(compat_state("seed=0.80725&networkShape=4,2"));
    // Their first shuffled point (1 → class 1), and one of their −1 points (→ class 0).
    REQUIRE(t.data().train.size() == 250);
    CHECK(t.data().train[0].x == float(-1.079297463164721));
    CHECK(t.data().train[0].label == 1);
    CHECK(t.data().train[2].label == 0);
    CHECK(t.data().val.empty());
    CHECK(t.spec().output == Output::tanh_square);
    CHECK(t.spec().hidden == std::vector<int>{4, 2});
    // Their initial weights: node 1's bias, then its links from x and y.
    CHECK(t.bias(0, 0, 0) == 0.1f);
    CHECK(t.weight(0, 0, 0, 0) == float(0.46742992910640924));
    CHECK(t.weight(0, 0, 0, 1) == float(0.02643475669075257));
    CHECK(t.weight(0, 2, 0, 1) == float(-0.3788771271165825));
    CHECK(t.network(0).layer(2).weights()(0, 1) == float(-0.3788771271165825));

    // Editing a weight changes the double model (and its loss), like their hover card.
    const double before = t.metrics().train_loss;
    t.set_weight(0, 2, 0, 0, 3.0f);
    t.set_bias(0, 2, 0, -1.0f);
    t.measure();
    CHECK(t.metrics().train_loss != before);
    CHECK(t.weight(0, 2, 0, 0) == 3.0f);

    // Reset is a freshly loaded page: the same epoch 0.
    t.reset();
    CHECK(t.metrics().train_loss == before);
    CHECK(t.epoch() == 0);

    // The grid: tanh outputs in [−1, 1], every neuron's activation.
    GridOutput g;
    t.evaluate_grid(16, g, true);
    CHECK(g.output.cols() == 256);
    CHECK(g.layers.size() == 3);
    CHECK(g.output.maxCoeff() <= 1.0f);
    CHECK(g.output.minCoeff() >= -1.0f);
}

TEST_CASE("tfp_compat: what TensorFlow Playground lacks is ignored with a warning") {
    Trainer t(compat_state("seed=1&networkShape=3&cosX=true&optimizer=adam&ensemble=3&initBias=0.5"));
    REQUIRE(t.compat_active());
    REQUIRE(t.warnings().size() == 1);
    const std::string& w = t.warnings()[0];
    CHECK(w.find("cosX") != std::string::npos);
    CHECK(w.find("optimizer=adam") != std::string::npos);
    CHECK(w.find("ensemble") != std::string::npos);
    CHECK(w.find("initBias") != std::string::npos);
    CHECK(t.ensemble_size() == 1);
    CHECK(t.spec().inputs == 2);  // cos x is not an input there

    Trainer moons(compat_state("seed=1&dataset=moons"));
    CHECK_FALSE(moons.compat_active());
    CHECK(moons.warnings().size() == 1);

    // Turning compat on and off rebuilds the run.
    PlaygroundState s = compat_state("seed=1&networkShape=3");
    Trainer u(s);
    s.compat = Compat::none;
    CHECK((u.set_state(s) & Trainer::kNetwork) != 0);
    CHECK_FALSE(u.compat_active());
}

TEST_CASE("tfp_compat: turning compat=tf on mid-run gives the run a fresh trainer would") {
    PlaygroundState s = compat_state("seed=1&networkShape=3&learningRate=0.1");
    s.compat = Compat::none;
    Trainer t(s);
    REQUIRE_FALSE(t.compat_active());
    t.step_epoch();
    t.step_epoch();
    s.compat = Compat::tf;
    CHECK(t.set_state(s) == (Trainer::kSettings | Trainer::kNetwork | Trainer::kData));
    REQUIRE(t.compat_active());
    CHECK(t.epoch() == 0);
    Trainer fresh(s);
    for (int e = 0; e < 3; ++e) {
        t.step_epoch();
        fresh.step_epoch();
    }
    CHECK(t.metrics().train_loss == fresh.metrics().train_loss);
    CHECK(t.metrics().test_loss == fresh.metrics().test_loss);
    CHECK(t.warnings() == fresh.warnings());
    CHECK(t.weight(0, 0, 0, 0) == fresh.weight(0, 0, 0, 0));
    // And a setting TensorFlow Playground has keeps the run: only the settings change.
    s.learning_rate = 0.3f;
    CHECK(t.set_state(s) == Trainer::kSettings);
    CHECK(t.epoch() == 3);
}

TEST_CASE("tfp_compat: a diverging run stops with status diverged and finite weights") {
    Trainer t(compat_state("seed=0.5&problem=regression&activation=relu&learningRate=10&batchSize=1&networkShape=8,8"));
    for (int e = 0; e < 50 && t.status() == RunStatus::ok; ++e) t.step_epoch();
    REQUIRE(t.status() == RunStatus::diverged);
    CHECK(std::isfinite(t.metrics().train_loss));
    CHECK(t.network(0).all_finite());
    CHECK_FALSE(t.step_epoch());
}
