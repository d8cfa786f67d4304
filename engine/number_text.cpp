// number_text.cpp: locale-free number text (number_text.h). printf and strtod follow
// LC_NUMERIC, so the decimal point is swapped to and from '.' here, once. (std::to_chars and
// std::from_chars for floating point would avoid this, but the libc++ of the Emscripten we
// build with has neither.)
#include "engine/number_text.h"

#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace nnplay {

namespace {

char locale_decimal_point() {
    const char* point = std::localeconv()->decimal_point;
    return point && point[0] ? point[0] : '.';
}

// Whether text is [+-]digits[.digits][(e|E)[+-]digits] exactly.
bool strict_syntax(std::string_view text) {
    std::size_t i = 0, n = text.size(), digits = 0;
    auto is_digit = [&](std::size_t k) { return k < n && text[k] >= '0' && text[k] <= '9'; };
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    while (is_digit(i)) ++i, ++digits;
    if (i < n && text[i] == '.') {
        ++i;
        while (is_digit(i)) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (is_digit(i)) ++i, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    return i == n;
}

// The text as the C library reads it in the current locale: '.' swapped for its point.
std::string for_strtod(std::string_view text) {
    std::string buf(text);
    if (const char point = locale_decimal_point(); point != '.') std::replace(buf.begin(), buf.end(), '.', point);
    return buf;
}

// Reads text of strict syntax with strtof or strtod; false when the value overflows.
template <typename T>
bool parse_strict(std::string_view text, T& out) {
    if (!strict_syntax(text)) return false;
    const std::string buf = for_strtod(text);
    char* end = nullptr;
    T value = 0;
    if constexpr (sizeof(T) == sizeof(float)) value = std::strtof(buf.c_str(), &end);
    else value = std::strtod(buf.c_str(), &end);
    // Overflow gives ±inf: like "inf" itself, not a number a user meant.
    if (end != buf.c_str() + buf.size() || !std::isfinite(value)) return false;
    out = value;
    return true;
}

// The fewest %g digits from 6 up that read back as the same T; max_digits always does.
template <typename T>
std::string format_shortest(T value, int max_digits) {
    std::string text;
    for (int digits = 6; digits <= max_digits; ++digits) {
        text = format_double_digits(double(value), digits);
        T back = 0;
        if (parse_strict(text, back) && back == value) break;
    }
    return text;
}

}  // namespace

bool parse_float_strict(std::string_view text, float& out) { return parse_strict(text, out); }

bool parse_double_strict(std::string_view text, double& out) { return parse_strict(text, out); }

std::string format_double_digits(double value, int digits) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    std::string text = buf;
    if (const char point = locale_decimal_point(); point != '.') std::replace(text.begin(), text.end(), point, '.');
    return text;
}

std::string format_float_shortest(float value) { return format_shortest(value, 9); }

std::string format_double_shortest(double value) { return format_shortest(value, 17); }

}  // namespace nnplay
