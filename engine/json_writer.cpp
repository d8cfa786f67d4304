// json_writer.cpp: JSON text out (json_writer.h). The string escaper validates UTF-8 itself
// (a lead byte, its continuation bytes, no overlong forms or surrogates), one bad byte at a time.
#include "engine/json_writer.h"

#include "engine/number_text.h"

#include <cmath>
#include <cstdint>

namespace nnplay {

namespace {

void append_ascii(std::string& out, unsigned char c) {
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
}

}  // namespace

std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0, min_cp = 0;  // overlong forms encode a code point below min_cp
    if ((c & 0xe0) == 0xc0) len = 2, cp = c & 0x1f, min_cp = 0x80;
    else if ((c & 0xf0) == 0xe0) len = 3, cp = c & 0x0f, min_cp = 0x800;
    else if ((c & 0xf8) == 0xf0) len = 4, cp = c & 0x07, min_cp = 0x10000;
    if (len == 0 || i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min_cp || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return len;
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            append_ascii(out, c);
            ++i;
        } else if (const std::size_t len = utf8_length(text, i)) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out += "\xef\xbf\xbd";  // U+FFFD, for one bad byte
            ++i;
        }
    }
    out += '"';
}

void append_json_number(std::string& out, float value) {
    out += std::isfinite(value) ? format_float_shortest(value) : "null";
}

void append_json_number(std::string& out, double value) {
    out += std::isfinite(value) ? format_double_shortest(value) : "null";
}

std::string& JsonLine::key(std::string_view key) {
    text_ += text_.size() == 1 ? "" : ",";
    append_json_string(text_, key);
    text_ += ':';
    return text_;
}

JsonLine& JsonLine::add(std::string_view k, double value) {
    append_json_number(key(k), value);
    return *this;
}

JsonLine& JsonLine::add(std::string_view k, float value) {
    append_json_number(key(k), value);
    return *this;
}

JsonLine& JsonLine::add(std::string_view k, int value) {
    key(k) += std::to_string(value);
    return *this;
}

JsonLine& JsonLine::add(std::string_view k, long long value) {
    key(k) += std::to_string(value);
    return *this;
}

JsonLine& JsonLine::add(std::string_view k, bool value) {
    key(k) += value ? "true" : "false";
    return *this;
}

JsonLine& JsonLine::add(std::string_view k, std::string_view value) {
    append_json_string(key(k), value);
    return *this;
}

JsonLine& JsonLine::add_json(std::string_view k, std::string_view json) {
    key(k) += json;
    return *this;
}

}  // namespace nnplay
