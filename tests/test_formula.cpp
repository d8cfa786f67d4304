// test_formula.cpp: the formula parser (what it accepts, errors with their columns), its
// evaluation against hand-computed values and the built-in activations, and its automatic
// derivative against central finite differences.
#include "engine/activation.h"
#include "engine/dataset.h"
#include "engine/formula.h"
#include "engine/settings.h"
#include "engine/trainer.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace nnplay;
using namespace nnplay::test;

namespace {

double f_of(const char* text, double x) {
    auto f = Formula::compile(text, FormulaVars::x);
    REQUIRE(f);
    return f->eval(&x);
}

std::string error_of(const char* text, FormulaVars vars = FormulaVars::x) {
    FormulaError e;
    CHECK_FALSE(Formula::compile(text, vars, &e));
    return e.message();
}

}  // namespace

TEST_CASE("formula: numbers, operators, precedence and functions") {
    CHECK(f_of("1 + 2*3", 0) == 7);
    CHECK(f_of("(1 + 2)*3", 0) == 9);
    CHECK(f_of("2^3^2", 0) == 512);           // right-associative
    CHECK(f_of("-x^2", 3) == -9);             // minus binds looser than ^
    CHECK(f_of("2^-1", 0) == 0.5);
    CHECK(f_of("x/4 - 1", 2) == -0.5);
    CHECK(f_of("1.5e1 + .5", 0) == 15.5);
    CHECK(f_of("2*e", 0) == doctest::Approx(2 * 2.718281828459045));
    CHECK(error_of("2e") == "missing operator before 'e' at 2");  // not a number's exponent
    CHECK(f_of("x \xC3\x97 2 \xE2\x88\x92 1 \xC3\xB7 4", 3) == 5.75);     // × − ÷
    CHECK(f_of("min(x, 1) + max(x, 1)", 3) == 4);
    CHECK(f_of("abs(x) + relu(x) + sqrt(4)", -2) == 4);
    CHECK(f_of("exp(0) + log(1) + sin(0) + cos(0)", 0) == doctest::Approx(2));
    CHECK(f_of("sigmoid(0)", 0) == 0.5);
    CHECK(f_of("pi", 0) == doctest::Approx(3.14159265358979));
    CHECK(f_of("x^0.5", 9) == doctest::Approx(3));
    CHECK(f_of("(-2)^3", 0) == -8);           // whole exponents take negative bases
    CHECK(std::isnan(f_of("(-2)^0.5", 0)));
    CHECK(f_of("5", 1) == 5);
    CHECK_FALSE(Formula::compile("5", FormulaVars::x)->uses_variables());

    auto data = Formula::compile("x2 - sin(x1)", FormulaVars::x1x2);
    REQUIRE(data);
    const double at[2] = {1.0, 2.0};
    CHECK(data->eval(at) == doctest::Approx(2 - std::sin(1.0)).epsilon(1e-14));
}

TEST_CASE("formula: mistakes are refused with the column they start at") {
    CHECK(error_of("x + foo") == "unknown name 'foo' (the variable is x) at 5");
    CHECK(error_of("x1 + 1") == "unknown name 'x1' (the variable is x) at 1");
    CHECK(error_of("x + y", FormulaVars::x1x2) == "unknown name 'x' (the variables are x1 and x2) at 1");
    CHECK(error_of("") == "empty formula");
    CHECK(error_of("   ") == "empty formula");
    CHECK(error_of("x +") == "unexpected end of formula (expected a number, a name or '(') at 4");
    CHECK(error_of("(x + 1") == "'(' at 1 is never closed at 7");
    CHECK(error_of("x + 1)") == "unmatched ')' at 6");
    CHECK(error_of("2x") == "missing operator before 'x' at 2");
    CHECK(error_of("x $ 2") == "unexpected '$' at 3");
    CHECK(error_of("sin x") == "'sin' needs its argument in parentheses at 1");
    CHECK(error_of("sin(x, 2)") == "'sin' takes 1 argument at 6");
    CHECK(error_of("max(x)") == "'max' takes 2 arguments, e.g. max(x, 0) at 6");
    CHECK(error_of("1..2") == "bad number '1..2' at 1");
    CHECK(error_of("\xC3\x97x") == "unexpected '\xC3\x97' at 1");        // columns count characters
    CHECK(error_of("\xE2\x88\x92x + \x01") == "unexpected '\\x01' at 6");  // control bytes shown escaped
    CHECK(error_of(std::string(201, 'x').c_str()) == "formula is 201 characters long, at most 200");
    CHECK(error_of((std::string(30, '(') + "x" + std::string(30, ')')).c_str()).starts_with("nested too deeply"));
    CHECK(error_of(std::string(60, '-').append("x").c_str()).starts_with("nested too deeply"));
    // A right-leaning chain holds every value at once.
    std::string chain = "x";
    for (int i = 0; i < 40; ++i) chain = "x+(" + chain + ")";
    chain = "x";
    for (int i = 0; i < 40; ++i) chain += "*(x+";
    CHECK_FALSE(Formula::compile(chain, FormulaVars::x));
    CHECK(formula_problem("x*sigmoid(x)", FormulaVars::x).empty());
    CHECK(formula_problem("x*foo(x)", FormulaVars::x) == "unknown name 'foo' (the variable is x) at 3");
}

