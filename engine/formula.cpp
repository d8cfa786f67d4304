// formula.cpp: the recursive-descent parser that turns a formula's text into a postfix
// program, and the evaluator that runs the program over blocks of values, with dual numbers
// (value, derivative) when the derivative is asked for.
#include "engine/formula.h"

#include "engine/activation.h"
#include "engine/detmath.h"
#include "engine/number_text.h"
#include "engine/printable.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace nnplay {

namespace {

using Op = Formula::Op;
using Instr = Formula::Instr;

struct Function {
    const char* name;
    Op op;
    int args;
};
constexpr Function kFunctions[] = {
    {"exp", Op::exp, 1},   {"log", Op::log, 1},         {"sin", Op::sin, 1},
    {"cos", Op::cos, 1},   {"tanh", Op::tanh, 1},       {"sigmoid", Op::sigmoid, 1},
    {"relu", Op::relu, 1}, {"abs", Op::abs, 1},         {"sqrt", Op::sqrt, 1},
    {"min", Op::min, 2},   {"max", Op::max, 2}};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The operators a formula may spell in Unicode, as they are typed or pasted from text.
constexpr std::string_view kMinusSign = "\xE2\x88\x92";  // −
constexpr std::string_view kTimesSign = "\xC3\x97";      // ×
constexpr std::string_view kDivideSign = "\xC3\xB7";     // ÷
constexpr std::string_view kMiddleDot = "\xC2\xB7";      // ·

class Parser {
public:
    Parser(std::string_view text, FormulaVars vars) : text_(text), vars_(vars) {}

    // The program, or nothing with error set. No exceptions (the page is built without them):
    // after the first failure every step returns at once.
    std::optional<std::vector<Instr>> parse() {
        skip_space();
        if (pos_ == text_.size()) fail("empty formula", 0);
        expression(0);
        skip_space();
        if (!failed_ && pos_ < text_.size()) {
            if (text_[pos_] == ')') fail("unmatched ')'", column());
            if (starts_operand()) fail("missing operator before " + quoted_here(), column());
            fail("unexpected " + quoted_here(), column());
        }
        if (failed_) return std::nullopt;
        return std::move(program_);
    }

    FormulaError error;

private:
    std::string_view text_;
    FormulaVars vars_;
    std::size_t pos_ = 0;
    std::vector<Instr> program_;
    int stack_ = 0;  // values the program holds after the instructions so far
    bool failed_ = false;

    // Keeps the first failure: the one nearest the start is the one to fix first.
    void fail(std::string reason, int column) {
        if (failed_) return;
        failed_ = true;
        error = {std::move(reason), column};
    }

    // 1-based character column of byte position at (UTF-8 continuation bytes do not count).
    int column(std::size_t at) const {
        int c = 1;
        for (std::size_t i = 0; i < at && i < text_.size(); ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++c;
        return c;
    }
    int column() const { return column(pos_); }

    // The character at pos_, quoted for a message (control bytes as \xHH).
    std::string quoted_here() const {
        std::size_t len = 1;
        while (pos_ + len < text_.size() && (static_cast<unsigned char>(text_[pos_ + len]) & 0xC0) == 0x80 &&
               len < 4)
            ++len;
        return "'" + printable(text_.substr(pos_, len)) + "'";
    }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    }
    bool accept(std::string_view token) {
        skip_space();
        if (text_.substr(pos_, token.size()) != token) return false;
        pos_ += token.size();
        return true;
    }
    bool starts_operand() const {
        if (pos_ >= text_.size()) return false;
        const char c = text_[pos_];
        return is_letter(c) || is_digit(c) || c == '.' || c == '(';
    }

    void emit(Instr instr, int pops, int pushes) {
        if (failed_) return;
        stack_ += pushes - pops;
        if (stack_ > kFormulaMaxStack)
            fail("too many values held at once (at most " + std::to_string(kFormulaMaxStack) + ")", column());
        program_.push_back(instr);
    }
    void emit_op(Op op, int args) { emit({op, 0, 0}, args, 1); }

    // False (after failing) past the nesting limit, so the recursion stays shallow.
    bool check_depth(int depth) {
        if (depth > kFormulaMaxDepth)
            fail("nested too deeply (at most " + std::to_string(kFormulaMaxDepth) + " levels)", column());
        return !failed_;
    }

