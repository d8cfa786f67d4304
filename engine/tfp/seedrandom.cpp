// tfp/seedrandom.cpp: ARC4 key scheduling, RC4-drop[256] and the 52-bit draw of
// seedrandom 2.4.4, step for step. Every double operation below is one that
// seedrandom does on a JavaScript number, in the same order, so results agree
// to the bit (checked against the npm package by tests/tfp/seedrandom_check.mjs).
#include "engine/tfp/seedrandom.h"

#include <vector>

namespace nnplay {

std::u16string utf16_units(std::string_view utf8) {
    std::u16string out;
    std::size_t i = 0, n = utf8.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(utf8[i]);
        std::uint32_t cp = 0xfffd;
        std::size_t len = 1;
        if (c < 0x80) {
            cp = c;
        } else {
            std::size_t want = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
            std::uint32_t v = want == 2 ? c & 0x1f : want == 3 ? c & 0x0f : c & 0x07;
            const std::uint32_t min = want == 2 ? 0x80 : want == 3 ? 0x800 : 0x10000;
            bool ok = want > 0 && i + want <= n;
            for (std::size_t k = 1; ok && k < want; ++k) {
                auto cc = static_cast<unsigned char>(utf8[i + k]);
                ok = (cc & 0xc0) == 0x80;
                v = (v << 6) | (cc & 0x3f);
            }
            if (ok && v >= min && v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff)) {
                cp = v;
                len = want;
            }
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out += char16_t(0xd800 + (cp >> 10));
            out += char16_t(0xdc00 + (cp & 0x3ff));
        } else {
            out += char16_t(cp);
        }
        i += len;
    }
    return out;
}

SeedRandom::SeedRandom(std::string_view seed_utf8) {
    // mixkey(): key[j & 255] = 255 & ((smear ^= key[j & 255] * 19) + code unit).
    // While a key slot is still unset, key·19 is NaN in JavaScript and the XOR
    // leaves smear unchanged (0), so up to 256 units the key is just units & 255.
    const std::u16string units = utf16_units(seed_utf8);
    std::vector<int> key;
    std::int32_t smear = 0;
    for (std::size_t j = 0; j < units.size(); ++j) {
        const std::size_t slot = j & 255;
        if (slot < key.size()) smear ^= key[slot] * 19;
        const int value = 255 & (smear + int(units[j]));
        if (slot < key.size()) key[slot] = value;
        else key.push_back(value);
    }
    if (key.empty()) key.push_back(0);  // ARC4 treats the empty key as [0]

    // ARC4 key scheduling.
    for (int k = 0; k < 256; ++k) s_[k] = std::uint8_t(k);
    std::uint8_t j = 0;
    for (int k = 0; k < 256; ++k) {
        const std::uint8_t t = s_[k];
        j = std::uint8_t(j + key[std::size_t(k) % key.size()] + t);
        s_[k] = s_[j];
        s_[j] = t;
    }
    i_ = j_ = 0;
    // RC4-drop[256]: seedrandom discards the first 256 bytes (g(256)).
    for (int k = 0; k < 256; ++k) bytes(1);
}

double SeedRandom::bytes(int count) {
    double r = 0;
    while (count--) {
        i_ = std::uint8_t(i_ + 1);
        const std::uint8_t t = s_[i_];
        j_ = std::uint8_t(j_ + t);
        s_[i_] = s_[j_];
        s_[j_] = t;
        r = r * 256 + s_[std::uint8_t(s_[i_] + t)];
    }
    return r;
}

double SeedRandom::next() {
    constexpr double significance = 4503599627370496.0;  // 2^52
    constexpr double overflow = 2 * significance;         // 2^53
    double n = bytes(6);           // numerator < 2^48
    double d = 281474976710656.0;  // 2^48
    double x = 0;                  // the extra last byte
    while (n < significance) {
        n = (n + x) * 256;
        d *= 256;
        x = bytes(1);
    }
    while (n >= overflow) {
        n /= 2;
        d /= 2;
        x = double(static_cast<std::uint32_t>(x) >> 1);  // x >>>= 1
    }
    return (n + x) / d;
}

}  // namespace nnplay
