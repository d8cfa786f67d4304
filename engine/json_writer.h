// json_writer.h: the one JSON writer of nnplay: strings escaped and kept valid UTF-8, numbers
// in shortest round-trip form (null for NaN and ±inf, which JSON cannot spell), arrays, and a
// small builder for one-line objects (the CLI's --json lines). Model files are written with it too.
#pragma once

#include <string>
#include <string_view>

namespace nnplay {

// The length (2..4) of the valid UTF-8 sequence starting at text[i] (i < text.size(), a byte
// of 0x80 or more), or 0 when the bytes there
// are not one (a stray continuation byte, a sequence cut short, an overlong form, a surrogate,
// a code point above U+10FFFF). The JSON reader's and the writer's one rule for UTF-8.
std::size_t utf8_length(std::string_view text, std::size_t i);

// Appends text as a quoted JSON string: quotes, backslashes and control characters escaped;
// each byte that is not part of valid UTF-8 replaced by U+FFFD, so a percent-decoded seed or
// message can never make the output unparsable.
void append_json_string(std::string& out, std::string_view text);

// Appends the shortest text that reads back as the same float (0.03f is 0.03, not
// 0.0299999993), or null for NaN and ±inf. Locale-independent.
void append_json_number(std::string& out, float value);

// The same for a double: the shortest text that reads back as the same double, or null.
void append_json_number(std::string& out, double value);

// An array's item: a number as append_json_number writes it (an int as std::to_string does),
// text as append_json_string does.
inline void append_json_value(std::string& out, float value) { append_json_number(out, value); }
inline void append_json_value(std::string& out, double value) { append_json_number(out, value); }
inline void append_json_value(std::string& out, int value) { out += std::to_string(value); }
inline void append_json_value(std::string& out, std::string_view text) { append_json_string(out, text); }

// Appends the items as a JSON array, `separator` between them ("," on one line, ", " in model
// files), each written by write(out, item).
template <class Items, class Write>
void append_json_array(std::string& out, const Items& items, std::string_view separator, Write write) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += separator;
        first = false;
        write(out, item);
    }
    out += ']';
}

// The same for the items 0 .. count − 1, each written by write(out, index).
template <class Write>
void append_json_array_n(std::string& out, int count, std::string_view separator, Write write) {
    out += '[';
    for (int i = 0; i < count; ++i) {
        if (i) out += separator;
        write(out, i);
    }
    out += ']';
}

// The same for numbers and strings, each written as append_json_value writes it.
template <class Items>
void append_json_array(std::string& out, const Items& items, std::string_view separator = ", ") {
    append_json_array(out, items, separator, [](std::string& o, const auto& item) { append_json_value(o, item); });
}

// Builds one object, key by key, in the order added:
//   JsonLine j; j.add("epoch", 3).add("loss", 0.25); std::puts(j.str().c_str());
class JsonLine {
public:
    JsonLine& add(std::string_view key, double value);
    JsonLine& add(std::string_view key, float value);
    JsonLine& add(std::string_view key, int value);
    JsonLine& add(std::string_view key, long long value);
    JsonLine& add(std::string_view key, bool value);
    JsonLine& add(std::string_view key, std::string_view value);
    JsonLine& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
    // A value already written as JSON (an array, an object), as it is.
    JsonLine& add_json(std::string_view key, std::string_view json);

    // The object so far, closed: "{...}" without a newline.
    std::string str() const { return text_ + "}"; }

private:
    // Appends the separator and "key": and returns the text to append the value to.
    std::string& key(std::string_view key);

    std::string text_ = "{";
};

}  // namespace nnplay
