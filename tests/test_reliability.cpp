// test_reliability.cpp: the readers' reproducers from issue 13's reliability findings: NUL
// bytes, a UTF-8 byte order mark, large valid JSON that is no model (refused by its shape at
// the first wrong key, what it skips not kept), control characters and long seeds in links,
// and the divergence message naming the likely cause.
#include "engine/csv.h"
#include "engine/json_reader.h"
#include "engine/model_json.h"
#include "engine/state.h"
#include "engine/trainer.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace nnplay;
using namespace nnplay::test;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

}  // namespace

TEST_CASE("reliability: a NUL byte refuses a CSV file, naming its line, whatever follows") {
    std::string text = "1,2,0\n3,4,1";
    text += '\0';
    text += "\n";
    for (int i = 0; i < 50; ++i) text += "0.1,0.1,0\n";
    const CsvImport r = import_csv(text);
    CHECK_FALSE(r.ok());
    CHECK(r.points.empty());
    CHECK(r.error.message() == "line 2: a NUL byte: this is not a text file");
}

TEST_CASE("reliability: a NUL byte refuses a model file, also after a complete model") {
    Trainer t(from_query("networkShape=2&seed=n").state);
    const std::string good = export_model_json(t);
    REQUIRE(import_model_json(good));
    std::string bad = good;
    bad += '\0';
    bad += "garbage";
    const auto r = import_model_json(bad);
    CHECK_FALSE(r);
    CHECK(contains(r.error.message(), "a NUL byte: this is not a text file"));
    CHECK(r.error.column > 0);
}

TEST_CASE("reliability: a UTF-8 byte order mark keeps every point and every model") {
    const CsvImport plain = import_csv("1,2,0\n3,4,1\n-1,-1,0\n");
    const CsvImport bom = import_csv(kBom + "1,2,0\n3,4,1\n-1,-1,0\n");
    REQUIRE_MESSAGE(bom.ok(), bom.error.message());
    CHECK_FALSE(bom.header);
    CHECK(bom.points == plain.points);
    CHECK(bom.points.size() == 3);
    const CsvImport header = import_csv(kBom + "x,y,label\n1,2,0\n3,4,1\n");
    REQUIRE(header.ok());
    CHECK(header.header);
    CHECK(header.points.size() == 2);

    Trainer t(from_query("networkShape=3&seed=b").state);
    const auto model = import_model_json(kBom + export_model_json(t));
    REQUIRE_MESSAGE(model, model.error.message());
    const auto& params = t.network(0).params();
    CHECK(model->members[0] == std::vector<float>(params.data(), params.data() + params.size()));
    CHECK(parse_json(kBom + "[1, 2]"));
}

TEST_CASE("reliability: large valid JSON that is no model is refused at its first wrong key") {
    // The probe's 8 MB array of 4 M numbers: refused at line 1, column 1, before its first number.
    std::string array = "[";
    for (int i = 0; i < 4000000; ++i) array += i ? ",1" : "1";
    array += "]";
    REQUIRE(array.size() < kJsonMaxBytes);
    const auto r = import_model_json(array);
    CHECK(r.error.message() == "line 1, column 1: a model file is a JSON object");

    // A listed key of the wrong type: refused at that key's value, before what follows.
    std::string wrong = "{\"format\": [" + array.substr(1) + "}";
    const auto w = import_model_json(wrong);
    CHECK(w.error.message() == "line 1, column 12: \"format\" must be a string");
    CHECK(import_model_json("{\"members\": {}}").error.reason == "\"members\" must be an array [...]");
    CHECK(import_model_json("{\"version\": \"1\"}").error.reason == "\"version\" must be a number");

    // An unlisted key's value is checked as JSON but not kept: the array costs no memory and
    // is not in the result, and a syntax error inside it is still found.
    const JsonShape shape{"a test", {{"keep", JsonValue::Type::array}}};
    const auto skipped = parse_json("{\"junk\": " + array + ", \"keep\": [1, {\"a\": [2]}]}", &shape);
    REQUIRE_MESSAGE(skipped, skipped.error.message());
    CHECK(skipped->keys == std::vector<std::string>{"keep"});
    CHECK(skipped->find("junk") == nullptr);
    REQUIRE(skipped->find("keep"));
    CHECK(skipped->find("keep")->items.size() == 2);
    CHECK(skipped->find("keep")->items[1].find("a")->items[0].number == 2);
    CHECK(parse_json("{\"junk\": [1, 2,]}", &shape).error.message() == "line 1, column 16: expected a value");
    CHECK(parse_json("{\"junk\": {\"a\": 1, \"a\": 2}}", &shape).error.reason == "duplicate key \"a\"");
    // Without a shape nothing changes: any value at the top, every key kept.
    const auto any = parse_json("{\"junk\": [1]}");
    REQUIRE(any);
    CHECK(any->find("junk"));
}

