// test_state.cpp: the query string of PlaygroundState. A link must survive a
// round trip bit for bit, TensorFlow Playground's links must read cleanly, and
// bad input must be reported, never crash or silently change a setting.
#include "engine/state.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace nnplay;

namespace {

const char* const tfp_default_link =
    "activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&"
    "regularizationRate=0&noise=0&networkShape=4,2&seed=0.80725&showTestData=false&"
    "discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&"
    "ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&"
    "problem=classification&initZero=false&hideText=false";

// True when some warning mentions every one of the given fragments.
bool warned(const StateReadResult& r, std::initializer_list<std::string> fragments) {
    for (const std::string& w : r.warnings) {
        bool all = true;
        for (const std::string& f : fragments) all = all && w.find(f) != std::string::npos;
        if (all) return true;
    }
    return false;
}

std::vector<std::string> keys_of(const std::string& query) {
    std::vector<std::string> keys;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        std::string segment = query.substr(start, end - start);
        keys.push_back(segment.substr(0, segment.find('=')));
        start = end + 1;
    }
    return keys;
}

// Every member away from its default (and the defaults' own values avoided
// where a wrong reader could fall back to them).
PlaygroundState all_changed() {
    PlaygroundState s;
    s.problem = Problem::regression;
    s.dataset = Dataset::spiral;
    s.reg_dataset = Dataset::reg_gauss;
    s.classes = 5;
    s.num_samples = 777;
    s.noise = 35;
    s.perc_train_data = 70;
    s.perc_val_data = 15;
    s.seed = "Zürich & co=1 #2 50% + more";
    s.points = {{0.1f, -2.5f, 1.0f}, {1.0f / 3.0f, 5.999999f, 0.0f}, {-6.0f, 6.0f, 2.0f}};
    for (int f = 0; f < feature_count; ++f) s.features[f] = !s.features[f];
    s.model = Model::perceptron;
    s.network_shape = {8, 3, 1};
    s.activation = Activation::swish;
    s.layer_activations = {Activation::relu, Activation::elu, Activation::leakyrelu};
    s.loss = Loss::square;
    s.init = Init::he_normal;
    s.init_scale = 1.25f;
    s.init_bias = -0.3f;
    s.init_zero = true;
    s.ensemble = 4;
    s.learning_rate = 0.003f;
    s.batch_size = 32;
    s.reshuffle = false;
    s.optimizer = Optimizer::adam;
    s.momentum = 0.95f;
    s.beta1 = 0.85f;
    s.beta2 = 0.9995f;
    s.epsilon = 1e-7f;
    s.rms_decay = 0.95f;
    s.regularization = Regularization::l2;
    s.regularization_rate = 0.001f;
    s.schedule = Schedule::plateau;
    s.step_every = 250;
    s.decay_rate = 0.995f;
    s.plateau_patience = 7;
    s.schedule_factor = 0.5f;
    s.early_stopping = true;
    s.patience = 42;
    s.min_delta = 1e-4f;
    s.show_test_data = true;
    s.discretize = true;
    s.hide_text = true;
    s.hidden_controls = {"learningRate", "noise"};
    s.compat = Compat::tf;
    return s;
}

}  // namespace

TEST_CASE("state: every key round trips") {
    const PlaygroundState s = all_changed();
    const PlaygroundState defaults;
    REQUIRE(!(s == defaults));

    const std::string query = to_query(s);
    StateReadResult r = from_query(query);
    CHECK(r.warnings.empty());
    CHECK(r.state == s);
    // Spot checks that the equality is not vacuous.
    CHECK(r.state.seed == s.seed);
    CHECK(r.state.points == s.points);
    CHECK(r.state.layer_activations == s.layer_activations);
    CHECK(r.state.epsilon == 1e-7f);

    // The defaults round trip too (seed included).
    StateReadResult d = from_query(to_query(defaults));
    CHECK(d.warnings.empty());
    CHECK(d.state == defaults);
}

