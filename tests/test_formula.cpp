// test_formula.cpp: the formula parser (what it accepts, errors with their columns), its
// evaluation against hand-computed values and the built-in activations, and its automatic
// derivative against central finite differences.
#include "engine/activation.h"
#include "engine/formula.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace nnplay;

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