    // expression := term (('+' | '-' | '−') term)*
    void expression(int depth) {
        term(depth);
        while (!failed_) {
            if (accept("+")) {
                term(depth);
                emit_op(Op::add, 2);
            } else if (accept("-") || accept(kMinusSign)) {
                term(depth);
                emit_op(Op::sub, 2);
            } else {
                return;
            }
        }
    }

    // term := unary (('*' | '/' | '×' | '÷' | '·') unary)*
    void term(int depth) {
        unary(depth);
        while (!failed_) {
            if (accept("*") || accept(kTimesSign) || accept(kMiddleDot)) {
                unary(depth);
                emit_op(Op::mul, 2);
            } else if (accept("/") || accept(kDivideSign)) {
                unary(depth);
                emit_op(Op::div, 2);
            } else {
                return;
            }
        }
    }

    // unary := ('-' | '+') unary | power. Minus binds looser than '^': -x^2 is −(x²).
    void unary(int depth) {
        if (!check_depth(depth)) return;
        if (accept("-") || accept(kMinusSign)) {
            unary(depth + 1);
            emit_op(Op::neg, 1);
        } else if (accept("+")) {
            unary(depth + 1);
        } else {
            power(depth);
        }
    }

    // power := primary ('^' unary)?, right-associative: 2^3^2 is 2^9.
    void power(int depth) {
        primary(depth);
        if (!failed_ && accept("^")) {
            unary(depth + 1);
            emit_op(Op::pow, 2);
        }
    }

    void primary(int depth) {
        if (!check_depth(depth)) return;
        skip_space();
        if (pos_ >= text_.size())
            return fail("unexpected end of formula (expected a number, a name or '(')", column());
        const char c = text_[pos_];
        if (c == '(') {
            const int open = column();
            ++pos_;
            expression(depth + 1);
            if (!failed_ && !accept(")")) {
                if (pos_ >= text_.size()) return fail("'(' at " + std::to_string(open) + " is never closed", column());
                fail("expected ')' instead of " + quoted_here(), column());
            }
            return;
        }
        if (is_digit(c) || c == '.') return number();
        if (is_letter(c)) return name(depth);
        if (c == ')') return fail("unexpected ')' (expected a number, a name or '(')", column());
        fail("unexpected " + quoted_here(), column());
    }

    void number() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && (is_digit(text_[pos_]) || text_[pos_] == '.')) ++pos_;
        // An exponent only when digits follow ("2e3"); "2e" stays 2 followed by the name e.
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            std::size_t at = pos_ + 1;
            if (at < text_.size() && (text_[at] == '+' || text_[at] == '-')) ++at;
            if (at < text_.size() && is_digit(text_[at])) {
                pos_ = at;
                while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
            }
        }
        double value = 0;
        const std::string_view token = text_.substr(start, pos_ - start);
        if (!parse_double_strict(token, value) || !std::isfinite(value))
            return fail("bad number '" + std::string(token) + "'", column(start));
        emit({Op::number, 0, value}, 0, 1);
    }

    void name(int depth) {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && (is_letter(text_[pos_]) || is_digit(text_[pos_]))) ++pos_;
        const std::string_view word = text_.substr(start, pos_ - start);
        const int at = column(start);
        for (const Function& f : kFunctions) {
            if (word != f.name) continue;
            if (!accept("(")) return fail("'" + std::string(word) + "' needs its argument in parentheses", at);
            for (int i = 0; i < f.args && !failed_; ++i) {
                if (i > 0 && !accept(","))
                    return fail("'" + std::string(word) + "' takes 2 arguments, e.g. " + std::string(word) + "(x, 0)",
                         column());
                expression(depth + 1);
            }
            if (failed_) return;
            if (!accept(")")) {
                if (text_.substr(pos_, 1) == ",")
                    return fail("'" + std::string(word) + "' takes " + std::to_string(f.args) + " argument" +
                             (f.args == 1 ? "" : "s"),
                         column());
                if (pos_ >= text_.size()) return fail("'" + std::string(word) + "(' is never closed", column());
                return fail("expected ')' instead of " + quoted_here(), column());
            }
            emit_op(f.op, f.args);
            return;
        }
        if (word == "pi") return emit({Op::number, 0, 3.14159265358979323846}, 0, 1);
        if (word == "e") return emit({Op::number, 0, 2.71828182845904523536}, 0, 1);
        int var = -1;
        if (vars_ == FormulaVars::x && word == "x") var = 0;
        if (vars_ == FormulaVars::x1x2 && word == "x1") var = 0;
        if (vars_ == FormulaVars::x1x2 && word == "x2") var = 1;
        if (var < 0) {
            const char* hint = vars_ == FormulaVars::x ? " (the variable is x)" : " (the variables are x1 and x2)";
            return fail("unknown name '" + printable(word) + "'" + hint, at);
        }
        emit({Op::var, var, 0}, 0, 1);
    }
};