TEST_CASE("state: every key is written, in a fixed order (compat only when set)") {
    const std::vector<std::string> expected = {
        "activation", "regularization", "batchSize", "dataset", "regDataset", "learningRate",
        "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
        "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY",
        "sinY", "problem", "initZero", "hideText", "classes", "numSamples", "percValData",
        "model", "layerActivations", "loss", "init", "initScale", "initBias", "ensemble",
        "optimizer", "momentum", "beta1", "beta2", "epsilon", "rmsDecay", "reshuffle",
        "schedule", "stepEvery", "decayRate", "plateauPatience", "scheduleFactor",
        "plateauThreshold", "plateauCooldown", "minLearningRate", "earlyStopping", "patience", "minDelta", "points"};
    CHECK(keys_of(to_query(PlaygroundState{})) == expected);

    std::vector<std::string> with_hidden = expected;
    with_hidden.insert(with_hidden.end() - 1, "compat");
    with_hidden.push_back("learningRate_hide");
    with_hidden.push_back("noise_hide");
    CHECK(keys_of(to_query(all_changed())) == with_hidden);
}

TEST_CASE("state: floats are written short but exact") {
    const std::string q = to_query(PlaygroundState{});
    CHECK(q.find("&learningRate=0.03&") != std::string::npos);
    CHECK(q.find("&epsilon=1e-08&") != std::string::npos);
    CHECK(q.find("&beta2=0.999&") != std::string::npos);
    CHECK(q.find("&seed=nnplay&") != std::string::npos);

    // Values that need all nine digits still come back identical.
    PlaygroundState s;
    s.learning_rate = std::nextafter(0.03f, 1.0f);
    s.init_bias = 1.0f / 3.0f;
    s.min_delta = std::numeric_limits<float>::denorm_min();
    StateReadResult r = from_query(to_query(s));
    CHECK(r.warnings.empty());
    CHECK(r.state.learning_rate == s.learning_rate);
    CHECK(r.state.init_bias == s.init_bias);
    CHECK(r.state.min_delta == s.min_delta);
}

TEST_CASE("state: TensorFlow Playground's default link reads without warnings") {
    for (std::string prefix : {"", "#", "?"}) {
        CAPTURE(prefix);
        StateReadResult r = from_query(prefix + tfp_default_link);
        CHECK(r.warnings.empty());
        const PlaygroundState& s = r.state;
        CHECK(s.activation == Activation::tanh);
        CHECK(s.batch_size == 10);
        CHECK(s.dataset == Dataset::circle);
        CHECK(s.reg_dataset == Dataset::reg_plane);
        CHECK(s.learning_rate == 0.03f);
        CHECK(s.regularization_rate == 0.0f);
        CHECK(s.noise == 0);
        CHECK(s.network_shape == std::vector<int>{4, 2});
        CHECK(s.seed == "0.80725");
        CHECK(s.show_test_data == false);
        CHECK(s.discretize == false);
        CHECK(s.perc_train_data == 50);
        CHECK(s.features[f_x]);
        CHECK(s.features[f_y]);
        for (Feature f : {f_x_squared, f_y_squared, f_x_times_y, f_sin_x, f_sin_y, f_cos_x,
                          f_cos_y})
            CHECK_FALSE(s.features[f]);
        CHECK(s.problem == Problem::classification);
        CHECK(s.init_zero == false);
        CHECK(s.hide_text == false);
        CHECK(s.input_count() == 2);
        CHECK(s.hidden_controls.empty());
    }
}

TEST_CASE("state: TensorFlow Playground's other spellings read") {
    StateReadResult r = from_query(
        "activation=relu&regularization=L1&regularizationRate=0.003&problem=regression&"
        "regDataset=reg-gauss&dataset=xor&tutorial=dataset-tutorial&collectStats=true&"
        "xTimesY=true&sinY=true&initZero=true");
    CHECK(r.warnings.empty());
    CHECK(r.state.activation == Activation::relu);
    CHECK(r.state.regularization == Regularization::l1);
    CHECK(r.state.regularization_rate == 0.003f);
    CHECK(r.state.problem == Problem::regression);
    CHECK(r.state.active_dataset() == Dataset::reg_gauss);
    CHECK(r.state.dataset == Dataset::xor_);
    CHECK(r.state.features[f_x_times_y]);
    CHECK(r.state.features[f_sin_y]);
    CHECK(r.state.init_zero);
    CHECK(from_query("regularization=L2").state.regularization == Regularization::l2);
}