TEST_CASE("formula: the automatic derivative matches central finite differences (double)") {
    const char* formulas[] = {"x*sigmoid(x)", "sin(x)*cos(2*x)", "tanh(x)^2 + exp(-x^2)", "log(1 + exp(x))",
                              "x^3 - 2*x", "sqrt(x^2 + 1)", "1/(1 + x^2)", "abs(x) * x", "min(x, 1) + max(x, -1)*3",
                              "2^x", "x^x"};
    const double points[] = {-2.3, -0.7, 0.31, 1.4, 2.9};
    for (const char* text : formulas) {
        auto f = Formula::compile(text, FormulaVars::x);
        REQUIRE(f);
        for (double x : points) {
            if (std::string(text) == "x^x" && x <= 0) continue;
            double d = 0;
            const double value = f->eval_with_derivative(x, d);
            CHECK(value == doctest::Approx(f->eval(&x)));
            const double h = 1e-6, xp = x + h, xm = x - h;
            const double numeric = (f->eval(&xp) - f->eval(&xm)) / (2 * h);
            INFO(text, " at ", x, ": autodiff ", d, " vs ", numeric);
            CHECK(std::abs(d - numeric) <= 1e-6 * std::max(1.0, std::abs(numeric)));
        }
    }
}

TEST_CASE("formula: spelling a built-in gives its numbers (float, batched)") {
    struct Case {
        const char* text;
        Activation builtin;
        bool exact;  // the same operations in the same order: the same bits
    };
    const Case cases[] = {{"tanh(x)", Activation::tanh, true},       {"sigmoid(x)", Activation::sigmoid, true},
                          {"relu(x)", Activation::relu, true},       {"max(x, 0)", Activation::relu, true},
                          {"x", Activation::linear, true},           {"x*sigmoid(x)", Activation::swish, false},
                          {"log(1 + exp(x))", Activation::softplus, false}};
    std::vector<float> Z, dA;
    for (int i = 0; i < 203; ++i) {  // not a multiple of the block size
        Z.push_back(-6.0f + 12.0f * float(i) / 202.0f);
        dA.push_back(0.5f + float(i % 7) / 7.0f);
    }
    const int n = int(Z.size());
    for (const Case& c : cases) {
        auto f = Formula::compile(c.text, FormulaVars::x);
        REQUIRE(f);
        std::vector<float> A(n), A_ref(n), dZ(n), dZ_ref(n);
        f->forward(Z.data(), A.data(), n);
        activation_forward(c.builtin, Z.data(), A_ref.data(), n);
        f->backward(Z.data(), dA.data(), dZ.data(), n);
        activation_backward(c.builtin, Z.data(), A_ref.data(), dA.data(), dZ_ref.data(), n);
        for (int i = 0; i < n; ++i) {
            INFO(c.text, " at ", Z[size_t(i)]);
            if (c.exact) {
                CHECK(A[size_t(i)] == A_ref[size_t(i)]);
                CHECK(dZ[size_t(i)] == dZ_ref[size_t(i)]);
            } else {
                CHECK(A[size_t(i)] == doctest::Approx(A_ref[size_t(i)]).epsilon(1e-5));
                CHECK(dZ[size_t(i)] == doctest::Approx(dZ_ref[size_t(i)]).epsilon(1e-5));
            }
        }
    }
    // In place, as the network may call it.
    auto f = Formula::compile("tanh(x)", FormulaVars::x);
    std::vector<float> in_place = Z, ref(n);
    f->forward(in_place.data(), in_place.data(), n);
    activation_forward(Activation::tanh, Z.data(), ref.data(), n);
    CHECK(in_place == ref);
}

