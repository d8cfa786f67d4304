// rng.h: the one random generator of nnplay. A seed string (TensorFlow
// Playground writes seeds like "0.80725") is hashed into xoshiro256** state;
// uniform and normal draws are our own arithmetic, so native and WASM builds
// draw the same numbers (the standard library's distributions differ).
#pragma once

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

    std::uint64_t next_u64();
    double uniform();                   // [0, 1), 53 random bits
    double uniform(double a, double b); // [a, b)
    double normal(double mean, double sd);  // Marsaglia's polar method
    int below(int n);                   // integer in [0, n), n ≥ 1

private:
    std::uint64_t s_[4];
    std::uint64_t seed_hash_;
};

}  // namespace nnplay
