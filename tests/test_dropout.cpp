// test_dropout.cpp: dropout (engine/dropout.h) — off, every number is as without it; on, the
// masks are seeded (same seed, same run; another seed, other masks), forward and backward use
// the same mask (finite differences), slices and saved runs stay exact, and it still learns.
#include "engine/dropout.h"
#include "engine/initializer.h"
#include "engine/link.h"
#include "engine/lr_finder.h"
#include "engine/model_json.h"
#include "engine/trainer.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

using namespace nnplay;
using namespace nnplay::test;

namespace {

const std::string kBase = "dataset=circle&noise=10&networkShape=6,4&activation=tanh&learningRate=0.1&"
                          "numSamples=120&batchSize=7&seed=drop";


// One step of two copies of a seeded kBase network, each through its own workspace (masks
// set by the caller): the same loss and the same gradients, bit for bit.
void check_same_step(const char* seed, const Workspace<float>& first, const Workspace<float>& second) {
    const NetworkSpec spec = network_spec(state_of(kBase));
    Network<float> a(spec);
    Rng init(seed);
    initialize(a, Init::uniform, 0.5, 0.1, init);
    Network<float> b = a;
    Workspace<float> wa = first, wb = second;
    const float X[8] = {0.5f, -1, 2, 0.25f, -3, 1.5f, 0.1f, 0.7f}, y[4] = {1, 0, 1, 0};
    CHECK(a.forward(X, 4, wa, y) == b.forward(X, 4, wb, y));
    a.backward(X, y, 4, wa);
    b.backward(X, y, 4, wb);
    CHECK(std::memcmp(a.grads().data(), b.grads().data(), sizeof(float) * std::size_t(a.grads().size())) == 0);
}

}  // namespace

TEST_CASE("dropout: the key is read, clamped, refused and written only when set") {
    CHECK(from_query("dropout=0.25").state.dropout == 0.25f);
    CHECK(to_query(PlaygroundState{}).find("dropout") == std::string::npos);
    PlaygroundState s;
    s.dropout = 0.2f;
    CHECK(to_query(s).find("dropout=0.2") != std::string::npos);
    CHECK(from_query(to_query(s)).state == s);
    StateReadResult high = from_query("dropout=1");
    CHECK(high.state.dropout == doctest::Approx(kMaxDropout));
    REQUIRE(high.warnings.size() == 1);
    CHECK(high.warnings[0].find("dropout") != std::string::npos);
    StateReadResult bad = from_query("dropout=lots");
    CHECK(bad.state.dropout == 0);
    REQUIRE(bad.warnings.size() == 1);
    CHECK(bad.warnings[0].find("dropout") != std::string::npos);
    CHECK(dropout_rates(from_query("networkShape=3,2,5&dropout=0.3").state) == std::vector<float>{0.3f, 0.3f, 0.3f});
    CHECK(dropout_rates(from_query("model=perceptron&dropout=0.3").state).empty());
}

TEST_CASE("dropout: at rate 0 the workspace has no masks and a run is as without the key") {
    Workspace<float> ws(network_spec(PlaygroundState{}), 10, true);
    size_dropout(ws, network_spec(PlaygroundState{}), {0.0f, 0.0f});
    CHECK(ws.M.empty());
    CHECK(!ws.has_dropout(0));
    // Explicit dropout=0 against no key, and a run switched to dropout and back before training.
    for (const char* extra : {"", "&optimizer=adam&ensemble=2", "&dataset=spiral&classes=3", "&problem=regression"}) {
        CAPTURE(extra);
        Trainer without(state_of(kBase + extra)), zero(state_of(kBase + extra + "&dropout=0"));
        Trainer toggled(state_of(kBase + extra));
        PlaygroundState on = state_of(kBase + extra + "&dropout=0.5");
        toggled.set_state(on);
        on.dropout = 0;
        toggled.set_state(on);
        for (int e = 0; e < 5; ++e) {
            without.step_epoch(true);
            zero.step_epoch(true);
            toggled.step_epoch(true);
        }
        CHECK(same_bits(without, zero));
        CHECK(same_bits(without, toggled));
        CHECK(zero.run_state() == without.run_state());
        CHECK(zero.metrics().train_loss == without.metrics().train_loss);
        CHECK(!zero.unit_dropped(0, 0, 0));
    }
}