// ---------------------------------------------------------------------------
// Evaluation.

constexpr int kChunk = 32;  // values per block: the stack of blocks stays small (a few kB)

// a^b with det:: math: repeated squaring for whole exponents up to 64 (so x^2 is x·x
// exactly, and negative bases work), e^(b·log a) otherwise.
template <typename T>
T power(T a, T b) {
    const T whole = std::trunc(b);
    if (whole == b && std::fabs(b) <= T(64)) {
        int n = static_cast<int>(std::fabs(b));
        T result = 1, base = a;
        while (n > 0) {
            if (n & 1) result = result * base;
            base = base * base;
            n >>= 1;
        }
        return b < 0 ? T(1) / result : result;
    }
    if (a > 0) return det::exp(b * det::log(a));
    if (a == 0) return b > 0 ? T(0) : std::numeric_limits<T>::infinity();
    return std::numeric_limits<T>::quiet_NaN();
}

template <typename T>
T apply_unary(Op op, T a) {
    switch (op) {
        case Op::neg: return -a;
        case Op::exp: return det::exp(a);
        case Op::log: return det::log(a);
        case Op::sin: return det::sin(a);
        case Op::cos: return det::cos(a);
        case Op::tanh: return det::tanh(a);
        case Op::sigmoid: return T(1) / (T(1) + det::exp(-a));
        case Op::relu: return a > 0 ? a : T(0);
        case Op::abs: return std::fabs(a);
        case Op::sqrt: return std::sqrt(a);
        default: return a;
    }
}

template <typename T>
T apply_binary(Op op, T a, T b) {
    switch (op) {
        case Op::add: return a + b;
        case Op::sub: return a - b;
        case Op::mul: return a * b;
        case Op::div: return a / b;
        case Op::pow: return power(a, b);
        case Op::min: return a < b ? a : b;
        case Op::max: return a > b ? a : b;
        default: return a;
    }
}

