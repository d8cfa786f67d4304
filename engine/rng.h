// rng.h: the one random generator of nnplay. A seed string (TensorFlow
// Playground writes seeds like "0.80725") is hashed into xoshiro256** state;
// uniform and normal draws are our own arithmetic, so native and WASM builds
// draw the same numbers (the standard library's distributions differ).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace nnplay {

class Rng {
public:
    // Seeds from any string: the same string always gives the same stream.
    explicit Rng(std::string_view seed);

    // An independent stream for one purpose ("data", "init", "shuffle"...), so
    // that, e.g., changing the network does not change the data.
    Rng derive(std::string_view purpose) const;

    // Inline (as below()): the training loop shuffles with one call per example,
    // and out of line each call reloads and stores the state.
    std::uint64_t next_u64() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    double uniform();                   // [0, 1), 53 random bits
    double uniform(double a, double b); // [a, b)
    double normal(double mean, double sd);  // Marsaglia's polar method
    // An integer in [0, n), n ≥ 1: multiply-shift on the top 32 bits (the bias,
    // n in 2^32, does not matter here).
    int below(int n) {
        return static_cast<int>(((next_u64() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

    // The stream's position, to save a run and go on exactly where it was.
    std::array<std::uint64_t, 4> position() const { return {s_[0], s_[1], s_[2], s_[3]}; }
    void set_position(const std::array<std::uint64_t, 4>& p) {
        for (int i = 0; i < 4; ++i) s_[i] = p[std::size_t(i)];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t s_[4];
    std::uint64_t seed_hash_;
};

}  // namespace nnplay