TEST_CASE("dropout: masks of all ones train exactly as no masks (the masked path adds nothing)") {
    const NetworkSpec spec = network_spec(state_of(kBase));
    Workspace<float> plain(spec, 4, true), masked(spec, 4, true);
    size_dropout(masked, spec, {0.5f, 0.5f});
    for (auto& m : masked.M) m.setOnes();
    check_same_step("ones", plain, masked);
}

TEST_CASE("dropout: masks are seeded, drop about p of the units and scale the rest by 1/(1-p)") {
    NetworkSpec spec;
    spec.hidden = {50, 40};
    spec.activations = {Activation::tanh, Activation::tanh};
    Workspace<float> ws(spec, 100, true);
    const std::vector<float> rates = {0.2f, 0.5f};
    size_dropout(ws, spec, rates);
    Rng r1 = Rng("seed").derive("dropout"), r2 = Rng("seed").derive("dropout"), r3 = Rng("other").derive("dropout");
    draw_dropout_masks(ws, rates, 100, r1);
    const std::vector<MatrixT<float>> first = ws.M;
    draw_dropout_masks(ws, rates, 100, r2);
    CHECK(ws.M == first);  // same seed, same masks
    draw_dropout_masks(ws, rates, 100, r3);
    CHECK(ws.M[0] != first[0]);  // another seed, other masks
    for (std::size_t l = 0; l < rates.size(); ++l) {
        const float keep = 1.0f / (1.0f - rates[l]);
        int off = 0;
        for (Eigen::Index i = 0; i < first[l].size(); ++i) {
            const float v = first[l].data()[i];
            CHECK((v == 0 || v == doctest::Approx(keep)));
            off += v == 0;
        }
        CHECK(double(off) / double(first[l].size()) == doctest::Approx(rates[l]).epsilon(0.1));
    }
}

TEST_CASE("dropout: the gradient with a fixed mask matches central finite differences (double)") {
    for (const Output output : {Output::sigmoid_log, Output::softmax_ce, Output::linear_square}) {
        CAPTURE(int(output));
        NetworkSpec spec;
        spec.hidden = {5, 4};
        spec.activations = {Activation::tanh, Activation::sigmoid};
        spec.output = output;
        spec.outputs = output == Output::softmax_ce ? 3 : 1;
        Network<double> net(spec);
        Rng init("grad");
        initialize(net, Init::gaussian, 0.8, 0.1, init);
        const int n = 6;
        std::vector<double> X(std::size_t(2 * n));
        std::vector<double> y(static_cast<std::size_t>(n));
        Rng data("points");
        for (double& x : X) x = data.uniform(-2, 2);
        for (int j = 0; j < n; ++j)
            y[std::size_t(j)] = output == Output::softmax_ce ? j % 3 : output == Output::sigmoid_log ? j % 2 : data.uniform(-1, 1);
        Workspace<double> ws(spec, n, true);
        const std::vector<float> rates = {0.4f, 0.3f};
        size_dropout(ws, spec, rates);
        Rng masks("masks");
        draw_dropout_masks(ws, rates, n, masks);
        net.forward(X.data(), n, ws, y.data());
        net.backward(X.data(), y.data(), n, ws);
        const VectorT<double> grads = net.grads();
        double largest = 0;
        for (Eigen::Index i = 0; i < net.params().size(); ++i) {
            const double numeric =  // the same masks
                central_difference(net.params()[i], [&] { return net.forward(X.data(), n, ws, y.data()) / n; });
            CAPTURE(i);
            CHECK(std::fabs(grads[i] - numeric) <= 1e-6 * std::max(std::fabs(grads[i]), std::fabs(numeric)) + 1e-9);
            largest = std::max(largest, std::fabs(grads[i]));
        }
        CHECK(largest > 1e-3);
        // Units switched off pass no gradient: their incoming weights get none from the mask's zeros.
        bool some_zero = false;
        for (Eigen::Index i = 0; i < ws.M[0].size(); ++i) some_zero = some_zero || ws.M[0].data()[i] == 0;
        CHECK(some_zero);
    }
}

