// rng.cpp: xoshiro256** (Blackman and Vigna) seeded through splitmix64 from an
// FNV-1a hash of the seed string.
#include "engine/rng.h"

#include "engine/detmath.h"

#include <cmath>

namespace nnplay {

namespace {

std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 0xcbf29ce484222325ULL) {
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

}  // namespace

Rng::Rng(std::string_view seed) : seed_hash_(fnv1a(seed)) {
    std::uint64_t x = seed_hash_;
    for (auto& s : s_) s = splitmix64(x);
}

Rng Rng::derive(std::string_view purpose) const {
    Rng r("");
    r.seed_hash_ = fnv1a(purpose, seed_hash_ ^ 0x6a09e667f3bcc909ULL);
    std::uint64_t x = r.seed_hash_;
    for (auto& s : r.s_) s = splitmix64(x);
    return r;
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Rng::uniform(double a, double b) { return a + (b - a) * uniform(); }

double Rng::normal(double mean, double sd) {
    double v1, v2, s;
    do {
        v1 = 2 * uniform() - 1;
        v2 = 2 * uniform() - 1;
        s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    return mean + sd * v1 * std::sqrt(-2 * det::log(s) / s);  // sqrt is exact in IEEE
}

}  // namespace nnplay