// Runs the program over m ≤ kChunk lanes. vars[k]: m values of variable k. out: m values of
// f; with Dual, dout: m values of df/d(variable 0), by dual numbers (each value carries its
// derivative; each op applies its rule, e.g. (uv)' = u'v + uv').
template <typename T, bool Dual>
void run_block(const std::vector<Instr>& program, const T* const* vars, int m, T* out, T* dout) {
    T v[kFormulaMaxStack][kChunk];
    T d[Dual ? kFormulaMaxStack : 1][kChunk];
    int top = -1;  // index of the top block
    for (const Instr& in : program) {
        switch (in.op) {
            case Op::number: {
                ++top;
                for (int i = 0; i < m; ++i) v[top][i] = T(in.value);
                if constexpr (Dual) for (int i = 0; i < m; ++i) d[top][i] = T(0);
                break;
            }
            case Op::var: {
                ++top;
                const T* x = vars[in.var];
                for (int i = 0; i < m; ++i) v[top][i] = x[i];
                if constexpr (Dual) for (int i = 0; i < m; ++i) d[top][i] = T(in.var == 0 ? 1 : 0);
                break;
            }
            case Op::tanh: {
                T* a = v[top];
                if constexpr (Dual) {
                    tanh_forward(a, a, m);  // the built-in's kernel: the same bits as tanh
                    for (int i = 0; i < m; ++i) d[top][i] = (T(1) - a[i] * a[i]) * d[top][i];
                } else {
                    tanh_forward(a, a, m);
                }
                break;
            }
            case Op::sigmoid: {
                T* a = v[top];
                sigmoid_forward(a, a, m);
                if constexpr (Dual) for (int i = 0; i < m; ++i) d[top][i] = (a[i] * (T(1) - a[i])) * d[top][i];
                break;
            }
            case Op::neg: case Op::exp: case Op::log: case Op::sin: case Op::cos:
            case Op::relu: case Op::abs: case Op::sqrt: {
                T* a = v[top];
                if constexpr (Dual) {
                    T* da = d[top];
                    for (int i = 0; i < m; ++i) {
                        const T x = a[i], fx = apply_unary(in.op, x);
                        T slope = 0;  // f'(x)
                        switch (in.op) {
                            case Op::neg: slope = T(-1); break;
                            case Op::exp: slope = fx; break;
                            case Op::log: slope = T(1) / x; break;
                            case Op::sin: slope = det::cos(x); break;
                            case Op::cos: slope = -det::sin(x); break;
                            case Op::relu: slope = x > 0 ? T(1) : T(0); break;
                            case Op::abs: slope = x > 0 ? T(1) : (x < 0 ? T(-1) : T(0)); break;
                            case Op::sqrt: slope = T(0.5) / fx; break;
                            default: break;
                        }
                        a[i] = fx;
                        da[i] = da[i] == T(0) ? T(0) : slope * da[i];  // a constant stays constant
                    }
                } else if (in.op == Op::relu) {
                    for (int i = 0; i < m; ++i) a[i] = a[i] > 0 ? a[i] : T(0);
                } else if (in.op == Op::neg) {
                    for (int i = 0; i < m; ++i) a[i] = -a[i];
                } else {
                    for (int i = 0; i < m; ++i) a[i] = apply_unary(in.op, a[i]);
                }
                break;
            }
            default: {  // binary: a (below) op b (top)
                T* a = v[top - 1];
                const T* b = v[top];
                if constexpr (Dual) {
                    T* da = d[top - 1];
                    const T* db = d[top];
                    for (int i = 0; i < m; ++i) {
                        const T x = a[i], y = b[i], fx = apply_binary(in.op, x, y);
                        T dx = da[i], dy = db[i], df = 0;
                        switch (in.op) {
                            case Op::add: df = dx + dy; break;
                            case Op::sub: df = dx - dy; break;
                            case Op::mul: df = (dx == T(0) ? T(0) : dx * y) + (dy == T(0) ? T(0) : x * dy); break;
                            case Op::div: df = (dx - (dy == T(0) ? T(0) : fx * dy)) / y; break;
                            case Op::pow:
                                df = (dx == T(0) ? T(0) : y * power(x, y - T(1)) * dx) +
                                     (dy == T(0) ? T(0) : fx * det::log(x) * dy);
                                break;
                            case Op::min: df = x < y ? dx : dy; break;
                            case Op::max: df = x > y ? dx : dy; break;
                            default: break;
                        }
                        a[i] = fx;
                        da[i] = df;
                    }
                } else {
                    switch (in.op) {
                        case Op::add: for (int i = 0; i < m; ++i) a[i] = a[i] + b[i]; break;
                        case Op::sub: for (int i = 0; i < m; ++i) a[i] = a[i] - b[i]; break;
                        case Op::mul: for (int i = 0; i < m; ++i) a[i] = a[i] * b[i]; break;
                        case Op::div: for (int i = 0; i < m; ++i) a[i] = a[i] / b[i]; break;
                        default: for (int i = 0; i < m; ++i) a[i] = apply_binary(in.op, a[i], b[i]); break;
                    }
                }
                --top;
                break;
            }
        }
    }
    for (int i = 0; i < m; ++i) out[i] = v[0][i];
    if constexpr (Dual) for (int i = 0; i < m; ++i) dout[i] = d[0][i];
}

// ---- Shortcuts: one operation on x, as a plain loop --------------------------------------
// Each computes what run_block computes for the programs [x, op], [number, x, op] and
// [x, number, op], operation for operation (so bit for bit), without the block copies and
// without choosing the operation per value.

