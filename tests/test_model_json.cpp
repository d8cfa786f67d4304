// test_model_json.cpp: the JSON reader and model files. A model exported and
// imported gives the same state and bit-identical weights; malformed JSON and
// mismatched shapes are reported with a clear message.
#include "engine/json_reader.h"
#include "engine/model_json.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace nnplay;
using namespace nnplay::test;

namespace {

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("json reader: values, escapes and nesting") {
    Result<JsonValue> p = parse_json(R"( {"a": [1, -2.5e3, 0, true, false, null], "s": "q\"\\\/\n\u00e9\ud83d\ude00", "o": {}} )");
    REQUIRE_MESSAGE(p.value, p.error.message());
    const JsonValue& v = *p.value;
    REQUIRE(v.find("a"));
    CHECK(v.find("a")->items.size() == 6);
    CHECK(v.find("a")->items[1].number == -2500);
    CHECK(v.find("a")->items[1].text == "-2.5e3");
    CHECK(v.find("a")->items[3].boolean);
    CHECK(v.find("a")->items[5].type == JsonValue::Type::null);
    CHECK(v.find("s")->text == "q\"\\/\n\xc3\xa9\xf0\x9f\x98\x80");
    CHECK(v.find("o")->is_object());
    CHECK(v.find("missing") == nullptr);
}

TEST_CASE("json reader: strictness, with line and column") {
    CHECK(parse_json("[1, 2,]").error.message() == "line 1, column 7: expected a value");
    CHECK(parse_json("{\"a\": 1,\n \"a\": 2}").error.message() == "line 2, column 2: duplicate key \"a\"");
    const ReadError where = parse_json("[1,\n  2,\n  x]").error;
    CHECK(where.line == 3);
    CHECK(where.column == 3);
    CHECK(where.reason == "expected a value");
    CHECK(parse_json("[01]").error.message() == "line 1, column 3: leading zero in a number");
    CHECK(parse_json("[NaN]").error.message() == "line 1, column 2: expected a value");
    CHECK(parse_json("[1e999]").error.message() == "line 1, column 2: number out of range");
    CHECK(parse_json("[1.]").error.message() == "line 1, column 4: expected digits after '.'");
    CHECK(parse_json("\"abc").error.message() == "line 1, column 5: unterminated string");
    CHECK(parse_json("\"a\x01\"").error.message() == "line 1, column 3: control character in a string");
    CHECK(parse_json("\"\\x\"").error.message() == "line 1, column 3: invalid escape");
    CHECK(parse_json("\"\\ud800\"").error.message() == "line 1, column 8: unpaired surrogate");
    CHECK(parse_json("\"\xff\"").error.message() == "line 1, column 2: invalid UTF-8");
    CHECK(parse_json("{\"a\" 1}").error.message() == "line 1, column 6: expected ':'");
    CHECK(parse_json("[1 2]").error.message() == "line 1, column 4: expected ',' or ']'");
    CHECK(parse_json("{} x").error.message() == "line 1, column 4: unexpected text after the value");
    CHECK(parse_json("tru").error.message() == "line 1, column 1: invalid literal");
    CHECK(parse_json("").error.message() == "line 1, column 1: unexpected end of text, expected a value");
    CHECK(parse_json("// c\n1").error.message() == "line 1, column 1: expected a value");
    std::string deep(100, '[');
    CHECK(contains(parse_json(deep).error.message(), "nested deeper than 64"));
}

TEST_CASE("model json: export then import restores state and exact weights") {
    Trainer t = trained("dataset=xor&networkShape=5,3&activation=relu&ensemble=2&seed=m", 5);
    t.measure();
    const std::string text = export_model_json(t);
    CHECK(contains(text, "\"format\": \"nnplay-model\""));
    CHECK(contains(text, "\"hidden\": [5, 3], \"activations\": [\"relu\", \"relu\"]"));
    CHECK(contains(text, "\"members\": 2"));
    CHECK(contains(text, "\"epoch\": 5"));

    Result<ModelImport> r = import_model_json(text);
    REQUIRE_MESSAGE(r, r.error.message());
    CHECK(r.value->state == t.state());
    CHECK(r.value->warnings.empty());
    REQUIRE(r.value->members.size() == 2);
    REQUIRE(r.value->metrics);
    CHECK(r.value->metrics->epoch == 5);
    CHECK(r.value->metrics->train_loss == t.metrics().train_loss);

    Trainer fresh(r.value->state);
    CHECK(load_weights(fresh, r.value->members).empty());
    for (int m = 0; m < 2; ++m) {
        const auto& a = fresh.network(m).params();
        const auto& b = t.network(m).params();
        REQUIRE(a.size() == b.size());
        CHECK((a.array() == b.array()).all());
    }
    fresh.measure();
    CHECK(fresh.metrics().train_loss == t.metrics().train_loss);
}