TEST_CASE("dropout: the same state gives the same run; another seed another; evaluation is unchanged") {
    const PlaygroundState s = state_of(kBase + "&dropout=0.3");
    Trainer a(s), b(s), c(state_of(kBase + "&dropout=0.3&seed=drop2")), none(state_of(kBase));
    CHECK(same_bits(a, none));  // the same initial weights: dropout's stream is its own
    for (int e = 0; e < 5; ++e) {
        a.step_epoch(true);
        b.step_epoch(true);
        none.step_epoch(true);
        c.step_epoch(true);
    }
    CHECK(same_bits(a, b));
    CHECK(a.metrics().test_loss == b.metrics().test_loss);
    CHECK(!same_bits(a, none));
    // The shuffle stream is untouched by dropout's draws.
    CHECK(a.run_state().shuffle == none.run_state().shuffle);
    CHECK(a.run_state().order == none.run_state().order);
    CHECK(a.run_state().dropout != decltype(RunState::dropout){});
    CHECK(a.run_state().dropout != c.run_state().dropout);
    // Metrics are the evaluation pass, without dropout: the same weights measure the same.
    Trainer copy(state_of(kBase));
    REQUIRE(load_weights(copy, {std::vector<float>(a.network(0).params().data(),
                                                   a.network(0).params().data() + a.network(0).params().size())})
                .empty());
    copy.measure();
    a.measure();
    CHECK(copy.metrics().test_loss == a.metrics().test_loss);
    // Some unit of the 6-wide layer was off for the last example (p = 0.3: all on has chance 0.7⁶·0.7⁴).
    int off = 0;
    for (int l = 0; l < 2; ++l)
        for (int i = 0; i < (l ? 4 : 6); ++i) off += a.unit_dropped(0, l, i);
    CHECK(off > 0);
    CHECK(!a.unit_dropped(0, 2, 0));
    CHECK(!a.unit_dropped(3, 0, 0));
}

TEST_CASE("dropout: slices of batches give the same run as whole epochs, for every optimiser") {
    for (const char* extra : {"&optimizer=sgd", "&optimizer=adam&ensemble=3", "&optimizer=rmsprop&dataset=spiral&classes=3",
                              "&optimizer=momentum&problem=regression", "&optimizer=nesterov&regularization=L1&regularizationRate=0.01"}) {
        CAPTURE(extra);
        const PlaygroundState s = state_of(kBase + extra + "&dropout=0.25");
        Trainer whole(s), sliced(s);
        for (int e = 0; e < 4; ++e) whole.step_epoch(true);
        int k = 1;
        while (sliced.epoch() < 4) sliced.step_batches(k++ % 4 + 1, Measure::full);
        CHECK(same_bits(whole, sliced));
        CHECK(whole.run_state() == sliced.run_state());
        CHECK(whole.metrics().train_loss == sliced.metrics().train_loss);
    }
}

TEST_CASE("dropout: a run saved mid-epoch in a model file or a link goes on bit for bit") {
    const PlaygroundState s = state_of(kBase + "&optimizer=adam&ensemble=2&dropout=0.4");
    Trainer whole(s), sender(s);
    for (int e = 0; e < 6; ++e) whole.step_epoch(true);
    for (int e = 0; e < 2; ++e) sender.step_epoch(false);
    sender.step_batches(3, Measure::none);  // mid-epoch
    REQUIRE(sender.epoch_position() > 0);
    {
        Trainer receiver = reopened_from_model_file(sender);
        while (receiver.epoch() < 6) receiver.step_epoch(true);
        CHECK(same_bits(whole, receiver));
        CHECK(receiver.run_state() == whole.run_state());
    }
    for (const bool between : {false, true}) {  // the link's run payload, mid-epoch and between epochs
        CAPTURE(between);
        Trainer from(s);
        for (int e = 0; e < 2; ++e) from.step_epoch(false);
        if (!between) from.step_batches(3, Measure::none);
        Trainer receiver = reopened_from_link(from);
        while (receiver.epoch() < 6) receiver.step_epoch(true);
        CHECK(same_bits(whole, receiver));
    }
}

TEST_CASE("dropout: with p = 0.2 the network still learns circle to 90 % test accuracy") {
    const PlaygroundState s = state_of("dataset=circle&networkShape=8,8&learningRate=0.03&seed=learns&dropout=0.2");
    Trainer t(s);
    for (int e = 0; e < 300; ++e) t.step_epoch(false);
    t.measure();
    CHECK(t.metrics().test_acc >= 0.9);
}