// f'(x) of a unary op, given f(x), as run_block's dual numbers compute it.
template <typename T>
T unary_slope(Op op, T x, T fx) {
    switch (op) {
        case Op::neg: return T(-1);
        case Op::exp: return fx;
        case Op::log: return T(1) / x;
        case Op::sin: return det::cos(x);
        case Op::cos: return -det::sin(x);
        case Op::relu: return x > 0 ? T(1) : T(0);
        case Op::abs: return x > 0 ? T(1) : (x < 0 ? T(-1) : T(0));
        case Op::sqrt: return T(0.5) / fx;
        default: return T(0);
    }
}

template <typename T, Op kOp>
void unary_forward(const T* Z, T* A, int n) {
    if constexpr (kOp == Op::tanh) {
        tanh_forward(Z, A, n);
    } else if constexpr (kOp == Op::sigmoid) {
        sigmoid_forward(Z, A, n);
    } else if constexpr (kOp == Op::relu) {
        for (int i = 0; i < n; ++i) A[i] = Z[i] > 0 ? Z[i] : T(0);
    } else if constexpr (kOp == Op::neg) {
        for (int i = 0; i < n; ++i) A[i] = -Z[i];
    } else {
        for (int i = 0; i < n; ++i) A[i] = apply_unary(kOp, Z[i]);
    }
}

template <typename T, Op kOp>
void unary_backward(const T* Z, const T* dA, T* dZ, int n) {
    if constexpr (kOp == Op::tanh || kOp == Op::sigmoid) {
        T a[kChunk];
        for (int start = 0; start < n; start += kChunk) {
            const int m = std::min(kChunk, n - start);
            unary_forward<T, kOp>(Z + start, a, m);
            for (int i = 0; i < m; ++i) {
                // The dual rule times x's derivative 1, as run_block multiplies it.
                const T slope = kOp == Op::tanh ? (T(1) - a[i] * a[i]) * T(1) : (a[i] * (T(1) - a[i])) * T(1);
                dZ[start + i] = dA[start + i] * slope;
            }
        }
    } else if constexpr (kOp == Op::relu) {
        for (int i = 0; i < n; ++i) dZ[i] = dA[i] * (Z[i] > 0 ? T(1) : T(0));
    } else {
        for (int i = 0; i < n; ++i) {
            const T x = Z[i];
            dZ[i] = dA[i] * unary_slope(kOp, x, apply_unary(kOp, x));
        }
    }
}

// min or max of x and the number c: f and f' as run_block's binary rule gives them, the
// number's derivative being 0 and x's 1. The operation and the order are template
// arguments, so each loop is straight-line code.
template <typename T, Op kOp, bool kNumberFirst>
void extreme_forward(T c, const T* Z, T* A, int n) {
    for (int i = 0; i < n; ++i) A[i] = kNumberFirst ? apply_binary(kOp, c, Z[i]) : apply_binary(kOp, Z[i], c);
}

template <typename T, Op kOp, bool kNumberFirst>
void extreme_backward(T c, const T* Z, const T* dA, T* dZ, int n) {
    constexpr T dx = kNumberFirst ? T(0) : T(1), dy = kNumberFirst ? T(1) : T(0);
    for (int i = 0; i < n; ++i) {
        const T x = kNumberFirst ? c : Z[i], y = kNumberFirst ? Z[i] : c;
        const T slope = kOp == Op::max ? (x > y ? dx : dy) : (x < y ? dx : dy);
        dZ[i] = dA[i] * slope;
    }
}

// Calls f<kOp, kNumberFirst>() for min or max with the number first or second.
template <typename F>
void with_extreme(Op op, bool number_first, F&& f) {
    if (op == Op::max) {
        if (number_first) f.template operator()<Op::max, true>();
        else f.template operator()<Op::max, false>();
    } else {
        if (number_first) f.template operator()<Op::min, true>();
        else f.template operator()<Op::min, false>();
    }
}

// Calls F<kOp>() for the unary op, the operation fixed at compile time.
template <typename F>
void with_unary(Op op, F&& f) {
    switch (op) {
        case Op::neg: f.template operator()<Op::neg>(); break;
        case Op::exp: f.template operator()<Op::exp>(); break;
        case Op::log: f.template operator()<Op::log>(); break;
        case Op::sin: f.template operator()<Op::sin>(); break;
        case Op::cos: f.template operator()<Op::cos>(); break;
        case Op::tanh: f.template operator()<Op::tanh>(); break;
        case Op::sigmoid: f.template operator()<Op::sigmoid>(); break;
        case Op::relu: f.template operator()<Op::relu>(); break;
        case Op::abs: f.template operator()<Op::abs>(); break;
        case Op::sqrt: f.template operator()<Op::sqrt>(); break;
        default: break;
    }
}