TEST_CASE("state: an unknown key is ignored with a warning naming it") {
    StateReadResult r = from_query("noise=10&fooBar=3&batchSize=7");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("fooBar") != std::string::npos);
    CHECK(r.state.noise == 10);
    CHECK(r.state.batch_size == 7);

    // Key spellings are exact.
    StateReadResult c = from_query("LearningRate=0.1");
    CHECK(warned(c, {"LearningRate"}));
    CHECK(c.state.learning_rate == 0.03f);
}

TEST_CASE("state: out-of-range values are clamped with a warning") {
    struct Case {
        const char* query;
        const char* given;
        const char* clamped;
    };
    const Case cases[] = {
        {"noise=99", "99", "50"},
        {"percTrainData=5", "5", "10"},
        {"percValData=41", "41", "40"},
        {"classes=9", "9", "6"},
        {"classes=1", "1", "2"},
        {"numSamples=5", "5", "10"},
        {"numSamples=9000", "9000", "5000"},
        {"numSamples=-3", "-3", "0"},
        {"batchSize=0", "0", "1"},
        {"ensemble=20", "20", "8"},
        {"learningRate=100", "100", "10"},
        {"learningRate=0", "0", "1e-05"},
        {"regularizationRate=-1", "-1", "0"},
        {"momentum=1", "1", "0.999"},
        {"beta2=1", "1", "0.99999"},
        {"epsilon=0", "0", "1e-10"},
        {"initBias=-20", "-20", "-1"},
        {"decayRate=0.1", "0.1", "0.9"},
        {"scheduleFactor=2", "2", "1"},
        {"stepEvery=99999999999999999999999", "99999999999999999999999", "1000"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        StateReadResult r = from_query(c.query);
        REQUIRE(r.warnings.size() == 1);
        std::string key(c.query, std::string(c.query).find('='));
        CHECK(warned(r, {key, c.given, c.clamped}));
        CHECK(to_query(r.state).find("&" + key + "=" + c.clamped + "&") != std::string::npos);
    }

    StateReadResult r = from_query("noise=99&classes=9");
    CHECK(r.state.noise == 50);
    CHECK(r.state.classes == 6);
    CHECK(r.warnings.size() == 2);

    CHECK(from_query("numSamples=0").warnings.empty());
    CHECK(from_query("numSamples=10").warnings.empty());

    StateReadResult wide = from_query("networkShape=4,100,0");
    CHECK(wide.state.network_shape == std::vector<int>{4, 64, 1});
    REQUIRE(wide.warnings.size() == 1);
    CHECK(warned(wide, {"networkShape", "widths 100, 0 out of range 1..64", "using 4,64,1"}));

    StateReadResult deep = from_query("networkShape=1,2,3,4,5,6,7,8,9");
    CHECK(deep.state.network_shape == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8});
    REQUIRE(deep.warnings.size() == 1);
    CHECK(warned(deep, {"networkShape", "9 layers, at most 8", "using 1,2,3,4,5,6,7,8"}));
}

TEST_CASE("state: one message per bad key, saying what was used instead") {
    SUBCASE("a list with a bad piece keeps the old shape, and says only that") {
        StateReadResult r = from_query("networkShape=999,abc");
        REQUIRE(r.warnings.size() == 1);
        CHECK(r.warnings[0] == "ignored networkShape='999,abc' (expected comma-separated integers, e.g. 4,2); kept '4,2'");
        CHECK(r.state.network_shape == std::vector<int>{4, 2});
    }
    SUBCASE("three widths out of range: one message") {
        StateReadResult r = from_query("networkShape=0,0,0");
        REQUIRE(r.warnings.size() == 1);
        CHECK(r.warnings[0] == "networkShape='0,0,0': widths 0, 0, 0 out of range 1..64, clamped; using 1,1,1");
        CHECK(r.state.network_shape == std::vector<int>{1, 1, 1});
    }
    SUBCASE("too wide and too deep: still one message") {
        StateReadResult r = from_query("networkShape=99,1,1,1,1,1,1,1,1");
        REQUIRE(r.warnings.size() == 1);
        CHECK(r.warnings[0] == "networkShape='99,1,1,1,1,1,1,1,1': width 99 out of range 1..64, clamped; "
                               "9 layers, at most 8: dropped the rest; using 64,1,1,1,1,1,1,1");
    }
    SUBCASE("points cut and moved: one message") {
        std::string many = "points=";
        for (int i = 0; i < 5001; ++i) many += (i ? ";" : "") + std::string("9,0,1");
        StateReadResult r = from_query(many);
        REQUIRE(r.warnings.size() == 1);
        CHECK(warned(r, {"5001 points, at most 5000", "5000 coordinate(s)"}));
    }
}