TEST_CASE("dropout: on noisy spiral it narrows the gap between training and test loss") {
    // A 32,32 ReLU network learns 100 noisy training points by heart: measured, the test loss
    // ends 0.57 above the training loss without dropout and 0.21 above it with p = 0.3.
    const std::string q = "dataset=spiral&noise=30&numSamples=200&networkShape=32,32&activation=relu&optimizer=adam&"
                          "learningRate=0.01&seed=gap&sinX=true&sinY=true";
    Trainer plain(state_of(q)), dropped(state_of(q + "&dropout=0.3"));
    for (int e = 0; e < 200; ++e) {
        plain.step_epoch(false);
        dropped.step_epoch(false);
    }
    plain.measure();
    dropped.measure();
    const double gap_plain = plain.metrics().test_loss - plain.metrics().train_loss;
    const double gap_dropped = dropped.metrics().test_loss - dropped.metrics().train_loss;
    CAPTURE(gap_plain);
    CAPTURE(gap_dropped);
    CHECK(gap_dropped < 0.6 * gap_plain);
    CHECK(dropped.metrics().test_loss < plain.metrics().test_loss);
}

// ---- Session 8, dropout2: layerDropout (issue 14) and the learning-rate finder with dropout ----

TEST_CASE("layerDropout: read, written only when set, overrides dropout layer by layer") {
    CHECK(to_query(PlaygroundState{}).find("layerDropout") == std::string::npos);
    const PlaygroundState s = state_of("networkShape=3,2,5&dropout=0.1&layerDropout=0.2,0,0.5");
    CHECK(s.layer_dropout == std::vector<float>{0.2f, 0.0f, 0.5f});
    CHECK(dropout_rates(s) == std::vector<float>{0.2f, 0.0f, 0.5f});
    CHECK(to_query(s).find("layerDropout=0.2,0,0.5") != std::string::npos);
    CHECK(from_query(to_query(s)).state == s);
    CHECK(from_query(to_query(s)).warnings.empty());
    // Without the key, dropout sets every layer, as before.
    CHECK(dropout_rates(state_of("networkShape=3,2&dropout=0.1")) == std::vector<float>{0.1f, 0.1f});
    CHECK(dropout_rates(state_of("model=perceptron&networkShape=3&layerDropout=0.3")).empty());
    // A state whose shape changed after reading (the page): layers past the list take dropout.
    PlaygroundState grown = s;
    grown.network_shape.push_back(4);
    CHECK(dropout_rates(grown) == std::vector<float>{0.2f, 0.0f, 0.5f, 0.1f});
}

TEST_CASE("layerDropout: bad lists give one warning saying what was used instead") {
    auto one_warning = [](const std::string& q, const std::vector<float>& rates, const char* says) {
        CAPTURE(q);
        StateReadResult r = from_query(q);
        REQUIRE(r.warnings.size() == 1);
        CAPTURE(r.warnings[0]);
        CHECK(r.warnings[0].find("layerDropout") != std::string::npos);
        CHECK(r.warnings[0].find(says) != std::string::npos);
        CHECK(dropout_rates(r.state) == rates);
    };
    one_warning("networkShape=3,2,5&dropout=0.1&layerDropout=0.2,0", {0.2f, 0.0f, 0.1f}, "using 0.2,0,0.1");
    one_warning("layerDropout=0.2,0,0.5&networkShape=3,2", {0.2f, 0.0f}, "using 0.2,0");  // either order
    one_warning("networkShape=3,2&dropout=0.3&layerDropout=0.2,x", {0.3f, 0.3f}, "using dropout's one rate for every layer");
    one_warning("networkShape=3,2&layerDropout=0.95,-1", {0.9f, 0.0f}, "using 0.9,0");
    one_warning("networkShape=3,2&layerDropout=nan,0", {0.0f, 0.0f}, "for every layer");
    one_warning("networkShape=&layerDropout=0.5", {}, "ignored");
    // A bad list after a good one keeps the good one.
    one_warning("networkShape=3,2&layerDropout=0.1,0.2&layerDropout=0.2,abc", {0.1f, 0.2f}, "kept '0.1,0.2'");
    CHECK(from_query("networkShape=3,2&layerDropout=").warnings.empty());
}