bool is_unary(Op op) {
    switch (op) {
        case Op::neg: case Op::exp: case Op::log: case Op::sin: case Op::cos:
        case Op::tanh: case Op::sigmoid: case Op::relu: case Op::abs: case Op::sqrt: return true;
        default: return false;
    }
}

}  // namespace

std::string FormulaError::message() const {
    return column > 0 ? reason + " at " + std::to_string(column) : reason;
}

std::optional<Formula> Formula::compile(std::string_view text, FormulaVars vars, FormulaError* error) {
    int characters = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
    Parser parser(text, vars);
    if (characters > kFormulaMaxLength) {
        parser.error = {"formula is " + std::to_string(characters) + " characters long, at most " +
                            std::to_string(kFormulaMaxLength),
                        0};
    } else if (std::optional<std::vector<Instr>> program = parser.parse()) {
        Formula f;
        f.program_ = std::move(*program);
        f.text_ = std::string(text);
        f.find_shortcut();
        return f;
    }
    if (error) *error = parser.error;
    return std::nullopt;
}

void Formula::find_shortcut() {
    // A negative number reaches the program as the number and a negation: fold those pairs
    // (rounding is symmetric, so T(-c) is -T(c)).
    std::vector<Instr> p;
    for (const Instr& in : program_) {
        if (in.op == Op::neg && !p.empty() && p.back().op == Op::number) p.back().value = -p.back().value;
        else p.push_back(in);
    }
    auto is_x = [](const Instr& i) { return i.op == Op::var && i.var == 0; };
    if (p.size() == 2 && is_x(p[0]) && is_unary(p[1].op)) {
        shortcut_ = {true, p[1].op, 0, false};
    } else if (p.size() == 3 && (p[2].op == Op::max || p[2].op == Op::min)) {
        if (p[0].op == Op::number && is_x(p[1])) shortcut_ = {true, p[2].op, p[0].value, true};
        else if (is_x(p[0]) && p[1].op == Op::number) shortcut_ = {true, p[2].op, p[1].value, false};
    }
}

bool Formula::uses_variables() const {
    return std::any_of(program_.begin(), program_.end(), [](const Instr& i) { return i.op == Op::var; });
}

template <typename T>
T Formula::eval(const T* vars) const {
    const T* lanes[2] = {&vars[0], &vars[0] + 1};  // x2 is read only by formulas that name it
    T out = 0;
    run_block<T, false>(program_, lanes, 1, &out, nullptr);
    return out;
}

template <typename T>
T Formula::eval_with_derivative(T x, T& derivative) const {
    const T* lanes[2] = {&x, &x};
    T out = 0;
    run_block<T, true>(program_, lanes, 1, &out, &derivative);
    return out;
}

template <typename T>
void Formula::forward(const T* Z, T* A, int n) const {
    if (shortcut_.active) {
        const Op op = shortcut_.op;
        if (op == Op::max || op == Op::min)
            with_extreme(op, shortcut_.number_first,
                         [&]<Op kOp, bool kFirst>() { extreme_forward<T, kOp, kFirst>(T(shortcut_.number), Z, A, n); });
        else
            with_unary(op, [&]<Op kOp>() { unary_forward<T, kOp>(Z, A, n); });
        return;
    }
    for (int start = 0; start < n; start += kChunk) {
        const int m = std::min(kChunk, n - start);
        const T* lanes[2] = {Z + start, Z + start};
        run_block<T, false>(program_, lanes, m, A + start, nullptr);
    }
}

