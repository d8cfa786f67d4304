// test_lr_finder.cpp: the learning-rate finder leaves the run alone, stops when the
// loss blows up, and its suggestion on circle trains the default network well.
#include "engine/lr_finder.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace nnplay;

TEST_CASE("lr finder: the suggestion trains the default network on circle to 95 % in 300 epochs") {
    PlaygroundState s;
    s.seed = "finder";
    Trainer t(s);
    const Vector before = t.network(0).params();
    const int epoch = t.epoch();
    const LrFinderResult r = find_learning_rate(t);
    REQUIRE(r.error.empty());
    // The run itself is untouched.
    CHECK(t.network(0).params() == before);
    CHECK(t.epoch() == epoch);

    CHECK(r.rates.size() == r.losses.size());
    CHECK(r.rates.front() == doctest::Approx(1e-5));
    CHECK(r.suggested <= r.edge);
    CHECK(r.edge <= r.best);
    CHECK(r.suggestion <= r.rates[std::size_t(r.edge)] / 10);
    CHECK(r.suggested < r.best);
    CHECK(r.suggestion > 1e-4);
    CHECK(r.suggestion < 10);
    MESSAGE("suggested rate " << r.suggestion << " after " << r.rates.size() << " steps");

    s.learning_rate = float(r.suggestion);
    Trainer trained(s);
    for (int e = 0; e < 300; ++e) trained.step_epoch(false);
    trained.measure();
    CHECK(trained.metrics().test_acc >= 0.95);
}

TEST_CASE("lr finder: step by step gives the same result, and a perceptron is refused") {
    PlaygroundState s;
    s.seed = "finder2";
    s.dataset = Dataset::xor_;
    Trainer t(s);
    LrFinder f;
    f.begin(t);
    int calls = 0;
    while (!f.step(7)) ++calls;
    CHECK(calls > 3);
    const LrFinderResult whole = find_learning_rate(t);
    CHECK(f.result().losses == whole.losses);
    CHECK(f.result().suggestion == whole.suggestion);

    // Rates up to 1e4 blow the loss up: the finder stops there.
    LrFinderOptions wild;
    wild.end_rate = 1e4;
    const LrFinderResult blown = find_learning_rate(t, wild);
    CHECK(blown.stopped_early);
    CHECK(int(blown.rates.size()) < wild.steps);
    CHECK(blown.losses.back() > 4 * blown.losses[std::size_t(blown.best)]);

    s.model = Model::perceptron;
    Trainer p(s);
    CHECK(find_learning_rate(p).error.find("perceptron") != std::string::npos);
}