TEST_CASE("formula: PyTorch code") {
    CHECK(Formula::compile("x*sigmoid(x)", FormulaVars::x)->torch_code() == "(x * torch.sigmoid(x))");
    CHECK(Formula::compile("max(x, 0) - exp(1)", FormulaVars::x)->torch_code() ==
          "(torch.maximum(x, torch.as_tensor(0.0)) - torch.exp(torch.as_tensor(1.0)))");
    CHECK(Formula::compile("-x^2", FormulaVars::x)->torch_code() == "(-(x ** 2.0))");
}

TEST_CASE("formula: links carry formula activations and formula data") {
    StateReadResult r = from_query("activation=x*sigmoid(x)&networkShape=3,2&layerActivations=tanh,max(x, 0.1*x)"
                                   "&dataset=formula&formula=x2%2Bsin(x1)%5E2");
    CHECK(r.warnings.empty());
    const PlaygroundState& s = r.state;
    CHECK(s.activation == Activation::formula);
    CHECK(s.activation_formula == "x*sigmoid(x)");
    CHECK(s.layer_activations == std::vector<Activation>{Activation::tanh, Activation::formula});
    CHECK(s.hidden_formula(1) == "max(x, 0.1*x)");
    CHECK(s.dataset == Dataset::formula);
    CHECK(s.data_formula == "x2+sin(x1)^2");
    // Written and read back: the same state ('+' and '^' percent-encoded, the rest as typed).
    const std::string query = to_query(s);
    CHECK(query.find("activation=x*sigmoid(x)&") != std::string::npos);
    CHECK(query.find("formula=x2%2Bsin(x1)%5E2") != std::string::npos);
    StateReadResult back = from_query(query);
    CHECK(back.warnings.empty());
    CHECK(back.state == s);
    // The default data formula is not written.
    CHECK(to_query(PlaygroundState{}).find("formula=") == std::string::npos);
    CHECK(std::string(name_of(Activation::formula)) == "formula");
}

TEST_CASE("formula: bad formulas in a link are refused with their column, the old value kept") {
    StateReadResult r = from_query("activation=x%2Bfoo&formula=x1*(x2&networkShape=2,2&layerActivations=relu,sin(x,1)");
    REQUIRE(r.formula_errors.size() == 3);
    CHECK(r.formula_errors[0] ==
          "ignored activation='x+foo': unknown name 'foo' (the variable is x) at 3 (not a formula of x, nor one "
          "of linear|sigmoid|tanh|relu|leakyrelu|elu|softplus|swish); kept 'tanh'");
    CHECK(r.formula_errors[1] == "ignored formula='x1*(x2': '(' at 4 is never closed at 7; kept 'x2 - sin(x1)'");
    CHECK(r.formula_errors[2].starts_with("ignored layerActivations='relu,sin(x,1)': layer 2: 'sin' takes 1 argument at 6"));
    CHECK(r.warnings.size() == 3);
    CHECK(r.state.activation == Activation::tanh);
    CHECK(r.state.data_formula == "x2 - sin(x1)");
    CHECK(r.state.layer_activations.empty());
    CHECK(formula_errors_in("https://example.org/nnplay/#activation=foo(x)&seed=1").size() == 1);
    CHECK(formula_errors_in("activation=tanh").empty());
    // A name that is not ours is no formula either: the message says both.
    CHECK(from_query("activation=softmax").formula_errors.front().find("unknown name 'softmax'") != std::string::npos);
}

