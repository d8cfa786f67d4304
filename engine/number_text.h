// number_text.h: numbers as text, the one place nnplay turns floats and doubles into text
// and back (links, CSV, JSON, PyTorch scripts). Every function here ignores the C locale:
// a host program may call setlocale, and a link or file must not change with it.
#pragma once

#include <string>
#include <string_view>

namespace nnplay {

// Strict number syntax: [+-]digits[.digits][(e|E)[+-]digits] (digits on at least one side of
// the point), the whole text and nothing else. False, leaving out unchanged, for anything
// else ("inf", "nan", hex, blanks) or a value that overflows to ±inf in the target type.
// Underflow is no error: "1e-60" reads as a float 0.
bool parse_float_strict(std::string_view text, float& out);
bool parse_double_strict(std::string_view text, double& out);

// The shortest of %.6g .. %.9g that reads back as the same float, with '.' whatever the
// locale: 0.03f is "0.03", and every finite float survives a round trip.
std::string format_float_shortest(float value);

// The same for a double: the shortest of %.6g .. %.17g that reads back as the same double.
std::string format_double_shortest(double value);

// printf's %.<digits>g with '.' as the decimal point, whatever the locale.
std::string format_double_digits(double value, int digits);

}  // namespace nnplay
