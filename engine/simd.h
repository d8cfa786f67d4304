// simd.h: the float vector types of the kernels (GCC/Clang vector extensions:
// SSE/AVX natively, f32x4 in WASM) and the few operations whose WASM lowering
// matters. Clang turns `a > c ? c : a` into f32x4.min, which V8 expands into a
// long NaN-and-zero-handling sequence; WASM's pmin is exactly that select, one
// instruction. Every helper computes the same bits as its scalar twin.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace nnplay::simd {

typedef float Vec4 __attribute__((vector_size(16)));
typedef float Vec8 __attribute__((vector_size(32)));
typedef std::int32_t Int4 __attribute__((vector_size(16)));
typedef std::int32_t Int8 __attribute__((vector_size(32)));

template <typename V>
inline V load(const float* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
template <typename V>
inline void store(float* p, V v) {
    std::memcpy(p, &v, sizeof v);
}

// `a > c ? c : a`: a clamped from above (NaN stays NaN), as scalar code writes it.
inline float min_of(float a, float c) { return a > c ? c : a; }
inline Vec4 min_of(Vec4 a, float c) {
#ifdef __wasm_simd128__
    return Vec4(wasm_f32x4_pmin(v128_t(a), wasm_f32x4_splat(c)));  // c < a ? c : a
#else
    return a > c ? Vec4{} + c : a;
#endif
}
inline Vec8 min_of(Vec8 a, float c) {
#ifdef __wasm_simd128__
    const Vec4 lo = min_of(Vec4(__builtin_shufflevector(a, a, 0, 1, 2, 3)), c);
    const Vec4 hi = min_of(Vec4(__builtin_shufflevector(a, a, 4, 5, 6, 7)), c);
    return __builtin_shufflevector(lo, hi, 0, 1, 2, 3, 4, 5, 6, 7);
#else
    return a > c ? Vec8{} + c : a;
#endif
}

// `a < c ? c : a`: a clamped from below (NaN stays NaN).
inline float max_of(float a, float c) { return a < c ? c : a; }
inline Vec4 max_of(Vec4 a, float c) {
#ifdef __wasm_simd128__
    return Vec4(wasm_f32x4_pmax(v128_t(a), wasm_f32x4_splat(c)));  // a < c ? c : a
#else
    return a < c ? Vec4{} + c : a;
#endif
}
inline Vec8 max_of(Vec8 a, float c) {
#ifdef __wasm_simd128__
    const Vec4 lo = max_of(Vec4(__builtin_shufflevector(a, a, 0, 1, 2, 3)), c);
    const Vec4 hi = max_of(Vec4(__builtin_shufflevector(a, a, 4, 5, 6, 7)), c);
    return __builtin_shufflevector(lo, hi, 0, 1, 2, 3, 4, 5, 6, 7);
#else
    return a < c ? Vec8{} + c : a;
#endif
}

// Conversions lane by lane: float → int rounds toward zero (as static_cast
// does, for values in int's range), int → float, and 2^k for k in the normal
// range from the exponent bits.
inline int to_int(float f) { return f == f ? static_cast<int>(f) : 0; }  // NaN: 0 (a cast is UB)
inline Int4 to_int(Vec4 f) { return __builtin_convertvector(f, Int4); }
inline Int8 to_int(Vec8 f) { return __builtin_convertvector(f, Int8); }
inline float to_float(int k) { return static_cast<float>(k); }
inline Vec4 to_float(Int4 k) { return __builtin_convertvector(k, Vec4); }
inline Vec8 to_float(Int8 k) { return __builtin_convertvector(k, Vec8); }
inline float pow2(int k) {
    const std::uint32_t bits = static_cast<std::uint32_t>(k + 127) << 23;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}
inline Vec4 pow2(Int4 k) { return Vec4((k + 127) << 23); }
inline Vec8 pow2(Int8 k) { return Vec8((k + 127) << 23); }

// |a| by clearing the sign bit, and r with the sign bit of x: the bits of
// `a < 0 ? -a : a` and `x < 0 ? -r : r` for every non-NaN a and x ≥ 0 or < 0
// (−0 keeps its sign in both, see det::tanh), without compare and select.
inline float abs_bits(float a) {
    std::uint32_t u;
    std::memcpy(&u, &a, sizeof u);
    u &= 0x7fffffffu;
    std::memcpy(&a, &u, sizeof a);
    return a;
}
inline float with_sign_of(float r, float x) {
    std::uint32_t ur, ux;
    std::memcpy(&ur, &r, sizeof ur);
    std::memcpy(&ux, &x, sizeof ux);
    ur = (ur & 0x7fffffffu) | (ux & 0x80000000u);
    std::memcpy(&r, &ur, sizeof r);
    return r;
}
// r with x's sign bit ORed in: with_sign_of for an r whose sign bit is clear
// (r ≥ +0), one operation fewer.
inline float or_sign_of(float r, float x) {
    std::uint32_t ur, ux;
    std::memcpy(&ur, &r, sizeof ur);
    std::memcpy(&ux, &x, sizeof ux);
    ur |= ux & 0x80000000u;
    std::memcpy(&r, &ur, sizeof r);
    return r;
}
template <typename V, typename I = std::conditional_t<sizeof(V) == 16, Int4, Int8>>
inline V abs_bits(V a) {
    return V(I(a) & 0x7fffffff);
}
template <typename V, typename I = std::conditional_t<sizeof(V) == 16, Int4, Int8>>
inline V with_sign_of(V r, V x) {
    return V((I(r) & 0x7fffffff) | (I(x) & std::int32_t(0x80000000u)));
}
template <typename V, typename I = std::conditional_t<sizeof(V) == 16, Int4, Int8>>
inline V or_sign_of(V r, V x) {
    return V(I(r) | (I(x) & std::int32_t(0x80000000u)));
}

}  // namespace nnplay::simd