TEST_CASE("formula: data sets from a formula of x1, x2") {
    PlaygroundState s = from_query("dataset=formula&formula=x2-sin(x1)&numSamples=400").state;
    Rng rng("formula-data");
    const std::vector<Point> points = generate_points(s, rng);
    REQUIRE(points.size() == 400);
    int ones = 0;
    for (const Point& p : points) {
        CHECK(p.label == (double(p.y) - std::sin(double(p.x)) > 0 ? 1.0f : 0.0f));
        ones += p.label == 1;
    }
    CHECK(ones > 120);
    CHECK(ones < 280);
    CHECK(s.class_count() == 2);

    // Three classes: bands of equal area, each about a third of the points.
    s.classes = 3;
    s.data_formula = "x1";
    Rng rng3("formula-data");
    int counts[3] = {0, 0, 0};
    for (const Point& p : generate_points(s, rng3)) {
        REQUIRE(p.label >= 0);
        REQUIRE(p.label <= 2);
        counts[int(p.label)]++;
        CHECK(int(p.label) == (p.x > 2.04f ? 2 : p.x > -2.04f ? 1 : 0));
    }
    for (int c : counts) CHECK(c > 90);

    // Regression: f scaled by its largest |f| on the plane (here 12), so targets fill [−1, 1].
    PlaygroundState reg = from_query("problem=regression&regDataset=formula&formula=x1%2Bx2").state;
    Rng rng_reg("formula-data");
    for (const Point& p : generate_points(reg, rng_reg)) CHECK(p.label == doctest::Approx((p.x + p.y) / 12.0).epsilon(1e-5));
    // Where f is not a number the class is 0; a hand-built bad formula gives no points, no crash.
    reg.data_formula = "x1 +";
    Rng rng_bad("x");
    CHECK(generate_points(reg, rng_bad).empty());
}

TEST_CASE("formula: training with tanh(x) is training with tanh, bit for bit") {
    PlaygroundState builtin = from_query("dataset=xor&networkShape=4,2&seed=formula").state;
    PlaygroundState typed = from_query("dataset=xor&networkShape=4,2&seed=formula&activation=tanh(x)").state;
    Trainer a(builtin), b(typed);
    for (int e = 0; e < 30; ++e) {
        a.step_epoch();
        b.step_epoch();
    }
    CHECK(a.metrics().train_loss == b.metrics().train_loss);
    CHECK(a.metrics().test_loss == b.metrics().test_loss);
    CHECK(a.network().params() == b.network().params());

    // x*sigmoid(x) is swish within float rounding; a per-layer formula trains too.
    PlaygroundState swish = from_query("dataset=circle&networkShape=4,2&seed=s&activation=swish").state;
    PlaygroundState spelled = from_query("dataset=circle&networkShape=4,2&seed=s&activation=x*sigmoid(x)").state;
    Trainer c(swish), d(spelled);
    for (int e = 0; e < 20; ++e) {
        c.step_epoch();
        d.step_epoch();
    }
    CHECK(d.metrics().train_loss == doctest::Approx(c.metrics().train_loss).epsilon(1e-4));
    PlaygroundState layered = from_query("dataset=circle&networkShape=4,2&layerActivations=sin(x),relu&seed=s").state;
    Trainer e(layered);
    const double before = e.metrics().train_loss;
    for (int i = 0; i < 100; ++i) e.step_epoch();
    CHECK(e.metrics().train_loss < before);
}

TEST_CASE("formula: the network's gradient with a formula activation matches finite differences (double)") {
    NetworkSpec spec;
    spec.inputs = 2;
    spec.hidden = {3};
    spec.activations = {Activation::formula};
    spec.formulas = {"sin(x) + x^2/4"};
    spec.output = Output::sigmoid_log;
    Network<double> net(spec);
    Rng rng("grad");
    for (Eigen::Index i = 0; i < net.params().size(); ++i) net.params()[i] = rng.uniform(-1, 1);
    const double X[6] = {0.3, -1.2, 1.5, 0.4, -0.7, 2.0};
    const double labels[3] = {1, 0, 1};
    Workspace<double> ws(spec, 3, true);
    net.forward(X, 3, ws, labels);
    net.backward(X, labels, 3, ws);
    const VectorD grads = net.grads();
    for (Eigen::Index i = 0; i < net.params().size(); ++i) {
        const double numeric = central_difference(net.params()[i], [&] { return net.forward(X, 3, ws, labels) / 3; });
        CHECK(grads[i] == doctest::Approx(numeric).epsilon(1e-6));
    }
}

