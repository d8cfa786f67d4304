// tfp/seedrandom.h: the random generator of TensorFlow Playground's page, David
// Bau's seedrandom 2.4.4 (the ARC4 generator behind Math.seedrandom(seed)),
// reimplemented so compat=tf draws exactly the numbers their page draws.
// Pure integer and double arithmetic: the same bits natively and in WASM.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nnplay {

class SeedRandom {
public:
    // Seeds as Math.seedrandom(seed) does with a string: the key is the
    // seed's UTF-16 code units (as JavaScript sees the string), each & 255;
    // past 256 code units they are mixed into the 256-byte key with
    // seedrandom's "smear". seed_utf8 is UTF-8 text; a byte that is not valid
    // UTF-8 counts as U+FFFD, as a browser's decoder would make it.
    explicit SeedRandom(std::string_view seed_utf8);

    // The next number in [0, 1), exactly as seedrandom's prng() computes it:
    // 6 bytes of RC4 output, then more bytes until 52 significant bits, the
    // surplus shifted out. Consumes at least 7 RC4 bytes.
    double next();

private:
    // The next `count` RC4 bytes as one big-endian number (count ≤ 6: exact).
    double bytes(int count);

    std::uint8_t s_[256];
    std::uint8_t i_ = 0, j_ = 0;
};

// The UTF-16 code units of UTF-8 text (invalid bytes become U+FFFD), as
// JavaScript's charCodeAt() would see the decoded string.
std::u16string utf16_units(std::string_view utf8);

}  // namespace nnplay
