// json_reader.cpp: a recursive-descent JSON parser with positions in its
// messages. Depth is bounded, so a hostile file cannot exhaust the stack.
#include "engine/json_reader.h"
#include "engine/json_writer.h"

#include "engine/number_text.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <unordered_set>

namespace nnplay {

namespace {

class Parser {
public:
    Parser(std::string_view text, const JsonShape* shape) : s_(text), shape_(shape) {}

    Result<JsonValue> run() {
        JsonValue v;
        if (s_.starts_with(kBom)) i_ = kBom.size();
        if (const std::size_t nul = s_.find('\0'); nul != std::string_view::npos) {
            i_ = nul;
            fail("a NUL byte: this is not a text file");
            return error_;
        }
        skip_blanks();
        if (shape_ && peek() != '{') {
            fail(std::string(shape_->what) + " is a JSON object");
            return error_;
        }
        if (!value(v, 0)) return error_;
        skip_blanks();
        if (i_ != s_.size()) {
            fail("unexpected text after the value");
            return error_;
        }
        return v;
    }

private:
    bool fail(const std::string& message) {
        if (!error_.empty()) return false;  // the first error stands
        int line = 1, column = 1;
        for (std::size_t k = 0; k < i_ && k < s_.size(); ++k) {
            if (s_[k] == '\n') ++line, column = 1;
            else ++column;
        }
        error_ = ReadError{message, line, column, {}};
        return false;
    }

    bool at_end() const { return i_ >= s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[i_]; }

    void skip_blanks() {
        while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }

    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return fail("invalid literal");
        i_ += word.size();
        return true;
    }

    bool value(JsonValue& v, int depth) {
        if (at_end()) return fail("unexpected end of text, expected a value");
        if (budget_key_ && budget_-- == 0)
            return fail("\"" + std::string(budget_key_->name) + "\" holds more than " +
                        std::to_string(budget_key_->max_values) + " values: more than " + std::string(shape_->what) +
                        " can have");
        switch (peek()) {
            case '{': return object(v, depth);
            case '[': return array(v, depth);
            case '"': v.type = JsonValue::Type::string; return string(v.text);
            case 't': v.type = JsonValue::Type::boolean; v.boolean = true; return literal("true");
            case 'f': v.type = JsonValue::Type::boolean; v.boolean = false; return literal("false");
            case 'n': v.type = JsonValue::Type::null; return literal("null");
            default:
                if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return number(v);
                return fail("expected a value");
        }
    }

    // Enters an object or array at '{' or '[': the depth limit, its type, the bracket. Sets
    // `empty` (and steps past `close`) when the container closes at once.
    bool open(JsonValue& v, int depth, JsonValue::Type type, char close, bool& empty) {
        if (depth >= kJsonMaxDepth) return fail("nested deeper than " + std::to_string(kJsonMaxDepth));
        v.type = type;
        ++i_;
        skip_blanks();
        empty = peek() == close;
        if (empty) ++i_;
        return true;
    }

    // After a member or element: ',' means another follows (more), `close` ends the container.
    bool next(char close, bool& more) {
        skip_blanks();
        more = peek() == ',';
        if (more || peek() == close) return ++i_, true;
        return fail(std::string("expected ',' or '") + close + "'");
    }

    bool object(JsonValue& v, int depth) {
        bool empty = false, more = true;
        if (!open(v, depth, JsonValue::Type::object, '}', empty)) return false;
        std::unordered_set<std::string> seen;  // a set, not a scan: a huge object stays linear
        while (!empty && more) {
            skip_blanks();
            if (peek() != '"') return fail("expected a key string");
            std::string key;
            const std::size_t key_at = i_;
            if (!string(key)) return false;
            if (!seen.insert(key).second) {
                i_ = key_at;
                return fail("duplicate key \"" + key.substr(0, 40) + "\"");
            }
            skip_blanks();
            if (peek() != ':') return fail("expected ':'");
            ++i_;
            skip_blanks();
            // The top level of a shaped text: a listed key's type is checked before its value
            // is read; an unlisted key's value is read without being kept.
            bool keep = discard_ == 0;
            const JsonShapeKey* listed = nullptr;
            if (keep && depth == 0 && shape_) {
                listed = expected(key);
                if (listed && !at_end() && !may_start(listed->type, peek()))
                    return fail("\"" + key + "\" must be " + json_type_name(listed->type));
                keep = listed != nullptr;
            }
            if (!keep) {
                JsonValue ignored;
                ++discard_;
                const bool ok = value(ignored, depth + 1);
                --discard_;
                if (!ok || !next('}', more)) return false;
                continue;
            }
            v.keys.push_back(std::move(key));
            v.items.emplace_back();
            if (listed && listed->max_values > 0) budget_key_ = listed, budget_ = listed->max_values;
            const bool ok = value(v.items.back(), depth + 1);
            if (listed) budget_key_ = nullptr;
            if (!ok || !next('}', more)) return false;
        }
        return true;
    }

    // What a shaped text's top-level key must be, or nullptr for a key not listed.
    const JsonShapeKey* expected(const std::string& key) const {
        for (const JsonShapeKey& k : shape_->members)
            if (k.name == key) return &k;
        return nullptr;
    }