// Issue 14: "a formula activation ... gives the same results within float rounding". The
// pairs `nnplay bench --formulas` times, on its network (W2: six hidden layers of 8).
TEST_CASE("formula: the bench's formulas train as their built-ins do (W2, every pair)") {
    const char* base = "dataset=circle&numSamples=500&noise=0&percTrainData=50&x=true&y=true&optimizer=sgd"
                       "&learningRate=0.03&seed=bench&networkShape=8,8,8,8,8,8&batchSize=10&activation=";
    const std::pair<const char*, const char*> pairs[] = {
        {"tanh", "tanh(x)"}, {"relu", "relu(x)"}, {"relu", "max(0,x)"}, {"sigmoid", "sigmoid(x)"}};
    for (const auto& [builtin, formula] : pairs) {
        INFO(builtin, " vs ", formula);
        StateReadResult a = from_query(std::string(base) + builtin), b = from_query(std::string(base) + formula);
        REQUIRE(a.warnings.empty());
        REQUIRE(b.warnings.empty());
        REQUIRE(b.state.activation == Activation::formula);  // the formula path, not a shortcut
        Trainer ta(a.state), tb(b.state);
        const double start = ta.metrics().train_loss;
        for (int e = 0; e < 20; ++e) {
            REQUIRE(ta.step_epoch());
            REQUIRE(tb.step_epoch());
        }
        CHECK(ta.metrics().train_loss < start);  // it trained: a comparison of two idle runs proves little
        CHECK(tb.metrics().train_loss == doctest::Approx(ta.metrics().train_loss).epsilon(1e-5));
        CHECK(tb.metrics().test_loss == doctest::Approx(ta.metrics().test_loss).epsilon(1e-5));
        const auto& pa = ta.network().params();
        const auto& pb = tb.network().params();
        REQUIRE(pa.size() == pb.size());
        double worst = 0;
        for (Eigen::Index i = 0; i < pa.size(); ++i)
            worst = std::max(worst, double(std::abs(pa[i] - pb[i])) / std::max(1.0, double(std::abs(pa[i]))));
        CHECK(worst <= 1e-5);
    }
}

// The shortcut loops (one function of x, or min/max of x and a number) must compute what the
// program computes: eval and eval_with_derivative always run the program.
TEST_CASE("formula: shortcut formulas give the program's bits, forward and backward") {
    const char* shortcuts[] = {"tanh(x)", "sigmoid(x)", "relu(x)", "-x",     "exp(x)",     "log(x)",
                               "sin(x)",  "cos(x)",     "abs(x)",  "sqrt(x)", "max(0, x)", "max(x, 0)",
                               "min(x, 1)", "min(-0.5, x)", "max(x, -1e-3)"};
    std::vector<float> Zf, dAf;
    std::vector<double> Zd, dAd;
    for (int i = 0; i < 203; ++i) {
        const float z = i == 101 ? 0.0f : -6.0f + 12.0f * float(i) / 202.0f;  // 0 itself, where slopes split
        Zf.push_back(z);
        Zd.push_back(double(z));
        dAf.push_back(0.5f + float(i % 7) / 7.0f);
        dAd.push_back(0.5 + double(i % 7) / 7.0);
    }
    const int n = int(Zf.size());
    auto same = [](auto a, auto b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
    for (const char* text : shortcuts) {
        INFO(std::string(text));
        auto f = Formula::compile(text, FormulaVars::x);
        REQUIRE(f);
        CHECK(f->has_shortcut());
        std::vector<float> Af(n), dZf(n);
        std::vector<double> Ad(n), dZd(n);
        f->forward(Zf.data(), Af.data(), n);
        f->backward(Zf.data(), dAf.data(), dZf.data(), n);
        f->forward(Zd.data(), Ad.data(), n);
        f->backward(Zd.data(), dAd.data(), dZd.data(), n);
        for (int i = 0; i < n; ++i) {
            INFO("at ", Zd[size_t(i)]);
            float slope_f = 0;
            double slope_d = 0;
            const float value_f = f->eval_with_derivative(Zf[size_t(i)], slope_f);
            const double value_d = f->eval_with_derivative(Zd[size_t(i)], slope_d);
            CHECK(same(Af[size_t(i)], value_f));
            CHECK(same(dZf[size_t(i)], dAf[size_t(i)] * slope_f));
            CHECK(same(Ad[size_t(i)], value_d));
            CHECK(same(dZd[size_t(i)], dAd[size_t(i)] * slope_d));
        }
    }
    for (const char* text : {"x*sigmoid(x)", "tanh(2*x)", "max(x, x/2)", "x", "2"})
        CHECK_FALSE(Formula::compile(text, FormulaVars::x)->has_shortcut());
}
