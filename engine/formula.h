// formula.h: typed formulas such as "x*sigmoid(x)" or "x2 - sin(x1)", read by a small safe
// parser into a postfix program, evaluated with det:: math (same bits natively and in WASM)
// and differentiated by forward-mode automatic differentiation (dual numbers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

// Limits of a formula's text, so a link cannot make the parser or the evaluator work hard.
constexpr int kFormulaMaxLength = 200;  // characters
constexpr int kFormulaMaxDepth = 24;    // nested parentheses and function calls
constexpr int kFormulaMaxStack = 32;    // values the program holds at once

// Which variables a formula may name: an activation's x, or a data set's x1 and x2.
enum class FormulaVars { x, x1x2 };

// Why a formula was refused and where: column is the 1-based character (not byte) the
// problem starts at, 0 when it is about the whole text (too long, empty).
struct FormulaError {
    std::string reason;  // "unknown name 'foo'"
    int column = 0;
    // "unknown name 'foo' at 5", or just the reason when column is 0.
    std::string message() const;
};

class Formula {
public:
    enum class Op : std::uint8_t {
        number, var, neg, add, sub, mul, div, pow,
        exp, log, sin, cos, tanh, sigmoid, relu, abs, sqrt, min, max
    };
    struct Instr {
        Op op = Op::number;
        int var = 0;         // Op::var: 0 is x (or x1), 1 is x2
        double value = 0;    // Op::number
    };

    // Parses text (numbers, the variables of vars, + − × ÷ * / ^, unary minus, parentheses,
    // pi, e and the functions exp log sin cos tanh sigmoid relu abs sqrt, min(a, b) and
    // max(a, b)). On a mistake returns nothing and fills *error when error is not null.
    static std::optional<Formula> compile(std::string_view text, FormulaVars vars,
                                          FormulaError* error = nullptr);

    // The text it was compiled from, as given.
    const std::string& text() const { return text_; }
    const std::vector<Instr>& program() const { return program_; }
    // Whether the formula names a variable at all (a constant activation cannot learn).
    bool uses_variables() const;

    // f at the variables' values (vars[0] = x or x1, vars[1] = x2).
    template <typename T>
    T eval(const T* vars) const;
    // f(x) and df/dx for a one-variable formula, by dual numbers.
    template <typename T>
    T eval_with_derivative(T x, T& derivative) const;

    // Batched, for activations: A = f(Z) and dZ = dA ⊙ f'(Z) over n values, evaluated
    // op by op over blocks of values so the loops are plain element-wise kernels. Z and A
    // may be equal in forward. Allocates nothing.
    template <typename T>
    void forward(const T* Z, T* A, int n) const;
    template <typename T>
    void backward(const T* Z, const T* dA, T* dZ, int n) const;

    // The formula as PyTorch code over a tensor named var ("torch.tanh(x)"), for the export.
    std::string torch_code(const char* var = "x") const;

    // Whether forward and backward take a dedicated loop (a single function of x such as
    // tanh(x), or max/min of x and a number) instead of running the program: the same
    // operations in the same order, so the same bits, at about the built-in's speed.
    bool has_shortcut() const { return shortcut_.active; }

private:
    // The one operation of a shortcut formula: op applied to x, or op(number, x) /
    // op(x, number) for min and max.
    struct Shortcut {
        bool active = false;
        Op op = Op::var;
        double number = 0;
        bool number_first = false;  // max(0, x) rather than max(x, 0)
    };
    void find_shortcut();

    std::string text_;
    std::vector<Instr> program_;
    Shortcut shortcut_;
};

// Checks a formula text, for readers of links, files and the CLI: the error's message, or ""
// when it compiles.
std::string formula_problem(std::string_view text, FormulaVars vars);

}  // namespace nnplay
