// json_reader.h: a small strict JSON reader (RFC 8259) for files users give
// the engine (model_json.h), so no dependency is needed. Strict: no comments,
// trailing commas, NaN, leading zeros, duplicate keys or invalid UTF-8; errors
// say where ("line 3, column 14: expected ',' or ']'").
#pragma once

#include "engine/result.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnplay {

constexpr std::size_t kJsonMaxBytes = 8u << 20;  // 8 MiB of text (the largest model is ~4 MB)
constexpr int kJsonMaxDepth = 64;                 // nested arrays and objects

struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    bool boolean = false;
    double number = 0;       // finite; numbers that overflow double are an error
    std::string text;        // a string's value (UTF-8), or a number's text as written
    std::vector<JsonValue> items;   // array elements; object values (items[i] is keys[i]'s)
    std::vector<std::string> keys;  // object keys, in file order

    bool is_number() const { return type == Type::number; }
    bool is_string() const { return type == Type::string; }
    bool is_array() const { return type == Type::array; }
    bool is_object() const { return type == Type::object; }
    // An object's member, or nullptr when absent (or when this is no object).
    const JsonValue* find(std::string_view key) const;
};

// What a reader expects at the top level, so that text of the wrong shape is refused where
// it goes wrong (an 8 MB array is refused at its '['), not after all of it has been read:
// the top level must be an object; a listed key's value must have the listed type (checked at
// its first character) and hold at most max_values JSON values in all (0: any number; counted
// while reading, so a huge "members" array is refused after max_values values, its cost
// bounded); the values of keys not listed are checked as JSON but not kept, so they cost no
// memory. `what` names the text in messages: "a model file".
struct JsonShapeKey {
    std::string_view name;
    JsonValue::Type type;
    std::size_t max_values = 0;
};
struct JsonShape {
    std::string_view what;
    std::vector<JsonShapeKey> members;
};

// Parses one JSON value filling the whole text (blanks around it allowed; a UTF-8 byte order
// mark before it is skipped). NUL bytes are refused wherever they are. On failure the error
// has the line and column (1-based) of the first offending character and the reason. With a
// shape, the text must have it (see JsonShape).
Result<JsonValue> parse_json(std::string_view text, const JsonShape* shape = nullptr);

// "a string", "an array", ...: for messages.
const char* json_type_name(JsonValue::Type type);

}  // namespace nnplay
