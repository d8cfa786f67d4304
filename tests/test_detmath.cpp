// test_detmath.cpp: det::exp, expm1, tanh, log, sin and cos against the C
// library over dense grids (the double versions to a few ulps, the float ones
// against the exact double result), plus the special cases the engine relies
// on: log(0) = −inf, log(<0) = NaN, tanh saturating to ±1, exp never inf.
#include "engine/detmath.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>

using namespace nnplay;

namespace {

// Largest relative error of f against g over `count + 1` evenly spaced x in
// [lo, hi]; where g(x) is smaller than `floor` in magnitude the error is
// taken relative to floor (an absolute error near zero crossings).
template <typename T, typename F, typename G>
double max_rel_error(F f, G g, double lo, double hi, int count, double floor = 1e-300) {
    double worst = 0;
    for (int i = 0; i <= count; ++i) {
        const T x = T(lo + (hi - lo) * double(i) / count);
        const double got = double(f(x));
        const double want = g(double(x));
        const double err = std::fabs(got - want) / std::fmax(std::fabs(want), floor);
        if (err > worst) worst = err;
    }
    return worst;
}

constexpr int kGrid = 100000;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Double: exp, log, sin and cos are within ~2 ulp (4e-16); expm1 and tanh
// take one more rounding (the e/(e + 2) division, or exp(x) − 1 above 0.35)
// and stay within ~4 ulp (8e-16). Float: within 2e-7 of the exact value
// (under 2 float ulps); expm1/tanh within 4e-7 for the same reason.
constexpr double kDouble = 4e-16, kDoubleTwoStep = 8e-16;
constexpr double kFloat = 2e-7, kFloatTwoStep = 4e-7;

auto dexp = [](double x) { return det::exp(x); };
auto dexpm1 = [](double x) { return det::expm1(x); };
auto dtanh = [](double x) { return det::tanh(x); };
auto dlog = [](double x) { return det::log(x); };
auto dsin = [](double x) { return det::sin(x); };
auto dcos = [](double x) { return det::cos(x); };
auto fexp = [](float x) { return det::exp(x); };
auto fexpm1 = [](float x) { return det::expm1(x); };
auto ftanh = [](float x) { return det::tanh(x); };
auto flog = [](float x) { return det::log(x); };
auto fsin = [](float x) { return det::sin(x); };
auto fcos = [](float x) { return det::cos(x); };
auto sexp = [](double x) { return std::exp(x); };
auto sexpm1 = [](double x) { return std::expm1(x); };
auto stanh = [](double x) { return std::tanh(x); };
auto slog = [](double x) { return std::log(x); };
auto ssin = [](double x) { return std::sin(x); };
auto scos = [](double x) { return std::cos(x); };

std::uint64_t bits_of(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

}  // namespace

TEST_CASE("detmath: double exp matches std::exp over its whole range") {
    CHECK(max_rel_error<double>(dexp, sexp, -20, 20, kGrid) < kDouble);
    CHECK(max_rel_error<double>(dexp, sexp, -708, 709, kGrid) < kDouble);
    CHECK(max_rel_error<double>(dexp, sexp, -1e-3, 1e-3, kGrid) < kDouble);
}

TEST_CASE("detmath: double expm1 matches std::expm1, including near 0") {
    CHECK(max_rel_error<double>(dexpm1, sexpm1, -1, 1, kGrid) < kDoubleTwoStep);
    CHECK(max_rel_error<double>(dexpm1, sexpm1, -40, 40, kGrid) < kDoubleTwoStep);
    // Where exp(x) − 1 would lose every digit.
    CHECK(max_rel_error<double>(dexpm1, sexpm1, -1e-6, 1e-6, kGrid, 1e-320) < kDouble);
    CHECK(det::expm1(1e-20) == 1e-20);
    CHECK(det::expm1(-1e-300) == -1e-300);
}

TEST_CASE("detmath: double tanh matches std::tanh") {
    CHECK(max_rel_error<double>(dtanh, stanh, -25, 25, kGrid) < kDoubleTwoStep);
    CHECK(max_rel_error<double>(dtanh, stanh, -0.01, 0.01, kGrid, 1e-320) < kDoubleTwoStep);
}

TEST_CASE("detmath: double log matches std::log from subnormals to the largest double") {
    // Near 1, where log crosses 0, the error is absolute.
    CHECK(max_rel_error<double>(dlog, slog, 0.5, 2, kGrid, 1.0) < kDouble);
    CHECK(max_rel_error<double>(dlog, slog, 1e-3, 1e3, kGrid, 1e-300) < kDouble);
    CHECK(max_rel_error<double>(dlog, slog, 1e-300, 1e300, kGrid, 1e-300) < kDouble);
    for (double x : {5e-324, 1e-310, 2.2250738585072014e-308, 1.7976931348623157e308}) {
        CAPTURE(x);
        CHECK(std::fabs(det::log(x) - std::log(x)) <= kDouble * std::fabs(std::log(x)));
    }
}

TEST_CASE("detmath: double sin and cos match std:: over many periods") {
    CHECK(max_rel_error<double>(dsin, ssin, -100, 100, kGrid, 1.0) < kDouble);
    CHECK(max_rel_error<double>(dcos, scos, -100, 100, kGrid, 1.0) < kDouble);
    CHECK(max_rel_error<double>(dsin, ssin, -1e5, 1e5, kGrid, 1.0) < kDouble);
    CHECK(max_rel_error<double>(dcos, scos, -1e5, 1e5, kGrid, 1.0) < kDouble);
    // Small angles relative to the value itself.
    CHECK(max_rel_error<double>(dsin, ssin, 1e-8, 0.5, kGrid) < kDouble);
}

TEST_CASE("detmath: float versions are within 2 float ulps of the exact value") {
    CHECK(max_rel_error<float>(fexp, sexp, -87, 88, kGrid) < kFloat);
    CHECK(max_rel_error<float>(fexp, sexp, -10, 10, kGrid) < kFloat);
    CHECK(max_rel_error<float>(fexpm1, sexpm1, -1, 1, kGrid, 1e-40) < kFloatTwoStep);
    CHECK(max_rel_error<float>(fexpm1, sexpm1, -20, 20, kGrid, 1e-40) < kFloatTwoStep);
    CHECK(max_rel_error<float>(ftanh, stanh, -12, 12, kGrid, 1e-40) < kFloatTwoStep);
    CHECK(max_rel_error<float>(ftanh, stanh, -0.1, 0.1, kGrid, 1e-40) < kFloatTwoStep);
    CHECK(max_rel_error<float>(flog, slog, 1e-3, 1e3, kGrid, 1e-30) < kFloat);
    CHECK(max_rel_error<float>(flog, slog, 1e-30, 1e30, kGrid, 1e-30) < kFloat);
    CHECK(max_rel_error<float>(fsin, ssin, -10, 10, kGrid, 1.0) < kFloat);
    CHECK(max_rel_error<float>(fcos, scos, -10, 10, kGrid, 1.0) < kFloat);
}

TEST_CASE("detmath: exact values at the obvious points") {
    CHECK(det::exp(0.0) == 1.0);
    CHECK(det::exp(0.0f) == 1.0f);
    CHECK(det::expm1(0.0) == 0.0);
    CHECK(det::tanh(0.0) == 0.0);
    CHECK(det::tanh(0.0f) == 0.0f);
    CHECK(det::log(1.0) == 0.0);
    CHECK(det::log(1.0f) == 0.0f);
    CHECK(det::log(2.0) == std::log(2.0));
    CHECK(det::sin(0.0) == 0.0);
    CHECK(det::cos(0.0) == 1.0);
    // Powers of two: log is e·ln2 with ln2 in two parts, correctly rounded here.
    CHECK(det::log(1024.0) == doctest::Approx(10 * std::log(2.0)).epsilon(1e-16));
}

TEST_CASE("detmath: log special cases") {
    CHECK(det::log(0.0) == -kInf);
    CHECK(det::log(-0.0) == -kInf);
    CHECK(det::log(0.0f) == -std::numeric_limits<float>::infinity());
    CHECK(std::isnan(det::log(-1.0)));
    CHECK(std::isnan(det::log(-1e-300)));
    CHECK(std::isnan(det::log(-1.0f)));
    CHECK(std::isnan(det::log(std::numeric_limits<double>::quiet_NaN())));
    CHECK(det::log(kInf) == kInf);
}

TEST_CASE("detmath: tanh saturates to exactly ±1 and is odd") {
    for (double x : {20.0, 20.5, 30.0, 1e3, 1e300}) {
        CAPTURE(x);
        CHECK(det::tanh(x) == 1.0);
        CHECK(det::tanh(-x) == -1.0);
    }
    for (float x : {9.0f, 9.5f, 20.0f, 1e30f}) {
        CAPTURE(x);
        CHECK(det::tanh(x) == 1.0f);
        CHECK(det::tanh(-x) == -1.0f);
    }
    CHECK(det::tanh(kInf) == 1.0);
    CHECK(det::tanh(-kInf) == -1.0);
    for (double x = 0.01; x < 25; x *= 1.7) {
        CAPTURE(x);
        CHECK(det::tanh(-x) == -det::tanh(x));
        CHECK(det::tanh(float(-x)) == -det::tanh(float(x)));
        CHECK(std::fabs(det::tanh(x)) <= 1.0);
    }
}

TEST_CASE("detmath: exp clamps instead of overflowing, and never returns inf or 0") {
    CHECK(det::exp(1000.0) == det::exp(709.0));
    CHECK(det::exp(1e300) == det::exp(709.0));
    CHECK(det::exp(-1000.0) == det::exp(-708.0));
    CHECK(det::exp(100.0f) == det::exp(88.0f));
    CHECK(det::exp(-100.0f) == det::exp(-87.0f));
    CHECK(det::exp(kInf) == det::exp(709.0));
    CHECK(det::exp(-kInf) == det::exp(-708.0));
    for (double x : {-1e308, -1e4, -745.0, -708.5, 708.5, 709.5, 710.0, 1e4, 1e308}) {
        CAPTURE(x);
        CHECK(std::isfinite(det::exp(x)));
        CHECK(det::exp(x) > 0);
        CHECK(std::isfinite(det::expm1(x)));
        CHECK(std::isfinite(det::tanh(x)));
        const float xf = float(std::fmax(std::fmin(x, 3e38), -3e38));
        CHECK(std::isfinite(det::exp(xf)));
        CHECK(det::exp(xf) > 0);
        CHECK(std::isfinite(det::expm1(xf)));
        CHECK(std::isfinite(det::tanh(xf)));
    }
    // The clamped ends are normal numbers (no subnormal slow paths downstream).
    CHECK(std::isnormal(det::exp(-708.0)));
    CHECK(std::isnormal(det::exp(-87.0f)));
    CHECK(det::expm1(-1000.0) == -1.0);
    CHECK(det::expm1(-100.0f) == -1.0f);
}

TEST_CASE("detmath: golden bits, so a change to any polynomial is noticed") {
    // Recorded from this implementation. exp(1) and tanh(0.5) are one ulp above
    // the correctly rounded values (…5769 and …8af3); the others are correctly rounded.
    CHECK(bits_of(det::exp(1.0)) == 0x4005bf0a8b14576aULL);
    CHECK(bits_of(det::log(10.0)) == 0x40026bb1bbb55516ULL);
    CHECK(bits_of(det::sin(1.0)) == 0x3feaed548f090ceeULL);
    CHECK(bits_of(det::cos(1.0)) == 0x3fe14a280fb5068cULL);
    CHECK(bits_of(det::tanh(0.5)) == 0x3fdd9353d7568af4ULL);
    CHECK(det::exp(1.0f) == 2.71828175f);
    CHECK(det::tanh(0.5f) == 0.462117195f);
}

// A formula can feed NaN, ±inf or huge values to these (fuzz_formula found `-x^-x^--22^...`):
// NaN and ±inf give NaN, huge finite angles a value in [−1, 1], and nothing casts them to an
// integer (UndefinedBehaviorSanitizer would stop the run).
TEST_CASE("detmath: NaN, infinities and huge values in, no integer cast of them") {
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    CHECK(std::isnan(det::exp(nan)));
    CHECK(std::isnan(det::exp(static_cast<float>(nan))));
    CHECK(std::isnan(det::expm1(nan)));
    CHECK(std::isnan(det::sin(nan)));
    CHECK(std::isnan(det::cos(inf)));
    CHECK(std::isnan(det::sin(-inf)));
    for (double x : {1e17, -3e20, 1e300}) {
        CHECK(std::fabs(det::sin(x)) <= 1);
        CHECK(std::fabs(det::cos(x)) <= 1);
    }
    CHECK(det::round_nearest(1e300) == 1e300);
    CHECK(std::isnan(det::round_nearest(nan)));
    CHECK(det::round_nearest(-2.5) == -3);  // ties away from zero, as before
}