TEST_CASE("state: a value out of range is clamped into the page's own range, and says so") {
    StateReadResult low = from_query("learningRate=-5");
    CHECK(low.state.learning_rate == 1e-5f);  // the slider's minimum, not the allowed 1e-06
    REQUIRE(low.warnings.size() == 1);
    CHECK(low.warnings[0] == "learningRate=-5 is out of range 1e-06..10; clamped to 1e-05 (the page's lowest)");

    StateReadResult high = from_query("stepEvery=200000");
    CHECK(high.state.step_every == 1000);
    CHECK(warned(high, {"stepEvery=200000", "clamped to 1000 (the page's highest)"}));

    // Inside the allowed range a link keeps its value, even below the slider.
    StateReadResult kept = from_query("learningRate=0.000001");
    CHECK(kept.warnings.empty());
    CHECK(kept.state.learning_rate == 1e-6f);

    // numSamples below 0 is 0, "the problem's default", not the slider's end.
    StateReadResult points = from_query("numSamples=-3");
    CHECK(points.state.num_samples == 0);
    CHECK(!warned(points, {"page's"}));
}

TEST_CASE("state: thousands of unknown keys give one line, counted and named by the first few") {
    std::string query = "noise=5";
    for (int i = 0; i < 1234; ++i) query += "&k" + std::to_string(i) + "=1";
    StateReadResult r = from_query(query);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] == "1,234 unknown keys ignored: 'k0', 'k1', 'k2', ...");
    CHECK(r.state.noise == 5);

    StateReadResult two = from_query("a=1&b=2");
    REQUIRE(two.warnings.size() == 1);
    CHECK(two.warnings[0] == "2 unknown keys ignored: 'a', 'b'");
}

TEST_CASE("state: a malformed value keeps the default with a warning") {
    const PlaygroundState defaults;
    const char* bad[] = {"learningRate=abc", "learningRate=", "learningRate=0.1.2",
                         "learningRate=1e", "learningRate=inf", "learningRate=1e99",
                         "learningRate=0x10", "learningRate= 0.1",
                         "noise=nan", "noise=12.5", "noise=", "noise=1e1",
                         "networkShape=4,x", "networkShape=4,,2", "networkShape=4,2,",
                         "activation=foo", "activation=Tanh", "regularization=l3",
                         "dataset=reg-plane", "regDataset=circle", "problem=both",
                         "showTestData=yes", "x=1", "layerActivations=tanh,foo",
                         "points=1,2", "points=1,2,nan", "points=a,b,c", "init=xavier",
                         "learningRate"};
    for (const char* q : bad) {
        CAPTURE(q);
        StateReadResult r = from_query(q);
        CHECK(r.state == defaults);
        REQUIRE(r.warnings.size() == 1);
        std::string key(q, std::string(q).find('=') == std::string::npos
                               ? std::string(q).size()
                               : std::string(q).find('='));
        CHECK(r.warnings[0].find(key) != std::string::npos);
    }

    // "kept" reports the value in effect, and a later bad duplicate keeps an
    // earlier good one.
    StateReadResult r = from_query("batchSize=20&batchSize=many");
    CHECK(r.state.batch_size == 20);
    CHECK(warned(r, {"batchSize", "many", "20"}));
}

TEST_CASE("state: duplicate keys: the last one wins") {
    StateReadResult r = from_query("noise=5&noise=15&activation=relu&activation=elu");
    CHECK(r.warnings.empty());
    CHECK(r.state.noise == 15);
    CHECK(r.state.activation == Activation::elu);
}

