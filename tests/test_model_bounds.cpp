// test_model_bounds.cpp: a model file whose "members" or "run" holds more than the largest model
// can is refused while it is read, after a bounded number of values (an 8 MB array of numbers
// costs little), and the largest model there is still reads back.
#include "engine/json_reader.h"
#include "engine/model_json.h"
#include "engine/trainer.h"

#include <doctest/doctest.h>

#include <string>
#include <tuple>

using namespace nnplay;

namespace {

// An 8 MiB model file whose `key` is `open` + "0," repeated + `close`.
std::string huge(const std::string& key, const std::string& open, const std::string& close) {
    std::string text = "{\"format\": \"nnplay-model\", \"version\": 1, \"state\": \"\", \"" + key + "\": " + open;
    while (text.size() + close.size() + 3 < kJsonMaxBytes) text += "0,";
    text += "0" + close + "}";
    return text;
}

}  // namespace

TEST_CASE("model bounds: a huge members or run is refused by its size while it is read") {
    for (const auto& [key, open, close] :
         {std::tuple<std::string, std::string, std::string>{"members", "[", "]"},
          {"members", "[{\"layers\": [{\"weights\": [[", "]]}]}]"},
          {"run", "{\"order\": [", "]}"}}) {
        const std::string text = huge(key, open, close);
        CAPTURE(key + ": " + open);
        REQUIRE(text.size() <= kJsonMaxBytes);
        const Result<ModelImport> read = import_model_json(text);
        REQUIRE(!read);
        CHECK(read.error.message().find("\"" + key + "\" holds more than") != std::string::npos);
        // Refused near the bound, long before the end of the 4 M numbers.
        CHECK(read.error.line == 1);
        CHECK(std::size_t(read.error.column) < text.size() / 2);
    }
}

TEST_CASE("model bounds: the largest model there is reads back") {
    // SGD: the moments of Adam (or early stopping's best weights) would take this model file
    // past the 8 MiB a JSON text may have.
    const PlaygroundState s =
        from_query("dataset=spiral&classes=6&networkShape=64,64,64,64,64,64,64,64&ensemble=8&numSamples=60&"
                   "xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&cosX=true&cosY=true&seed=big")
            .state;
    Trainer t(s);
    CHECK(t.ensemble_size() == 8);
    CHECK(t.spec().inputs == 9);
    t.step_epoch(true);
    t.step_epoch(true);
    CHECK(std::size_t(t.network(0).params().size()) < kMaxMemberValues);
    const Result<ModelImport> read = import_model_json(export_model_json(t));
    REQUIRE_MESSAGE(read, read.error.message());
    REQUIRE(read->run);
    CHECK(read->run->members.size() == 8);
}
