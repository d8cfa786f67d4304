// test_json_writer.cpp: the one JSON writer (engine/json_writer.h): strings that stay valid
// JSON and UTF-8 whatever bytes they are given, numbers that read back, one-line objects.
#include "engine/json_writer.h"

#include "engine/json_reader.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace nnplay;

namespace {

std::string quoted(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

}  // namespace

TEST_CASE("json_writer: strings are escaped, and invalid UTF-8 becomes U+FFFD byte by byte") {
    CHECK(quoted("plain") == "\"plain\"");
    CHECK(quoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(quoted("\n\r\t") == "\"\\n\\r\\t\"");
    CHECK(quoted(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
    CHECK(quoted("x\xe2\x82\xac") == "\"x\xe2\x82\xac\"");        // € kept
    CHECK(quoted("\xf0\x9f\x98\x80") == "\"\xf0\x9f\x98\x80\"");  // an emoji kept
    CHECK(quoted("\xff") == "\"\xef\xbf\xbd\"");                   // not a lead byte
    CHECK(quoted("\xe2\x82") == "\"\xef\xbf\xbd\xef\xbf\xbd\"");   // cut short: two bad bytes
    CHECK(quoted("\xc0\xaf") == "\"\xef\xbf\xbd\xef\xbf\xbd\"");   // overlong '/'
    CHECK(quoted("\xed\xa0\x80") == "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");  // a surrogate
    // Whatever the bytes, the strict reader reads the result back.
    std::string all;
    for (int c = 0; c < 256; ++c) all += char(c);
    const auto back = parse_json(quoted(all));
    REQUIRE(back.value);
    CHECK(back.value->text.size() > 128);
}

TEST_CASE("json_writer: utf8_length, the one UTF-8 rule of the JSON reader and writer") {
    CHECK(utf8_length("\xc3\xa9", 0) == 2);           // é
    CHECK(utf8_length("a\xe2\x82\xac", 1) == 3);      // €
    CHECK(utf8_length("\xf4\x8f\xbf\xbf", 0) == 4);  // U+10FFFF, the last code point
    CHECK(utf8_length("\xf4\x90\x80\x80", 0) == 0);  // above it
    CHECK(utf8_length("\x80", 0) == 0);                // a continuation byte alone
    CHECK(utf8_length("\xe2\x82", 0) == 0);            // cut short
    CHECK(utf8_length("\xe0\x80\xaf", 0) == 0);       // overlong
    CHECK(utf8_length("\xed\xbf\xbf", 0) == 0);       // a surrogate
    CHECK(parse_json("\"\xed\xbf\xbf\"").error.reason == "invalid UTF-8");  // the reader agrees
}

TEST_CASE("json_writer: numbers are shortest round-trip, NaN and infinities null") {
    std::string out;
    append_json_number(out, 0.03f);
    out += ' ';
    append_json_number(out, 0.03);
    out += ' ';
    append_json_number(out, double(0.03f));
    out += ' ';
    append_json_number(out, std::nan(""));
    out += ' ';
    append_json_number(out, -std::numeric_limits<float>::infinity());
    CHECK(out == "0.03 0.03 0.029999999329447746 null null");
}

TEST_CASE("json_writer: JsonLine builds one object in the order added") {
    JsonLine j;
    CHECK(j.str() == "{}");
    j.add("epoch", 3).add("loss", 0.25).add("rate", 0.03f).add("big", 1LL << 40).add("ok", true);
    j.add("name", "a\"b").add("none", std::nan(""));
    CHECK(j.str() == "{\"epoch\":3,\"loss\":0.25,\"rate\":0.03,\"big\":1099511627776,\"ok\":true,"
                     "\"name\":\"a\\\"b\",\"none\":null}");
}

TEST_CASE("json_writer: arrays of numbers and strings, by item or by index, and JSON inside a line") {
    std::string a;
    append_json_array(a, std::vector<float>{0.03f, -2, std::nanf("")});
    CHECK(a == "[0.03, -2, null]");  // a model file's separator by default
    std::string b;
    append_json_array(b, std::vector<int>{3, -1}, ",");
    append_json_array(b, std::vector<double>{}, ",");
    CHECK(b == "[3,-1][]");
    std::string c;
    append_json_array(c, std::vector<std::string>{"a\"b", "\xff"}, ",");
    CHECK(c == "[\"a\\\"b\",\"\xef\xbf\xbd\"]");
    std::string d;
    append_json_array_n(d, 3, ",", [](std::string& out, int i) { append_json_array(out, std::vector<int>(i, i), ","); });
    CHECK(d == "[[],[1],[2,2]]");
    Result<JsonValue> parsed = parse_json(d);
    REQUIRE(parsed);
    CHECK(parsed->items.size() == 3);
    JsonLine j;
    j.add("n", 1).add_json("xs", d).add("s", "t");
    CHECK(j.str() == "{\"n\":1,\"xs\":[[],[1],[2,2]],\"s\":\"t\"}");
}