TEST_CASE("state: values are percent-decoded") {
    StateReadResult r = from_query("networkShape=4%2C3&seed=a%20b%26c%3Dd&noise=1%35");
    CHECK(r.warnings.empty());
    CHECK(r.state.network_shape == std::vector<int>{4, 3});
    CHECK(r.state.seed == "a b&c=d");
    CHECK(r.state.noise == 15);

    // '+' is not a space; a stray '%' is kept as it is.
    CHECK(from_query("seed=a+b").state.seed == "a+b");
    CHECK(from_query("seed=100%").state.seed == "100%");
    CHECK(from_query("seed=%zz%4").state.seed == "%zz%4");
    CHECK(from_query("seed=%C3%BC").state.seed == "\xC3\xBC");
}

TEST_CASE("state: a seed with special characters round trips") {
    const std::string seeds[] = {"a&b=c#d%e f+g?h/i", "", "%41", "日本語 seed", "tab\there",
                                 "x_hide=true", std::string("nul\0byte", 8)};
    for (const std::string& seed : seeds) {
        CAPTURE(seed);
        PlaygroundState s;
        s.seed = seed;
        const std::string q = to_query(s);
        // Nothing in the value may split the query or start a new key.
        CHECK(keys_of(q).size() == keys_of(to_query(PlaygroundState{})).size());
        CHECK(q.find(' ') == std::string::npos);
        CHECK(q.find('#') == std::string::npos);
        StateReadResult r = from_query(q);
        CHECK(r.warnings.empty());
        CHECK(r.state.seed == seed);
        CHECK(r.state == s);
    }
}

TEST_CASE("state: _hide keys are kept and written back") {
    StateReadResult r = from_query(std::string(tfp_default_link) +
                                   "&learningRate_hide=true&dataset_hide=true&noise_hide=false");
    CHECK(r.warnings.empty());
    CHECK(r.state.hidden_controls == std::vector<std::string>{"learningRate", "dataset"});

    const std::string q = to_query(r.state);
    CHECK(q.find("&learningRate_hide=true&dataset_hide=true") != std::string::npos);
    CHECK(q.find("noise_hide") == std::string::npos);
    CHECK(from_query(q).state == r.state);

    // Last wins here too, and no duplicates.
    CHECK(from_query("a_hide=true&a_hide=false").state.hidden_controls.empty());
    CHECK(from_query("a_hide=true&a_hide=true").state.hidden_controls ==
          std::vector<std::string>{"a"});

    StateReadResult bad = from_query("a_hide=maybe");
    CHECK(bad.state.hidden_controls.empty());
    CHECK(warned(bad, {"a_hide", "maybe"}));
    CHECK(warned(from_query("_hide=true"), {"_hide"}));
}

TEST_CASE("state: custom points round trip exactly") {
    PlaygroundState s;
    s.dataset = Dataset::custom;
    s.classes = 3;
    for (int i = 0; i < 200; ++i) {
        float t = float(i) * 0.0618034f;
        s.points.push_back({std::sin(t) * 5.9f, std::cos(t * 1.7f) * 6.0f, float(i % 3)});
    }
    s.points.push_back({-6.0f, 6.0f, 0.123456789f});
    s.points.push_back({1e-30f, -0.0f, -1.0f});

    const std::string q = to_query(s);
    StateReadResult r = from_query(q);
    CHECK(r.warnings.empty());
    REQUIRE(r.state.points.size() == s.points.size());
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        CAPTURE(i);
        CHECK(r.state.points[i].x == s.points[i].x);
        CHECK(r.state.points[i].y == s.points[i].y);
        CHECK(r.state.points[i].label == s.points[i].label);
    }
    CHECK(r.state == s);

    CHECK(from_query("dataset=custom&points=0.5,-1,1;2,3,0").state.points ==
          std::vector<Point>{{0.5f, -1.0f, 1.0f}, {2.0f, 3.0f, 0.0f}});
    CHECK(from_query("points=").state.points.empty());
    CHECK(from_query("regDataset=custom").state.reg_dataset == Dataset::custom);

    // A pinned point's split is a fourth value; unpinned points are written as before.
    PlaygroundState pinned = s;
    pinned.points.resize(3);
    pinned.points[0].split = PointSplit::train;
    pinned.points[2].split = PointSplit::test;
    const std::string text = to_query(pinned);
    CHECK(text.find(",train;") != std::string::npos);
    CHECK(from_query(text).warnings.empty());
    CHECK(from_query(text).state == pinned);
    CHECK(from_query("points=1,2,0,val;3,4,1").state.points ==
          std::vector<Point>{{1, 2, 0, PointSplit::val}, {3, 4, 1}});
    StateReadResult bad = from_query("dataset=custom&points=1,2,0,later");
    CHECK(bad.state.points.empty());
    CHECK(bad.warnings.size() == 1);
}