TEST_CASE("layerDropout: a layer at rate 0 is a layer without dropout, bit for bit") {
    // Every rate 0 through the key: the same run as no dropout at all, run state included.
    Trainer none(state_of(kBase)), zeros(state_of(kBase + "&dropout=0.4&layerDropout=0,0"));
    for (int e = 0; e < 4; ++e) {
        none.step_epoch(true);
        zeros.step_epoch(true);
    }
    CHECK(same_bits(none, zeros));
    CHECK(none.run_state() == zeros.run_state());
    // One layer at 0: it has no mask, and its masks' draws are the other layer's alone. The
    // step equals one with a mask of ones there and the same mask on the other layer.
    const NetworkSpec spec = network_spec(state_of(kBase));
    Workspace<float> own(spec, 4, true), ones(spec, 4, true);
    size_dropout(own, spec, {0.0f, 0.5f});
    CHECK(!own.has_dropout(0));
    CHECK(own.has_dropout(1));
    Rng r("masks");
    draw_dropout_masks(own, {0.0f, 0.5f}, 4, r);
    size_dropout(ones, spec, {0.5f, 0.5f});
    ones.M[0].setOnes();
    ones.M[1] = own.M[1];
    check_same_step("zero-layer", own, ones);
    // And the trainer never marks a unit of that layer as switched off.
    Trainer t(state_of(kBase + "&layerDropout=0,0.5"));
    t.step_epoch(true);
    for (int i = 0; i < 6; ++i) CHECK(!t.unit_dropped(0, 0, i));
    Trainer same(state_of(kBase + "&dropout=0.5"));
    same.step_epoch(true);
    CHECK(!same_bits(t, same));  // the first layer's rate matters
    CHECK(!same_bits(t, none));
}

TEST_CASE("layerDropout: the same as dropout when every layer has dropout's rate") {
    Trainer global(state_of(kBase + "&dropout=0.3")), listed(state_of(kBase + "&layerDropout=0.3,0.3"));
    for (int e = 0; e < 3; ++e) {
        global.step_epoch(true);
        listed.step_epoch(true);
    }
    CHECK(same_bits(global, listed));
    CHECK(global.run_state() == listed.run_state());
}

TEST_CASE("layerDropout: a run saved mid-epoch in a model file or a link goes on bit for bit") {
    const PlaygroundState s = state_of(kBase + "&optimizer=adam&ensemble=2&layerDropout=0.4,0");
    Trainer whole(s), sender(s);
    for (int e = 0; e < 5; ++e) whole.step_epoch(true);
    for (int e = 0; e < 2; ++e) sender.step_epoch(false);
    sender.step_batches(5, Measure::none);
    REQUIRE(sender.epoch_position() > 0);
    {
        Result<ModelImport> model = import_model_json(export_model_json(sender));
        REQUIRE_MESSAGE(model, model.error.message());
        CHECK(model->state.layer_dropout == std::vector<float>{0.4f, 0.0f});
        REQUIRE(model->run);
        Trainer receiver(model->state);
        REQUIRE(load_weights(receiver, model->members).empty());
        REQUIRE(receiver.restore(*model->run).empty());
        while (receiver.epoch() < 5) receiver.step_epoch(true);
        CHECK(same_bits(whole, receiver));
        CHECK(receiver.run_state() == whole.run_state());
    }
    const WeightsPayload w = trainer_weights(sender, WeightFormat::float32);
    const RunState run = sender.run_state();
    const WrittenLink written = write_link(sender.state(), {true, &w, sender.epoch(), &run});
    REQUIRE_MESSAGE(written.note.empty(), written.note);
    const Link link = read_link(written.text);
    REQUIRE(link.warnings.empty());
    CHECK(link.state.layer_dropout == std::vector<float>{0.4f, 0.0f});
    Trainer receiver(link.state);
    REQUIRE(load_link_weights(receiver, link).empty());
    while (receiver.epoch() < 5) receiver.step_epoch(true);
    CHECK(same_bits(whole, receiver));
}

TEST_CASE("lr finder: trains with the run's dropout, seeded") {
    LrFinderOptions o;
    o.steps = 60;
    const LrFinderResult plain = find_learning_rate(Trainer(state_of(kBase)), o);
    const LrFinderResult dropped = find_learning_rate(Trainer(state_of(kBase + "&dropout=0.5")), o);
    const LrFinderResult again = find_learning_rate(Trainer(state_of(kBase + "&dropout=0.5")), o);
    const LrFinderResult layer = find_learning_rate(Trainer(state_of(kBase + "&layerDropout=0,0.5")), o);
    const LrFinderResult zero = find_learning_rate(Trainer(state_of(kBase + "&layerDropout=0,0")), o);
    REQUIRE(plain.error.empty());
    REQUIRE(dropped.error.empty());
    CHECK(dropped.losses != plain.losses);
    CHECK(dropped.losses == again.losses);
    CHECK(dropped.rates == again.rates);
    CHECK(layer.losses != dropped.losses);
    CHECK(layer.losses != plain.losses);
    CHECK(zero.losses == plain.losses);
}
