// json.h: a tiny writer for one-line JSON objects, the CLI's --json output.
// Numbers are written shortest-round-trip and locale-free; NaN and ±inf, which
// JSON cannot spell, become null; strings are escaped and kept valid UTF-8.
#pragma once

#include <cmath>
#include <concepts>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <string_view>

namespace nnplay::cli {

// Appends text as a quoted JSON string: quotes, backslashes and control
// characters escaped; bytes that are not valid UTF-8 replaced by U+FFFD, so a
// percent-decoded seed or message can never make a line unparsable.
inline void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t i = 0, n = text.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        static constexpr char hex[] = "0123456789abcdef";
                        out += "\\u00";
                        out += hex[c >> 4];
                        out += hex[c & 15];
                    } else {
                        out += char(c);
                    }
            }
            ++i;
            continue;
        }
        // A multi-byte sequence: lead byte gives the length and the smallest
        // code point it may encode (overlong forms are invalid).
        std::size_t len = 0;
        std::uint32_t cp = 0, min_cp = 0;
        if ((c & 0xe0) == 0xc0) len = 2, cp = c & 0x1f, min_cp = 0x80;
        else if ((c & 0xf0) == 0xe0) len = 3, cp = c & 0x0f, min_cp = 0x800;
        else if ((c & 0xf8) == 0xf0) len = 4, cp = c & 0x07, min_cp = 0x10000;
        bool valid = len > 0 && i + len <= n;
        for (std::size_t k = 1; valid && k < len; ++k) {
            auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xc0) != 0x80) valid = false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        valid = valid && cp >= min_cp && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
        if (valid) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out += "\xef\xbf\xbd";  // U+FFFD, for one bad byte
            ++i;
        }
    }
    out += '"';
}

// Appends a number, or null for NaN and ±inf: the shortest text that reads back
// as the same value of T, so a float 0.03f is written 0.03, not 0.0299999993.
template <std::floating_point T>
inline void append_json_number(std::string& out, T value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    // std::to_chars for floating point is missing from Emscripten 3.1.6's libc++,
    // so: the fewest %g digits that read back equal (the CLI runs in the C locale).
    char buf[40];
    const int max_digits = std::is_same_v<T, float> ? 9 : 17;
    for (int digits = 6; digits <= max_digits; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, double(value));
        if (T(std::strtod(buf, nullptr)) == value) break;
    }
    out += buf;
}

// Builds one object, key by key, in the order added:
//   JsonLine j; j.add("epoch", 3).add("loss", 0.25); std::puts(j.str().c_str());
class JsonLine {
public:
    JsonLine& add(std::string_view key, double value) {
        append_json_number(key_(key), value);
        return *this;
    }
    JsonLine& add(std::string_view key, float value) {
        append_json_number(key_(key), value);
        return *this;
    }
    JsonLine& add(std::string_view key, int value) {
        key_(key) += std::to_string(value);
        return *this;
    }
    JsonLine& add(std::string_view key, long long value) {
        key_(key) += std::to_string(value);
        return *this;
    }
    JsonLine& add(std::string_view key, bool value) {
        key_(key) += value ? "true" : "false";
        return *this;
    }
    JsonLine& add(std::string_view key, std::string_view value) {
        append_json_string(key_(key), value);
        return *this;
    }
    JsonLine& add(std::string_view key, const char* value) {
        return add(key, std::string_view(value));
    }

    // The object so far, closed: "{...}" without a newline.
    std::string str() const { return text_ + "}"; }

private:
    std::string& key_(std::string_view key) {
        text_ += text_.size() == 1 ? "" : ",";
        append_json_string(text_, key);
        text_ += ':';
        return text_;
    }

    std::string text_ = "{";
};

}  // namespace nnplay::cli
