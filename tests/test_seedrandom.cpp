// test_seedrandom.cpp: TensorFlow Playground's generator (seedrandom 2.4.4's
// ARC4). Golden draws recorded from the npm package (Math.seedrandom(seed);
// Math.random()) for short, empty, long and non-ASCII seeds, and the UTF-16
// view of the seed it keys on. tests/tfp/seedrandom_check.mjs compares 3,000
// draws of many more seeds with the package itself, bit for bit.
#include "engine/tfp/seedrandom.h"

#include <doctest/doctest.h>

#include <string>

using namespace nnplay;

TEST_CASE("seedrandom: the first draws equal npm seedrandom 2.4.4's") {
    SeedRandom a("0.80725");
    CHECK(a.next() == 0.24448156844011010);
    CHECK(a.next() == 0.64057907790313862);
    CHECK(a.next() == 0.43091633497981557);
    for (int i = 3; i < 2000; ++i) a.next();
    CHECK(a.next() == 0.38897110514019589);  // the 2001st

    SeedRandom empty("");
    CHECK(empty.next() == 0.23144008215179881);
    CHECK(empty.next() == 0.27404636548159655);

    SeedRandom long_seed(std::string(300, 'z'));  // past 256 units: the key is smeared
    CHECK(long_seed.next() == 0.79652066875706629);

    SeedRandom unicode("日本🎲");  // charCodeAt: UTF-16 units, a surrogate pair for 🎲
    CHECK(unicode.next() == 0.71243633462072942);
}

TEST_CASE("seedrandom: draws lie in 0 to 1, 1 excluded, and the same seed repeats") {
    SeedRandom a("nnplay"), b("nnplay"), c("nnplay2");
    bool differs = false;
    for (int i = 0; i < 10000; ++i) {
        const double x = a.next();
        CHECK(x >= 0.0);
        CHECK(x < 1.0);
        CHECK(b.next() == x);
        differs = differs || c.next() != x;
    }
    CHECK(differs);
}

TEST_CASE("seedrandom: the seed's UTF-16 code units") {
    CHECK(utf16_units("abc") == u"abc");
    CHECK(utf16_units("é") == u"\u00e9");
    CHECK(utf16_units("🎲") == u"\U0001F3B2");  // a surrogate pair
    CHECK(utf16_units("\xff" "a") == u"\ufffda");  // an invalid byte: U+FFFD
    CHECK(utf16_units("\xe6\x97") == u"\ufffd\ufffd");  // a truncated sequence
}
