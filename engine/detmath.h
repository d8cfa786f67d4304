// detmath.h: exp, expm1, log, tanh, sin and cos written with + − × ÷ and sqrt
// only, so they give the same bits on every compiler and C library. The
// standard library's versions differ in the last bit between glibc (native)
// and musl (WebAssembly), and those bits grow during training; ours do not.
// Together with -ffp-contract=off this keeps native and WASM runs identical.
#pragma once

#include "engine/simd.h"

#include <cstdint>
#include <cstring>
#include <limits>

namespace nnplay::det {

// 2^k for an integer k in the normal range, built from the exponent bits
// (float and its vectors: simd::pow2).
inline double pow2(int k) {
    std::uint64_t bits = static_cast<std::uint64_t>(k + 1023) << 52;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

// Round to nearest integer without the C library (ties away from zero). NaN, ±inf and
// magnitudes from 2^52 up (already integers) come back as they are: no integer cast of them.
inline double round_nearest(double x) {
    if (!(x > -4503599627370496.0 && x < 4503599627370496.0)) return x;
    double t = static_cast<double>(static_cast<std::int64_t>(x >= 0 ? x + 0.5 : x - 0.5));
    return t;
}

// e^x in float: x = k·ln2 + r, |r| ≤ ln2/2, e^r by its Taylor series to r^7.
// Clamped to [−87, 88] so the result stays a normal float (never inf). k is
// kf rounded half away from zero: kf ± ½ (the sign of kf's), truncated. F is
// float or a float vector of simd.h, as for tanh_of.
template <typename F>
inline F exp_of(F x) {
    x = simd::max_of(x, -87.0f);
    x = simd::min_of(x, 88.0f);
    const F kf = x * 1.44269504f;
    const auto k = simd::to_int(kf + simd::with_sign_of(F{} + 0.5f, kf));
    const F k_float = simd::to_float(k);
    const F r = x - k_float * 0.693145752f - k_float * 1.42860677e-6f;
    const F p = 1.0f + r * (1.0f + r * (0.5f + r * (1.0f / 6 + r * (1.0f / 24 + r * (1.0f / 120 +
                       r * (1.0f / 720 + r * (1.0f / 5040)))))));
    return p * simd::pow2(k);
}
inline float exp(float x) { return exp_of(x); }

// e^x in double, Taylor series to r^13 after the same reduction; clamped to
// [−708, 709].
inline double exp(double x) {
    if (x != x) return x;  // NaN: no integer cast of it below
    x = x < -708.0 ? -708.0 : (x > 709.0 ? 709.0 : x);
    double k = round_nearest(x * 1.4426950408889634);
    double r = x - k * 6.93147180369123816490e-01 - k * 1.90821492927058770002e-10;
    double p = 1.0 / 6227020800.0;  // 1/13!
    const double inv_fact[] = {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                               1.0 / 362880.0,    1.0 / 40320.0,    1.0 / 5040.0,
                               1.0 / 720.0,       1.0 / 120.0,      1.0 / 24.0,
                               1.0 / 6.0,         0.5,              1.0,
                               1.0};
    for (double c : inv_fact) p = p * r + c;
    return p * pow2(static_cast<int>(k));
}

// e^x − 1, accurate near 0 (where exp(x) − 1 would cancel). Both candidates
// are computed and then one is picked, with no branch, so loops vectorise.
inline float expm1(float x) {
    float a = x < 0 ? -x : x;
    float small = x * (1.0f + x * (0.5f + x * (1.0f / 6 + x * (1.0f / 24 + x * (1.0f / 120 +
                       x * (1.0f / 720 + x * (1.0f / 5040)))))));
    float big = exp(x) - 1.0f;
    return a < 0.35f ? small : big;
}
inline double expm1(double x) {
    double a = x < 0 ? -x : x;
    if (a >= 0.35) return exp(x) - 1.0;
    double p = 1.0 / 87178291200.0;  // 1/14!
    const double inv_fact[] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0,
                               1.0 / 3628800.0,    1.0 / 362880.0,    1.0 / 40320.0,
                               1.0 / 5040.0,       1.0 / 720.0,       1.0 / 120.0,
                               1.0 / 24.0,         1.0 / 6.0,         0.5,
                               1.0};
    for (double c : inv_fact) p = p * x + c;
    return p * x;
}

// tanh in float: x·P(x²)/Q(x²), a rational function fitted to tanh(x)/x on
// [0, 9] by scripts/fit_tanh.py (Lawson-weighted least squares for relative
// error: 5.9e-8 in exact arithmetic, at most 3.6e-7 as evaluated in float),
// clamped to ±1 (it reaches exactly 1 at 9). Degrees 5 and 3 in x²: one
// division, no exp, and 20 % faster in WASM than the degrees 6 and 3 we had,
// at the same accuracy in float; every activation of every network passes
// through it. F is float or a float vector of simd.h: the SIMD kernels run
// these very operations lane by lane, so they give the scalar's bits. |x| and
// the sign go through the sign bit (−0 stays −0, as with compares), the clamps
// through simd::min_of.
template <typename F>
inline F tanh_of(F x) {
    const F a = simd::min_of(simd::abs_bits(x), 9.0f);
    const F t = a * a;
    F p = t * 1.8254914136787974e-11f;
    p = p + -1.2780301939538007e-08f;
    p = p * t + 9.267371470621585e-06f;
    p = p * t + 0.002920756138026288f;
    p = p * t + 0.1291922302505979f;
    p = p * t + 0.999999941164498f;
    F q = t * 0.00022809942954454072f;
    q = q + 0.023763144985205077f;
    q = q * t + 0.46252506873668897f;
    q = q * t + 1.0f;
    const F r = simd::min_of(a * p / q, 1.0f);  // +0 ≤ r ≤ 1, or NaN
    return simd::or_sign_of(r, x);
}
inline float tanh(float x) { return tanh_of(x); }

// tanh x = e / (e + 2) with e = expm1(2|x|), sign restored; ±1 beyond |x| = 20.
inline double tanh(double x) {
    double a = x < 0 ? -x : x;
    if (a > 20.0) return x < 0 ? -1.0 : 1.0;
    double e = expm1(2.0 * a);
    double t = e / (e + 2.0);
    return x < 0 ? -t : t;
}

// Natural log in double: x = m·2^e with m in [√½, √2), log m = 2·atanh(s),
// s = (m − 1)/(m + 1), |s| ≤ 0.172, series to s^23. log(0) = −inf, log(<0) = NaN.
inline double log(double x) {
    if (!(x > 0))
        return x == 0 ? -std::numeric_limits<double>::infinity()
                      : std::numeric_limits<double>::quiet_NaN();
    if (x > std::numeric_limits<double>::max()) return x;  // +inf
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    int e = static_cast<int>((bits >> 52) & 0x7ff);
    if (e == 0) {  // subnormal: scale into the normal range first
        x *= 18014398509481984.0;  // 2^54
        std::memcpy(&bits, &x, sizeof bits);
        e = static_cast<int>((bits >> 52) & 0x7ff) - 54;
    }
    e -= 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;  // m in [1, 2)
    double m;
    std::memcpy(&m, &bits, sizeof m);
    if (m > 1.4142135623730951) {
        m *= 0.5;
        e += 1;
    }
    double s = (m - 1.0) / (m + 1.0);
    double s2 = s * s;
    double p = 1.0 / 23;
    for (int n = 21; n >= 1; n -= 2) p = p * s2 + 1.0 / n;
    return static_cast<double>(e) * 6.93147180369123816490e-01 +
           (2.0 * s * p + static_cast<double>(e) * 1.90821492927058770002e-10);
}
inline float log(float x) { return static_cast<float>(log(static_cast<double>(x))); }

// sin and cos in double: reduce by π/2 in two parts (exact for |x| < 1e5,
// far beyond any angle here), then Taylor series on |r| ≤ π/4.
namespace detail {
// sin r = r·Σ (−1)^k r^2k/(2k+1)!, to r^19.
inline double sin_poly(double r) {
    const double c[] = {1.0 / 355687428096000.0, -1.0 / 1307674368000.0, 1.0 / 6227020800.0,
                        -1.0 / 39916800.0,       1.0 / 362880.0,         -1.0 / 5040.0,
                        1.0 / 120.0,             -1.0 / 6.0,             1.0};
    double r2 = r * r;
    double p = -1.0 / 121645100408832000.0;
    for (double k : c) p = p * r2 + k;
    return p * r;
}
// cos r = Σ (−1)^k r^2k/(2k)!, to r^18.
inline double cos_poly(double r) {
    const double c[] = {1.0 / 20922789888000.0, -1.0 / 87178291200.0, 1.0 / 479001600.0,
                        -1.0 / 3628800.0,       1.0 / 40320.0,        -1.0 / 720.0,
                        1.0 / 24.0,             -0.5,                 1.0};
    double r2 = r * r;
    double p = -1.0 / 6402373705728000.0;
    for (double k : c) p = p * r2 + k;
    return p;
}
// Returns r and the quadrant q (0..3) with x = q·π/2 + r.
inline double reduce_half_pi(double x, int& q) {
    double k = round_nearest(x * 0.63661977236758134308);
    double r = x - k * 1.57079632673412561417e+00;  // π/2's first 33 bits: k·hi is exact
    r = r - k * 6.07710050650619224932e-11;         // the rest of π/2
    if (!(k > -4503599627370496.0 && k < 4503599627370496.0)) {
        q = 0;  // ±inf or NaN (r is NaN), or so large that no digit of r is left
        return k == k && k - k == 0 ? 0.0 : x - x;
    }
    long long ki = static_cast<long long>(k);
    q = static_cast<int>(((ki % 4) + 4) % 4);
    return r;
}
}  // namespace detail

inline double sin(double x) {
    int q;
    double r = detail::reduce_half_pi(x, q);
    switch (q) {
        case 0: return detail::sin_poly(r);
        case 1: return detail::cos_poly(r);
        case 2: return -detail::sin_poly(r);
        default: return -detail::cos_poly(r);
    }
}
inline double cos(double x) {
    int q;
    double r = detail::reduce_half_pi(x, q);
    switch (q) {
        case 0: return detail::cos_poly(r);
        case 1: return -detail::sin_poly(r);
        case 2: return -detail::cos_poly(r);
        default: return detail::sin_poly(r);
    }
}
inline float sin(float x) { return static_cast<float>(sin(static_cast<double>(x))); }
inline float cos(float x) { return static_cast<float>(cos(static_cast<double>(x))); }

}  // namespace nnplay::det
