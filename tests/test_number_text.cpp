// test_number_text.cpp: the one number formatter (engine/number_text.h): the strict syntax
// that links, CSV and JSON share, and shortest round-trip text for floats and doubles.
#include "engine/number_text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace nnplay;

TEST_CASE("number_text: parse_float_strict takes the strict syntax and nothing else") {
    float v = 7;
    CHECK(parse_float_strict("-2.5e-1", v));
    CHECK(v == -0.25f);
    CHECK(parse_float_strict("+3.", v));
    CHECK(v == 3.0f);
    CHECK(parse_float_strict(".5E+1", v));
    CHECK(v == 5.0f);
    CHECK(parse_float_strict("1e-60", v));  // underflow is no error
    CHECK(v == 0.0f);
    for (const char* bad : {"", " 1", "1 ", "inf", "nan", "0x10", "1e", "1e39", ".", "+", "1,5", "--1", "1e+"}) {
        CAPTURE(bad);
        v = 7;
        CHECK_FALSE(parse_float_strict(bad, v));
        CHECK(v == 7);
    }
}

TEST_CASE("number_text: parse_double_strict reads doubles, refusing only what overflows a double") {
    double d = 7;
    CHECK(parse_double_strict("1e39", d));  // too large for a float, not for a double
    CHECK(d == 1e39);
    CHECK(parse_double_strict("0.1", d));
    CHECK(d == 0.1);
    CHECK_FALSE(parse_double_strict("1e309", d));
    CHECK_FALSE(parse_double_strict("-1e400", d));
    CHECK_FALSE(parse_double_strict("1 ", d));
    CHECK(d == 0.1);
}

TEST_CASE("number_text: format_float_shortest is the fewest digits that read back") {
    CHECK(format_float_shortest(0.03f) == "0.03");
    CHECK(format_float_shortest(1.0f / 3) == "0.33333334");
    CHECK(format_float_shortest(-5.5f) == "-5.5");
    CHECK(format_float_shortest(1e-8f) == "1e-08");
    CHECK(format_float_shortest(std::numeric_limits<float>::infinity()) == "inf");
    float v = 0;
    for (float f : {0.1f, -5.5f, 1e-8f, 3.4e38f, 1.17549435e-38f, 16777217.0f, 0.0f, -0.0f}) {
        CAPTURE(f);
        CHECK(parse_float_strict(format_float_shortest(f), v));
        CHECK(v == f);
    }
}

TEST_CASE("number_text: format_double_shortest round-trips doubles in 6 to 17 digits") {
    CHECK(format_double_shortest(0.1) == "0.1");
    CHECK(format_double_shortest(0.25) == "0.25");
    CHECK(format_double_shortest(1.0 / 3) == "0.3333333333333333");
    CHECK(format_double_shortest(double(0.03f)) == "0.029999999329447746");
    double d = 0;
    for (double x : {0.1, 1e-300, 1.7976931348623157e308, -2.5, 123456789.125}) {
        CAPTURE(x);
        CHECK(parse_double_strict(format_double_shortest(x), d));
        CHECK(d == x);
    }
}

TEST_CASE("number_text: format_double_digits is printf's %g with a '.' point") {
    CHECK(format_double_digits(0.1, 17) == "0.10000000000000001");
    CHECK(format_double_digits(1234567.0, 3) == "1.23e+06");
    CHECK(format_double_digits(2.0, 6) == "2");
}