TEST_CASE("reliability: control characters in a link's values are shown escaped, not cut") {
    const StateReadResult r = from_query("seed=a%00b&activation=tanh%00relu&learningRate=x%1b]0;t%07&bogus=1");
    REQUIRE(r.warnings.size() == 3);
    // Not a name and not a formula of x (engine/formula.h): the whole value shown, escaped.
    CHECK(r.warnings[0].starts_with("ignored activation='tanh\\x00relu': "));
    CHECK(r.warnings[0].ends_with("; kept 'tanh'"));
    CHECK(contains(r.warnings[1], "'x\\x1b]0;t\\x07'"));
    CHECK(r.warnings[2] == "ignored unknown key 'bogus'");
    for (const std::string& w : r.warnings)
        for (const char c : w) CHECK(static_cast<unsigned char>(c) >= 0x20);
    CHECK(r.state.seed == std::string("a\0b", 3));  // the seed itself is free text
}

TEST_CASE("reliability: a seed longer than 256 bytes is cut with a warning, at a character's start") {
    const StateReadResult fine = from_query("seed=" + std::string(256, 's'));
    CHECK(fine.warnings.empty());
    CHECK(fine.state.seed.size() == 256);
    const StateReadResult long_seed = from_query("seed=" + std::string(1 << 20, 's'));
    CHECK(long_seed.state.seed == std::string(256, 's'));
    REQUIRE(long_seed.warnings.size() == 1);
    CHECK(long_seed.warnings[0] == "seed is 1048576 characters long, at most 256; cut to the first 256");
    // 255 ASCII bytes then 'é' (2 bytes): the cut falls inside it, so 'é' goes whole.
    const StateReadResult utf8 = from_query("seed=" + std::string(255, 'a') + "%C3%A9%C3%A9");
    CHECK(utf8.state.seed == std::string(255, 'a'));
}

TEST_CASE("reliability: the divergence message names the likely cause") {
    auto diverge = [](const PlaygroundState& state) {
        Trainer t(state);
        for (int e = 0; e < 50 && t.status() == RunStatus::ok; ++e) t.step_epoch();
        CHECK(t.status() == RunStatus::diverged);
        return t.status_message();
    };
    PlaygroundState labels = from_query("problem=regression&regDataset=custom&percTrainData=90&seed=d").state;
    labels.points = {{1, 1, 3e38f}, {-1, -1, -3e38f}, {0.5f, 0.2f, 1e38f}, {2, 2, 3e38f}};
    CHECK(contains(diverge(labels), "Likely cause: the labels are very large (up to 3e+38)"));
    CHECK(contains(diverge(from_query("initScale=10&activation=linear&networkShape=8,8,8&seed=a").state),
                   "Likely cause: the initial weights are very large (initScale=10)"));
    CHECK(contains(diverge(from_query("learningRate=10&activation=linear&networkShape=8,8&seed=a").state),
                   "Likely cause: the learning rate 10 is probably too high"));
}
