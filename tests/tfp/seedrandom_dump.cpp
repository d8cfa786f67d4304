// seedrandom_dump.cpp: a test helper for tests/tfp/seedrandom_check.mjs. Reads
// lines "HEX COUNT" from stdin (HEX: the seed's UTF-8 bytes in hex, so any seed
// survives the pipe) and prints, per line, COUNT draws of SeedRandom(seed) as
// the 16 hex digits of each double's bits, to compare bit for bit with npm's
// seedrandom 2.4.4.
#include "engine/tfp/seedrandom.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

int main() {
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string hex;
        long count = 0;
        in >> hex >> count;
        if (hex == "-") hex.clear();  // the empty seed
        std::string seed;
        for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
            seed += char(std::stoi(hex.substr(i, 2), nullptr, 16));
        nnplay::SeedRandom rng(seed);
        std::string out;
        char buf[24];
        for (long k = 0; k < count; ++k) {
            const double d = rng.next();
            std::uint64_t bits;
            std::memcpy(&bits, &d, sizeof bits);
            std::snprintf(buf, sizeof buf, k ? " %016llx" : "%016llx", (unsigned long long)bits);
            out += buf;
        }
        std::printf("%s\n", out.c_str());
    }
    return 0;
}