TEST_CASE("state: custom points are limited") {
    StateReadResult out = from_query("points=7,-9,1;1,2,0");
    CHECK(out.state.points == std::vector<Point>{{6.0f, -6.0f, 1.0f}, {1.0f, 2.0f, 0.0f}});
    CHECK(warned(out, {"points", "7", "6"}));

    std::string many = "points=";
    for (int i = 0; i < 5003; ++i) {
        if (i > 0) many += ';';
        many += std::to_string(i % 7);
        many += ",0,1";
    }
    StateReadResult r = from_query(many);
    CHECK(r.state.points.size() == 5000);
    CHECK(r.state.points.back().x == float(4999 % 7));
    CHECK(warned(r, {"points", "5003", "5000"}));

    StateReadResult inf = from_query("points=1,2,0;1,2,inf");
    CHECK(inf.state.points.empty());
    CHECK(warned(inf, {"points"}));
}

TEST_CASE("state: an empty networkShape means no hidden layer") {
    StateReadResult r = from_query("networkShape=");
    CHECK(r.warnings.empty());
    CHECK(r.state.network_shape.empty());

    PlaygroundState s;
    s.network_shape.clear();
    const std::string q = to_query(s);
    CHECK(q.find("&networkShape=&") != std::string::npos);
    CHECK(from_query(q).state == s);
}

TEST_CASE("state: layerActivations must match networkShape") {
    StateReadResult ok = from_query("layerActivations=relu,swish&networkShape=8,3");
    CHECK(ok.warnings.empty());
    CHECK(ok.state.layer_activations == std::vector<Activation>{Activation::relu,
                                                                Activation::swish});
    CHECK(ok.state.hidden_activation(0) == Activation::relu);
    CHECK(ok.state.hidden_activation(1) == Activation::swish);

    StateReadResult bad = from_query("networkShape=8,3,2&layerActivations=relu,swish");
    CHECK(bad.state.layer_activations.empty());
    CHECK(warned(bad, {"layerActivations"}));
    CHECK(bad.state.hidden_activation(2) == Activation::tanh);

    CHECK(from_query("networkShape=&layerActivations=").warnings.empty());
}

TEST_CASE("state: leading '#' or '?' and empty segments are skipped") {
    StateReadResult r = from_query("#&&noise=20&&batchSize=3&");
    CHECK(r.warnings.empty());
    CHECK(r.state.noise == 20);
    CHECK(r.state.batch_size == 3);
    CHECK(from_query("?noise=20").state.noise == 20);
    CHECK(from_query("").warnings.empty());
    CHECK(from_query("#").state == PlaygroundState{});
    // Only one prefix character is skipped.
    CHECK(warned(from_query("##noise=20"), {"#noise"}));
}

TEST_CASE("state: derived values") {
    PlaygroundState s;
    CHECK(s.sample_count() == 500);
    s.problem = Problem::regression;
    CHECK(s.sample_count() == 1200);
    CHECK(s.class_count() == 1);
    s.num_samples = 64;
    CHECK(s.sample_count() == 64);

    s.problem = Problem::classification;
    s.classes = 4;
    s.dataset = Dataset::circle;
    CHECK(s.class_count() == 2);
    for (Dataset d : {Dataset::spiral, Dataset::blobs, Dataset::rings, Dataset::custom}) {
        s.dataset = d;
        CHECK(s.class_count() == 4);
    }

    CHECK(s.input_count() == 2);
    s.features[f_cos_y] = true;
    s.features[f_x] = false;
    CHECK(s.input_count() == 2);
    s.features[f_sin_x] = true;
    CHECK(s.input_count() == 3);

    s.activation = Activation::elu;
    CHECK(s.hidden_activation(0) == Activation::elu);
    CHECK(s.hidden_activation(1) == Activation::elu);
}