    // Whether a value of `type` can start with c.
    static bool may_start(JsonValue::Type type, char c) {
        switch (type) {
            case JsonValue::Type::null: return c == 'n';
            case JsonValue::Type::boolean: return c == 't' || c == 'f';
            case JsonValue::Type::number: return c == '-' || (c >= '0' && c <= '9');
            case JsonValue::Type::string: return c == '"';
            case JsonValue::Type::array: return c == '[';
            case JsonValue::Type::object: return c == '{';
        }
        return false;
    }

    bool array(JsonValue& v, int depth) {
        bool empty = false, more = true;
        if (!open(v, depth, JsonValue::Type::array, ']', empty)) return false;
        while (!empty && more) {
            skip_blanks();
            v.items.emplace_back();
            if (!value(v.items.back(), depth + 1) || !next(']', more)) return false;
            if (discard_ > 0) v.items.pop_back();  // read, checked, not kept
        }
        return true;
    }

    bool digits() {
        const std::size_t start = i_;
        while (!at_end() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
        return i_ > start;
    }

    bool number(JsonValue& v) {
        const std::size_t start = i_;
        if (peek() == '-') ++i_;
        if (peek() == '0') {
            ++i_;
            if (peek() >= '0' && peek() <= '9') return fail("leading zero in a number");
        } else if (!digits()) {
            return fail("expected digits");
        }
        if (peek() == '.') {
            ++i_;
            if (!digits()) return fail("expected digits after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++i_;
            if (peek() == '+' || peek() == '-') ++i_;
            if (!digits()) return fail("expected digits in the exponent");
        }
        v.type = JsonValue::Type::number;
        v.text = std::string(s_.substr(start, i_ - start));
        // The text is already valid JSON, which is strict syntax; only overflow fails here.
        if (!parse_double_strict(v.text, v.number)) {
            i_ = start;
            return fail("number out of range");
        }
        return true;
    }

    int hex4() {
        if (s_.size() - i_ < 4) return -1;
        int v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s_[i_ + std::size_t(k)];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        i_ += 4;
        return v;
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xc0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out += char(0xe0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3f));
            out += char(0x80 | (cp & 0x3f));
        } else {
            out += char(0xf0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3f));
            out += char(0x80 | ((cp >> 6) & 0x3f));
            out += char(0x80 | (cp & 0x3f));
        }
    }

    // One UTF-8 sequence starting at i_, copied to out; false if invalid.
    bool utf8(std::string& out) {
        const std::size_t len = utf8_length(s_, i_);
        if (len == 0) return false;
        out.append(s_.substr(i_, len));
        i_ += len;
        return true;
    }

    bool string(std::string& out) {
        ++i_;  // the opening quote
        for (;;) {
            if (at_end()) return fail("unterminated string");
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') return ++i_, true;
            if (c < 0x20) return fail("control character in a string");
            if (c >= 0x80) {
                if (!utf8(out)) return fail("invalid UTF-8");
                continue;
            }
            if (c != '\\') {
                out += char(c);
                ++i_;
                continue;
            }
            ++i_;
            if (at_end()) return fail("unterminated string");
            const char e = s_[i_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    int cp = hex4();
                    if (cp < 0) return fail("expected 4 hex digits after \\u");
                    if (cp >= 0xdc00 && cp <= 0xdfff) return fail("unpaired surrogate");
                    if (cp >= 0xd800 && cp <= 0xdbff) {
                        if (s_.substr(i_, 2) != "\\u") return fail("unpaired surrogate");
                        i_ += 2;
                        const int lo = hex4();
                        if (lo < 0xdc00 || lo > 0xdfff) return fail("unpaired surrogate");
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    }
                    append_utf8(out, std::uint32_t(cp));
                    break;
                }
                default: --i_; return fail("invalid escape");
            }
        }
    }

    static constexpr std::string_view kBom = "\xEF\xBB\xBF";

    std::string_view s_;
    const JsonShape* shape_ = nullptr;
    std::size_t i_ = 0;
    int discard_ = 0;  // > 0 while reading a value that is not kept
    const JsonShapeKey* budget_key_ = nullptr;  // the shaped top-level key being read, if it has a bound
    std::size_t budget_ = 0;                    // values it may still hold
    ReadError error_;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
    if (type != Type::object) return nullptr;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key) return &items[i];
    return nullptr;
}

Result<JsonValue> parse_json(std::string_view text, const JsonShape* shape) {
    if (text.size() > kJsonMaxBytes)
        return Result<JsonValue>::fail("JSON text is " + std::to_string(text.size()) + " bytes, at most " +
                                       std::to_string(kJsonMaxBytes));
    return Parser(text, shape).run();
}

const char* json_type_name(JsonValue::Type type) {
    switch (type) {
        case JsonValue::Type::null: return "null";
        case JsonValue::Type::boolean: return "true or false";
        case JsonValue::Type::number: return "a number";
        case JsonValue::Type::string: return "a string";
        case JsonValue::Type::array: return "an array [...]";
        case JsonValue::Type::object: return "an object {...}";
    }
    return "a value";
}

}  // namespace nnplay