TEST_CASE("model json: regression, softmax and perceptron models round trip") {
    for (const char* q : {"problem=regression&regDataset=reg-gauss&networkShape=3",
                          "dataset=blobs&classes=4&networkShape=", "model=perceptron&dataset=gauss"}) {
        Trainer t = trained(q, 2);
        Result<ModelImport> r = import_model_json(export_model_json(t));
        REQUIRE_MESSAGE(r, r.error.message());
        Trainer fresh(r.value->state);
        CHECK(load_weights(fresh, r.value->members).empty());
        CHECK((fresh.network(0).params().array() == t.network(0).params().array()).all());
    }
}

TEST_CASE("model json: every rejection has its message") {
    Trainer t = trained("networkShape=2&seed=r", 1);
    const std::string good = export_model_json(t);
    auto error = [](const std::string& text) { return import_model_json(text).error.message(); };
    CHECK(contains(error(good.substr(0, good.size() - 5)),  ", column "));
    CHECK(error("[]") == "line 1, column 1: a model file is a JSON object");
    CHECK(error(replace(good, "nnplay-model", "other")) ==
          "not an nnplay model: \"format\" must be \"nnplay-model\"");
    CHECK(error(replace(good, "\"version\": 1", "\"version\": 2")) ==
          "unsupported model version 2 (this build reads 1)");
    CHECK(error(replace(good, "\"version\": 1", "\"version\": 1.5")) == "\"version\" must be a whole number");
    // Top-level keys of the wrong type are refused where their value starts.
    CHECK(error(replace(good, "\"state\": \"", "\"state\": 3, \"x\": \"")) ==
          "line 2, column 11: \"state\" must be a string");
    CHECK(error(replace(good, "\"hidden\": [2]", "\"hidden\": [3]")) ==
          "the architecture does not match the state: the file says 1 x (inputs 2, hidden 3 (tanh), "
          "output 1 sigmoid_log), the state builds 1 x (inputs 2, hidden 2 (tanh), output 1 sigmoid_log)");
    CHECK(contains(error(replace(good, "\"members\": 1}", "\"members\": 2}")), "does not match the state"));
    CHECK(error(replace(good, "\"output\": \"sigmoid_log\"", "\"output\": \"cosine\"")) ==
          "\"architecture\": unknown output 'cosine'");
    CHECK(error(replace(good, "\"outputs\": 1, ", "")) ==
          "\"architecture\" needs inputs, hidden, activations, output, outputs and members");
    CHECK(error(replace(good, "{\"weights\": [[", "{\"weights\": [[1, ")) ==
          "member 0, layer 0: \"weights\" must be 2 rows of 2 numbers");
    CHECK(error(replace(good, "\"biases\": [", "\"biases\": [0, ")) ==
          "member 0, layer 0: \"biases\" must be 2 numbers");
    CHECK(error(replace(good, "\"members\": [", "\"members\": [{\"layers\": []}, ")) ==
          "\"members\": expected 1 (the state's ensemble), got 2");
    CHECK(error(replace(good, "{\"layers\": [", "{\"layers\": [{}, ")) ==
          "member 0: \"layers\" must be an array of 2 layers");
    // A non-number weight, in place of the first one.
    const std::size_t first = good.find("{\"weights\": [[") + 14;
    const std::size_t comma = good.find(',', first);
    std::string bad = good;
    bad.replace(first, comma - first, "\"w\"");
    CHECK(error(bad) == "member 0, layer 0: weights[0][0] is not a finite number");
    bad = good;
    bad.replace(first, comma - first, "null");
    CHECK(error(bad) == "member 0, layer 0: weights[0][0] is not a finite number");
}

TEST_CASE("model json: load_weights refuses the wrong sizes") {
    Trainer t = trained("networkShape=2", 0);
    CHECK(load_weights(t, {}) == "the model has 0 members, the trainer 1");
    CHECK(load_weights(t, {{1, 2}}) == "a member has 2 parameters, the network 9");
}