TEST_CASE("state: names and labels") {
    CHECK(std::string(name_of(Activation::leakyrelu)) == "leakyrelu");
    CHECK(std::string(name_of(Dataset::xor_)) == "xor");
    CHECK(std::string(name_of(Dataset::reg_plane)) == "reg-plane");
    CHECK(std::string(name_of(Optimizer::rmsprop)) == "rmsprop");
    CHECK(std::string(name_of(Init::xavier_uniform)) == "xavier-uniform");
    CHECK(std::string(name_of(Schedule::exp)) == "exp");
    CHECK(std::string(name_of(Regularization::l1)) == "L1");
    CHECK(std::string(name_of(Loss::square)) == "square");
    CHECK(std::string(name_of(Model::perceptron)) == "perceptron");
    CHECK(std::string(name_of(Problem::regression)) == "regression");
    CHECK(std::string(name_of(f_x_times_y)) == "xTimesY");
    CHECK(std::string(name_of(f_cos_y)) == "cosY");
    CHECK(std::string(label_of(f_x_squared)) == "x₁²");
    CHECK(std::string(label_of(f_sin_y)) == "sin x₂");

    // Every activation's name reads back as itself.
    for (int i = 0; i <= int(Activation::swish); ++i) {
        Activation a = Activation::linear, want = static_cast<Activation>(i);
        CHECK(parse_activation(name_of(want), a));
        CHECK(a == want);
    }
    Activation a = Activation::relu;
    CHECK_FALSE(parse_activation("ReLU", a));
    CHECK_FALSE(parse_activation("", a));
    CHECK(a == Activation::relu);
}

TEST_CASE("state: compat=tf reads, writes only when set, and rejects other values") {
    StateReadResult r = from_query(std::string(tfp_default_link) + "&compat=tf");
    CHECK(r.warnings.empty());
    CHECK(r.state.compat == Compat::tf);
    CHECK(to_query(r.state).find("&compat=tf&points=") != std::string::npos);
    CHECK(to_query(PlaygroundState{}).find("compat") == std::string::npos);
    CHECK(from_query("compat=none").state.compat == Compat::none);
    StateReadResult bad = from_query("compat=tensorflow");
    CHECK(bad.state.compat == Compat::none);
    CHECK(warned(bad, {"compat", "tensorflow"}));
    CHECK(std::string(name_of(Compat::tf)) == "tf");
}

TEST_CASE("state: query_double is the double JavaScript reads from the written float") {
    CHECK(query_double(0.03f) == 0.03);
    CHECK(query_double(0.001f) == 0.001);
    CHECK(query_double(3.0f) == 3.0);
    CHECK(query_double(1.0f / 3) == 0.33333334);
}

TEST_CASE("state: looks_like_tfp_link tells their links from ours") {
    CHECK(looks_like_tfp_link(tfp_default_link));
    CHECK(looks_like_tfp_link(std::string("#") + tfp_default_link + "&tutorial=dp-reducing-overfitting"));
    CHECK(looks_like_tfp_link("seed=0.1&networkShape=&x_hide=true&learningRate_hide=true"));
    CHECK(looks_like_tfp_link("dataset=spiral&seed=0.5&networkShape=8,8&activation=relu"));
    CHECK_FALSE(looks_like_tfp_link(""));
    CHECK_FALSE(looks_like_tfp_link("seed=0.1"));          // no networkShape
    CHECK_FALSE(looks_like_tfp_link("networkShape=4,2"));  // no seed
    CHECK_FALSE(looks_like_tfp_link(to_query(PlaygroundState{})));  // ours: classes, loss, ...
    CHECK_FALSE(looks_like_tfp_link(std::string(tfp_default_link) + "&compat=tf"));
    CHECK_FALSE(looks_like_tfp_link(std::string(tfp_default_link) + "&optimizer=adam"));
    CHECK_FALSE(looks_like_tfp_link("dataset=moons&seed=1&networkShape=4"));
    CHECK_FALSE(looks_like_tfp_link("activation=swish&seed=1&networkShape=4"));
}