template <typename T>
void Formula::backward(const T* Z, const T* dA, T* dZ, int n) const {
    if (shortcut_.active) {
        const Op op = shortcut_.op;
        if (op == Op::max || op == Op::min)
            with_extreme(op, shortcut_.number_first, [&]<Op kOp, bool kFirst>() {
                extreme_backward<T, kOp, kFirst>(T(shortcut_.number), Z, dA, dZ, n);
            });
        else
            with_unary(op, [&]<Op kOp>() { unary_backward<T, kOp>(Z, dA, dZ, n); });
        return;
    }
    T value[kChunk], slope[kChunk];
    for (int start = 0; start < n; start += kChunk) {
        const int m = std::min(kChunk, n - start);
        const T* lanes[2] = {Z + start, Z + start};
        run_block<T, true>(program_, lanes, m, value, slope);
        for (int i = 0; i < m; ++i) dZ[start + i] = dA[start + i] * slope[i];  // dZ = dA ⊙ f'(Z)
    }
}

std::string Formula::torch_code(const char* var) const {
    struct Piece {
        std::string code;
        bool tensor;  // holds the variable (a tensor), not a plain number
    };
    std::vector<Piece> stack;
    auto as_tensor = [](const Piece& p) { return p.tensor ? p.code : "torch.as_tensor(" + p.code + ")"; };
    for (const Instr& in : program_) {
        if (in.op == Op::number) {
            std::string number = format_double_shortest(in.value);
            if (number.find_first_of(".en") == std::string::npos) number += ".0";  // a float, not an int tensor
            stack.push_back({number, false});
            continue;
        }
        if (in.op == Op::var) {
            stack.push_back({in.var == 0 ? std::string(var) : std::string(var) + "2", true});
            continue;
        }
        const bool binary = in.op == Op::add || in.op == Op::sub || in.op == Op::mul || in.op == Op::div ||
                            in.op == Op::pow || in.op == Op::min || in.op == Op::max;
        if (binary) {
            Piece b = stack.back();
            stack.pop_back();
            Piece a = stack.back();
            stack.pop_back();
            const bool t = a.tensor || b.tensor;
            std::string code;
            switch (in.op) {
                case Op::add: code = "(" + a.code + " + " + b.code + ")"; break;
                case Op::sub: code = "(" + a.code + " - " + b.code + ")"; break;
                case Op::mul: code = "(" + a.code + " * " + b.code + ")"; break;
                case Op::div: code = "(" + a.code + " / " + b.code + ")"; break;
                case Op::pow: code = "(" + a.code + " ** " + b.code + ")"; break;
                case Op::min: code = "torch.minimum(" + as_tensor(a) + ", " + as_tensor(b) + ")"; break;
                case Op::max: code = "torch.maximum(" + as_tensor(a) + ", " + as_tensor(b) + ")"; break;
                default: break;
            }
            stack.push_back({code, t || in.op == Op::min || in.op == Op::max});
            continue;
        }
        Piece a = stack.back();
        stack.pop_back();
        const char* fn = "";
        switch (in.op) {
            case Op::neg: stack.push_back({"(-" + a.code + ")", a.tensor}); continue;
            case Op::exp: fn = "torch.exp"; break;
            case Op::log: fn = "torch.log"; break;
            case Op::sin: fn = "torch.sin"; break;
            case Op::cos: fn = "torch.cos"; break;
            case Op::tanh: fn = "torch.tanh"; break;
            case Op::sigmoid: fn = "torch.sigmoid"; break;
            case Op::relu: fn = "torch.relu"; break;
            case Op::abs: fn = "torch.abs"; break;
            case Op::sqrt: fn = "torch.sqrt"; break;
            default: break;
        }
        stack.push_back({std::string(fn) + "(" + as_tensor(a) + ")", true});
    }
    return stack.empty() ? std::string(var) : stack.back().code;
}

std::string formula_problem(std::string_view text, FormulaVars vars) {
    FormulaError error;
    if (Formula::compile(text, vars, &error)) return {};
    return error.message();
}

template float Formula::eval<float>(const float*) const;
template double Formula::eval<double>(const double*) const;
template float Formula::eval_with_derivative<float>(float, float&) const;
template double Formula::eval_with_derivative<double>(double, double&) const;
template void Formula::forward<float>(const float*, float*, int) const;
template void Formula::forward<double>(const double*, double*, int) const;
template void Formula::backward<float>(const float*, const float*, float*, int) const;
template void Formula::backward<double>(const double*, const double*, double*, int) const;

}  // namespace nnplay
